from django.dispatch import Signal

# Sent when state staff change a district's adoption stage in the registry, with the
# district, the previous stage and the user; progress keeps the history.
adoption_stage_changed = Signal()

# Sent after a bulk update of districts (which sends no post_save), with the fields it set;
# read-model summaries that depend on a district's region or activity recount.
districts_updated = Signal()
