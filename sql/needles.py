"""The literal text a regular expression cannot match without: a cheap test before running it.

The shorthand table holds well over a thousand patterns and nearly all of them miss any one question; running each
costs a call into the regular-expression engine (1.5 ms of a question's parse time went there). A pattern such as
``(过去|近|最近|这)半年(?!度)`` cannot match a text without "半年", and ``"半年" in text`` costs a few nanoseconds.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

# re's own parser: private, but the one way to read a pattern as the engine does (sre_parse is its deprecated alias).
_sre: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

Needles = frozenset[str]


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """Strings of which every match contains at least one, or None when no such set is known."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _sequence(_sre.parse(pattern.pattern, pattern.flags))


class Sieve:
    """Which of many patterns may match a text: each distinct needle is looked for once, not once per pattern."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.always: list[int] = []
        self.by_needle: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            found = needles(pattern)
            if found is None:
                self.always.append(i)
            for n in found or ():
                self.by_needle.setdefault(n, []).append(i)

    def candidates(self, text: str, start: int = 0) -> list[int]:
        """Indices from `start` on, in order, of the patterns that may match `text`."""
        out = set(self.always)
        for n, indices in self.by_needle.items():
            if n in text:
                out.update(indices)
        return sorted(i for i in out if i >= start)


def _sequence(items: Any) -> Needles | None:
    """Every item of a sequence is required: the best-selecting one of their needle sets stands for the whole."""
    candidates: list[Needles] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        found = _item(op, av)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset({"".join(run)}))
    return max(candidates, key=lambda s: (min(map(len, s)), -len(s))) if candidates else None


def _item(op: Any, av: Any) -> Needles | None:
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av
        return None if add_flags & (re.IGNORECASE | re.VERBOSE) else _sequence(body)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.BRANCH:
        branches = [_sequence(b) for b in av[1]]
        if any(b is None for b in branches):
            return None  # one branch can match without any known text
        return frozenset().union(*[b for b in branches if b is not None])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(body) if low >= 1 else None
    if op is _c.IN and all(kind is _c.LITERAL for kind, _ in av):
        return frozenset(chr(v) for _, v in av)  # a class of plain characters ("[年月]"); NEGATE, ranges: no
    return None  # anchors, any character, look-arounds, back-references: nothing literal is required
