"""Keep the statewide read model in step with what is published."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished

from portrait.sync import sync_district_portrait_and_stories, sync_state_portrait_and_stories
from portrait.translation import share_home_permissions
from publishing.sync import register_district_sync
from tenants.on_commit import on_commit_once
from tenants.state import on_state_schema


def connect() -> None:
    register_district_sync(sync_district_portrait_and_stories)
    page_published.connect(_on_state_page_change, dispatch_uid="portrait.state.published")
    page_unpublished.connect(_on_state_page_change, dispatch_uid="portrait.state.unpublished")
    post_delete.connect(_on_state_page_change, sender=Page, dispatch_uid="portrait.state.deleted")
    copy_for_translation_done.connect(share_home_permissions, dispatch_uid="portrait.home_perms")


def _on_state_page_change(sender, instance, **kwargs) -> None:
    # District pages reach the read model through publishing.sync; the state's are local.
    if not on_state_schema():
        return
    # Once per transaction, however many pages it publishes or deletes.
    on_commit_once("state-portrait-sync", _sync_state)


def _sync_state() -> None:
    with transaction.atomic():
        sync_state_portrait_and_stories()
