from wagtail.contrib.settings.registry import register_setting

from state.models import StateSettings

register_setting(StateSettings, icon="cog")
