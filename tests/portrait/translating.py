"""Spanish for a site and its pages, as the admin makes them (wagtail-localize underneath)."""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from portrait.models import SiteLanguages


def offer_spanish(offered: bool = True) -> None:
    """Switch Spanish on (or off) for the current schema's site."""
    languages = SiteLanguages.load()
    languages.spanish = offered
    languages.save()


def translate_page(page, spanish_for: dict[str, str], publish: bool = True):
    """The page's Spanish translation, with the given English strings replaced (any other
    string stays English, as wagtail-localize's fallback keeps it), published or a draft."""
    spanish = Locale.objects.get(language_code="es")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=spanish)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in spanish_for:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=spanish,
                context=segment.context,
                defaults={"data": spanish_for[segment.string.data]},
            )
    # Saved as a draft, then published here: wagtail-localize publishes on commit, which a
    # test's transaction never reaches.
    translation.save_target(publish=False)
    translated = page.get_translation(spanish).specific
    if publish:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
