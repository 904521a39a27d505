"""In the state admin, a new convening's or prompt's slug is filled in from its title, and a
saved one's is left as it is (it is part of a published address)."""

import re

import pytest

from tests.factories.council import make_convening


def title_input(page: str) -> str:
    return re.search(r'<input[^>]*name="title"[^>]*>', page).group(0)


def slug_input(page: str) -> str:
    return re.search(r'<input[^>]*name="slug"[^>]*>', page).group(0)


@pytest.mark.parametrize("viewset", ["council_convenings", "council_prompts"])
def test_a_new_records_title_fills_in_its_slug(staff, viewset):
    page = staff.get(f"/admin/{viewset}/new/").content.decode()

    title, slug = title_input(page), slug_input(page)

    assert 'data-w-sync-target-value="#id_slug"' in title
    assert "change-&gt;w-sync#apply" in title or "change->w-sync#apply" in title
    assert 'data-controller="w-slug"' in slug


def test_a_saved_convenings_slug_stays_as_it_is(staff):
    convening = make_convening()

    page = staff.get(f"/admin/council_convenings/edit/{convening.pk}/").content.decode()

    assert "w-sync#apply" not in title_input(page)
