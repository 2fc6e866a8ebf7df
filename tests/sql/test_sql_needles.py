"""The needle test that lets the shorthand table skip patterns: a pattern it skips must not have matched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sql import shorthand
from sql.needles import Sieve, needles
from sql.question import normalise


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(过去|近|最近|这)半年(?!度)", {"半年"}),  # the longest required run of plain text stands for the pattern
    (r"(?:本月|这个月)收了(几|多少)笔", {"收了"}),
    (r"\b(won|lost)\b", {"won", "lost"}),  # every branch needs text of its own
    (r"\b(won|lost) deals?\b", {" deal"}),
    (r"(?<=[月周年天])建的(?=[\u4e00-\u9fff])", {"建的"}),  # look-arounds require nothing
    (r"[年月]底", {"底"}),
    (r"(?:top\s*)?(\d+)名", {"名"}),  # an optional part is not required
    (r"x+y?", {"x"}),
    (r"(a|b*)c", {"c"}),  # the branch that can be empty makes the group useless, not the pattern
])
def test_needles(pattern: str, expected: set[str]) -> None:
    assert needles(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern", [r"\s+", r"(?i)won", r"(a|b?)", r"[^a]+", r"\d{2,}", r"(?:x)*"])
def test_no_needles(pattern: str) -> None:
    assert needles(re.compile(pattern)) is None


def _questions() -> list[str]:
    raw = yaml.safe_load((Path(__file__).parents[2] / "evals/nl2sql/questions.yaml").read_text(encoding="utf-8"))
    return [normalise(e["question"]) for e in raw if e["split"] == "dev"]


def test_sieve_never_drops_a_pattern_that_matches() -> None:
    patterns = [p for p, _ in shorthand._COMPILED]
    sieve = Sieve(patterns)
    for text in _questions()[:400]:
        kept = set(sieve.candidates(text))
        assert [i for i, p in enumerate(patterns) if p.search(text) and i not in kept] == [], text


def test_expand_is_the_rules_applied_in_order() -> None:
    """The sieve is a shortcut only: every rule run in order gives the same text (no known words: no spelling fixes)."""
    for text in _questions()[:400]:
        slow = text
        for pattern, replacement in shorthand._COMPILED:
            slow = pattern.sub(replacement, slow)
        for slip, right in shorthand.SUFFIX_SLIPS:
            slow = slip.sub(right, slow)
        assert shorthand.expand(text, frozenset())[0] == slow, text
