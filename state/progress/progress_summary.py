"""The summary behind FrameworkProgress: FrameworkProgressCount, kept equal to counting every
active district's latest published ratings by framework, region, competency and stage.

A district's sync withdraws what the district counted for, rewrites its ratings and adds what
it counts for now (`district_ratings_replaced`), each a single statement whatever the size of
the state. A change to districts themselves (region, whether active, removal) recounts the
whole summary (`rebuild_progress_summary`), as does the `rebuild_progress_summary` command.

Syncs take the table in ROW EXCLUSIVE mode, which lets them run side by side (each adds and
subtracts in place); a recount takes SHARE ROW EXCLUSIVE mode, so it waits for them and they
for it, and the next statement of either sees what the other committed.
"""

from contextlib import contextmanager

from django.db import connection, transaction

from caching.page_cache import invalidate_state_pages
from state.progress.models import FrameworkProgressCount, PublishedRating
from tenants.models import District

SUMMARY = FrameworkProgressCount._meta.db_table
KEY = "framework_slug, region, competency_slug, stage_slug"

# One district's latest ratings (or every district's, without the district condition),
# counted by the summary's key; inactive districts count for nothing.
_CONTRIBUTION = f"""
    SELECT r.framework_slug, d.region, r.competency_slug, r.stage_slug, count(*) AS n
      FROM {PublishedRating._meta.db_table} r
      JOIN {District._meta.db_table} d ON d.id = r.district_id
     WHERE r.is_latest AND d.is_active {{district_condition}}
     GROUP BY r.framework_slug, d.region, r.competency_slug, r.stage_slug
"""


@contextmanager
def district_ratings_replaced(district_id: int):
    """Wrap the rewrite of one district's published ratings: its old contribution leaves the
    summary before the block and its new one enters after, in the caller's transaction."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            # Two syncs of one district would otherwise both withdraw the same ratings. The row
            # first: a district saved in the admin holds it while it recounts under the table.
            cursor.execute(
                f"SELECT 1 FROM {District._meta.db_table} WHERE id = %s FOR UPDATE", [district_id]
            )
            cursor.execute(f"LOCK TABLE {SUMMARY} IN ROW EXCLUSIVE MODE")
            _withdraw(cursor, district_id)
        yield
        with connection.cursor() as cursor:
            _contribute(cursor, district_id)


def _withdraw(cursor, district_id: int) -> None:
    contribution = _CONTRIBUTION.format(district_condition="AND r.district_id = %s")
    cursor.execute(
        f"""UPDATE {SUMMARY} s SET district_count = s.district_count - c.n
              FROM ({contribution}) c
             WHERE (s.framework_slug, s.region, s.competency_slug, s.stage_slug)
                 = (c.framework_slug, c.region, c.competency_slug, c.stage_slug)""",
        [district_id],
    )
    cursor.execute(f"DELETE FROM {SUMMARY} WHERE district_count <= 0")


def _contribute(cursor, district_id: int) -> None:
    contribution = _CONTRIBUTION.format(district_condition="AND r.district_id = %s")
    cursor.execute(
        f"""INSERT INTO {SUMMARY} ({KEY}, district_count) {contribution}
            ON CONFLICT ({KEY}) DO UPDATE
            SET district_count = {SUMMARY}.district_count + EXCLUDED.district_count""",
        [district_id],
    )


def rebuild_progress_summary() -> int:
    """Recount the whole summary from the read model; the number of rows it now holds."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {SUMMARY} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {SUMMARY}")
        contribution = _CONTRIBUTION.format(district_condition="")
        cursor.execute(f"INSERT INTO {SUMMARY} ({KEY}, district_count) {contribution}")
        rows = cursor.rowcount
    # Raw SQL sends no signal: cached statewide answers must forget the old counts.
    invalidate_state_pages()
    return rows


# What a district counts for depends on these; any other change leaves the summary alone.
COUNTED_FIELDS = frozenset({"region", "is_active"})


def on_district_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    # A new district has published nothing yet.
    if not created and (update_fields is None or COUNTED_FIELDS & set(update_fields)):
        rebuild_progress_summary()


def on_district_deleted(sender, instance, **kwargs) -> None:
    rebuild_progress_summary()


def on_districts_updated(sender, fields, **kwargs) -> None:
    if COUNTED_FIELDS & fields:
        rebuild_progress_summary()
