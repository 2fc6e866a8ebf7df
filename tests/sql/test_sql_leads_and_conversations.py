"""A lead desk's wording and a director's conversations, found in two development sets: the period of the leads an
account came from ("近30天展会线索转化来的客户"), "创建超过30天" (older than, not a 30-day window), reps with no lead
or no converted lead, the lead an account came from, "fastest" after "which 3"; and follow-ups that show the
owners of a list, list the records behind a count, rank them, or ask which accounts they belong to.

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, bindparam, text
from tests_support import assert_answer_matches, converse

from sql.pipeline import answer, resolve_caller
from sql.validator import Caller

HAND_WRITTEN = [
    ("近90天官网线索转化来的客户有哪些", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM lead l WHERE "
     "l.converted_account_id = a.id AND l.source = 'website' AND l.created_at >= '2026-08-20 00:00:00')"),
    ("Which accounts came from phone leads created this month?", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 "
     "FROM lead l WHERE l.converted_account_id = a.id AND l.source = 'phone' AND l.created_at >= "
     "'2026-11-01 00:00:00')"),
    ("今年从线索转化来的客户，赢单金额一共多少", "SELECT SUM(o.amount) FROM opportunity o WHERE o.stage = 'closed_won' AND "
     "o.closed_at >= '2026-01-01 00:00:00' AND EXISTS (SELECT 1 FROM lead l WHERE l.converted_account_id = o.account_id)"),
    ("创建超过30天还没人联系过的线索有多少", "SELECT COUNT(*) FROM lead l WHERE l.first_contact_at IS NULL AND l.created_at "
     "< '2026-10-19 00:00:00'"),
    ("Which 3 lead sources have the fastest average response time?", "SELECT l.source FROM lead l WHERE "
     "l.first_contact_at IS NOT NULL GROUP BY l.source ORDER BY AVG(julianday(l.first_contact_at) - "
     "julianday(l.created_at)) LIMIT 3"),
    ("名下线索一条都没转化的业务员", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND NOT EXISTS (SELECT 1 FROM lead l "
     "WHERE l.owner_id = s.id AND l.status = 'converted')"),
    ("Which active reps in East China got no new leads this week?", "SELECT s.name FROM sales_rep s JOIN region r ON r.id = "
     "s.region_id WHERE r.code = 'east' AND s.role = 'rep' AND s.is_active = 1 AND NOT EXISTS (SELECT 1 FROM lead l "
     "WHERE l.owner_id = s.id AND l.created_at >= '2026-11-16 00:00:00')"),
    ("各行业转化成功的线索数量", "SELECT l.industry, COUNT(*) FROM lead l WHERE l.status = 'converted' GROUP BY l.industry"),
    ("How many leads took more than 72 hours to get a first contact?", "SELECT COUNT(*) FROM lead l WHERE "
     "l.first_contact_at > datetime(l.created_at, '+72 hours')"),
    ("制造业客户今年签的合同平均金额", "SELECT AVG(c.amount) FROM contract c JOIN account a ON a.id = c.account_id WHERE "
     "a.industry = 'manufacturing' AND c.signed_at >= '2026-01-01 00:00:00'"),
    ("今年已经到期的分期有多少笔", "SELECT COUNT(*) FROM payment p WHERE p.due_date >= '2026-01-01' AND p.due_date < "
     "'2026-11-18'"),
    ("今年已经到期的分期里，逾期的比例是多少", "SELECT 1.0 * SUM(p.amount_paid < p.amount_due) / COUNT(*) FROM payment p "
     "WHERE p.due_date >= '2026-01-01' AND p.due_date < '2026-11-18'"),
    ("Of the installments that have already come due this year, what fraction were paid in full?", "SELECT 1.0 * "
     "SUM(p.status = 'paid') / COUNT(*) FROM payment p WHERE p.due_date >= '2026-01-01' AND p.due_date < '2026-11-18'"),
    ("所有应收里还没收回来的余额有多少，没到期的也算上", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p WHERE "
     "p.amount_paid < p.amount_due"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_the_lead_an_account_came_from(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        account, company = conn.execute(text("SELECT a.name, l.company_name FROM lead l JOIN account a ON a.id = "
                                             "l.converted_account_id ORDER BY l.id LIMIT 1")).one()
    outcome = answer(f"{account}是从哪条线索转化来的", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.plan is not None and outcome.plan.entity == "lead"
    assert outcome.result is not None and company in [r[0] for r in outcome.result.rows]


LOST_OVER_1M = ("FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE o.stage = 'closed_lost' AND "
                "o.amount > 1000000 AND o.closed_at >= '2026-10-01 00:00:00' AND o.closed_at < '2026-11-01 00:00:00'")


@pytest.mark.parametrize("ask", ["show their owners", "负责人都是谁"])
def test_owners_after_a_count_list_the_records_with_their_owner(ask: str, small_engine: Engine) -> None:
    outcome = converse(small_engine, "How many deals did we lose last month?", "only the ones over 1M", ask, today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    with small_engine.connect() as conn:
        expected = sorted(tuple(r) for r in conn.execute(text(f"SELECT o.name, s.name {LOST_OVER_1M}")))
    assert expected
    assert outcome.result is not None
    rep = outcome.result.columns.index("rep")
    assert sorted((r[0], r[rep]) for r in outcome.result.rows) == expected


def test_top_three_after_a_count_of_deals_are_the_largest(small_engine: Engine) -> None:
    outcome = converse(small_engine, "How many open deals do we have in East China?", "top 3 of them", today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    with small_engine.connect() as conn:
        expected = [r[0] for r in conn.execute(text(
            "SELECT o.name FROM opportunity o JOIN account a ON a.id = o.account_id JOIN region r ON r.id = a.region_id "
            "WHERE r.code = 'east' AND o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation') "
            "ORDER BY o.amount DESC LIMIT 3"))]
    assert outcome.result is not None and [r[0] for r in outcome.result.rows] == expected


def test_top_three_after_a_count_of_accounts_asks_by_what(small_engine: Engine) -> None:
    outcome = converse(small_engine, "华东区有多少家医院客户", "前三个是哪些", today=TODAY)
    assert outcome.status == "clarify"


def test_which_hospitals_after_a_figure_are_the_accounts_of_those_deals(small_engine: Engine) -> None:
    outcome = converse(small_engine, "今年各区域的赢单金额", "其中三甲医院的呢", "是哪几家医院", today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    with small_engine.connect() as conn:
        expected = sorted(r[0] for r in conn.execute(text(
            "SELECT a.name FROM account a WHERE a.hospital_grade = '3A' AND a.account_type = 'hospital' AND EXISTS "
            "(SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage = 'closed_won' AND o.closed_at >= "
            "'2026-01-01 00:00:00')")))
    assert expected
    assert outcome.result is not None and sorted(r[0] for r in outcome.result.rows) == expected


def test_which_hospitals_keeps_a_reps_scope(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        rep_id, email = conn.execute(text("SELECT s.id, s.email FROM sales_rep s JOIN opportunity o ON o.owner_id = s.id "
                                          "WHERE s.role = 'rep' AND o.stage = 'closed_won' GROUP BY s.id, s.email "
                                          "ORDER BY COUNT(*) DESC LIMIT 1")).one()
    caller = resolve_caller(small_engine, email)
    first = answer("今年赢单金额", engine=small_engine, caller=caller, today=TODAY)
    outcome = answer("是哪些客户", engine=small_engine, caller=caller, today=TODAY, previous=first.plan)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None and outcome.result.rows
    query = text("SELECT DISTINCT owner_id FROM account WHERE name IN :names").bindparams(bindparam("names", expanding=True))
    with small_engine.connect() as conn:
        owners = {r[0] for r in conn.execute(query, {"names": [r[0] for r in outcome.result.rows]})}
    assert owners == {rep_id}


def test_who_visited_most_after_the_months_visits(small_engine: Engine) -> None:
    outcome = converse(small_engine, "这个月一共拜访了多少次客户", "谁拜访得最多", today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    with small_engine.connect() as conn:
        expected = conn.execute(text("SELECT s.name FROM activity x JOIN sales_rep s ON s.id = x.owner_id WHERE "
                                     "x.type = 'visit' AND x.occurred_at >= '2026-11-01 00:00:00' GROUP BY s.id, s.name "
                                     "ORDER BY COUNT(*) DESC LIMIT 1")).scalar()
    assert outcome.result is not None and outcome.result.rows[0][0] == expected


def test_switch_to_collections_keeps_the_ranking(small_engine: Engine) -> None:
    outcome = converse(small_engine, "Top 5 reps by revenue this year", "switch to collections", today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.plan is not None and outcome.plan.measure == "collected" and outcome.plan.top_n == 5
