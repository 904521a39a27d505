"""Color checks for a site's identity: text on the colors the site paints must meet WCAG AA."""

from coloraide import Color
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WHITE = "#ffffff"
# The light panel behind cards and filters (--wash in portal.css), where links also appear.
WASH = "#f2f5f9"
TEXT_CONTRAST_MINIMUM = 4.5


def contrast(foreground: str, background: str) -> float:
    return Color(foreground).contrast(background, method="wcag21")


def validate_hex_color(value: str) -> None:
    try:
        parsed = Color(value)
    except ValueError:
        parsed = None
    if parsed is None or not value.startswith("#") or len(value) != 7:
        raise ValidationError(
            _("Enter a color as # and six hexadecimal digits, for example #083b6a."),
            code="invalid_color",
        )


def contrast_problem(color: str, backgrounds: dict[str, str], role: str) -> str | None:
    """Why `color` fails as `role` against any of the named backgrounds, or None."""
    for name, background in backgrounds.items():
        ratio = contrast(color, background)
        if ratio < TEXT_CONTRAST_MINIMUM:
            return _(
                "%(role)s %(color)s has a contrast of %(ratio).1f:1 with %(background)s; "
                "WCAG AA asks for at least 4.5:1. Choose a darker color."
            ) % {"role": role, "color": color, "ratio": ratio, "background": name}
    return None
