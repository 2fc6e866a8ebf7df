"""Word-level BM25 over Chinese (jieba) and English tokens, that only votes when it has real overlap.

The dense model carries most of the recall; this ranker adds exact-term evidence (competitor names, 返利,
进场费, 账期 ...) that a small multilingual encoder blurs. Chinese is cut into words with jieba (search mode)
extended by a domain user dictionary, English into lower-case words with a light suffix stemmer; synonyms are
folded to one form and stop words dropped, all from ``lexicon.yaml``. A document is only reported when the
query's matched words carry at least ``min_coverage`` of the query's IDF mass, so character-level coincidences
never push noise into the fused ranking.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

log = logging.getLogger(__name__)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_EN_WORD = re.compile(r"[a-z][a-z0-9]*|\d+(?:\.\d+)?%?")
_CJK_RUN = re.compile(f"[{_CJK}0-9%]+")
COMPETITOR_WORD = "竞品"


@dataclass(frozen=True)
class Lexicon:
    """Domain words, synonym map and stop words, loaded from ``lexicon.yaml``."""

    user_words: tuple[str, ...]
    synonyms: dict[str, str]
    stop_words: frozenset[str]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    text = resources.files("retrieval").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return lexicon_from_mapping(yaml.safe_load(text))


def lexicon_from_mapping(data: dict[str, Any]) -> Lexicon:
    synonyms: dict[str, str] = {}
    for group in data.get("synonyms") or []:
        canonical = str(group[0]).lower()
        for word in group:
            synonyms[str(word).lower()] = canonical
    stops = data.get("stop_words") or {}
    stop_words = frozenset(str(w).lower() for lang in ("zh", "en") for w in stops.get(lang) or [])
    # Naming a competitor says "a competitor is involved", not which objection this is: fold every name
    # (and the rep's stand-in "XX") to the generic word, so 你们比罗氏贵 matches 比竞品贵.
    for item in data.get("competitors") or []:
        for alias in item.get("aliases") or []:
            synonyms.setdefault(str(alias).lower(), COMPETITOR_WORD)
    synonyms.setdefault("xx", COMPETITOR_WORD)
    words = tuple(str(w) for w in data.get("user_words") or [])
    # synonym variants must be kept whole by jieba too
    extra = tuple(w for w in synonyms if re.search(f"[{_CJK}]", w) and w not in words)
    return Lexicon(words + extra, synonyms, stop_words)


_JIEBA_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _jieba_for(words: tuple[str, ...]) -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _JIEBA_LOCK:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word in words:
            tokenizer.add_word(word, freq=20000)
    return tokenizer


def _stem(word: str) -> str:
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + keep
    return word


class Tokenizer:
    """Query/document tokenizer shared by indexing and search, so both sides fold words the same way."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self._jieba = _jieba_for(self.lexicon.user_words)

    def _fold(self, word: str) -> str | None:
        word = self.lexicon.synonyms.get(word, word)
        if word in self.lexicon.stop_words or not word.strip():
            return None
        return word

    def groups(self, text: str) -> list[tuple[str, ...]]:
        """Word groups: each precise-mode word first, then the dictionary sub-words jieba finds inside it.

        A query word counts as matched when any form of its group occurs in a document, so a compound like
        经费有限 still matches 经费 (folded to 预算) without inflating the query's IDF mass.
        """
        text = unicodedata.normalize("NFKC", text).lower()
        out: list[tuple[str, ...]] = []
        for match in _EN_WORD.finditer(text):
            word = match.group()
            if word.isalpha():
                word = self.lexicon.synonyms.get(word, word)
                word = self.lexicon.synonyms.get(_stem(word), _stem(word))
            if word not in self.lexicon.stop_words:
                out.append((word,))
        for run in _CJK_RUN.findall(text):
            if not re.search(f"[{_CJK}]", run):
                continue  # pure digits were handled with the English words
            for piece in self._jieba.cut(run, HMM=True):
                forms = [piece]
                if len(piece) > 2:
                    for n in (2, 3):
                        forms += [
                            piece[i : i + n]
                            for i in range(len(piece) - n + 1)
                            if piece[i : i + n] in self._jieba.FREQ
                        ]
                folded = [f for f in (self._fold(f) for f in forms) if f is not None]
                folded = [f for f in dict.fromkeys(folded) if re.search(f"[{_CJK}]", f)]
                if folded and forms[0] not in self.lexicon.stop_words:
                    out.append(tuple(folded))
        return out

    def tokens(self, text: str) -> list[str]:
        """All word forms of ``text`` (heads and sub-words), for indexing."""
        return [form for group in self.groups(text) for form in group]


