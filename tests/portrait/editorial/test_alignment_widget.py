"""Editors align a district competency by ticking the state's competencies."""

import html

from tests.portrait.editorial.conftest import STATE_SLUGS, admin_url


def test_alignment_is_offered_as_a_checkbox_per_state_competency(
    alpha, editor, portrait, state_competencies
):
    page = html.unescape(
        editor.client.get(admin_url("wagtailadmin_pages:edit", portrait.pk)).content.decode()
    )
    # The block's form template travels as JSON in the page: its quotes are escaped.
    for slug in STATE_SLUGS:
        assert f'type=\\"checkbox\\" name=\\"__NAME__\\" value=\\"{slug}\\"' in page
    assert "<select multiple" not in page.replace('\\"', '"')
