"""Chat shorthand and typing slips: expanded or corrected when unambiguous, real unknown words left to ask back."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from sql.names import NameIndex
from sql.question import normalise
from sql.shorthand import expand
from sql.vocabulary import known_words


@pytest.fixture(scope="module")
def known(small_engine: Engine) -> frozenset[str]:
    return known_words(NameIndex.load(small_engine))


@pytest.mark.parametrize(("typed", "read"), [
    ("won amt this yr", "won amount this year"),
    ("leads by source this wk", "leads by source this week"),
    ("avg lead response hrs last 30d", "avg lead response hours last 30 days"),
    ("class a accts w/o any deals", "a类 accounts without any deals"),
    ("3a hosptials in chongqing", "3a hospitals in chongqing"),
    ("open pipline", "open pipeline"),
    ("谈判阶段 超100w的单", "谈判阶段 超过100w的单"),
    ("本季输单原因分布", "本季度输单原因分布"),
])
def test_shorthand_is_expanded(typed: str, read: str, known: frozenset[str]) -> None:
    assert expand(normalise(typed), known)[0] == read


@pytest.mark.parametrize("typed", ["sales quota by rep", "customer satisfaction scores", "list contacts",
                                   "write a haiku", "activities by type", "industrial customers"])
def test_real_words_are_not_corrected(typed: str, known: frozenset[str]) -> None:
    text, notes = expand(normalise(typed), known)
    assert text == normalise(typed) and notes == ()


def test_a_correction_is_shown_in_the_interpretation(small_engine: Engine) -> None:
    from datetime import date

    from sql.pipeline import answer
    from sql.validator import Caller

    outcome = answer("open pipline in hosptials", engine=small_engine, caller=Caller.admin(), today=date(2026, 11, 18))
    assert outcome.status == "answered"
    assert "pipline" in outcome.interpretation and "hosptials" in outcome.interpretation
