"""The lexical ranker: jieba words with the domain dictionary, synonym folding, and the real-overlap rule."""

from __future__ import annotations

import pytest

from retrieval.lexical import LexicalIndex, Tokenizer


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer()


def _flat(tok: Tokenizer, text: str) -> set[str]:
    return set(tok.tokens(text))


@pytest.mark.parametrize(
    "text,present",
    [
        ("带量采购以后价格压得很低", {"带量采购"}),
        ("进场费太高了，账期也要90天", {"进场费", "账期", "90"}),
        ("三甲医院要走院办会", {"三甲", "院办会"}),
        ("你们比罗氏贵了15%", {"竞品", "贵", "15%"}),  # competitor names fold to 竞品
        ("XX家便宜多了", {"竞品", "便宜"}),
        ("经费有限", {"预算"}),  # synonym inside a compound word
        ("The budgets are frozen", {"budget", "frozen"}),
        ("Roche is cheaper", {"竞品"}),
    ],
)
def test_tokens(tok: Tokenizer, text: str, present: set[str]) -> None:
    assert present <= _flat(tok, text)


def test_stop_words_and_symbols_are_dropped(tok: Tokenizer) -> None:
    assert tok.tokens("我们的，了吗？😀") == []
    assert "the" not in _flat(tok, "the price is high")


DOCS = ["价格比竞品贵", "预算不够", "领导还没批", "进场费太高", "发点资料我看看", "Your lead time is too long"]


@pytest.fixture(scope="module")
def index(tok: Tokenizer) -> LexicalIndex:
    return LexicalIndex(DOCS, tokenizer=tok, min_coverage=0.34)


@pytest.mark.parametrize(
    "query,doc",
    [("你们比罗氏贵", 0), ("经费有限", 1), ("进场费能不能少点", 3), ("先发个资料看看", 4), ("lead times are long", 5)],
)
def test_real_overlap_votes_for_the_right_document(index: LexicalIndex, query: str, doc: int) -> None:
    hits = index.search(query)
    assert hits and hits[0].doc == doc
    assert 0 < hits[0].coverage <= 1


@pytest.mark.parametrize("query", ["随便聊聊", "今天天气怎么样", "😀", "who won the football"])
def test_no_vote_without_real_overlap(index: LexicalIndex, query: str) -> None:
    assert index.search(query) == []


def test_weak_overlap_is_below_the_floor_but_visible_with_floor_zero(index: LexicalIndex) -> None:
    query = "我们的领导和采购部门、财务部门、设备科都要一起开会讨论方案"
    assert index.search(query) == []  # one shared word among many is not real overlap
    weak = index.search(query, min_coverage=0.0)
    assert weak and weak[0].doc == 2 and weak[0].coverage < 0.34
