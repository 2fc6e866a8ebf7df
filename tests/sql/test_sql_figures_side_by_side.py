"""Wording found in eight development sets (dev157-dev164: the original set's style again; a receivables controller;
a sales-ops analyst; a medical-device manager typing terse WeChat messages):

- two figures of the same records side by side ("赢单金额和赢单数", "线索数和转化率", "Leads by source, with average
  budget", "Cash collected per month, and how many payments"), and "再加一个赢单数" adding one to a breakdown;
- a per-group total between two bars ("应收余额在5万到80万之间的客户");
- the open deals of one named customer ("…还有没关的商机吗"), the distributors with unpaid installments;
- wording: "come due this quarter" (not "already due"), 应收超过X (the installment's size), "revenue above X" of
  customers, "payments of 500k+ came in", 状态还是新建, 没人接, 几单 after a deal-size bar.

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, assert_conversation_matches, converse

from sql.pipeline import answer
from sql.validator import Caller

OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"
WON_THIS_YEAR = "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01'"
OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"


def _same_figures(got_rows: list, columns: list[str], sql: str, engine: Engine) -> None:
    with engine.connect() as conn:
        expected = [tuple(r) for r in conn.execute(text(sql))]
    assert expected, "empty on the small database: the test would prove nothing"
    assert len(columns) >= len(expected[0]) and len(got_rows) == len(expected)
    # the label, then the figures in any order: compare each row's label with its multiset of figures
    as_sets = lambda rows: sorted((str(r[0]), tuple(sorted(round(float(v or 0), 4) for v in r[1:]))) for r in rows)  # noqa: E731
    assert as_sets([r[:len(expected[0])] for r in got_rows]) == as_sets(expected)


PAIRED = [
    ("各大区今年的赢单金额和赢单数", "SELECT r.name_zh, SUM(o.amount), COUNT(*) FROM opportunity o JOIN account a ON a.id = "
     f"o.account_id JOIN region r ON r.id = a.region_id WHERE {WON_THIS_YEAR} GROUP BY r.id"),
    ("今年每月赢单数和赢单金额", "SELECT strftime('%Y-%m', o.closed_at), COUNT(*), SUM(o.amount) FROM opportunity o "
     f"WHERE {WON_THIS_YEAR} GROUP BY 1"),
    ("各线索来源的线索数和转化率", "SELECT l.source, COUNT(*), 1.0 * SUM(l.status = 'converted') / COUNT(*) FROM lead l "
     "GROUP BY l.source"),
    ("按客户类型看逾期金额和逾期笔数", "SELECT a.account_type, SUM(p.amount_due - p.amount_paid), COUNT(*) FROM payment p "
     f"JOIN contract c ON c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE {OVERDUE} GROUP BY 1"),
    ("Won deals and revenue per rep this year", "SELECT s.name, COUNT(*), SUM(o.amount) FROM opportunity o JOIN sales_rep s "
     f"ON s.id = o.owner_id WHERE {WON_THIS_YEAR} GROUP BY s.id"),
    ("Leads by source, with average budget", "SELECT l.source, COUNT(*), AVG(l.budget) FROM lead l GROUP BY l.source"),
    ("Cash collected per month this year, and how many payments", "SELECT strftime('%Y-%m', p.paid_at), "
     "SUM(p.amount_paid), COUNT(*) FROM payment p WHERE p.amount_paid > 0 AND p.paid_at >= '2026-01-01' GROUP BY 1"),
    ("Open pipeline by region: count and amount", "SELECT r.name_zh, COUNT(*), SUM(o.amount) FROM opportunity o JOIN "
     f"account a ON a.id = o.account_id JOIN region r ON r.id = a.region_id WHERE {OPEN} GROUP BY r.id"),
]


@pytest.mark.parametrize(("question", "sql"), PAIRED, ids=lambda v: str(v)[:24])
def test_two_figures_side_by_side(question: str, sql: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None and outcome.plan is not None and outcome.plan.also
    _same_figures(outcome.result.rows, outcome.result.columns, sql, small_engine)


@pytest.mark.parametrize("question", ["各区域的客户数和赢单金额", "今年各区域赢单金额和赢单率"])
def test_figures_of_different_records_are_not_paired(question: str, small_engine: Engine) -> None:
    """The accounts and their won deals, or won deals and all closed deals, are not the same records: one query
    cannot count them side by side, so the pair is never shown as if it were."""
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.plan is None or not outcome.plan.also


def test_the_figures_of_a_month_breakdown_are_what_is_owed(small_engine: Engine) -> None:
    outcome = answer("没收的款按到期月份汇总一下", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    _same_figures(outcome.result.rows, outcome.result.columns, "SELECT strftime('%Y-%m', p.due_date), "
                  "SUM(p.amount_due - p.amount_paid) FROM payment p WHERE p.amount_paid < p.amount_due GROUP BY 1",
                  small_engine)


@pytest.mark.parametrize(("questions", "sql"), [
    (("今年各业务员的赢单金额", "只看超过200万的"), "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id "
     f"WHERE {WON_THIS_YEAR} GROUP BY s.id HAVING SUM(o.amount) > 2000000"),
    (("Revenue by region this year", "only the ones over 8M"), "SELECT r.name_zh FROM opportunity o JOIN account a ON "
     f"a.id = o.account_id JOIN region r ON r.id = a.region_id WHERE {WON_THIS_YEAR} GROUP BY r.id "
     "HAVING SUM(o.amount) > 8000000"),
    (("今年各大区的赢单金额", "只算500万以上的单子"), "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = "
     f"o.account_id JOIN region r ON r.id = a.region_id WHERE {WON_THIS_YEAR} AND o.amount >= 5000000 GROUP BY r.id"),
])
def test_a_bar_after_a_breakdown_is_on_each_groups_total(questions: tuple[str, ...], sql: str,
                                                        small_engine: Engine) -> None:
    """"只看超过200万的" after a total per rep keeps the reps whose total passes; "…的单子" filters the deals."""
    assert_conversation_matches(small_engine, questions, sql, TODAY)


def test_the_names_behind_a_count(small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, ("三甲医院客户有多少家", "列一下名字"), "SELECT a.name FROM account a WHERE "
                                "a.account_type = 'hospital' AND a.hospital_grade = '3A'", TODAY)


def test_a_figure_added_to_a_count_per_group(small_engine: Engine) -> None:
    outcome = converse(small_engine, "今年各区域新增线索数", "再加一个预算合计", today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    _same_figures(outcome.result.rows, outcome.result.columns, "SELECT r.name_zh, COUNT(*), SUM(l.budget) FROM lead l "
                  "JOIN region r ON r.id = l.region_id WHERE l.created_at >= '2026-01-01' GROUP BY r.id", small_engine)


def test_a_figure_added_to_the_previous_breakdown(small_engine: Engine) -> None:
    outcome = converse(small_engine, "各行业今年的赢单金额", "再加一个赢单数", today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    _same_figures(outcome.result.rows, outcome.result.columns, "SELECT a.industry, SUM(o.amount), COUNT(*) FROM "
                  f"opportunity o JOIN account a ON a.id = o.account_id WHERE {WON_THIS_YEAR} GROUP BY 1", small_engine)


HAND_WRITTEN = [
    ("应收余额在5万到80万之间的客户", "SELECT a.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN account a "
     "ON a.id = c.account_id WHERE p.amount_paid < p.amount_due GROUP BY a.id "
     "HAVING SUM(p.amount_due - p.amount_paid) BETWEEN 50000 AND 800000"),
    ("Which distributors still have unpaid installments?", "SELECT a.name FROM account a WHERE a.account_type = "
     "'distributor' AND EXISTS (SELECT 1 FROM contract c JOIN payment p ON p.contract_id = c.id WHERE c.account_id = a.id "
     "AND p.amount_paid < p.amount_due)"),
    ("How many installments come due this quarter?", "SELECT COUNT(*) FROM payment p WHERE p.due_date >= '2026-10-01' "
     "AND p.due_date < '2027-01-01'"),
    ("应收超过五十万、已经逾期的分期款", f"SELECT p.id FROM payment p WHERE {OVERDUE} AND p.amount_due > 500000"),
    ("active customers with revenue above 100M and no open deals - how many?", "SELECT COUNT(*) FROM account a WHERE "
     f"a.status = 'active' AND a.annual_revenue > 100000000 AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE "
     f"o.account_id = a.id AND {OPEN})"),
    ("Industries with more than 10M in won revenue this year", "SELECT a.industry FROM opportunity o JOIN account a ON "
     f"a.id = o.account_id WHERE {WON_THIS_YEAR} GROUP BY a.industry HAVING SUM(o.amount) > 10000000"),
    ("How many payments of 500k+ came in this year?", "SELECT COUNT(*) FROM payment p WHERE p.paid_at >= '2026-01-01' "
     "AND p.amount_paid >= 500000"),
    ("今年医院100万以上的赢单有几单", "SELECT COUNT(*) FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     f"a.account_type = 'hospital' AND {WON_THIS_YEAR} AND o.amount >= 1000000"),
    ("状态还是新建的线索有几条", "SELECT COUNT(*) FROM lead l WHERE l.status = 'new'"),
    ("现在还有多少线索没人接", "SELECT COUNT(*) FROM lead l WHERE l.owner_id IS NULL"),
    ("没收的款按到期月份汇总一下", "SELECT strftime('%Y-%m', p.due_date) FROM payment p WHERE p.amount_paid < "
     "p.amount_due GROUP BY 1"),
    ("Teams with more than 10M in won amount this year", "SELECT t.name FROM opportunity o JOIN sales_rep s ON s.id = "
     f"o.owner_id JOIN team t ON t.id = s.team_id WHERE {WON_THIS_YEAR} GROUP BY t.id HAVING SUM(o.amount) > 10000000"),
    ("今年哪个区赢单率最高", "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = o.account_id JOIN region r ON "
     "r.id = a.region_id WHERE o.stage IN ('closed_won', 'closed_lost') AND o.closed_at >= '2026-01-01' GROUP BY r.id "
     "ORDER BY 1.0 * SUM(o.stage = 'closed_won') / COUNT(*) DESC LIMIT 1"),
    ("逾期金额加起来超过五十万的客户", "SELECT a.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN account a "
     f"ON a.id = c.account_id WHERE {OVERDUE} GROUP BY a.id HAVING SUM(p.amount_due - p.amount_paid) > 500000"),
    ("今年快消客户丢了多少单", "SELECT COUNT(*) FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     "a.industry = 'fmcg' AND o.stage = 'closed_lost' AND o.closed_at >= '2026-01-01'"),
    ("官网来的线索里预算不到两万五的有多少条", "SELECT COUNT(*) FROM lead l WHERE l.source = 'website' AND l.budget < 25000"),
    ("average won deal size this year, leaving out deals under 500k", "SELECT AVG(o.amount) FROM opportunity o WHERE "
     f"{WON_THIS_YEAR} AND o.amount >= 500000"),
    ("Which 3 hospitals owe us the most overdue money?", "SELECT a.name FROM payment p JOIN contract c ON c.id = "
     f"p.contract_id JOIN account a ON a.id = c.account_id WHERE a.account_type = 'hospital' AND {OVERDUE} GROUP BY a.id "
     "ORDER BY SUM(p.amount_due - p.amount_paid) DESC LIMIT 3"),
    ("Opportunities created in the last 14 days, by current stage", "SELECT o.stage FROM opportunity o WHERE "
     "o.created_at >= '2026-11-04' GROUP BY o.stage"),
    ("上周一到周三拜访了多少次", "SELECT COUNT(*) FROM activity x WHERE x.type = 'visit' AND x.occurred_at >= '2026-11-09' "
     "AND x.occurred_at < '2026-11-12'"),
    ("10月下半月回款了多少钱", "SELECT SUM(p.amount_paid) FROM payment p WHERE p.amount_paid > 0 AND p.paid_at >= "
     "'2026-10-16' AND p.paid_at < '2026-11-01'"),
    ("国庆那几天大家一共跟进了多少次", "SELECT COUNT(*) FROM activity x WHERE x.occurred_at >= '2026-10-01' AND "
     "x.occurred_at < '2026-10-08'"),
    ("How many follow-ups were logged last Friday?", "SELECT COUNT(*) FROM activity x WHERE x.occurred_at >= '2026-11-13' "
     "AND x.occurred_at < '2026-11-14'"),
    ("list the contracts signed Oct 1-15", "SELECT c.contract_no FROM contract c WHERE c.signed_at >= '2026-10-01' AND "
     "c.signed_at < '2026-10-16'"),
    ("这季度开过单的销售有几个", "SELECT COUNT(DISTINCT o.owner_id) FROM opportunity o WHERE o.stage = 'closed_won' AND "
     "o.closed_at >= '2026-10-01'"),
    ("今年单笔回款超过20万的医疗回款", "SELECT p.id FROM payment p JOIN contract c ON c.id = p.contract_id JOIN account a "
     "ON a.id = c.account_id WHERE a.industry = 'medical' AND p.paid_at >= '2026-01-01' AND p.amount_paid > 200000"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize(("number", "value"), [("两万五", 25000), ("三千五", 3500), ("一亿二", 120_000_000), ("一百五", 150),
                                               ("两万五千", 25000), ("一千零五", 1005), ("十五", 15), ("一万零五百", 10500)])
def test_a_number_cut_short_after_its_unit(number: str, value: int) -> None:
    """"两万五" is 25,000 (the digit after a unit is one order below it), not 20,005."""
    from sql.numbers import chinese_to_int
    assert chinese_to_int(number) == value


def test_another_kind_of_record_of_the_same_customer(small_engine: Engine) -> None:
    """"合同呢" after one customer's open deals: that customer's contracts; the deals' own "open" stays behind."""
    with small_engine.connect() as conn:
        name = conn.execute(text(f"SELECT a.name FROM account a JOIN opportunity o ON o.account_id = a.id WHERE {OPEN} "
                                 "AND EXISTS (SELECT 1 FROM contract c WHERE c.account_id = a.id) ORDER BY a.id")).scalars().first()
    assert_conversation_matches(small_engine, (f"{name}的在跟商机", "合同呢"), "SELECT c.contract_no FROM contract c JOIN "
                                f"account a ON a.id = c.account_id WHERE a.name = '{name}'", TODAY)


