"""Which languages a site offers: English always, Spanish once the site switches it on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting

from caching.generations import remember

DEFAULT_LANGUAGE = "en"
SPANISH = "es"
OFFERED_CACHE_KEY = "site-languages"


class SiteLanguages(BaseGenericSetting):
    """Kept in each schema: the state switches Spanish on for its own site, and each district
    for its own."""

    spanish = models.BooleanField(
        _("offer Spanish"),
        default=False,
        help_text=_(
            "Visitors can read this site in Spanish at /es/, page by page as translations "
            "are published; pages not yet translated offer the English one."
        ),
    )

    panels = [FieldPanel("spanish")]

    class Meta:
        verbose_name = _("site languages")


def offered_languages() -> tuple[str, ...]:
    """The current schema's languages, kept under its generation (a save of the setting
    bumps it), so that a page served from the cache still costs no query."""

    def read() -> tuple[str, ...]:
        offered = SiteLanguages.load()
        return (DEFAULT_LANGUAGE, SPANISH) if offered.spanish else (DEFAULT_LANGUAGE,)

    return remember(OFFERED_CACHE_KEY, read)


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES).get(code, code)
