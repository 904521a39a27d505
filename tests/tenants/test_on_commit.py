"""on_commit_once: one run per key per commit, and nothing for what was rolled back."""

import pytest
from django.db import transaction

from tenants.on_commit import on_commit_once

pytestmark = pytest.mark.django_db(transaction=True)


def test_runs_once_per_key_when_the_transaction_commits():
    ran = []
    with transaction.atomic():
        on_commit_once("a", lambda: ran.append("a1"))
        on_commit_once("a", lambda: ran.append("a2"))
        on_commit_once("b", lambda: ran.append("b"))
        assert ran == []
    assert ran == ["a1", "b"]


def test_each_commit_runs_its_own_callbacks():
    ran = []
    for attempt in (1, 2):
        with transaction.atomic():
            on_commit_once("a", lambda attempt=attempt: ran.append(attempt))
    assert ran == [1, 2]


def test_outside_a_transaction_it_runs_at_once_every_time():
    ran = []
    on_commit_once("a", lambda: ran.append(1))
    on_commit_once("a", lambda: ran.append(2))
    assert ran == [1, 2]


def test_a_rollback_runs_nothing_and_leaves_the_next_transaction_free():
    ran = []
    with pytest.raises(RuntimeError), transaction.atomic():
        on_commit_once("a", lambda: ran.append("rolled back"))
        raise RuntimeError
    with transaction.atomic():
        on_commit_once("a", lambda: ran.append("committed"))
    assert ran == ["committed"]


def test_a_rolled_back_savepoint_does_not_swallow_a_later_request_for_its_key():
    ran = []
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            on_commit_once("a", lambda: ran.append("inner"))
            raise RuntimeError
        on_commit_once("a", lambda: ran.append("outer"))
    assert ran == ["outer"]


def test_a_committed_savepoint_keeps_its_callback_and_the_outer_one_is_not_repeated():
    ran = []
    with transaction.atomic():
        with transaction.atomic():
            on_commit_once("a", lambda: ran.append("inner"))
        on_commit_once("a", lambda: ran.append("outer"))
    assert ran == ["inner"]


def test_a_callback_may_ask_for_its_key_again_in_a_new_transaction():
    ran = []

    def first():
        ran.append("first")
        with transaction.atomic():
            on_commit_once("a", lambda: ran.append("again"))

    with transaction.atomic():
        on_commit_once("a", first)
    assert ran == ["first", "again"]


def test_a_robust_callback_that_fails_lets_the_others_run():
    ran = []

    def fail():
        raise RuntimeError("broker down")

    with transaction.atomic():
        on_commit_once("fails", fail, robust=True)
        on_commit_once("b", lambda: ran.append("b"))
    assert ran == ["b"]
