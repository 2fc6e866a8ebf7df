"""Check a rep's query before retrieval and detect its language.

Bad input never reaches the model: an empty or whitespace query, one longer than :data:`MAX_CHARS`, one made
only of emoji, digits or punctuation, or one written in a script the assistant does not support (Japanese kana,
Korean, Cyrillic, Arabic, Thai ...) raises :class:`~retrieval.errors.QueryError` with a bilingual message. The
language is ``zh`` when CJK characters make up a real share of the letters, else ``en``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from retrieval.errors import QueryError

MAX_CHARS = 1000
SUPPORTED_LANGS = ("zh", "en")
_CJK_SHARE_FOR_ZH = 0.2


@dataclass(frozen=True)
class CheckedQuery:
    """A query that passed the checks: text normalised for matching (NFKC), text for display, language."""

    text: str
    lang: Literal["zh", "en"]
    detected_lang: Literal["zh", "en"]
    display: str = ""


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF:
        return "han"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if ch.isalpha():
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            return "latin"
        return "other"
    return "none"


def script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in text:
        script = _script(ch)
        if script != "none":
            counts[script] = counts.get(script, 0) + 1
    return counts


def detect_lang(text: str) -> Literal["zh", "en"]:
    """``zh`` when Han characters are at least a fifth of the letters (Chinese words are one character each)."""
    counts = script_counts(text)
    han = counts.get("han", 0)
    letters = sum(counts.values())
    return "zh" if letters and han / letters >= _CJK_SHARE_FOR_ZH else "en"


def check_query(text: str | None, *, lang: str | None = None) -> CheckedQuery:
    """Validate and clean ``text``; ``lang`` (``zh``/``en``) overrides the detected answer language."""
    if lang is not None and lang not in SUPPORTED_LANGS:
        raise QueryError(
            f"不支持的语言：{lang}（支持 zh、en）",
            f"Unsupported language: {lang} (supported: zh, en)",
            details={"reason": "unsupported_lang_option", "lang": lang},
        )
    cleaned = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if not cleaned:
        raise QueryError(
            "请输入客户的异议，例如：你们比XX贵了15%",
            'Please type what the customer said, e.g. "You\'re 15% more expensive than X"',
            details={"reason": "empty"},
        )
    if len(cleaned) > MAX_CHARS:
        raise QueryError(
            f"输入太长（{len(cleaned)} 字），请只输入客户说的那一两句话（不超过 {MAX_CHARS} 字）",
            f"The input is too long ({len(cleaned)} characters); type only the customer's one or two sentences "
            f"(at most {MAX_CHARS})",
            details={"reason": "too_long", "length": len(cleaned), "max": MAX_CHARS},
        )
    counts = script_counts(cleaned)
    letters = sum(counts.values())
    if letters == 0:
        raise QueryError(
            "没有识别到文字（只有表情、数字或符号），请用中文或英文描述客户的异议",
            "No words found (only emoji, digits or symbols); describe the objection in Chinese or English",
            details={"reason": "no_text"},
        )
    supported = counts.get("han", 0) + counts.get("latin", 0)
    foreign = letters - supported
    if counts.get("kana", 0) or counts.get("hangul", 0) or foreign / letters > 0.5:
        raise QueryError(
            "暂不支持这种语言，请用中文或英文输入",
            "This language is not supported yet; please type in Chinese or English",
            details={"reason": "unsupported_language", "scripts": counts},
        )
    detected = detect_lang(cleaned)
    display = " ".join((text or "").split())
    return CheckedQuery(cleaned, lang or detected, detected, display)  # type: ignore[arg-type]
