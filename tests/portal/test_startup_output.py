"""What the portal prints as it starts: each line once, and nothing that reads as a fault."""

import logging

import pytest
from django.conf import settings
from kombu import Connection

from portal.settings.environment import ENV


def handlers_reached(logger_name: str) -> list[logging.Handler]:
    """Every handler of the portal's a record on `logger_name` passes through (pytest adds
    its own to the root logger)."""
    handlers, logger = [], logging.getLogger(logger_name)
    while logger is not None:
        handlers.extend(h for h in logger.handlers if not type(h).__module__.startswith("_pytest"))
        logger = logger.parent if logger.propagate else None
    return handlers


def test_djangos_records_reach_the_console_once():
    assert len(handlers_reached("django.utils.autoreload")) == 1
    assert len(handlers_reached("django.request")) == 1


@pytest.mark.skipif(bool(ENV.broker_url), reason="a real broker is configured")
def test_the_in_process_broker_raises_no_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="kombu"):
        Connection(settings.CELERY_BROKER_URL).info()
    assert not [record for record in caplog.records if record.name.startswith("kombu")]
