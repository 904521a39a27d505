"""A site that offers Spanish has a page under `/es/` for every English page.

wagtail-localize's locale synchronization ("Sync from" English on the Spanish locale) makes an
alias of each English page not translated yet: it shows the English content, marked as such,
until a translation replaces it, so a partly translated site has no bare 404s under `/es/`.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from portrait.models.languages import DEFAULT_LANGUAGE, SPANISH


def sync_spanish_from_english(sender, instance, **kwargs) -> None:
    """post_save of SiteLanguages: switching Spanish on fills the Spanish tree with aliases
    and keeps it in step (wagtail-localize aliases each page created in the admin)."""
    if not instance.spanish:
        return  # the aliases stay, harmless: `/es/` is a 404 while Spanish is off
    english = Locale.objects.get(language_code=DEFAULT_LANGUAGE)
    spanish = Locale.objects.get(language_code=SPANISH)
    sync, created = LocaleSynchronization.objects.get_or_create(
        locale=spanish, defaults={"sync_from": english}
    )
    if not created:  # saving a new one synchronizes already (wagtail-localize's signal)
        synchronize_tree(sync.sync_from, spanish)


def alias_published_page(sender, instance, **kwargs) -> None:
    """page_published: a page made outside the admin (by code, an import, the demo) gets its
    aliases when it first goes live, as one made in the admin gets them on creation."""
    page = instance
    targets = LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values_list(
        "locale_id", flat=True
    )
    if not targets:
        return
    present = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    for locale in Locale.objects.filter(pk__in=targets).exclude(pk__in=present):
        page.copy_for_translation(locale, copy_parents=True, alias=True)
