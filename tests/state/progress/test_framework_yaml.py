"""The strict YAML reader of framework files: plain values stay text, aliases and repeated
keys are refused, and every value knows its line."""

import pytest
import yaml

from state.progress.framework_yaml import line_of, load_framework_yaml


def test_only_true_and_false_are_booleans_and_every_other_plain_value_is_text():
    data, problems = load_framework_yaml("a: yes\nb: on\nc: 1:30\nd: 12\ne: true\nf: False\n")
    assert data == {"a": "yes", "b": "on", "c": "1:30", "d": "12", "e": True, "f": False}
    assert problems == []


def test_an_alias_is_refused_where_it_appears():
    with pytest.raises(yaml.YAMLError, match="aliases"):
        load_framework_yaml("a: &x [1, 2]\nb: *x\n")


def test_a_repeated_key_is_a_problem_naming_both_lines():
    data, problems = load_framework_yaml("name: One\nslug: one\nname: Two\n")
    assert data == {"name": "One", "slug": "one"}
    assert problems == ["line 3: “name” is given twice (first on line 1)"]


def test_a_key_that_is_not_text_is_a_problem():
    _data, problems = load_framework_yaml("true: x\n")
    assert problems == ["line 1: the key “True” must be a name (text)"]


def test_values_in_mappings_and_flow_lists_know_their_lines():
    source = "name: Paths\nstages:\n  - Begin\n  - End\nkinds: [a, b]\n"
    data, _problems = load_framework_yaml(source)
    assert line_of(data, "stages") == "line 3: "
    assert line_of(data["stages"], 1) == "line 4: "
    assert data["kinds"] == ["a", "b"]
    assert line_of(data, "missing") == ""
    assert line_of({"plain": "dict"}, "plain") == ""
