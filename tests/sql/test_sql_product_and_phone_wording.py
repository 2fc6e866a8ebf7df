"""Wording found in eight development sets (a manager's pipeline review, a finance controller, lead operations, a
product line manager, a rep typing on a phone, a dashboard analyst, a device business unit, visit preparation):

- deals per product or product line ("今年赢单金额最高的3个产品", "各产品线的赢单率", "赢单金额超过X的产品线"): a deal
  counts, whole, for each product on it and once for each product line;
- products by their list price ("标价最贵的三个产品", "average list price per product line");
- phone shorthand: 这礼拜 / 下礼拜, 仨 / 俩, "w" for with, "rev", "4h resp rate", 接线索 (owned leads), 进线索 (created),
  谁手上的 (whose), "what's in X's pipeline" (the open deals);
- "哪些医院有已经到期但还没收齐的款", "Which of my team's accounts have overdue payments?": the accounts;
- "payments received from hospitals in October": the payments, dated when paid;
- "Class A customers with contracts but no overdue payments": both conditions;
- "应收金额不到6万的逾期分期" compares each installment's amount due; "overdue installments over 600k" what is owed;
- "今年哪几个季度签约额超过3500万": each quarter's total; "of all overdue installments, what fraction are more than 120
  days late?": the days are the part; "top 3 regions by hospital win rate": regions, not hospitals;
- "这周三甲医院…" is this week's 3A hospitals, not Wednesday; "leads from October" are October's;
- in a conversation: "按月拆开看" after regions keeps the regions; "按金额排个前三" after won amount per region ranks
  the regions by it; "下午去X，先看看他们的联系人": X's contacts;
- from the six category sets (dev97-dev102): a shared rep name placed by its region or team ("华北的张伟"); a
  superlative with no breakdown ranks accounts or reps ("这个月拜访次数最多的医院"); "按金额排一下" orders a list;
  days overdue shown beside installments; units per product compared with a bar; leads contacted within N hours;
  numbers such as "20~50w", "¥1,000,000", "half a million"; weeks as a breakdown; 吉林市 / 吉林省;
- asked back: a shared name with no place, 吉林 alone, "最近" with no length, "best customers", an amount with no unit.

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, assert_conversation_matches, converse

from sql.compiler import CompileError, compile_plan
from sql.pipeline import answer
from sql.plan import QueryPlan
from sql.validator import Caller

OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"
THIS_YEAR_WON = "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"
THIS_WEEK = "x.occurred_at >= '2026-11-16 00:00:00'"
OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
# one row per (deal, product line): the deal's amount counts once in each line it has
DEAL_LINES = ("(SELECT DISTINCT ol.opportunity_id, pr.product_line FROM opportunity_line ol JOIN product pr "
              "ON pr.id = ol.product_id) dl")

HAND_WRITTEN = [
    ("标价最贵的三个产品", "SELECT name FROM product ORDER BY list_price DESC LIMIT 3"),
    ("top 3 products by list price", "SELECT name FROM product ORDER BY list_price DESC LIMIT 3"),
    ("average list price per product line", "SELECT product_line FROM product GROUP BY product_line"),
    ("这礼拜一共拜访了多少次", f"SELECT COUNT(*) FROM activity x WHERE x.type = 'visit' AND {THIS_WEEK}"),
    ("逾期金额最多的俩客户", "SELECT a.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN account a ON "
     f"a.id = c.account_id WHERE {OVERDUE} GROUP BY a.id ORDER BY SUM(p.amount_due - p.amount_paid) DESC LIMIT 2"),
    ("A class accts w no open deals", "SELECT a.name FROM account a WHERE a.customer_class = 'A' AND NOT EXISTS "
     f"(SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND {OPEN})"),
    ("哪些医院有已经到期但还没收齐的款", "SELECT DISTINCT a.name FROM payment p JOIN contract c ON c.id = p.contract_id "
     f"JOIN account a ON a.id = c.account_id WHERE a.account_type = 'hospital' AND {OVERDUE}"),
    ("payments received from hospitals in October", "SELECT p.id FROM payment p JOIN contract c ON c.id = "
     "p.contract_id JOIN account a ON a.id = c.account_id WHERE a.account_type = 'hospital' AND p.amount_paid > 0 "
     "AND p.paid_at >= '2026-10-01 00:00:00' AND p.paid_at < '2026-11-01 00:00:00'"),
    ("Class A customers with contracts but no overdue payments", "SELECT a.name FROM account a WHERE "
     "a.customer_class = 'A' AND EXISTS (SELECT 1 FROM contract c WHERE c.account_id = a.id) AND NOT EXISTS (SELECT 1 "
     f"FROM payment p JOIN contract c ON c.id = p.contract_id WHERE c.account_id = a.id AND {OVERDUE})"),
    ("应收金额不到6万的逾期分期", f"SELECT p.id FROM payment p WHERE {OVERDUE} AND p.amount_due < 60000"),
    ("overdue installments over 600k", f"SELECT p.id FROM payment p WHERE {OVERDUE} AND "
     "p.amount_due - p.amount_paid > 600000"),
    ("今年哪几个季度签约额超过3500万", "SELECT strftime('%Y', c.signed_at) || '-Q' || ((CAST(strftime('%m', c.signed_at) "
     "AS INTEGER) + 2) / 3) FROM contract c WHERE c.signed_at >= '2026-01-01 00:00:00' GROUP BY 1 "
     "HAVING SUM(c.amount) > 35000000"),
    ("这周三甲医院一共有几条跟进记录", "SELECT COUNT(*) FROM activity x JOIN account a ON a.id = x.account_id WHERE "
     f"a.account_type = 'hospital' AND a.hospital_grade = '3A' AND {THIS_WEEK}"),
    ("qualified leads from october", "SELECT l.company_name FROM lead l WHERE l.status = 'qualified' AND "
     "l.created_at >= '2026-10-01 00:00:00' AND l.created_at < '2026-11-01 00:00:00'"),
    ("what's in our pipeline?", f"SELECT o.name FROM opportunity o WHERE {OPEN}"),
    ("total open pipe for East China", "SELECT SUM(o.amount) FROM opportunity o JOIN account a ON a.id = o.account_id "
     f"JOIN region r ON r.id = a.region_id WHERE r.code = 'east' AND {OPEN}"),
    ("今年赢单率走势", "SELECT strftime('%Y-%m', o.closed_at) FROM opportunity o WHERE o.stage IN ('closed_won', "
     "'closed_lost') AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY 1"),
    ("Which region sells the most patient monitors?", "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = "
     "o.account_id JOIN region r ON r.id = a.region_id JOIN opportunity_line ol ON ol.opportunity_id = o.id JOIN product "
     "pr ON pr.id = ol.product_id WHERE o.stage = 'closed_won' AND pr.name LIKE '%监护仪%' GROUP BY r.id "
     "ORDER BY SUM(ol.quantity) DESC, r.id LIMIT 1"),
    ("今年签的合同里账期90天的占几成", "SELECT 1.0 * SUM(c.payment_terms_days = 90) / COUNT(*) FROM contract c "
     "WHERE c.signed_at >= '2026-01-01 00:00:00'"),
    ("20~50w的在跟商机有多少", f"SELECT COUNT(*) FROM opportunity o WHERE {OPEN} AND o.amount BETWEEN 200000 AND 500000"),
    ("超过¥1,000,000的在跟商机有几个", f"SELECT COUNT(*) FROM opportunity o WHERE {OPEN} AND o.amount > 1000000"),
    ("open deals worth at least half a million", f"SELECT o.name FROM opportunity o WHERE {OPEN} AND o.amount >= 500000"),
    ("这个月拜访次数最多的医院", "SELECT a.name FROM activity x JOIN account a ON a.id = x.account_id WHERE "
     "a.account_type = 'hospital' AND x.type = 'visit' AND x.occurred_at >= '2026-11-01 00:00:00' GROUP BY a.id "
     "ORDER BY COUNT(*) DESC, a.id LIMIT 1"),
    ("本月谁跟进的客户最多", "SELECT s.name FROM activity x JOIN sales_rep s ON s.id = x.owner_id WHERE x.occurred_at >= "
     "'2026-11-01 00:00:00' GROUP BY s.id ORDER BY COUNT(*) DESC, s.id LIMIT 1"),
    ("A类B类C类客户的平均年营收", "SELECT a.customer_class FROM account a GROUP BY a.customer_class"),
    ("各阶段商机的平均金额", "SELECT o.stage FROM opportunity o GROUP BY o.stage"),
    ("10月19号以来每周新增线索数，按周列", "SELECT strftime('%Y-%m-%d', l.created_at, 'weekday 0', '-6 days') FROM lead l "
     "WHERE l.created_at >= '2026-10-19 00:00:00' GROUP BY 1"),
    ("吉林市的客户有哪些", "SELECT a.name FROM account a WHERE a.city = '吉林'"),
    ("吉林省的客户有哪些", "SELECT a.name FROM account a WHERE a.province = '吉林'"),
    ("上海的客户有哪些", "SELECT a.name FROM account a WHERE a.province = '上海'"),
    ("Accounts created this year that have never had a deal", "SELECT a.name FROM account a WHERE a.created_at >= "
     "'2026-01-01 00:00:00' AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id)"),
    ("今年销量2200以上的产品", "SELECT pr.name FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id "
     f"JOIN product pr ON pr.id = ol.product_id WHERE {THIS_YEAR_WON} GROUP BY pr.id HAVING SUM(ol.quantity) >= 2200"),
    ("how many CRM seats did our 上海 accounts buy", "SELECT SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o "
     "ON o.id = ol.opportunity_id JOIN account a ON a.id = o.account_id JOIN product pr ON pr.id = ol.product_id "
     "WHERE o.stage = 'closed_won' AND a.province = '上海' AND pr.name LIKE '%CRM%'"),
    ("上周有多少条线索是4小时内响应的", "SELECT COUNT(*) FROM lead l WHERE l.created_at >= '2026-11-09 00:00:00' AND "
     "l.created_at < '2026-11-16 00:00:00' AND l.first_contact_at <= datetime(l.created_at, '+4 hours')"),
    ("今年签合同份数最多的3个销售", "SELECT s.name FROM contract c JOIN sales_rep s ON s.id = c.owner_id WHERE "
     "c.signed_at >= '2026-01-01 00:00:00' GROUP BY s.id ORDER BY COUNT(*) DESC, s.id LIMIT 3"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN)
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def _rows(engine: Engine, question: str) -> list[tuple]:
    outcome = answer(question, engine=engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    return sorted((tuple(r) for r in outcome.result.rows), key=str)


def _expected(engine: Engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        rows = sorted((tuple(r) for r in conn.execute(text(sql))), key=str)
    assert rows, "empty on the small database: the test would prove nothing"
    return rows


@pytest.mark.parametrize(("question", "sql"), [
    ("今年各产品线的赢单金额", f"SELECT dl.product_line, SUM(o.amount) FROM opportunity o JOIN {DEAL_LINES} ON "
     f"dl.opportunity_id = o.id WHERE {THIS_YEAR_WON} GROUP BY dl.product_line"),
    ("各产品线的赢单率", "SELECT dl.product_line, 1.0 * SUM(o.stage = 'closed_won') / COUNT(*) FROM opportunity o JOIN "
     f"{DEAL_LINES} ON dl.opportunity_id = o.id WHERE o.stage IN ('closed_won', 'closed_lost') GROUP BY 1"),
    ("今年赢单金额最高的3个产品", "SELECT pr.name, SUM(o.amount) FROM opportunity o JOIN product pr ON pr.id IN (SELECT "
     f"ol.product_id FROM opportunity_line ol WHERE ol.opportunity_id = o.id) WHERE {THIS_YEAR_WON} GROUP BY pr.id "
     "ORDER BY 2 DESC LIMIT 3"),
])
def test_deals_per_product_count_whole_for_each(question: str, sql: str, small_engine: Engine) -> None:
    got, expected = _rows(small_engine, question), _expected(small_engine, sql)
    assert [r[0] for r in got] == [r[0] for r in expected]
    assert [r[-1] for r in got] == pytest.approx([r[-1] for r in expected])


def test_a_list_sorted_by_amount_is_no_total(small_engine: Engine) -> None:
    outcome = answer("华东的在跟商机按金额排一下", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None and outcome.result is not None
    assert outcome.plan.measure is None and len(outcome.result.rows) > 1
    amounts = [row[outcome.result.columns.index("amount")] for row in outcome.result.rows]
    assert amounts == sorted(amounts, reverse=True)


@pytest.mark.parametrize(("place", "team"), [("华北的", "华北1组"), ("华东1组的", "华东1组")])
def test_a_shared_rep_name_placed_by_region_or_team(place: str, team: str, small_engine: Engine) -> None:
    assert_answer_matches(f"{place}张伟手上有多少客户", "SELECT COUNT(*) FROM account a JOIN sales_rep s ON s.id = "
                          f"a.owner_id JOIN team t ON t.id = s.team_id WHERE s.name = '张伟' AND t.name = '{team}'",
                          small_engine, TODAY)


@pytest.mark.parametrize("question", ["张伟手上有多少客户", "吉林的客户有多少家", "各大区最近业绩怎么样", "最近的赢单金额",
                                      "who are our best customers? top 10", "show me our best customers in each region",
                                      "金额大于50的商机有多少"])
def test_asked_back(question: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == "clarify"


def test_a_share_of_overdue_installments_by_days_late(small_engine: Engine) -> None:
    got = _rows(small_engine, "of all overdue installments, what fraction are more than 120 days late?")
    (expected,) = _expected(small_engine, "SELECT 1.0 * SUM(p.due_date < date('2026-11-18', '-120 days')) / COUNT(*) "
                                          f"FROM payment p WHERE {OVERDUE}")
    assert got[0][0] == pytest.approx(expected[0])
    assert 0 < expected[0] < 1  # both readings would agree at 0 or 1


def test_regions_ranked_by_hospital_win_rate(small_engine: Engine) -> None:
    got = _rows(small_engine, "top 3 regions by hospital win rate this year")
    assert len(got) == 3 and all(len(r) == 2 for r in got)  # region and rate: no hospital column


@pytest.mark.parametrize("question", ["这礼拜进来的线索有几条", "本月接线索最多的前3个业务员", "4h resp rate this mo",
                                      "which reps didn't log a single follow-up last week?", "按行业看下赢单率，不限时间",
                                      "各大区分客户类型的客户数，做个交叉表", "best 3 months this year in terms of revenue"])
def test_phone_shorthand_is_understood(question: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == "answered"


@pytest.mark.parametrize("question", ["华东的逾期回款，各逾期多少天", "show the overdue installments and how many days "
                                      "late each one is"])
def test_days_overdue_are_shown_beside_each_installment(question: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None and outcome.plan is not None
    assert outcome.plan.measure is None and "days_overdue" in outcome.result.columns
    with small_engine.connect() as conn:
        due = dict(conn.execute(text(f"SELECT p.id, julianday('2026-11-18') - julianday(p.due_date) FROM payment p "
                                     f"WHERE {OVERDUE}")).all())
    at = outcome.result.columns.index("days_overdue")
    assert outcome.result.rows and all(row[at] == int(due[row[0]]) for row in outcome.result.rows)


def test_the_last_visit_said_passively(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        account, last = conn.execute(text("SELECT a.name, MAX(x.occurred_at) FROM activity x JOIN account a ON a.id = "
                                          "x.account_id WHERE x.type = 'visit' GROUP BY a.id ORDER BY a.id")).first()
    got = _rows(small_engine, f"When was {account} last visited?")
    assert str(got[0][0])[:16] == str(last)[:16]


def test_a_month_split_keeps_the_regions(small_engine: Engine) -> None:
    outcome = converse(small_engine, "本季度各区域的回款", "按月拆开看", today=TODAY)
    assert outcome.plan is not None and outcome.plan.group_by == ("region", "month")


def test_ranking_the_groups_by_their_amount(small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, ("今年各区域业绩", "按金额排个前三"),
                                "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = o.account_id JOIN region r "
                                f"ON r.id = a.region_id WHERE {THIS_YEAR_WON} GROUP BY r.id ORDER BY SUM(o.amount) "
                                "DESC LIMIT 3", TODAY)


def test_the_place_being_visited_is_who_they_are(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        account = conn.execute(text("SELECT a.name FROM account a JOIN contact ct ON ct.account_id = a.id "
                                    "WHERE a.account_type = 'hospital' ORDER BY a.id LIMIT 1")).scalar_one()
    assert_answer_matches(f"下午去{account}，先看看他们的联系人",
                          f"SELECT ct.name FROM contact ct JOIN account a ON a.id = ct.account_id WHERE a.name = '{account}'",
                          small_engine, TODAY)


def test_units_per_product_never_count_every_line_of_a_deal() -> None:
    # the deal's units measure sums all of a deal's lines; per product that would credit each product with them all
    plan = QueryPlan(entity="opportunity", measure="units_sold", group_by=("product",))
    with pytest.raises(CompileError):
        compile_plan(plan, "sqlite", TODAY)
