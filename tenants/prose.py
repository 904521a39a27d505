"""Names joined in prose as each language joins them: "A, B and C", "A, B y C"."""

import re
from collections.abc import Iterable

from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext

# Spanish writes "e" for "y" before a word that starts with the sound /i/: "Ciencia e
# innovación", but "agua y hielo", where "hie" starts with another sound.
SPANISH_I_SOUND = re.compile(r"^(h?[ií])(?![aeiouáéó])", re.IGNORECASE)


def and_list(items: Iterable[object]) -> str:
    """The items joined with commas and the reader's word for "and" before the last."""
    names = [str(item) for item in items]
    conjunction = gettext("and")
    if names and (get_language() or "").startswith("es") and SPANISH_I_SOUND.match(names[-1]):
        conjunction = "e"
    return get_text_list(names, conjunction)
