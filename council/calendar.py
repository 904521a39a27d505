"""iCalendar for convenings: one event for a confirmation email, and the public feed."""

from collections.abc import Iterable

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from council.links import absolute
from council.models import Convening, ConveningFormat

PRODID = "-//State portrait portal//Council convenings//EN"


def convening_url(convening: Convening) -> str:
    return absolute(convening.get_absolute_url())


def _event(convening: Convening, with_join_link: bool) -> Event:
    event = Event()
    event.add("uid", f"convening-{convening.pk}@{settings.STATE_DOMAIN}")
    event.add("summary", convening.title)
    event.add("dtstart", convening.starts_at)
    event.add("dtend", convening.ends_at)
    event.add("dtstamp", convening.updated_at)
    event.add("url", convening_url(convening))
    where = [convening.venue_name, convening.venue_address.replace("\n", ", ")]
    if convening.format == ConveningFormat.ONLINE:
        where = [_("Online")]
    event.add("location", ", ".join(part for part in where if part))
    description = [
        convening.summary,
        _("Details and agenda: %(url)s") % {"url": convening_url(convening)},
    ]
    if with_join_link and convening.join_url:
        description.append(_("Join online: %(url)s") % {"url": convening.join_url})
    event.add("description", "\n\n".join(part for part in description if part))
    return event


def _calendar(events: Iterable[Event], name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def convening_ics(convening: Convening, for_registrant: bool = False) -> bytes:
    """A registrant's copy carries the join link; the public one does not."""
    return _calendar([_event(convening, with_join_link=for_registrant)], convening.title)


def feed_ics(convenings: Iterable[Convening]) -> bytes:
    return _calendar(
        (_event(convening, with_join_link=False) for convening in convenings),
        _("%(state)s council convenings") % {"state": settings.STATE_NAME},
    )
