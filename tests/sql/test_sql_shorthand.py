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
    ("谈判阶段 超100w的单", "谈判阶段超过100w的单"),  # keyword spaces joined too
    ("本季输单原因分布", "本季度输单原因分布"),
    # mixed Chinese and English chat shorthand
    ("这个Q的pipeline一共多少", "本季度的pipeline一共多少"), ("各大区win率", "各大区赢单率"), ("华东本Q胜率", "华东本季度赢单率"),
    ("今年H1的合同额多少", "今年上半年的合同额多少"), ("4hr response rate last wk", "4 hour response rate last week"),
    ("lead conv rate from referrals", "lead conversion rate from referrals"), ("reps who left the co", "reps who left the company"),
    ("list accts that r churned", "list accounts that are churned"), ("how many leads came in yday", "how many leads came in yesterday"),
    ("contarcts over 5m", "contracts over 5m"),
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


def _index(reps: list[str]) -> NameIndex:
    return NameIndex(reps={n: [(i, n)] for i, n in enumerate(reps, 1)}, accounts={}, cities=set(), provinces=set(),
                     products={}, product_lines=set(), bigrams={}, teams={})


@pytest.mark.parametrize(("question", "found"), [
    ("郑茜今年赢了几单", "郑倩"),            # one wrong given-name character, standing alone
    ("pull up the open deals for 郑茜", "郑倩"),
    ("王总的客户", None),                   # a title, not a mistyped name
    ("金额高于50万的商机", None),            # a word inside the sentence
    ("吴莉的客户", None),                   # two reps surnamed 吴 with two characters: ask, do not pick
])
def test_a_two_character_name_mistyped_is_found_only_where_it_stands_as_a_name(question: str, found: str | None) -> None:
    hits = _index(["郑倩", "王伟", "高娜", "吴丽", "吴凯", "张志强"]).find(question)
    assert [h.name for h in hits if h.kind == "rep"] == ([found] if found else [])


@pytest.mark.parametrize(("typed", "expected"), [
    ("win rate by regoin this quarter", "region"),                     # two letters swapped
    ("what's our total overdue amount right now? finance keeps asking me", "total overdue amount"),  # "right now": no condition
    ("ok how many is that", "how many is that"),
])
def test_swapped_letters_and_remarks(typed: str, expected: str, known: frozenset[str]) -> None:
    assert expected in expand(typed, known)[0]


def test_a_question_parsed_again_compiles_almost_no_pattern(small_engine: Engine) -> None:
    """The parser's patterns are more than re's cache holds: any pattern built per call instead of compiled once
    evicts the others, and every question then recompiles hundreds of them (p95 parse time 13 -> 113 ms once)."""
    import re._compiler
    from datetime import date
    from unittest import mock

    from sql.parser import parse
    from sql.pipeline import name_index

    names = name_index(small_engine)
    questions = ["今年回款最多的前十个客户", "郑茜今年赢了几单", "which 3A hospitals have no open deals? thx",
                 "华北医院在跟的商机里金额最大的前5个，周会要复盘", "Excluding the churned ones, how many hospital accounts"]
    for question in questions:
        parse(question, today=date(2026, 11, 18), names=names)
    with mock.patch.object(re._compiler, "compile", wraps=re._compiler.compile) as spy:
        for question in questions:
            parse(question, today=date(2026, 11, 18), names=names)
    assert spy.call_count <= 20  # a handful of constant patterns still drop out of the cache; it was hundreds


@pytest.mark.parametrize(("typed", "fixed"), [("银川华润医疗科技有限工司的逾期金额", "有限公司"), ("蚌埠市骨科医园", "骨科医院"),
                                              ("沈阳联华医药贸易有线公司", "有限公司"), ("化学发光免疫分析议 c300", "分析仪")])
def test_slips_in_name_endings_are_fixed_and_reported(typed: str, fixed: str) -> None:
    """The name match finds a name by its ending, so a slip there is fixed before it, and the answer says so."""
    text, notes = expand(typed, frozenset())
    assert fixed in text and notes
