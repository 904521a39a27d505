from celery import shared_task
from django.db import connection
from django.dispatch import receiver
from django_tenants.utils import get_public_schema_name

from publishing.scheduling import publish_scheduled_everywhere
from publishing.sync import rebuild_listings, record_listing
from tenants.models import District
from tenants.signals import district_sync_requested


# Task names are what the broker queues: kept from before the move to this module.
@shared_task(name="tenants.tasks.sync_district_listing")
def sync_district_listing() -> str:
    """Runs in the schema it was started from (tenant-schemas-celery sets it)."""
    district = District.objects.get(schema_name=connection.schema_name)
    record_listing(district)
    return district.schema_name


@receiver(district_sync_requested, dispatch_uid="publishing.tasks.queue_district_sync")
def queue_district_sync(sender, schema_name: str, **kwargs) -> None:
    """Raises when the broker cannot take the task; the sender warns and carries on."""
    sync_district_listing.apply_async(headers={"_schema_name": schema_name})


@shared_task(name="tenants.tasks.rebuild_directory")
def rebuild_directory() -> int:
    connection.set_schema(get_public_schema_name())
    return rebuild_listings(District.objects.active())


@shared_task(name="tenants.tasks.publish_scheduled_pages")
def publish_scheduled_pages() -> int:
    """Beat runs this every minute: scheduled pages go live on time in every schema."""
    connection.set_schema(get_public_schema_name())
    run = publish_scheduled_everywhere()
    return run.schemas
