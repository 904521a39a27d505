"""The admin shows a date still to come as a date; time since only makes sense for the past."""

import datetime

from django.template import Context, Template
from django.utils import timezone

from portal.templatetags.admin_dates import is_future

HUMAN_DATE = Template("{% load wagtailadmin_tags %}{% human_readable_date value %}")


def test_times_and_dates_to_come_are_told_apart_from_past_ones():
    now = timezone.now()
    assert is_future(now + datetime.timedelta(hours=2))
    assert not is_future(now - datetime.timedelta(hours=2))
    assert is_future(datetime.datetime.now() + datetime.timedelta(hours=2))  # a naive time
    assert is_future(timezone.localdate() + datetime.timedelta(days=1))
    assert not is_future(timezone.localdate())
    assert not is_future(None)


def test_a_go_live_time_to_come_reads_as_its_date_and_a_past_one_as_time_since():
    go_live = timezone.now() + datetime.timedelta(days=3)
    published = timezone.now() - datetime.timedelta(days=3)

    coming = HUMAN_DATE.render(Context({"value": go_live}))
    past = HUMAN_DATE.render(Context({"value": published}))

    local = timezone.localtime(go_live)
    assert f"{local:%B} {local.day}, {local.year}" in coming
    assert "just now" not in coming.lower()
    assert "3\xa0days ago" in past or "3 days ago" in past
