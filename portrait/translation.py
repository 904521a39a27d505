"""Translations go through the same review as their originals.

wagtail-localize's editor can only publish, which Translators may not do: "Submit for review"
saves the translated strings as a draft revision and starts the page's workflow, where an
Approver approves it like any other change.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import Translation


def share_home_permissions(sender, source_obj, target_obj, **kwargs) -> None:
    """The first translation of a site's home page starts a tree beside the original's: the
    groups hold the same page permissions on it as on the original home."""
    if not isinstance(target_obj, Page) or target_obj.depth != 2:
        return
    for granted in GroupPagePermission.objects.filter(page_id=source_obj.pk):
        GroupPagePermission.objects.get_or_create(
            group_id=granted.group_id, page_id=target_obj.pk, permission_id=granted.permission_id
        )


@require_POST
def submit_translation_for_review(request, translation_id: int):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        messages.error(request, _("This translation is already waiting for review."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    translation.save_target(user=request.user, publish=False)
    page.refresh_from_db()
    workflow.start(page, request.user)
    messages.success(request, _("The translation was submitted for review."))
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def translate_with_strings(page: Page, language_code: str, strings: dict[str, str]) -> Page:
    """Translate a page with wagtail-localize from English strings to their translations (any
    other string keeps its English) and publish it; a page already translated is left as it
    is. For content made by code, such as the demo's."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringTranslation, TranslationSource

    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing.specific
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    # Saved as a draft and published here, rather than on commit, so callers see it live.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated
