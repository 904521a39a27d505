import logging
import os
import runpy
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connections

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


class Exited(Exception):
    pass


@pytest.fixture
def worker_exit(monkeypatch):
    def fake_exit(code):
        raise Exited(code)

    monkeypatch.setattr(os, "_exit", fake_exit)
    # Not in the test run's own process: its log capture and database stay as they are.
    monkeypatch.setattr(logging, "shutdown", lambda: None)
    monkeypatch.setattr(connections, "close_all", lambda: None)
    return runpy.run_path(str(CONF))["worker_exit"]


def exiting_with(exception, hook, worker):
    """Call the hook as gunicorn does: in the `finally` of a worker leaving with `exception`."""
    try:
        raise exception
    except BaseException:
        hook(None, worker)


def test_a_recycled_worker_leaves_at_once_with_exit_code_zero(worker_exit):
    with pytest.raises(Exited) as exited:
        exiting_with(SystemExit(0), worker_exit, SimpleNamespace(booted=True))
    assert exited.value.args == (0,)


@pytest.mark.parametrize(
    "exception, booted",
    [(SystemExit(3), False), (SystemExit(-1), True), (RuntimeError("broken"), True)],
)
def test_a_failing_worker_exits_as_usual_so_the_master_sees_its_code(
    worker_exit, exception, booted
):
    exiting_with(exception, worker_exit, SimpleNamespace(booted=booted))  # returns, no exit
    assert sys.exc_info() == (None, None, None)
