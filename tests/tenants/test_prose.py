"""Names joined in prose follow the reader's language."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tenants.prose import and_list


@pytest.mark.parametrize(
    ("language", "names", "joined"),
    [
        ("en", ["Curious", "Kind", "Brave"], "Curious, Kind and Brave"),
        ("es", ["Curioso", "Amable", "Valiente"], "Curioso, Amable y Valiente"),
        ("es", ["Ciencia", "innovación"], "Ciencia e innovación"),
        ("es", ["Arte", "Historia"], "Arte e Historia"),
        ("es", ["Agua", "hielo"], "Agua y hielo"),  # "hie" starts with another sound
        ("es", ["Solo"], "Solo"),
        ("en", [], ""),
    ],
)
def test_names_are_joined_with_the_readers_and(language, names, joined):
    with translation.override(language):
        assert and_list(names) == joined


def test_templates_join_names_with_the_filter():
    template = Template("{% load languages %}{{ names|and_list }}")
    with translation.override("es"):
        assert template.render(Context({"names": ["Curioso", "Amable"]})) == "Curioso y Amable"
