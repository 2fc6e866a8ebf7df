"""Days, day ranges and years as a year-end review says them (and, beside them, a team's people and totals per
industry compared): "8月1号到9月15号之间", "10月1号到7号", "5月1号之前",
"今年前三个季度", "Q4 last year", "October last year", "since Q4 last year", 去年同期 (alone, and after a question about this quarter),
and two years side by side ("今年和去年…对比", "this year vs last year") or year by year ("每年").

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches

from sql.pipeline import answer
from sql.validator import Caller

HAND_WRITTEN = [
    ("8月1号到9月15号之间新建的商机有多少个", "SELECT COUNT(*) FROM opportunity o WHERE o.created_at >= '2026-08-01 00:00:00' "
     "AND o.created_at < '2026-09-16 00:00:00'"),
    ("10月1号到7号总共有多少条跟进记录", "SELECT COUNT(*) FROM activity x WHERE x.occurred_at >= '2026-10-01 00:00:00' AND "
     "x.occurred_at < '2026-10-08 00:00:00'"),
    ("5月1号之前签的合同，现在还在执行中的有几份", "SELECT COUNT(*) FROM contract c WHERE c.status = 'active' AND "
     "c.signed_at < '2026-05-01 00:00:00'"),
    ("Revenue in Q4 last year", "SELECT SUM(o.amount) FROM opportunity o WHERE o.stage = 'closed_won' AND o.closed_at "
     ">= '2025-10-01 00:00:00' AND o.closed_at < '2026-01-01 00:00:00'"),
    ("how many accounts did we add in October last year", "SELECT COUNT(*) FROM account a WHERE a.created_at >= "
     "'2025-10-01 00:00:00' AND a.created_at < '2025-11-01 00:00:00'"),
    ("今年前三个季度回款总额", "SELECT SUM(p.amount_paid) FROM payment p WHERE p.paid_at >= '2026-01-01 00:00:00' AND "
     "p.paid_at < '2026-10-01 00:00:00'"),
    ("去年同期新增客户数", "SELECT COUNT(*) FROM account a WHERE a.created_at >= '2025-01-01 00:00:00' AND a.created_at < "
     "'2025-11-19 00:00:00'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_same_period_last_year_follows_the_previous_window(small_engine: Engine) -> None:
    first = answer("本季度赢单金额", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert first.plan is not None
    again = answer("去年同期呢", engine=small_engine, caller=Caller.admin(), today=TODAY, previous=first.plan)
    assert again.plan is not None and again.plan.window is not None
    assert (str(again.plan.window.start), str(again.plan.window.end)) == ("2025-10-01 00:00:00", "2025-11-19 00:00:00")


CONTRACTS_BY_YEAR = ("SELECT strftime('%Y', c.signed_at), SUM(c.amount) FROM contract c WHERE c.signed_at >= "
                     "'2025-01-01 00:00:00' GROUP BY 1")


@pytest.mark.parametrize("question", ["今年和去年签约合同金额对比", "contract value this year vs last year",
                                      "每年签约金额"])
def test_contract_value_per_year(question: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with small_engine.connect() as conn:
        expected = sorted((str(y), float(v)) for y, v in conn.execute(text(CONTRACTS_BY_YEAR)))
    assert sorted((str(y), float(v)) for y, v in outcome.result.rows) == expected
    assert len(expected) == 2


TEAM_AND_GROUPS = [
    # a team's people, its manager included; a manager's reports are the reps only
    ("华中１组都有谁", "SELECT s.name FROM sales_rep s JOIN team t ON t.id = s.team_id WHERE t.name = '华中1组' AND s.role IN "
     "('rep', 'manager')"),
    # a total per industry, compared: a breakdown with a condition on the total
    ("在跟金额两千万以上的行业", "SELECT a.industry FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.stage IN "
     "('initial_contact', 'needs_analysis', 'proposal', 'negotiation') GROUP BY a.industry HAVING SUM(o.amount) >= 20000000"),
    ("客单价大于８０万的行业", "SELECT a.industry FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.stage = "
     "'closed_won' GROUP BY a.industry HAVING AVG(o.amount) > 800000"),
]


@pytest.mark.parametrize(("question", "sql"), TEAM_AND_GROUPS, ids=lambda v: str(v)[:24])
def test_teams_and_totals_per_dimension(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
