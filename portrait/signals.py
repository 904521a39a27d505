"""Keep the statewide read model in step with what is published."""

from django.db import connection, transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished

from portrait.sync import sync_district_portrait_and_stories, sync_state_portrait_and_stories
from portrait.translation import share_home_permissions
from tenants.state import on_state_schema
from tenants.sync import register_district_sync


def connect() -> None:
    register_district_sync(sync_district_portrait_and_stories)
    page_published.connect(_on_state_page_change, dispatch_uid="portrait.state.published")
    page_unpublished.connect(_on_state_page_change, dispatch_uid="portrait.state.unpublished")
    post_delete.connect(_on_state_page_change, sender=Page, dispatch_uid="portrait.state.deleted")
    copy_for_translation_done.connect(share_home_permissions, dispatch_uid="portrait.home_perms")


def _on_state_page_change(sender, instance, **kwargs) -> None:
    # District pages reach the read model through tenants.sync; the state's are local.
    if not on_state_schema():
        return
    # Once per transaction, however many pages it publishes or deletes.
    if not any(queued is _sync_state for _, queued, _ in connection.run_on_commit):
        transaction.on_commit(_sync_state)


def _sync_state() -> None:
    with transaction.atomic():
        sync_state_portrait_and_stories()
