"""Contracts and their installments as a collections desk says them: a contract by its number ("HT202608-000001",
looked up exactly; an unknown number is asked back), "逾期超过六十天" in Chinese numerals, the ten biggest overdue
installments (those installments, ranked, not a total), what is still to fall due ("这个月还有哪些回款要到期": from
today, not paid in full), "没有任何逾期的合同", "一笔逾期都没有", "收到了几笔回款".

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

from sql.pipeline import answer
from sql.validator import Caller

OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"

HAND_WRITTEN = [
    ("HT202608-000001这份合同已经付了多少", "SELECT SUM(p.amount_paid) FROM payment p JOIN contract c ON c.id = "
     "p.contract_id WHERE c.contract_no = 'HT202608-000001'"),
    ("installments on HT202607-000002", "SELECT p.id FROM payment p JOIN contract c ON c.id = p.contract_id WHERE "
     "c.contract_no = 'HT202607-000002'"),
    ("逾期超过六十天的分期有几笔", f"SELECT COUNT(*) FROM payment p WHERE {OVERDUE} AND p.due_date < '2026-09-19'"),
    ("欠款最多的前十笔逾期分期", f"SELECT p.id FROM payment p WHERE {OVERDUE} ORDER BY p.amount_due - p.amount_paid DESC "
     "LIMIT 10"),
    ("执行中但没有任何逾期的合同", "SELECT c.contract_no FROM contract c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 "
     f"FROM payment p WHERE p.contract_id = c.id AND {OVERDUE})"),
    ("哪些业务员名下一笔逾期都没有", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND NOT EXISTS (SELECT 1 FROM "
     f"payment p JOIN contract c ON c.id = p.contract_id WHERE c.owner_id = s.id AND {OVERDUE})"),
    ("这个月还有哪些回款要到期", "SELECT p.id FROM payment p WHERE p.due_date >= '2026-11-18' AND p.due_date < '2026-12-01' "
     "AND p.amount_paid < p.amount_due"),
    ("installments still to fall due this month", "SELECT p.id FROM payment p WHERE p.due_date >= '2026-11-18' AND "
     "p.due_date < '2026-12-01' AND p.amount_paid < p.amount_due"),
    ("近30天收到了几笔回款", "SELECT COUNT(*) FROM payment p WHERE p.amount_paid > 0 AND p.paid_at >= '2026-10-19 00:00:00'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_an_unknown_contract_number_is_asked_back(small_engine: Engine) -> None:
    outcome = answer("HT209912-999999 付了多少", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"
    assert outcome.clarification is not None and "HT209912-999999" in outcome.clarification.question
