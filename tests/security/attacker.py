"""An attacker of the published stage distributions: every assignment of categories to the
districts that agrees with everything published.

A district's category is what its latest published round says of one competency: a stage, or
UNASSESSED. The attacker knows each district's region (the registry is public). Knowing the
rule too, it also drops every assignment the rule would have published differently; then no
district's category may be certain. Withheld figures are held to what subtraction can tell:
knowing the rule, an attacker can learn a region's count at a stage where every region is
withheld (say that South has one district at Refining), never any one district's stage.
"""

from collections import Counter
from collections.abc import Iterator
from itertools import product
from typing import NamedTuple

from progress.api.loaders import UNASSESSED
from progress.suppression import suppress_groups

STATE = ""  # the slice the region argument's absence asks for

# slice (STATE or a region key) → category → the published count, or None where withheld
Observed = dict[str, dict[str, int | None]]


def published(
    categories: tuple, regions: list[str], all_categories: list[str], minimum: int
) -> Observed:
    """What the rule publishes of one competency, given each district's category (in order)
    and `regions`, each district's region key."""
    table = {region: dict.fromkeys(all_categories, 0) for region in regions}
    for region, category in zip(regions, categories, strict=True):
        table[region][category] += 1
    decision = suppress_groups(table, minimum)
    state = Counter(categories)
    observed = {
        region: {c: None if region in decision.hidden else n for c, n in counts.items()}
        for region, counts in table.items()
    }
    observed[STATE] = {c: None if decision.total_hidden else state[c] for c in all_categories}
    return observed


def consistent_worlds(
    observed: Observed,
    regions: list[str],
    all_categories: list[str],
    minimum: int,
    *,
    knowing_the_rule: bool,
) -> Iterator[tuple]:
    """Every assignment that publishes the figures of `observed`; knowing the rule, exactly
    `observed` (the same figures withheld)."""
    for candidate in product(all_categories, repeat=len(regions)):
        figures = published(candidate, regions, all_categories, minimum)
        if knowing_the_rule:
            if figures == observed:
                yield candidate
        elif all(
            value is None or _count(candidate, regions, name, category) == value
            for name, counts in observed.items()
            for category, value in counts.items()
        ):
            yield candidate


def _count(world: tuple, regions: list[str], name: str, category: str) -> int:
    return sum(c == category for c, r in zip(world, regions, strict=True) if name in (STATE, r))


class Recovery(NamedTuple):
    worlds: list[tuple]  # the worlds the figures and the rule allow: the true one is there
    districts: list[int]  # districts whose category is certain, knowing the rule
    districts_by_subtraction: list[int]  # the same from the figures alone
    figures: list[tuple[str, str]]  # withheld (slice, category) figures found by subtraction


def recovered(observed: Observed, regions: list[str], all_categories: list[str], minimum: int):
    """What the attacker learns for sure. A withheld figure counts as found where it has one
    possible value, unless that is a zero the published state total itself shows."""
    worlds = list(
        consistent_worlds(observed, regions, all_categories, minimum, knowing_the_rule=True)
    )
    by_subtraction = list(
        consistent_worlds(observed, regions, all_categories, minimum, knowing_the_rule=False)
    )
    figures = []
    for name, counts in observed.items():
        for category, value in counts.items():
            if value is not None:
                continue
            possible = {_count(world, regions, name, category) for world in by_subtraction}
            structural_zero = possible == {0} and observed[STATE][category] == 0
            if len(possible) == 1 and not structural_zero:
                figures.append((name, category))
    return Recovery(worlds, _certain(worlds), _certain(by_subtraction), figures)


def _certain(worlds: list[tuple]) -> list[int]:
    size = len(worlds[0]) if worlds else 0
    return [index for index in range(size) if len({world[index] for world in worlds}) == 1]


__all__ = ["STATE", "UNASSESSED", "Observed", "Recovery", "published", "recovered"]
