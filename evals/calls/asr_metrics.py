"""Word and character error rates for transcription quality (WER for English, CER for Chinese).

Texts are normalised before scoring: lower case, punctuation removed, Chinese converted to simplified
characters; WER compares word sequences, CER compares characters with spaces removed. Edit distances come
from rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

_NUMBER_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
                 "8": "eight", "9": "nine", "10": "ten", "mr": "mister", "mrs": "missus", "dr": "doctor"}


def _strip_punct(text: str) -> str:
    return "".join(" " if unicodedata.category(ch).startswith(("P", "S")) else ch for ch in text)


def normalise_en(text: str) -> list[str]:
    words = _strip_punct(text.lower().replace("'", "")).split()
    return [_NUMBER_WORDS.get(w, w) for w in words]


def normalise_zh(text: str) -> list[str]:
    import zhconv

    text = zhconv.convert(text, "zh-cn")
    return [ch for ch in _strip_punct(text) if not ch.isspace()]


def error_rate(reference: list[str], hypothesis: list[str]) -> float:
    if not reference:
        return 0.0 if not hypothesis else 1.0
    return Levenshtein.distance(reference, hypothesis) / len(reference)


def wer(reference: str, hypothesis: str) -> float:
    return error_rate(normalise_en(reference), normalise_en(hypothesis))


def cer(reference: str, hypothesis: str) -> float:
    return error_rate(normalise_zh(reference), normalise_zh(hypothesis))


def score(reference: str, hypothesis: str, language: str) -> tuple[str, float]:
    """("CER", value) for Chinese, ("WER", value) otherwise."""
    if language == "zh" or re.search(r"[\u4e00-\u9fff]", reference):
        return "CER", cer(reference, hypothesis)
    return "WER", wer(reference, hypothesis)
