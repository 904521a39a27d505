"""One-time keys of the public forms. A key saves once; sent again with the same data (a
double click) it answers with what it saved, and sent with anything else (another person at a
shared desk pressing Back, another convening or prompt) it is refused, never answered with
what someone else sent."""

from django.utils.translation import gettext_lazy as _

KEY_REUSED_MESSAGE = _(
    "This form was already sent, with other details. Nothing was saved this time: check your "
    "answers and send the form again."
)


class KeyReused(Exception):
    """A one-time key came back with data other than what it saved."""
