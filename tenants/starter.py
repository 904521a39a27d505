"""Starter content laid in the template schema, so every new district has it from its clone."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
)

TEMPLATE_HOSTNAME = "district-template.invalid"
EDITORS = "Editors"
APPROVERS = "Approvers"
LEADERSHIP_TEAM = "Leadership team"
TRANSLATORS = "Translators"
LANGUAGE_CODES = ("en", "es")
EVIDENCE_COLLECTION = "Self-assessment evidence"
EVIDENCE_DOCUMENT_ACTIONS = ("add_document", "change_document", "choose_document")


StarterPages = Callable[[], Page]
_starter_pages: list[StarterPages] = []


def register_starter_pages(lay_pages: StarterPages) -> StarterPages:
    """The app that owns the district page types lays a new district's pages: idempotently,
    returning the home page, where the site starts and the editorial groups' permissions apply."""
    _starter_pages[:] = [lay_pages]
    return lay_pages


def lay_starter_content() -> None:
    """Idempotent: safe to run after every migration of the template."""
    if not _starter_pages:
        raise ImproperlyConfigured("No installed app registered a district's starter pages.")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)
    home = _starter_pages[0]()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": TEMPLATE_HOSTNAME, "port": 80, "root_page": home, "site_name": ""},
    )
    _editorial_groups(home)
    translators_group(home)
    _leadership_team()
    # Nothing personal may travel into a clone.
    get_user_model().objects.all().delete()
    Session.objects.all().delete()


def _editorial_groups(home: Page) -> None:
    """Wagtail's migrations make Moderators and Editors; districts call moderators Approvers.

    Their page permissions move from the tree's root to the district's home page, so editors
    start where the site starts and cannot make pages no address reaches.
    """
    Group.objects.filter(name="Moderators").update(name=APPROVERS)
    groups = [Group.objects.get_or_create(name=name)[0] for name in (EDITORS, APPROVERS)]
    GroupPagePermission.objects.filter(group__in=groups, page__depth=1).update(page=home)
    Workflow.objects.filter(name="Moderators approval").update(name="Review by Approvers")
    Task.objects.filter(name="Moderators approval").update(name="Approval by Approvers")


def translators_group(home: Page) -> Group:
    """Translators translate pages with wagtail-localize and submit them for review: they may
    edit pages (so the translation editor opens) but publish nothing, originals included."""
    team, _ = Group.objects.get_or_create(name=TRANSLATORS)
    team.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    )
    GroupPagePermission.objects.get_or_create(
        group=team,
        page=home,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    return team


def _leadership_team() -> None:
    """The people who self-assess the district, keep its action plans, upload learner-outcome
    counts and report its adoption stage: every permission of the progress app."""
    team, _ = Group.objects.get_or_create(name=LEADERSHIP_TEAM)
    team.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="progress"),
    )
    grant_evidence_documents(team)


def grant_evidence_documents(team: Group) -> None:
    """The team's ratings ask for evidence documents: it uploads and chooses them in a
    collection of its own, which Editors' documents do not crowd."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=EVIDENCE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=EVIDENCE_COLLECTION)
    for codename in EVIDENCE_DOCUMENT_ACTIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=team,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            ),
        )
