"""A key-account manager's and an operations manager's wording: companies by their short name (city and brand),
a mistyped name after a short form, quotes a deal never got, two named records side by side ("对比一下",
"各是多少", "vs"), shares whose whole is said before 里, and figures said as "3个亿" or "300 thousand".

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
PAID_BY = ("SELECT SUM(p.amount_paid) FROM payment p JOIN contract c ON c.id = p.contract_id JOIN account a ON "
           "a.id = c.account_id WHERE a.name = '{}' AND p.amount_paid > 0")

HAND_WRITTEN = [
    ("重庆中联一共回了多少款", PAID_BY.format("重庆中联医疗科技有限公司")),
    # a short form is found, then the whole name typed with one wrong character
    ("天津恒信供应连有限公司一共回了多少款", PAID_BY.format("天津恒信供应链有限公司")),
    ("武汉立信食品经销有限公司报过几次价", "SELECT COUNT(*) FROM quote q JOIN opportunity o ON o.id = q.opportunity_id "
     "JOIN account a ON a.id = o.account_id WHERE a.name = '武汉立信食品经销有限公司'"),
    ("open deals that still have no quote", "SELECT o.name FROM opportunity o WHERE " + OPEN + " AND NOT EXISTS ("
     "SELECT 1 FROM quote q WHERE q.opportunity_id = o.id)"),
    ("郑芳和陈文博今年赢单金额对比一下", "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE "
     "s.name IN ('郑芳', '陈文博') AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY s.name"),
    ("Zheng Fang vs Gao Na - win rate?", "SELECT s.name FROM sales_rep s WHERE s.name IN ('郑芳', '高娜')"),
    # the whole is what comes before 里; the part is the related installments
    ("执行中的合同里，有逾期分期的占多大比例", "SELECT 1.0 * SUM(CASE WHEN EXISTS (SELECT 1 FROM payment p WHERE "
     "p.contract_id = c.id AND p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due) THEN 1 ELSE 0 END) / "
     "COUNT(*) FROM contract c WHERE c.status = 'active'"),
    ("今年输掉的单子里，因为价格丢的占多少", "SELECT 1.0 * SUM(CASE WHEN o.loss_reason = 'price' THEN 1 ELSE 0 END) / "
     "COUNT(*) FROM opportunity o WHERE o.stage = 'closed_lost' AND o.closed_at >= '2026-01-01 00:00:00'"),
    ("how many minutes did reps spend on visits last week", "SELECT SUM(x.duration_min) FROM activity x WHERE "
     "x.type = 'visit' AND x.occurred_at >= '2026-11-09 00:00:00' AND x.occurred_at < '2026-11-16 00:00:00'"),
    ("which reps have booked more than 10M this year?", "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = "
     "o.owner_id WHERE o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY s.id, s.name "
     "HAVING SUM(o.amount) > 10000000"),
    ("年营收1个亿以上的客户", "SELECT a.name FROM account a WHERE a.annual_revenue >= 100000000"),
    ("referral leads with a budget above 300 thousand", "SELECT l.company_name FROM lead l WHERE l.source = "
     "'referral' AND l.budget > 300000"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