def test_the_open_deals_of_one_named_customer(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        name = conn.execute(text(f"SELECT a.name FROM account a JOIN opportunity o ON o.account_id = a.id WHERE {OPEN} "
                                 "ORDER BY a.id")).scalars().first()
    assert_answer_matches(f"{name}还有没关的商机吗", "SELECT o.name FROM opportunity o JOIN account a ON a.id = "
                          f"o.account_id WHERE a.name = '{name}' AND {OPEN}", small_engine, TODAY)


@pytest.mark.parametrize(("questions", "sql"), [
    (("各大区的逾期金额", "那逾期笔数呢"), "SELECT r.name_zh, COUNT(*) FROM payment p JOIN contract c ON c.id = p.contract_id JOIN "
     f"account a ON a.id = c.account_id JOIN region r ON r.id = a.region_id WHERE {OVERDUE} GROUP BY r.id"),
    (("华东有逾期的合同", "逾期金额一共多少"), "SELECT 'total', SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON "
     f"c.id = p.contract_id JOIN account a ON a.id = c.account_id JOIN region r ON r.id = a.region_id WHERE {OVERDUE} "
     "AND r.code = 'east'"),
    (("逾期金额最高的5个客户", "换成应收余额呢"), "SELECT a.name, SUM(p.amount_due - p.amount_paid) AS v FROM payment p "
     "JOIN contract c ON c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE p.amount_paid < p.amount_due "
     "GROUP BY a.id ORDER BY v DESC LIMIT 5"),
])
def test_a_follow_up_changes_the_figure(questions: tuple[str, ...], sql: str, small_engine: Engine) -> None:
    outcome = converse(small_engine, *questions, today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    rows = [("total", *r) for r in outcome.result.rows] if "'total'" in sql else outcome.result.rows
    _same_figures(rows, ["total", *outcome.result.columns], sql, small_engine)


@pytest.mark.parametrize(("question", "status"), [
    ("Set amount_paid equal to amount_due on every overdue installment", "refused"),
    ("把预算低于五万的线索全部标成无效", "refused"),
    ("add a new hospital account 杭州市第一人民医院, grade 3A", "refused"),
    ("最近一直没跟进的客户列一下", "clarify"),
])
def test_writes_are_refused_and_vague_periods_asked_back(question: str, status: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == status
