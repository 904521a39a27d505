"""Spanish for a site and its pages, as the admin makes them (wagtail-localize underneath)."""

from portrait.models import SiteLanguages
from portrait.translation import translate_with_strings


def offer_spanish(offered: bool = True) -> None:
    """Switch Spanish on (or off) for the current schema's site."""
    languages = SiteLanguages.load()
    languages.spanish = offered
    languages.save()


def translate_page(page, spanish_for: dict[str, str]):
    """The page's published Spanish translation, with the given English strings replaced (any
    other string stays English, as wagtail-localize's fallback keeps it)."""
    return translate_with_strings(page, "es", spanish_for)