@dataclass(frozen=True)
class LexicalHit:
    """A document the lexical ranker votes for: its BM25 score and the share of query IDF it matched."""

    doc: int
    score: float
    coverage: float
    matched: tuple[str, ...]


class LexicalIndex:
    """BM25 (Okapi) over short documents with an inverted index; pure Python, built in milliseconds."""

    def __init__(
        self,
        docs: Sequence[str],
        *,
        tokenizer: Tokenizer | None = None,
        k1: float = 1.2,
        b: float = 0.5,
        min_coverage: float = 0.34,
    ) -> None:
        self.tokenizer = tokenizer or Tokenizer()
        self.k1, self.b, self.min_coverage = k1, b, min_coverage
        self._tf: list[Counter[str]] = [Counter(self.tokenizer.tokens(d)) for d in docs]
        self._len = [sum(c.values()) for c in self._tf]
        self._avg = (sum(self._len) / len(self._len)) if self._len else 1.0
        postings: dict[str, list[int]] = defaultdict(list)
        for i, counts in enumerate(self._tf):
            for word in counts:
                postings[word].append(i)
        self._postings = dict(postings)
        n = len(self._tf)
        self._idf = {w: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for w, p in postings.items()}
        # A query word the library never uses weighs like a typical word, not like the rarest one.
        self._unseen_weight = statistics.median(self._idf.values()) if self._idf else 1.0

    def __len__(self) -> int:
        return len(self._tf)

    def search(self, query: str, *, min_coverage: float | None = None) -> list[LexicalHit]:
        """Documents with real overlap with ``query`` (matched IDF share >= ``min_coverage``), best first."""
        floor = self.min_coverage if min_coverage is None else min_coverage
        groups = list(dict.fromkeys(self.tokenizer.groups(query)))
        if not groups or not self._tf:
            return []
        weights = [self._group_weight(g) for g in groups]
        mass = sum(weights)
        scores: dict[int, float] = defaultdict(float)
        covered: dict[int, float] = defaultdict(float)
        matched: dict[int, list[str]] = defaultdict(list)
        for group, weight in zip(groups, weights, strict=True):
            best: dict[int, tuple[float, str]] = {}
            for form in group:
                idf = self._idf.get(form)
                if idf is None:
                    continue
                for doc in self._postings[form]:
                    tf = self._tf[doc][form]
                    norm = self.k1 * (1 - self.b + self.b * self._len[doc] / self._avg)
                    part = idf * tf * (self.k1 + 1) / (tf + norm)
                    if part > best.get(doc, (0.0, ""))[0]:
                        best[doc] = (part, form)
            for doc, (part, form) in best.items():
                scores[doc] += part
                covered[doc] += weight
                matched[doc].append(form)
        hits = [
            LexicalHit(doc, score, covered[doc] / mass, tuple(matched[doc]))
            for doc, score in scores.items()
            if covered[doc] / mass >= floor and covered[doc] > 0
        ]
        hits.sort(key=lambda h: (-h.score, h.doc))
        return hits

    def _group_weight(self, group: tuple[str, ...]) -> float:
        known = [self._idf[f] for f in group if f in self._idf]
        return max(known) if known else self._unseen_weight
