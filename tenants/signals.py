from django.dispatch import Signal

# Sent when state staff change a district's adoption stage in the registry, with the
# district, the previous stage and the user; progress keeps the history.
adoption_stage_changed = Signal()

# Sent when a district's rows in the state's read model should be written again, with its
# schema_name; tenants.tasks answers by queueing the sync, so the sync never imports its task.
district_sync_requested = Signal()

# Sent after a bulk update of districts or domains, which sends no post_save; the host
# routes and the state's pages that list districts forget what they cached.
districts_updated_in_bulk = Signal()
