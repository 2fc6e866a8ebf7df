"""A question being parsed: its normalised text and which characters the recognisers have understood."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any


@dataclass
class Question:
    text: str
    used: list[bool]
    en: bool
    found: dict[str, Any] = field(default_factory=dict)

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.used[i] = True

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def search(self, pattern: str, *, word: bool = False) -> re.Match[str] | None:
        for m in compiled(pattern, word).finditer(self.text):
            if self.free(*m.span()):
                return m
        return None

    def take_first(self, words: tuple[str, ...] | list[str]) -> str | None:
        for w in longest_first(tuple(words)):
            if w.lower() not in self.text:  # cheap test before the regular expression
                continue
            m = self.search(re.escape(w.lower()), word=w.isascii())
            if m:
                self.take(*m.span())
                return w
        return None

    def leftover(self) -> str:
        return "".join(ch if not u else " " for ch, u in zip(self.text, self.used, strict=True))


@cache
def compiled(pattern: str, word: bool = False) -> re.Pattern[str]:
    """Compiled once: a question runs a few thousand searches, more than re's own cache holds."""
    return re.compile(rf"(?<![a-z]){pattern}(?![a-z])" if word else pattern)


@cache
def longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def normalise(question: str) -> str:
    text = unicodedata.normalize("NFKC", question).lower().replace("\u2019", "'").replace("\u2018", "'")
    # one spelling of a negated auxiliary, so patterns need only "haven't" ("have not" and "haven’t" read the same)
    text = re.sub(r"\b(have|has|had|do|does|did) not\b", r"\1n't", text)
    return re.sub(r"\s+", " ", text).strip()
