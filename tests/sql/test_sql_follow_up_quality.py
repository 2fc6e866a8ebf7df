"""A coach's questions about follow-ups: how long they took, whether they were effective or tied to a deal, how many
each record got, which kinds happened, and reps by hire date.

Each answer is checked against SQL written by hand for the same question on the small database.
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
    # minutes, as logged, summed and averaged
    ("上周大家拜访一共花了多少分钟", "SELECT SUM(x.duration_min) FROM activity x WHERE x.type = 'visit' AND "
     "x.occurred_at >= '2026-11-09 00:00:00' AND x.occurred_at < '2026-11-16 00:00:00'"),
    ("平均一次拜访多长时间？按分钟算", "SELECT AVG(x.duration_min) FROM activity x WHERE x.type = 'visit'"),
    ("average call length last month (min)", "SELECT AVG(x.duration_min) FROM activity x WHERE x.type = 'call' AND "
     "x.occurred_at >= '2026-10-01 00:00:00' AND x.occurred_at < '2026-11-01 00:00:00'"),
    # a duration compared, in hours or minutes
    ("时长超过两小时的拜访记录", "SELECT x.id FROM activity x WHERE x.type = 'visit' AND x.duration_min > 120"),
    ("demos that ran longer than 2 hours", "SELECT x.id FROM activity x WHERE x.type = 'demo' AND x.duration_min > 120"),
    # 无效 said of follow-ups is the effectiveness mark; said of leads it stays the lead status
    ("本月无效跟进多少条", "SELECT COUNT(*) FROM activity x WHERE x.is_effective = 0 AND x.occurred_at >= "
     "'2026-11-01 00:00:00'"),
    ("无效线索有几条", "SELECT COUNT(*) FROM lead l WHERE l.status = 'disqualified'"),
    # a follow-up logged against a deal
    ("本月挂在商机上的跟进有多少条", "SELECT COUNT(*) FROM activity x WHERE x.opportunity_id IS NOT NULL AND "
     "x.occurred_at >= '2026-11-01 00:00:00'"),
    # how many follow-ups a record got, zero included when fewer are asked for
    ("只跟进过一次的在跟商机", f"SELECT o.name FROM opportunity o WHERE o.stage IN {OPEN} AND (SELECT COUNT(*) FROM "
     "activity x WHERE x.opportunity_id = o.id) = 1"),
    ("客户里拜访超过5次的有哪些", "SELECT a.name FROM account a WHERE (SELECT COUNT(*) FROM activity x WHERE "
     "x.account_id = a.id AND x.type = 'visit') > 5"),
    ("这个月跟进才个位数的在职业务员", "SELECT s.name FROM sales_rep s WHERE s.is_active = 1 AND s.role = 'rep' AND "
     "(SELECT COUNT(*) FROM activity x WHERE x.owner_id = s.id AND x.occurred_at >= '2026-11-01 00:00:00') < 10"),
    # which kind of follow-up happened, said as a verb
    ("which hospitals did we call last week?", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND EXISTS ("
     "SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.type = 'call' AND x.occurred_at >= '2026-11-09 00:00:00' "
     "AND x.occurred_at < '2026-11-16 00:00:00')"),
    ("这个月开过会的医院", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND EXISTS (SELECT 1 FROM "
     "activity x WHERE x.account_id = a.id AND x.type = 'meeting' AND x.occurred_at >= '2026-11-01 00:00:00')"),
    ("how many accounts got at least one follow-up last week", "SELECT COUNT(DISTINCT x.account_id) FROM activity x "
     "WHERE x.occurred_at >= '2026-11-09 00:00:00' AND x.occurred_at < '2026-11-16 00:00:00'"),
    # the window dates the won deals; the demo may have been any time
    ("won amount this year on deals that had at least one demo logged", "SELECT SUM(o.amount) FROM opportunity o WHERE "
     "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00' AND EXISTS (SELECT 1 FROM activity x WHERE "
     "x.opportunity_id = o.id AND x.type = 'demo')"),
    # one figure per kind named, and examples in brackets are no filter
    ("这个月拜访、电话、微信各多少次", "SELECT x.type FROM activity x WHERE x.type IN ('visit', 'call', 'wechat') AND "
     "x.occurred_at >= '2026-11-01 00:00:00' GROUP BY x.type"),
    ("上周的跟进按方式(拜访/电话/微信这些)统计下条数", "SELECT x.type FROM activity x WHERE x.occurred_at >= "
     "'2026-11-09 00:00:00' AND x.occurred_at < '2026-11-16 00:00:00' GROUP BY x.type"),
    # a rep's accounts (owned), visited by anyone
    ("which of 刘倩's accounts got a visit this month", "SELECT a.name FROM account a JOIN sales_rep s ON s.id = "
     "a.owner_id WHERE s.name = '刘倩' AND EXISTS (SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.type = "
     "'visit' AND x.occurred_at >= '2026-11-01 00:00:00')"),
    # the period belongs to the condition in its own clause
    ("赢过单、但这季度一次都没跟进的A类客户", "SELECT a.name FROM account a WHERE a.customer_class = 'A' AND EXISTS ("
     "SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage = 'closed_won') AND NOT EXISTS (SELECT 1 FROM "
     "activity x WHERE x.account_id = a.id AND x.occurred_at >= '2026-10-01 00:00:00')"),
    ("overdue customers nobody called this month", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM contract c "
     "JOIN payment p ON p.contract_id = c.id WHERE c.account_id = a.id AND p.due_date < '2026-11-18' AND p.amount_paid < "
     "p.amount_due) AND NOT EXISTS (SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.type = 'call' AND "
     "x.occurred_at >= '2026-11-01 00:00:00')"),
    ("刘倩名下的客户，上个月到现在都没跟过的", "SELECT a.name FROM account a JOIN sales_rep s ON s.id = a.owner_id WHERE "
     "s.name = '刘倩' AND NOT EXISTS (SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.occurred_at >= "
     "'2026-10-01 00:00:00')"),
    ("stale deals in negotiation, no follow-up in 3 weeks", "SELECT o.name FROM opportunity o WHERE o.stage = "
     "'negotiation' AND NOT EXISTS (SELECT 1 FROM activity x WHERE x.opportunity_id = o.id AND x.occurred_at >= "
     "'2026-10-28 00:00:00')"),
    ("A-class hospitals without a visit this month", "SELECT a.name FROM account a WHERE a.customer_class = 'A' AND "
     "a.account_type = 'hospital' AND NOT EXISTS (SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.type = "
     "'visit' AND x.occurred_at >= '2026-11-01 00:00:00')"),
    # reps by hire date
    ("今年新入职的销售有哪些", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND s.hired_on >= '2026-01-01'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_a_follow_up_restricted_to_new_hires_keeps_the_visit_window(small_engine: Engine) -> None:
    first = answer("reps with no activity this week", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert first.plan is not None
    then = answer("only the ones hired this year", engine=small_engine, caller=Caller.admin(), today=TODAY,
                  previous=first.plan)
    assert then.plan is not None and then.plan.follow_up is not None
    assert then.plan.follow_up.window.label == "本周" and then.plan.time_field == "s.hired_on"
