"""Numbers as managers write them: 前五, 五十万, 50w, 1.2亿, 500k, 1M, 两百万, 3,000.

`parse_amount` turns one token into a number (yuan); `find_amounts` finds them in a question with their spans.
"""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
SUFFIX = {"w": 10_000, "万": 10_000, "亿": 100_000_000, "k": 1_000, "千": 1_000, "m": 1_000_000, "mn": 1_000_000,
          "million": 1_000_000, "thousand": 1_000, "b": 1_000_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
          "百万": 1_000_000, "千万": 10_000_000, "元": 1, "块": 1}
CN_NUM = "零〇一二两三四五六七八九十百千万亿"
AMOUNT_RE = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>百万|千万|million|thousand|billion|mn|bn|[wkmb万亿千元块])?(?![a-z])"
    r"|(?P<cn>[" + CN_NUM + r"]+)(?P<cnunit>元|块)?", re.IGNORECASE)


def chinese_to_int(text: str) -> int | None:
    """一千二百 -> 1200, 五十万 -> 500000, 十五 -> 15; None when it is not a numeral."""
    if not text or any(ch not in CN_NUM for ch in text):
        return None
    total, section, number = 0, 0, 0
    unit_before = 0  # the unit right before the current digit: "两万五" is 25000, "三千五" 3500 (one order below it)
    last_unit = 0
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
            unit_before, last_unit = last_unit, 0
        elif ch in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[ch]
            number, last_unit = 0, SMALL_UNITS[ch]
        else:  # 万 / 亿
            section += number or (1 if not (total or section) else 0)  # "过亿", "上万": one of the unit
            total = (total + section) * BIG_UNITS[ch] if ch == "亿" else total + section * BIG_UNITS[ch]
            section, number, last_unit = 0, 0, BIG_UNITS[ch]
    if number and unit_before >= 100 and text[-2] not in DIGITS:
        number *= unit_before // 10
    return total + section + number


def parse_amount(token: str) -> float | None:
    m = AMOUNT_RE.fullmatch(token.strip())
    if not m:
        return None
    return _value(m)


def _value(m: re.Match[str]) -> float | None:
    if m.group("num"):
        value = float(m.group("num").replace(",", ""))
        unit = (m.group("unit") or "").lower()
        return value * SUFFIX.get(unit, 1)
    n = chinese_to_int(m.group("cn"))
    return float(n) if n is not None else None


def find_amounts(text: str) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, has_unit) for every number in `text`."""
    out = []
    for m in AMOUNT_RE.finditer(text):
        v = _value(m)
        if v is None:
            continue
        has_unit = bool(m.group("unit") or (m.group("cn") and any(c in "万亿千百" for c in m.group("cn"))))
        out.append((m.start(), m.end(), v, has_unit))
    return out
