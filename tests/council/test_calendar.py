"""iCalendar: the public feed and a registrant's own copy."""

from icalendar import Calendar

from council.calendar import convening_ics, feed_ics
from tests.factories.council import make_convening


def test_one_event_per_convening_with_its_times_and_page(db):
    first = make_convening("first", days=10)
    second = make_convening("second", days=20)
    calendar = Calendar.from_ical(feed_ics([first, second]))
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Convening first", "Convening second"]
    assert events[0].decoded("dtstart") == first.starts_at
    assert str(events[0]["url"]).endswith("/council/convenings/first/")
    assert "meet.example.org" not in str(events[0]["description"])


def test_a_registrants_copy_carries_the_join_link(db):
    convening = make_convening()
    event = Calendar.from_ical(convening_ics(convening, for_registrant=True)).walk("VEVENT")[0]
    assert "https://meet.example.org/council" in str(event["description"])
    assert str(event["uid"]) == f"convening-{convening.pk}@localhost"
