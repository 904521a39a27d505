"""The page registry: each app lists its pages in `<app>/accessibility.py`."""

import pytest
from django.apps import AppConfig, apps

from accessibility.pages import DEMO_DISTRICT, STATE, PageSpec, discover_pages
from portrait import accessibility as portrait_accessibility

FAKE_APP_PAGES = """
from accessibility.pages import DEMO_DISTRICT, STATE, PageSpec

PAGES = [
    PageSpec("Convenings", STATE, "/council/convenings/"),
    PageSpec("District stories, page two", DEMO_DISTRICT, "/stories/?page=2"),
    PageSpec("State home", STATE, "/"),
]
"""


@pytest.fixture
def make_app(tmp_path, monkeypatch):
    """An app package written to disk, optionally with an accessibility module."""
    monkeypatch.syspath_prepend(str(tmp_path))

    def make(name: str, accessibility_source: str | None) -> AppConfig:
        package = tmp_path / name
        package.mkdir()
        (package / "__init__.py").write_text("")
        if accessibility_source is not None:
            (package / "accessibility.py").write_text(accessibility_source)
        return AppConfig.create(name)

    return make


def test_pages_come_from_every_app_in_order_without_duplicates(make_app):
    council = make_app("fake_council", FAKE_APP_PAGES)
    silent = make_app("fake_silent", None)

    pages = discover_pages([apps.get_app_config("portrait"), silent, council])

    assert pages == [
        *portrait_accessibility.PAGES,
        PageSpec("Convenings", STATE, "/council/convenings/"),
        PageSpec("District stories, page two", DEMO_DISTRICT, "/stories/?page=2"),
    ]


def test_an_entry_that_is_not_a_page_spec_is_refused(make_app):
    broken = make_app("fake_broken", 'PAGES = ["/council/"]\n')

    with pytest.raises(TypeError, match="fake_broken.accessibility.PAGES holds '/council/'"):
        discover_pages([broken])


def test_an_import_error_inside_an_apps_module_is_not_hidden(make_app):
    broken = make_app("fake_import", "import no_such_module_here\n")

    with pytest.raises(ModuleNotFoundError, match="no_such_module_here"):
        discover_pages([broken])


def test_installed_apps_are_searched_by_default():
    assert set(portrait_accessibility.PAGES) <= set(discover_pages())


def test_the_portrait_pages_cover_the_state_and_a_demo_district():
    hosts = {page.host for page in portrait_accessibility.PAGES}
    assert hosts == {STATE, "aspen-hollow"}


def test_urls_put_districts_on_subdomains_of_the_state():
    base = "http://localhost:8123"

    assert PageSpec("Home", STATE, "/").url(base) == "http://localhost:8123/"
    assert (
        PageSpec("Portrait", "aspen-hollow", "/portrait-of-a-learner/").url(base)
        == "http://aspen-hollow.localhost:8123/portrait-of-a-learner/"
    )


def test_a_path_must_be_absolute():
    with pytest.raises(ValueError, match="must start with '/'"):
        PageSpec("Portrait", STATE, "portrait/")
