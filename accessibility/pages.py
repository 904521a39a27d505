"""The pages `manage.py check_accessibility` visits, gathered from every installed app.

An app adds its pages by defining `PAGES` in its own `accessibility.py`:

    from accessibility.pages import DEMO_DISTRICT, STATE, PageSpec

    PAGES = [
        PageSpec("Convenings", STATE, "/council/convenings/"),
        PageSpec("District stories", DEMO_DISTRICT, "/stories/"),
    ]

Each page must exist in the demo content that `seed_demo` builds, because that is what the
check runs against.
"""

from dataclasses import dataclass
from importlib import import_module
from urllib.parse import urlsplit, urlunsplit

from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule

from demo import content as demo_content

STATE = "state"
# The first demo district: finalized, so its portrait of a learner is published.
DEMO_DISTRICT = demo_content.DISTRICTS[0][1]
MODULE_NAME = "accessibility"


@dataclass(frozen=True)
class PageSpec:
    """One page to check: on the state's site (`STATE`) or on a district's (its slug)."""

    name: str
    host: str
    path: str
    # A button to press first (a CSS selector): to check a form as it shows its errors.
    submit: str = ""

    def __post_init__(self):
        if not self.path.startswith("/"):
            raise ValueError(f"{self.name}: the path must start with '/', not {self.path!r}")

    def url(self, state_base_url: str) -> str:
        """The page's address when the state's site answers at `state_base_url`."""
        base = urlsplit(state_base_url)
        netloc = base.netloc if self.host == STATE else f"{self.host}.{base.netloc}"
        return urlunsplit((base.scheme, netloc, self.path, "", ""))

    @property
    def site(self) -> str:
        return "state" if self.host == STATE else f"district {self.host}"


def discover_pages(app_configs: list[AppConfig] | None = None) -> list[PageSpec]:
    """Every app's `accessibility.PAGES`, in INSTALLED_APPS order, without duplicates."""
    pages: list[PageSpec] = []
    for app_config in apps.get_app_configs() if app_configs is None else app_configs:
        if not module_has_submodule(app_config.module, MODULE_NAME):
            continue
        module = import_module(f"{app_config.name}.{MODULE_NAME}")
        for page in getattr(module, "PAGES", []):
            if not isinstance(page, PageSpec):
                raise TypeError(f"{module.__name__}.PAGES holds {page!r}, not a PageSpec")
            if page not in pages:
                pages.append(page)
    return pages
