"""Statewide pages served from the read model, on the state site only."""

from django.urls import path

from portrait.views.coverage import coverage_view
from portrait.views.directory import directory_view
from portrait.views.search import search_view

urlpatterns = [
    path("districts/", directory_view, name="directory"),
    path("coverage/", coverage_view, name="coverage"),
    path("search/", search_view, name="search"),
]
