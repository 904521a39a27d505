from wagtail.contrib.settings.registry import register_setting

from statewide.models import StateSettings

register_setting(StateSettings, icon="cog")
