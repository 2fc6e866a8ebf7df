"""A finance controller's and a sales manager's everyday wording: installments still owed, money in, receivables
("AR") by due date, leads not contacted in time, deals that entered a stage, "since Monday", the weekend.

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

HAND_WRITTEN = [
    ("A类客户 哪些合同还没收齐", "SELECT c.contract_no FROM contract c JOIN account a ON a.id = c.account_id WHERE "
     "a.customer_class = 'A' AND EXISTS (SELECT 1 FROM payment p WHERE p.contract_id = c.id AND p.amount_paid < "
     "p.amount_due)"),
    ("医院客户逾期的钱有多少", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON c.id = "
     "p.contract_id JOIN account a ON a.id = c.account_id WHERE a.account_type = 'hospital' AND p.due_date < "
     "'2026-11-18' AND p.amount_paid < p.amount_due"),
    ("total AR due in December", "SELECT SUM(p.amount_due) FROM payment p WHERE p.due_date >= '2026-12-01' AND "
     "p.due_date < '2027-01-01'"),
    ("下周还要收多少钱", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p WHERE p.due_date >= '2026-11-23' AND "
     "p.due_date < '2026-11-30' AND p.amount_paid < p.amount_due"),
    # a name typed without one character, right before the next word: the name does not swallow that word
    ("湖南肿瘤医院还有多少钱没收回来", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON "
     "c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE a.name = '湖南省肿瘤医院' AND p.amount_paid < "
     "p.amount_due"),
    ("reps who collected nothing last month", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND NOT EXISTS ("
     "SELECT 1 FROM payment p JOIN contract c ON c.id = p.contract_id WHERE c.owner_id = s.id AND p.amount_paid > 0 "
     "AND p.paid_at >= '2026-10-01 00:00:00' AND p.paid_at < '2026-11-01 00:00:00')"),
    ("上周回过款的合同号", "SELECT c.contract_no FROM contract c WHERE EXISTS (SELECT 1 FROM payment p WHERE "
     "p.contract_id = c.id AND p.amount_paid > 0 AND p.paid_at >= '2026-11-09 00:00:00' AND p.paid_at < "
     "'2026-11-16 00:00:00')"),
    # "still open" said of installments: not yet paid in full
    ("installments due next week that are still open", "SELECT p.id FROM payment p WHERE p.due_date >= '2026-11-23' AND "
     "p.due_date < '2026-11-30' AND p.amount_paid < p.amount_due"),
    # not contacted within 4 hours: late, or not at all yet
    ("本月线索 4小时内没联系上的", "SELECT l.company_name FROM lead l WHERE l.created_at >= '2026-11-01 00:00:00' AND "
     "(l.first_contact_at IS NULL OR (julianday(l.first_contact_at) - julianday(l.created_at)) * 24 > 4)"),
    ("这周进谈判的单子", "SELECT o.name FROM opportunity o WHERE o.stage = 'negotiation' AND o.stage_entered_at >= "
     "'2026-11-16 00:00:00'"),
    ("周一到现在进来的线索有几条", "SELECT COUNT(*) FROM lead l WHERE l.created_at >= '2026-11-16 00:00:00'"),
    ("how many follow-ups were logged over the weekend", "SELECT COUNT(*) FROM activity x WHERE x.occurred_at >= "
     "'2026-11-14 00:00:00' AND x.occurred_at < '2026-11-16 00:00:00'"),
    ("payments received in the last 7 days", "SELECT p.id FROM payment p WHERE p.amount_paid > 0 AND p.paid_at >= "
     "'2026-11-11 00:00:00'"),
    # a range that starts with a month still ahead is the coming one
    ("amount due by month, Dec through Feb", "SELECT strftime('%Y-%m', p.due_date) FROM payment p WHERE p.due_date >= "
     "'2026-12-01' AND p.due_date < '2027-03-01' GROUP BY 1"),
    ("谈判阶段一周没跟进的单", "SELECT o.name FROM opportunity o WHERE o.stage = 'negotiation' AND NOT EXISTS (SELECT 1 "
     "FROM activity x WHERE x.opportunity_id = o.id AND x.occurred_at >= '2026-11-11 00:00:00')"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
