from django.dispatch import Signal

# Sent when a district's rows in the state's read model should be written again, with its
# schema_name; publishing.tasks answers by queueing the sync, so the sync never imports its task.
district_sync_requested = Signal()

# Sent by DistrictQuerySet.update_and_announce (Django's update() sends no signal), with the
# fields it set: cached routes forget, and read-model summaries that count by region or
# activity recount.
districts_updated = Signal()
