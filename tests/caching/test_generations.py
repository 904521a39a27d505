import pytest
from django.core.cache import caches

from caching.generations import _ProcessMemory, generational_key, invalidate_state, remember

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


def test_this_process_keeps_recent_values_within_its_byte_budget():
    memory = _ProcessMemory(max_bytes=1600)
    for n in range(20):
        memory.put(("default", n), bytes(90))
    assert memory.size <= 1600
    assert memory.get(("default", 19)) is not None
    assert memory.get(("default", 0)) is None  # the oldest went first
    memory.put(("default", "large"), bytes(101))  # over a sixteenth of the budget
    assert memory.get(("default", "large")) is None
