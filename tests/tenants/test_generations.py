import pytest
from django.core.cache import caches

from tenants.generations import generational_key, invalidate_state, remember

pytestmark = pytest.mark.django_db


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_remembered_value_is_computed_once_per_generation():
    compute, calls = counting(["first"])
    assert remember("test:once", compute) == ["first"]
    assert remember("test:once", compute) == ["first"]
    assert len(calls) == 1

    invalidate_state()

    assert remember("test:once", compute) == ["first"]
    assert len(calls) == 2


def test_a_bump_is_seen_even_when_this_process_still_holds_the_value():
    assert remember("test:bump", lambda: "old") == "old"
    caches["default"].delete(generational_key("test:bump"))  # only this process's copy is left
    assert remember("test:bump", lambda: "ignored") == "old"

    invalidate_state()

    assert remember("test:bump", lambda: "new") == "new"


def test_each_caller_gets_a_copy_of_its_own():
    first = remember("test:copy", lambda: {"items": [1]})
    first["items"].append(2)
    assert remember("test:copy", lambda: {"items": []}) == {"items": [1]}
