from django.dispatch import Signal

# Sent when state staff change a district's adoption stage in the registry, with the
# district, the previous stage and the user; progress keeps the history.
adoption_stage_changed = Signal()
