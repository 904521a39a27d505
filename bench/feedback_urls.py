"""The state's URLs with the benchmark's bare baseline view added (bench/feedback_bare.py)."""

from django.urls import path

from bench.feedback_bare import bare_view
from portal.urls.state import handler500
from portal.urls.state import urlpatterns as state_urlpatterns

urlpatterns = [path("bench/bare/", bare_view, name="bench-bare"), *state_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
