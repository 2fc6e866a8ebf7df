"""Competitor names: detect the one a customer named, and mask names before embedding.

The names live in ``lexicon.yaml`` (``competitors:``). Detection feeds the ``{competitor}`` placeholder.
Masking replaces every known name with ``XX`` (the stand-in trainers already use in phrasings such as
你们比XX贵了15%) in both the query and the indexed phrasings, because a small encoder otherwise matches on the
name: 你们比罗氏贵 would land on the entry whose phrasing says 现在用的是罗氏的 instead of the price objection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

MASK = "XX"


@dataclass(frozen=True)
class Competitor:
    """A competitor the customer named, with its display names."""

    zh: str
    en: str


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[re.Pattern[str], Competitor], ...]:
    text = resources.files("retrieval").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    rows = []
    for item in yaml.safe_load(text).get("competitors") or []:
        aliases = sorted((str(a) for a in item["aliases"]), key=len, reverse=True)
        parts = [re.escape(a) if re.search(r"[^\x00-\x7f]", a) else rf"\b{re.escape(a)}\b" for a in aliases]
        rows.append((re.compile("|".join(parts), re.IGNORECASE), Competitor(str(item["zh"]), str(item["en"]))))
    return tuple(rows)


@lru_cache(maxsize=1)
def _any() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p, _ in _table()), re.IGNORECASE)


def detect_competitor(text: str) -> Competitor | None:
    """The first known competitor named in ``text`` (by position), if any."""
    found: list[tuple[int, Competitor]] = []
    for pattern, competitor in _table():
        match = pattern.search(text)
        if match:
            found.append((match.start(), competitor))
    return min(found, key=lambda f: f[0])[1] if found else None


def mask_competitors(text: str) -> str:
    """``text`` with every known competitor name replaced by ``XX``."""
    return _any().sub(MASK, text)
