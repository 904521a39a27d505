"""What portraits and stories put in the statewide read model.

A district's portrait and stories reach the public schema through the foundation's sync path
(a registered step of `publishing.sync.record_listing`). The state's own portrait and stories are
in the public schema already, so they are written in the publishing transaction itself.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from portrait.models import DistrictPortraitPage, StatePortraitPage, StoryPage
from portrait.models.languages import DEFAULT_LANGUAGE
from portrait.stories import story_card
from state.models import (
    PortraitAlignment,
    PortraitCompetencyListing,
    PortraitListing,
    PortraitTranslationListing,
    StateCompetency,
    StoryListing,
)
from tenants.models import District

SUMMARY_WORDS = 60


def sync_district_portrait_and_stories(district: District) -> None:
    """Registered with publishing.sync: copy the district's published portrait and stories."""
    with tenant_context(district):
        portrait = _read_portrait(district)
        stories = _read_stories(district)
    with schema_context(get_public_schema_name()), transaction.atomic():
        _write_portrait(district, portrait)
        _write_stories(district, stories)


def _read_portrait(district: District) -> dict | None:
    page = _originals(DistrictPortraitPage.objects.live()).order_by("path").first()
    # A portrait with no competencies yet is still being written: the state does not list it.
    if page is None or not page.competencies:
        return None
    base = district.base_url.rstrip("/")
    translations = (
        DistrictPortraitPage.objects.live()
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(locale__language_code=DEFAULT_LANGUAGE)
        .select_related("locale")
    )
    return {
        "title": page.title,
        "url": base + page.url,
        "vision_summary": _summary(page.vision_statement),
        "published_at": page.last_published_at,
        "last_revisited": page.last_revisited,
        "competencies": page.competency_entries(),
        "translations": [
            {
                "language": translation.locale.language_code,
                "title": translation.title,
                "url": base + translation.url,
                "vision_summary": _summary(translation.vision_statement),
            }
            for translation in translations
        ],
    }


def _originals(pages):
    """Pages in the default language: the ones the state's directory and coverage count."""
    return pages.filter(locale__language_code=DEFAULT_LANGUAGE)


def _written_stories(stories):
    """Every story written in some language: an alias only repeats another language's."""
    return stories.filter(alias_of__isnull=True).select_related("hero_image", "locale")


def _read_stories(district: District) -> list[dict]:
    portrait = {key: slugs for key, _, slugs in _live_competency_entries()}
    base = district.base_url.rstrip("/")
    return [
        # Through alignment, a district competency's tag becomes the state's.
        _story_row(
            page, base, {slug for key in page.competency_keys for slug in portrait.get(key, [])}
        )
        for page in _written_stories(StoryPage.objects.live())
    ]


def _story_row(page, base_url: str, state_slugs: set[str]) -> dict:
    """A StoryListing's fields for a live story page; `base_url` makes its addresses
    absolute for pages served on a district's host."""
    card = story_card(page)
    return {
        "page_id": page.pk,
        "language": page.locale.language_code,
        "translation_key": page.translation_key,
        "title": card.title,
        "url": base_url + card.url,
        "summary": card.summary,
        "image_url": base_url + card.image_url if card.image_url else "",
        "image_alt": card.image_alt,
        "published_at": card.published_at,
        "state_competency_slugs": sorted(state_slugs),
        "condition_slugs": list(page.condition_slugs),
    }


def _live_competency_entries():
    page = _originals(DistrictPortraitPage.objects.live()).order_by("path").first()
    return page.competency_entries() if page else []


def _write_portrait(district: District, portrait: dict | None) -> None:
    PortraitCompetencyListing.objects.filter(district=district).delete()
    PortraitAlignment.objects.filter(district=district).delete()
    PortraitTranslationListing.objects.filter(district=district).delete()
    if portrait is None:
        PortraitListing.objects.filter(district=district).delete()
        return
    competencies = portrait.pop("competencies")
    PortraitTranslationListing.objects.bulk_create(
        PortraitTranslationListing(district=district, **translation)
        for translation in portrait.pop("translations")
    )
    PortraitListing.objects.update_or_create(
        district=district, defaults={**portrait, "synced_at": timezone.now()}
    )
    PortraitCompetencyListing.objects.bulk_create(
        PortraitCompetencyListing(
            district=district, position=position, name=name, aligned_slugs=slugs
        )
        for position, (_, name, slugs) in enumerate(competencies)
    )
    aligned = {slug for _, _, slugs in competencies for slug in slugs}
    PortraitAlignment.objects.bulk_create(
        PortraitAlignment(district=district, state_competency_slug=slug) for slug in sorted(aligned)
    )


def _write_stories(district: District | None, stories: list[dict]) -> None:
    kept = []
    for story in stories:
        # One save per story: Wagtail's search index follows saves, not bulk writes.
        listing, _ = StoryListing.objects.update_or_create(
            district=district, page_id=story["page_id"], defaults=story
        )
        kept.append(listing.pk)
    StoryListing.objects.filter(district=district).exclude(pk__in=kept).delete()


def _state_competency_translations(portrait) -> dict[str, dict[str, dict[str, str]]]:
    """By English block id (wagtail-localize keeps block ids, and a translator may change the
    slug's text): each published translation's name and definition, per language."""
    found: dict[str, dict[str, dict[str, str]]] = {}
    translations = (
        StatePortraitPage.objects.live()
        .filter(translation_key=portrait.translation_key, alias_of__isnull=True)
        .exclude(locale__language_code=DEFAULT_LANGUAGE)
        .select_related("locale")
    )
    for translation in translations:
        for block in translation.competencies:
            found.setdefault(block.id, {})[translation.locale.language_code] = {
                "name": block.value["name"],
                "definition": block.value["definition"],
            }
    return found


def _summary(html: str) -> str:
    return Truncator(strip_tags(html)).words(SUMMARY_WORDS)


def sync_state_portrait_and_stories() -> None:
    """Copy the state's published portrait competencies and its own stories; in public."""
    portrait = _originals(StatePortraitPage.objects.live()).order_by("path").first()
    blocks = list(portrait.competencies) if portrait is not None else []
    slugs = [block.value["slug"] for block in blocks]
    StateCompetency.objects.exclude(slug__in=slugs).delete()
    translated = _state_competency_translations(portrait) if portrait is not None else {}
    for position, block in enumerate(blocks):
        value = block.value
        StateCompetency.objects.update_or_create(
            slug=value["slug"],
            defaults={
                "name": value["name"],
                "definition": value["definition"],
                "position": position,
                "translations": translated.get(block.id, {}),
            },
        )
    stories = [
        _story_row(page, settings.WAGTAILADMIN_BASE_URL, set(page.competency_keys) & set(slugs))
        for page in _written_stories(StoryPage.objects.live())
    ]
    _write_stories(None, stories)
