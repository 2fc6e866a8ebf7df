"""An FMCG channel manager's wording: how many related records an account or rep has ("复购过的门店", "签过两份
以上合同的医院", "今年赢过3单以上的业务员"), accounts counted rather than their visits or installments ("这个月拜访了
多少家门店", "how many distributors have overdue payments"), 成交了多少 as money, an owner said as "cover" or
"responsible for", and 状态 of accounts.

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"

HAND_WRITTEN = [
    ("复购过的门店有哪些", "SELECT a.name FROM account a WHERE a.account_type = 'store' AND (SELECT COUNT(*) FROM "
     "opportunity o WHERE o.account_id = a.id AND o.stage = 'closed_won') >= 2"),
    ("签过两份以上合同的医院", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND (SELECT COUNT(*) FROM "
     "contract c WHERE c.account_id = a.id) >= 2"),
    ("今年赢过3单以上的业务员", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND (SELECT COUNT(*) FROM opportunity o "
     "WHERE o.owner_id = s.id AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00') >= 3"),
    ("这个月拜访了多少家门店", "SELECT COUNT(DISTINCT a.id) FROM account a JOIN activity x ON x.account_id = a.id WHERE "
     "a.account_type = 'store' AND x.type = 'visit' AND x.occurred_at >= '2026-11-01 00:00:00'"),
    ("How many distributors have overdue payments?", "SELECT COUNT(*) FROM account a WHERE a.account_type = "
     f"'distributor' AND EXISTS (SELECT 1 FROM contract c JOIN payment p ON p.contract_id = c.id WHERE c.account_id "
     f"= a.id AND {OVERDUE})"),
    ("高娜今年成交了多少", "SELECT SUM(o.amount) FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE s.name = "
     "'高娜' AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"),
    ("how many stores does 高娜 cover", "SELECT COUNT(*) FROM account a JOIN sales_rep s ON s.id = a.owner_id WHERE "
     "s.name = '高娜' AND a.account_type = 'store'"),
    ("经销商各个状态分别多少家", "SELECT a.status, COUNT(*) FROM account a WHERE a.account_type = 'distributor' GROUP BY "
     "a.status"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
