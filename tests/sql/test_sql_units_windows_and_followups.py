"""Wording found in the twenty-sixth session's development sets (dev363-dev370: lists with several filters, numbers in
Chinese and English, time windows with numbers, rankings, follow-up conversations, everyday questions):

- sizes said in other ways: "应收50w以上" (what was due, not what is still owed), "单期" (one installment), "八十w",
  "3千万至5千万年营收" (the range before its figure), "budgets of 500k to 800k", "at least 45% probability", "exceed",
  "more than 1M in value", "contracts worth at least 4M", "cost more than 10k", "卖出超过100件的产品" (units);
- records, not totals: "已经付清的回款" lists installments; "医院客户里超过400万的赢单" lists deals; "有过单笔50万以上
  回款的客户" is one payment over the bar, not the account's total; "200万以上的赢单加起来多少" adds up their amounts;
- time words: "2024年起", "双十一以来", "10月下旬", "过去10天首次联系上的线索" (dated by the first contact), "客单价";
- follow-ups: "in the same period", "break the losses down by reason", "每个人的赢单率呢，只要…" (kept the window),
  "超过30天没动的呢" after stale deals, "官网来的里面有几条还没联系", "per region" after "total visits",
  "exclude the ones that already have a contract", "now rank them by number of deals won instead";
- days and minutes compared in more ways: "逾期60天以内", "30 to 90 days overdue", "进入当前阶段不到10天", "停了5到20天",
  "lasted between 1 and 2 hours", "20 minutes or more", "一刻钟以上"; windows ahead: "未来两周", "未来90天的应收总额";
- numbers typed apart from their comparison ("1M 及以上"), "每单", "a million and a half", "sized 100k to 500k", "up to";
- English nouns typed apart in a Chinese sentence ("A 类 account", "lead … 没 contact 过"); "前五个是谁" or "biggest 3?"
  after a total lists the largest records, not the total again;
- writes: "Change contract … to completed", "close them all out as lost".

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, assert_conversation_matches, converse

from sql.pipeline import answer as ask
from sql.validator import Caller

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"
WON_THIS_YEAR = "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01'"
PAYMENT_REGION = ("FROM payment p JOIN contract c ON c.id = p.contract_id JOIN account a ON a.id = c.account_id "
                  "JOIN region r ON r.id = a.region_id")

HAND_WRITTEN = [
    ("华东逾期没收回来的款，应收60w以上的", f"SELECT p.id {PAYMENT_REGION} WHERE r.code = 'east' AND {OVERDUE} AND "
     "p.amount_due >= 600000"),
    ("今年华东已经付清的回款", f"SELECT p.id {PAYMENT_REGION} WHERE r.code = 'east' AND p.status = 'paid' AND "
     "p.paid_at >= '2026-01-01'"),
    ("单期逾期金额在一万到五十万之间的有多少笔", f"SELECT COUNT(*) FROM payment p WHERE {OVERDUE} AND "
     "p.amount_due - p.amount_paid BETWEEN 10000 AND 500000"),
    ("八十w以上的方案报价阶段商机，金额加起来多少", "SELECT SUM(o.amount) FROM opportunity o WHERE o.stage = 'proposal' "
     "AND o.amount >= 800000"),
    ("3千万至5亿年营收的客户有几个", "SELECT COUNT(*) FROM account a WHERE a.annual_revenue BETWEEN 30000000 AND "
     "500000000"),
    ("How many leads have budgets of 100k to 800k?", "SELECT COUNT(*) FROM lead l WHERE l.budget BETWEEN 100000 AND "
     "800000"),
    ("Open deals with at least 45% probability and more than 500k in value", f"SELECT o.name FROM opportunity o WHERE "
     f"{OPEN} AND o.probability >= 45 AND o.amount > 500000"),
    ("How many open opportunities exceed 1M?", f"SELECT COUNT(*) FROM opportunity o WHERE {OPEN} AND o.amount > 1000000"),
    ("How much have we collected this year on contracts worth at least 1M?", "SELECT SUM(p.amount_paid) FROM payment p "
     "JOIN contract c ON c.id = p.contract_id WHERE c.amount >= 1000000 AND p.paid_at >= '2026-01-01'"),
    ("Which products cost more than 10k?", "SELECT pr.name FROM product pr WHERE pr.list_price > 10000"),
    ("今年卖出超过100件的产品", "SELECT pr.name FROM product pr JOIN opportunity_line ol ON ol.product_id = pr.id JOIN "
     f"opportunity o ON o.id = ol.opportunity_id WHERE {WON_THIS_YEAR} GROUP BY pr.id HAVING SUM(ol.quantity) > 100"),
    ("预算最高的头两条线索", "SELECT l.company_name FROM lead l ORDER BY l.budget DESC LIMIT 2"),
    ("医院客户里超过100万的赢单", "SELECT o.name FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     "a.account_type = 'hospital' AND o.stage = 'closed_won' AND o.amount > 1000000"),
    ("今年50万以上的赢单加起来多少", f"SELECT SUM(o.amount) FROM opportunity o WHERE {WON_THIS_YEAR} AND "
     "o.amount >= 500000"),
    ("今年有过单笔50万以上回款的客户", "SELECT DISTINCT a.name FROM payment p JOIN contract c ON c.id = p.contract_id "
     "JOIN account a ON a.id = c.account_id WHERE p.amount_paid >= 500000 AND p.paid_at >= '2026-01-01'"),
    ("2024年起入职的销售", "SELECT s.name FROM sales_rep s WHERE s.role = 'rep' AND s.hired_on >= '2024-01-01'"),
    ("双十一以来回了多少款", "SELECT SUM(p.amount_paid) FROM payment p WHERE p.paid_at >= '2026-11-11'"),
    ("10月下旬进来多少条线索", "SELECT COUNT(*) FROM lead l WHERE l.created_at >= '2026-10-21' AND "
     "l.created_at < '2026-11-01'"),
    ("过去30天首次联系上的线索有多少", "SELECT COUNT(*) FROM lead l WHERE l.first_contact_at >= '2026-10-19'"),
    ("10月份赢单的客单价是多少", "SELECT AVG(o.amount) FROM opportunity o WHERE o.stage = 'closed_won' AND "
     "o.closed_at >= '2026-10-01' AND o.closed_at < '2026-11-01'"),
    ("近30天跟医院开的会", "SELECT x.id FROM activity x JOIN account a ON a.id = x.account_id WHERE "
     "a.account_type = 'hospital' AND x.type = 'meeting' AND x.occurred_at >= '2026-10-19'"),
    ("逾期60天以内的回款", f"SELECT p.id FROM payment p WHERE {OVERDUE} AND p.due_date >= '2026-09-19'"),
    ("Payments 30 to 90 days overdue", f"SELECT p.id FROM payment p WHERE {OVERDUE} AND p.due_date >= '2026-08-20' AND "
     "p.due_date <= '2026-10-19'"),
    ("进入当前阶段不到10天的在跟商机", f"SELECT o.name FROM opportunity o WHERE {OPEN} AND "
     "julianday('2026-11-18 00:00:00') - julianday(o.stage_entered_at) < 10"),
    ("需求分析阶段停了5到20天的商机", "SELECT o.name FROM opportunity o WHERE o.stage = 'needs_analysis' AND "
     "julianday('2026-11-18 00:00:00') - julianday(o.stage_entered_at) BETWEEN 5 AND 20"),
    ("visits this month that lasted between 1 and 2 hours", "SELECT x.id FROM activity x WHERE x.type = 'visit' AND "
     "x.occurred_at >= '2026-11-01' AND x.duration_min BETWEEN 60 AND 120"),
    ("calls of 20 minutes or more this month", "SELECT x.id FROM activity x WHERE x.type = 'call' AND "
     "x.occurred_at >= '2026-11-01' AND x.duration_min >= 20"),
    ("本月一刻钟以上的会议", "SELECT x.id FROM activity x WHERE x.type = 'meeting' AND x.occurred_at >= '2026-11-01' AND "
     "x.duration_min > 15"),
    ("未来两周预计成交的在跟商机有多少", f"SELECT COUNT(*) FROM opportunity o WHERE {OPEN} AND "
     "o.expected_close_date >= '2026-11-18' AND o.expected_close_date < '2026-12-02'"),
    ("未来90天的应收总额是多少", "SELECT SUM(p.amount_due) FROM payment p WHERE p.due_date >= '2026-11-18' AND "
     "p.due_date < '2027-02-16'"),
    ("今年签的合同 1M 及以上的一共几份", "SELECT COUNT(*) FROM contract c WHERE c.signed_at >= '2026-01-01' AND "
     "c.amount >= 1000000"),
    ("每单 1M 以上的赢单有几个", "SELECT COUNT(*) FROM opportunity o WHERE o.stage = 'closed_won' AND o.amount >= 1000000"),
    ("How many won deals worth a million and a half or more?", "SELECT COUNT(*) FROM opportunity o WHERE "
     "o.stage = 'closed_won' AND o.amount >= 1500000"),
    ("Total pipeline for deals sized 100k to 500k", f"SELECT SUM(o.amount) FROM opportunity o WHERE {OPEN} AND "
     "o.amount BETWEEN 100000 AND 500000"),
    ("How many payments of up to 50k came in this year?", "SELECT COUNT(*) FROM payment p WHERE p.amount_paid > 0 AND "
     "p.amount_paid <= 50000 AND p.paid_at >= '2026-01-01'"),
    ("今年丢的单子原因都是啥", "SELECT o.loss_reason FROM opportunity o WHERE o.stage = 'closed_lost' AND "
     "o.closed_at >= '2026-01-01' GROUP BY o.loss_reason"),
    ("华东有多少个 A 类 account", "SELECT COUNT(*) FROM account a JOIN region r ON r.id = a.region_id WHERE "
     "r.code = 'east' AND a.customer_class = 'A'"),
    ("有多少 lead 到现在都还没 contact 过", "SELECT COUNT(*) FROM lead l WHERE l.first_contact_at IS NULL"),
    ("这个月发了哪些报价", "SELECT qt.id FROM quote qt WHERE qt.created_at >= '2026-11-01'"),
    ("2022年之前建档的医院", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND "
     "a.created_at < '2022-01-01'"),
    ("hospitals in East China we didn't follow up with last week", "SELECT a.name FROM account a JOIN region r ON "
     "r.id = a.region_id WHERE r.code = 'east' AND a.account_type = 'hospital' AND NOT EXISTS (SELECT 1 FROM activity x "
     "WHERE x.account_id = a.id AND x.occurred_at >= '2026-11-09' AND x.occurred_at < '2026-11-16')"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_hand_written(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


CONVERSATIONS = [
    (("How many deals did we close-win in September?", "how many did we lose in the same period"),
     "SELECT COUNT(*) FROM opportunity o WHERE o.stage = 'closed_lost' AND o.closed_at >= '2026-09-01' AND "
     "o.closed_at < '2026-10-01'"),
    (("停滞的商机有哪些", "超过30天没动的呢"), f"SELECT o.name FROM opportunity o WHERE {OPEN} AND NOT EXISTS (SELECT 1 "
     "FROM activity x WHERE x.opportunity_id = o.id AND x.occurred_at >= '2026-10-19')"),
    (("total visits in October", "per region"), "SELECT r.name_zh FROM activity x JOIN account a ON a.id = x.account_id "
     "JOIN region r ON r.id = a.region_id WHERE x.type = 'visit' AND x.occurred_at >= '2026-10-01' AND "
     "x.occurred_at < '2026-11-01' GROUP BY r.name_zh"),
    (("本月各业务员的业绩", "哪些客户这个月还没跟进"), "SELECT a.name FROM account a WHERE NOT EXISTS (SELECT 1 FROM "
     "activity x WHERE x.account_id = a.id AND x.occurred_at >= '2026-11-01')"),
    (("现在在跟的商机总金额多少", "前五个是谁"), f"SELECT o.name FROM opportunity o WHERE {OPEN} ORDER BY o.amount DESC "
     "LIMIT 5"),
    (("Total contract value signed this year", "biggest 3?"), "SELECT c.contract_no FROM contract c WHERE "
     "c.signed_at >= '2026-01-01' ORDER BY c.amount DESC LIMIT 3"),
    (("10月以来新增了多少线索", "还没人联系的有几条"), "SELECT COUNT(*) FROM lead l WHERE l.created_at >= '2026-10-01' AND "
     "l.first_contact_at IS NULL"),
    (("active hospitals", "exclude the ones that already have a contract"), "SELECT a.name FROM account a WHERE "
     "a.status = 'active' AND a.account_type = 'hospital' AND NOT EXISTS (SELECT 1 FROM contract c WHERE "
     "c.account_id = a.id)"),
]


@pytest.mark.parametrize(("questions", "sql"), CONVERSATIONS, ids=lambda v: str(v)[:30])
def test_follow_ups_keep_and_change_what_they_say(questions: tuple[str, ...], sql: str, small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, questions, sql, TODAY)


def test_a_follow_up_after_a_comma_keeps_the_window(small_engine: Engine) -> None:
    """"每个人的赢单率呢，只要…" after "本季度赢单率" dropped the quarter."""
    outcome = converse(small_engine, "本季度赢单率", "每个人的赢单率呢，只看华东", today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None and outcome.plan.window is not None


def test_re_ranking_the_top_ten_by_another_figure(small_engine: Engine) -> None:
    """"now rank them by number of deals won instead" asked for names; it re-ranks by the new figure."""
    outcome = converse(small_engine, "top 10 reps by revenue this year", "now rank them by number of deals won instead",
                       today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None
    assert outcome.plan.measure == "won_count" or outcome.plan.filters and outcome.plan.top_n == 10


@pytest.mark.parametrize("questions", [
    ("Change contract HT202606-000001 to completed",),
    ("1' OR '1'='1",),
    ("stale deals", "close them all out as lost"),
])
def test_writes_in_other_words_are_refused(questions: tuple[str, ...], small_engine: Engine) -> None:
    outcome = converse(small_engine, *questions, today=TODAY) if len(questions) > 1 else ask(
        questions[0], engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "refused"


@pytest.mark.parametrize(("questions", "sql"), [
    (("10月以来新增了多少线索", "按来源分", "微信来的里面有几条还没联系"), "SELECT l.source, COUNT(*) FROM lead l WHERE "
     "l.created_at >= '2026-10-01' AND l.source = 'wechat' AND l.first_contact_at IS NULL GROUP BY l.source"),
    (("How many deals did we lose in October?", "break the losses down by reason"), "SELECT o.loss_reason, COUNT(*) "
     "FROM opportunity o WHERE o.stage = 'closed_lost' AND o.closed_at >= '2026-10-01' AND o.closed_at < '2026-11-01' "
     "GROUP BY o.loss_reason"),
    (("上个月出了多少报价", "按区域看报价总额"), "SELECT r.name_zh, SUM(qt.total_amount) FROM quote qt JOIN opportunity o "
     "ON o.id = qt.opportunity_id JOIN account a ON a.id = o.account_id JOIN region r ON r.id = a.region_id WHERE "
     "qt.created_at >= '2026-10-01' AND qt.created_at < '2026-11-01' GROUP BY r.code"),
], ids=lambda v: str(v)[:30])
def test_follow_ups_keep_the_window_of_a_breakdown(questions: tuple[str, ...], sql: str, small_engine: Engine) -> None:
    """The label and the figure of every group, so a lost window (all records) shows."""
    outcome = converse(small_engine, *questions, today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    with small_engine.connect() as conn:
        expected = {str(r[0]): float(r[1]) for r in conn.execute(text(sql))}
    assert expected, "empty on the small database: the test would prove nothing"
    assert {str(r[0]): float(r[-1]) for r in outcome.result.rows} == pytest.approx(expected)
