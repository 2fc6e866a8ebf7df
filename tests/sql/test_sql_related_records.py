"""Conditions on other records: several at once, deals with a product, accounts that came from leads.

Each answer is checked against SQL written by hand for the same question, run on the same small database, so a
condition that is dropped or attached to the wrong records fails the test.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text

from sql.pipeline import answer
from sql.validator import Caller

HAND_WRITTEN = [
    # two conditions on other records, both kept
    ("华北区签了合同、但到现在一分钱都没回款的客户",
     "SELECT a.name FROM account a JOIN region r ON r.id = a.region_id WHERE r.code = 'north' AND EXISTS (SELECT 1 FROM "
     "contract c WHERE c.account_id = a.id) AND NOT EXISTS (SELECT 1 FROM payment p JOIN contract c ON c.id = "
     "p.contract_id WHERE c.account_id = a.id AND p.amount_paid > 0)"),
    # the window belongs to the condition written next to it: the visits, not the overdue installments
    ("有逾期款但这个月没人去拜访的客户",
     "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM payment p JOIN contract c ON c.id = p.contract_id WHERE "
     "c.account_id = a.id AND p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due) AND NOT EXISTS (SELECT 1 FROM "
     "activity x WHERE x.account_id = a.id AND x.type = 'visit' AND x.occurred_at >= '2026-11-01 00:00:00')"),
    ("Northeast accounts that signed a contract this year but have no open deals right now",
     "SELECT a.name FROM account a JOIN region r ON r.id = a.region_id WHERE r.code = 'northeast' AND EXISTS (SELECT 1 "
     "FROM contract c WHERE c.account_id = a.id AND c.signed_at >= '2026-01-01 00:00:00') AND NOT EXISTS (SELECT 1 FROM "
     "opportunity o WHERE o.account_id = a.id AND o.stage IN ('initial_contact', 'needs_analysis', 'proposal', "
     "'negotiation'))"),
    # accounts that came from a converted lead, of a source
    ("which accounts came out of trade-show leads?",
     "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM lead l WHERE l.converted_account_id = a.id AND "
     "l.source = 'trade_show')"),
    ("一共有多少家客户是从线索转化过来的", "SELECT COUNT(*) FROM account a WHERE EXISTS (SELECT 1 FROM lead l WHERE "
     "l.converted_account_id = a.id)"),
    # products by a short name, a model code beside a generic word, and a term that covers a whole line
    ("彩超X5今年卖了几台",
     "SELECT SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id JOIN product p ON "
     "p.id = ol.product_id WHERE p.sku = 'US-X5' AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"),
    ("How many units of the M8 monitor did we sell this year?",
     "SELECT SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id JOIN product p ON "
     "p.id = ol.product_id WHERE p.sku = 'MON-M8' AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"),
    # units of a line count that line's products only, not every line of the deals
    ("试剂盒今年卖了多少盒",
     "SELECT SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id JOIN product p ON "
     "p.id = ol.product_id WHERE p.product_line = '诊断试剂' AND o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-01-01 00:00:00'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with small_engine.connect() as conn:
        expected = sorted(tuple(r)[:1] for r in conn.execute(text(sql)))
    got = sorted(tuple(r)[:1] for r in outcome.result.rows)
    assert got == expected
    assert expected and expected != [(None,)], "the hand-written SQL must find something on the small database"


@pytest.mark.parametrize("question", ["超声今年卖了几台的单子在哪个阶段", "how many analyzers did we sell"])
def test_a_product_word_of_several_products_is_never_one_of_them(question: str, small_engine: Engine) -> None:
    """超声 names the X5 and the P2 (the whole imaging line): either the line or a question, never one product."""
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    if outcome.status == "answered":
        assert outcome.query is not None
        assert "product_line" in outcome.query.sql
    else:
        assert outcome.status == "clarify"


def test_a_catalogue_without_products_finds_no_product() -> None:
    """Generic words beside a model code ("monitor", "analyzer") name no product by themselves, even in an empty CRM."""
    from sql.names import NameIndex, _product_words

    index = NameIndex({}, {}, set(), set(), {}, set(), {}, {}, product_words=_product_words([]))
    assert index.find("how many units of the m8 monitor and the analyzer kit") == []
