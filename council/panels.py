"""Admin panels the council's models share."""

from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput


class SlugFromTitlePanel(TitleFieldPanel):
    """The title fills in the slug while the record is new; afterwards the slug is part of a
    published address and changes only by hand."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return not (self.instance and self.instance.pk)


def title_and_slug_panels() -> list[FieldPanel]:
    return [
        SlugFromTitlePanel("title", placeholder=False, classname=""),
        FieldPanel("slug", widget=SlugInput),
    ]
