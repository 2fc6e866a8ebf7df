"""Counted negation ("一笔回款都没进来", "一单没赢"), two periods on two conditions, and "before" a period.

Each answer is checked against SQL written by hand for the same question on the small database, so a condition that
is dropped, negated the wrong way or given the wrong period fails the test.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

from sql.pipeline import answer
from sql.validator import Caller

OPEN = "('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
HAND_WRITTEN = [
    # "not one payment came in": no payment with money received, in the window when one is said
    ("近30天一笔回款都没进来的执行中合同",
     "SELECT c.contract_no FROM contract c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM payment p WHERE "
     "p.contract_id = c.id AND p.amount_paid > 0 AND p.paid_at >= '2026-10-19 00:00:00')"),
    ("哪些执行中的合同到现在一期款都没收到",
     "SELECT c.contract_no FROM contract c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM payment p WHERE "
     "p.contract_id = c.id AND p.amount_paid > 0)"),
    # an overdue installment and no money lately: both conditions kept
    ("有逾期、但近30天一笔回款都没进来的合同",
     "SELECT c.contract_no FROM contract c WHERE EXISTS (SELECT 1 FROM payment p WHERE p.contract_id = c.id AND "
     "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due) AND NOT EXISTS (SELECT 1 FROM payment p WHERE "
     "p.contract_id = c.id AND p.amount_paid > 0 AND p.paid_at >= '2026-10-19 00:00:00')"),
    ("执行中的合同里哪些没有逾期的",
     "SELECT c.contract_no FROM contract c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM payment p WHERE "
     "p.contract_id = c.id AND p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due)"),
    ("三甲医院里哪些现在一个在跟的商机都没有",
     "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND a.hospital_grade = '3A' AND NOT EXISTS ("
     f"SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage IN {OPEN})"),
    # a rep's contracts are the ones they own, and so are the installments on them
    ("有合同但名下没有任何逾期款的业务员",
     "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND EXISTS (SELECT 1 FROM contract c WHERE c.owner_id = s.id) "
     "AND NOT EXISTS (SELECT 1 FROM payment p JOIN contract c ON c.id = p.contract_id WHERE c.owner_id = s.id AND "
     "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due)"),
    # products: sold on a won deal with a line for them
    ("今年哪些产品一单都没卖出去",
     "SELECT p.name FROM product p WHERE NOT EXISTS (SELECT 1 FROM opportunity o JOIN opportunity_line ol ON "
     "ol.opportunity_id = o.id WHERE ol.product_id = p.id AND o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-01-01 00:00:00')"),
    # two periods, each on the condition written next to it
    ("上季度赢过单、这季度却一单没赢的业务员",
     "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.owner_id = "
     "s.id AND o.stage = 'closed_won' AND o.closed_at >= '2026-07-01 00:00:00' AND o.closed_at < '2026-10-01 00:00:00') "
     "AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.owner_id = s.id AND o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-10-01 00:00:00')"),
    # a contract said of the accounts belongs to the deal's account, not to the deal itself
    ("已签约客户身上在跟的商机有哪些", f"SELECT o.name FROM opportunity o WHERE o.stage IN {OPEN} AND EXISTS (SELECT 1 "
     "FROM contract c WHERE c.account_id = o.account_id)"),
    # "before" a period: everything up to its start
    ("Contracts signed before September that haven't received any payment yet",
     "SELECT c.contract_no FROM contract c WHERE c.signed_at < '2026-09-01 00:00:00' AND NOT EXISTS (SELECT 1 FROM "
     "payment p WHERE p.contract_id = c.id AND p.amount_paid > 0)"),
    ("9月之前签的合同有多少份", "SELECT COUNT(*) FROM contract c WHERE c.signed_at < '2026-09-01 00:00:00'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize("question", [
    "本月签的合同里上周没回款的",  # two periods, one condition on other records: which is which is a guess
    "上周和本月都没跟进的客户",
])
def test_two_periods_without_two_conditions_ask_back(question: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"
