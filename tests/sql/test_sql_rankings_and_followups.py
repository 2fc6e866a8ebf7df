"""Rankings and breakdowns as managers say them ("slowest 5 reps", "by source and region", "按来源和状态交叉统计",
"在跟金额超过一点五千万的大区"), and follow-ups that add to the previous question instead of replacing it: a second
breakdown ("as well"), a second value to compare ("跟官网的比一下"), how many groups there are ("有几家").

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches

from sql.pipeline import answer
from sql.validator import Caller

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"

HAND_WRITTEN = [
    # 一点五千万 is 15,000,000, not 1
    ("在跟金额超过一点五千万的大区", "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = o.account_id JOIN "
     "region r ON r.id = a.region_id WHERE " + OPEN + " GROUP BY r.code, r.name_zh HAVING SUM(o.amount) > 15000000"),
    ("leads in the last 30 days broken down by source and region", "SELECT l.source FROM lead l JOIN region r ON r.id = "
     "l.region_id WHERE l.created_at >= '2026-10-19 00:00:00' GROUP BY l.source, r.code"),
    ("线索按来源和状态交叉统计一下", "SELECT l.source FROM lead l GROUP BY l.source, l.status"),
    ("今年成交额排前十的城市", "SELECT a.city FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.stage = "
     "'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY a.city ORDER BY SUM(o.amount) DESC LIMIT 10"),
    ("业务员里这周谁还没跟进过客户", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND NOT EXISTS (SELECT 1 FROM "
     "activity x WHERE x.owner_id = s.id AND x.occurred_at >= '2026-11-16 00:00:00')"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


FOLLOW_UPS = [
    # the deals behind a won amount are the won ones, dated by their close
    ("今年输液泵S1的赢单金额一共是多少", "只看华东的，具体是哪些单子？", "SELECT o.name, o.stage, o.amount, s.name FROM "
     "opportunity o LEFT JOIN sales_rep s ON s.id = o.owner_id JOIN account a ON a.id = o.account_id JOIN region r ON "
     "r.id = a.region_id WHERE r.code = 'east' AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' "
     "AND o.id IN (SELECT ol.opportunity_id FROM opportunity_line ol JOIN product p ON p.id = ol.product_id WHERE "
     "p.name = '输液泵 S1')"),
    ("Pipeline by region", "split that by stage as well", "SELECT r.name_zh, o.stage, SUM(o.amount) FROM opportunity o "
     "JOIN account a ON a.id = o.account_id JOIN region r ON r.id = a.region_id WHERE " + OPEN + " GROUP BY r.code, "
     "r.name_zh, o.stage"),
    ("展会线索转化率多少", "跟官网的比一下", "SELECT l.source, 1.0 * SUM(CASE WHEN l.status = 'converted' THEN 1 ELSE 0 "
     "END) / COUNT(*) FROM lead l WHERE l.source IN ('trade_show', 'website') GROUP BY l.source"),
    ("郑芳这个月跟进了哪些客户", "有几家", "SELECT COUNT(DISTINCT x.account_id) FROM activity x JOIN sales_rep s ON s.id = "
     "x.owner_id WHERE s.name = '郑芳' AND x.occurred_at >= '2026-11-01 00:00:00'"),
    ("郑芳今年赢单金额多少", "那输了几单", "SELECT COUNT(*) FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id "
     "WHERE s.name = '郑芳' AND o.stage = 'closed_lost' AND o.closed_at >= '2026-01-01 00:00:00'"),
]


@pytest.mark.parametrize(("first", "then", "sql"), FOLLOW_UPS, ids=lambda v: str(v)[:20])
def test_follow_up_adds_to_the_previous_question(first: str, then: str, sql: str, small_engine: Engine) -> None:
    caller = Caller.admin()
    before = answer(first, engine=small_engine, caller=caller, today=TODAY)
    assert before.status == "answered" and before.plan is not None
    after = answer(then, engine=small_engine, caller=caller, today=TODAY, previous=before.plan)
    assert after.status == "answered" and after.result is not None, after.clarification
    with small_engine.connect() as conn:
        expected = sorted((tuple(r) for r in conn.execute(text(sql))), key=str)
    assert expected and expected != [(0,)], "empty on the small database: the test would prove nothing"
    got = sorted((tuple(r) for r in after.result.rows), key=str)
    assert [tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in got] == \
        [tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in expected]
