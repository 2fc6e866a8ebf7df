"""A sales-ops analyst's data checks, a new rep's first-person questions and a director's quarterly review:
empty fields, records without an owner, the oldest records, "older than 30 days", "earlier this year",
"7-9月", the bottom three, who leads the team on open amount.

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
    ("线索预算没填的有几条", "SELECT COUNT(*) FROM lead l WHERE l.budget IS NULL"),
    ("没人负责的客户有几家", "SELECT COUNT(*) FROM account a WHERE a.owner_id IS NULL"),
    ("线索里没分配负责人的比例是多少", "SELECT 1.0 * SUM(CASE WHEN l.owner_id IS NULL THEN 1 ELSE 0 END) / COUNT(*) "
     "FROM lead l"),
    # only the age word and the number are taken: "还没分配" between them stays a condition
    ("进系统最早、到现在还没分配的5条线索", "SELECT l.company_name FROM lead l WHERE l.owner_id IS NULL ORDER BY "
     "l.created_at LIMIT 5"),
    ("How many unassigned leads are older than 30 days?", "SELECT COUNT(*) FROM lead l WHERE l.owner_id IS NULL AND "
     "l.created_at < '2026-10-19 00:00:00'"),
    # "no phone calls" is a kind of follow-up that did not happen, not an empty phone field
    ("accounts with no phone calls this month", "SELECT a.name FROM account a WHERE NOT EXISTS (SELECT 1 FROM activity x "
     "WHERE x.account_id = a.id AND x.type = 'call' AND x.occurred_at >= '2026-11-01 00:00:00')"),
    ("number of contacts not flagged as decision makers", "SELECT COUNT(*) FROM contact ct WHERE "
     "ct.is_decision_maker = 0"),
    # up to today: "this year" alone would take a due date's whole year, future installments included
    ("Installments that came due earlier this year and still aren't paid in full", "SELECT p.id FROM payment p WHERE "
     "p.due_date >= '2026-01-01' AND p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"),
    ("逾期60天以上的回款还有几笔没收齐", "SELECT COUNT(*) FROM payment p WHERE " + OVERDUE + " AND p.due_date < "
     "'2026-09-19'"),
    ("Which rep has the most overdue installments?", "SELECT s.name FROM payment p JOIN contract c ON c.id = "
     "p.contract_id JOIN sales_rep s ON s.id = c.owner_id WHERE " + OVERDUE + " GROUP BY s.id, s.name ORDER BY "
     "COUNT(*) DESC, s.id LIMIT 1"),
    ("Contracts with zero collections so far, broken down by month signed", "SELECT strftime('%Y-%m', c.signed_at) "
     "FROM contract c WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.contract_id = c.id AND p.amount_paid > 0) "
     "GROUP BY strftime('%Y-%m', c.signed_at)"),
    ("7-9月全公司丢单数", "SELECT COUNT(*) FROM opportunity o WHERE o.stage = 'closed_lost' AND o.closed_at >= "
     "'2026-07-01 00:00:00' AND o.closed_at < '2026-10-01 00:00:00'"),
    ("第三季度赢单金额垫底的三个团队", "SELECT t.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id JOIN "
     "team t ON t.id = s.team_id WHERE o.stage = 'closed_won' AND o.closed_at >= '2026-07-01 00:00:00' AND "
     "o.closed_at < '2026-10-01 00:00:00' GROUP BY t.id, t.name ORDER BY SUM(o.amount) ASC LIMIT 3"),
    ("Reps who haven't won anything this quarter", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND NOT "
     "EXISTS (SELECT 1 FROM opportunity o WHERE o.owner_id = s.id AND o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-10-01 00:00:00')"),
    ("谁手上在跟的金额最多？看前三", "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE "
     "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation') GROUP BY s.id, s.name ORDER BY "
     "SUM(o.amount) DESC LIMIT 3"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize(("question", "status"), [
    ("下个季度展会大概能带来多少线索", "clarify"),  # a forecast
    ("What's their total contract value?", "clarify"),  # "their", with no earlier question
    ("effective vs ineffective follow-ups by region last month", "clarify"),  # two opposite conditions at once
    ("长沙嘉禾临床检验中心这几条线索分别是谁在跟？", "clarify"),  # a lead is not an account: no name filter on leads
    ("change my 北京市中心医院 deal to closed won", "refused"),
])
def test_asked_back_or_refused(question: str, status: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == status
