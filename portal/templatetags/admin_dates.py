"""How the admin shows a date: time since for the past, the date itself for the future."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def is_future(value) -> bool:
    """True for a date or time still to come (a review date, a go-live time)."""
    if isinstance(value, datetime.datetime):
        now = datetime.datetime.now() if timezone.is_naive(value) else timezone.now()
        return value > now
    if isinstance(value, datetime.date):
        return value > timezone.localdate()
    return False
