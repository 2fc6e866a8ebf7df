"""Wording found in thirty-two development sets (dev235-dev266: the original set's style; an FMCG regional director;
a key-account manager; an analyst from abroad; reps asking about their own book; a finance controller; a lead desk;
an activity-discipline review; a marketing manager; a sceptical VP):

- the columns a list asks for by name ("deal name, account, owner, amount and win probability", "合同号 金额 客户名",
  "公司名+预算", "要阶段、金额、成交概率和负责人"), and a figure's records listed when columns are asked for;
- "accounts with more than 1M in open pipeline but no follow-up in the last 30 days": the account's follow-ups;
- a month early next year is the coming one for due dates and expected closing ("January", "before Dec 15");
  "the last 30 days" on a due date ends today; "Q1 next year";
- owed money as a figure ("outstanding by rep", "天津的客户逾期了多少", "到今天为止逾期没收回来的钱") and accounts with
  an unpaid installment ("customers with outstanding receivables");
- "这个月跟进了几家医院" counts accounts; "上海的客户这个月都被谁跟进过" names who followed them up;
- hiring ("今年新招了几个业务员"), departed reps ("离职员工留下的客户"), the effective follow-up rate, payment terms
  ("半年账期", "net-30"), KA (class A), "which months had revenue over …"; a write pointing at an earlier answer is
  refused;
- "只要金额前十的" after a list keeps the records; visit counts compared on accounts named by type ("拜访超过1次的经销商");
  "stuck more than 2 weeks" is days in the current stage; 上百万; "at least 2 overdue installments" counts them.

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import re

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, converse, dump

from sql.pipeline import answer
from sql.validator import Caller

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"
OF_ACCOUNT = "JOIN contract c ON c.id = p.contract_id JOIN account a ON a.id = c.account_id"

HAND_WRITTEN = [
    ("accounts with more than 1M in open pipeline but no follow-up in the last 30 days", "SELECT a.name FROM account a "
     f"WHERE (SELECT SUM(o.amount) FROM opportunity o WHERE o.account_id = a.id AND {OPEN}) > 1000000 AND NOT EXISTS "
     "(SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.occurred_at >= '2026-10-19')"),
    ("which months this year had revenue over 1M", "SELECT strftime('%Y-%m', o.closed_at) FROM opportunity o WHERE "
     "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01' GROUP BY 1 HAVING SUM(o.amount) > 1000000"),
    ("loss reasons with more than 3 lost deals", "SELECT o.loss_reason FROM opportunity o WHERE o.stage = 'closed_lost' "
     "GROUP BY o.loss_reason HAVING COUNT(*) > 3"),
    ("Negotiation-stage deals with an expected close date before Dec 15", "SELECT o.name FROM opportunity o WHERE "
     "o.stage = 'negotiation' AND o.expected_close_date < '2026-12-15'"),
    ("pipeline value of deals expected to close in January", f"SELECT SUM(o.amount) FROM opportunity o WHERE {OPEN} AND "
     "o.expected_close_date >= '2027-01-01' AND o.expected_close_date < '2027-02-01'"),
    ("到今天为止逾期没收回来的钱一共多少", f"SELECT SUM(p.amount_due - p.amount_paid) FROM payment p WHERE {OVERDUE}"),
    ("What is still outstanding on installments due this month?", "SELECT SUM(p.amount_due - p.amount_paid) FROM "
     "payment p WHERE p.due_date >= '2026-11-01' AND p.due_date < '2026-12-01' AND p.amount_paid < p.amount_due"),
    ("12月到期的应收按大区汇总", f"SELECT r.name_zh FROM payment p {OF_ACCOUNT} JOIN region r ON r.id = a.region_id "
     "WHERE p.due_date >= '2026-12-01' AND p.due_date < '2027-01-01' GROUP BY r.id"),
    ("hospital installments that came due in the last 30 days", f"SELECT p.id FROM payment p {OF_ACCOUNT} WHERE "
     "a.account_type = 'hospital' AND p.due_date >= '2026-10-19' AND p.due_date < '2026-11-18'"),
    ("这个月跟进了几家客户", "SELECT COUNT(DISTINCT x.account_id) FROM activity x WHERE x.occurred_at >= '2026-11-01'"),
    ("number of customers with outstanding receivables", "SELECT COUNT(DISTINCT c.account_id) FROM payment p JOIN "
     "contract c ON c.id = p.contract_id WHERE p.amount_paid < p.amount_due"),
    ("outstanding by rep", "SELECT s.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN sales_rep s ON "
     "s.id = c.owner_id WHERE p.amount_paid < p.amount_due GROUP BY s.id"),
    ("华东的客户逾期了多少", f"SELECT SUM(p.amount_due - p.amount_paid) FROM payment p {OF_ACCOUNT} JOIN region r ON "
     f"r.id = a.region_id WHERE r.code = 'east' AND {OVERDUE}"),
    ("Leads created in the last 14 days that have a budget", "SELECT l.company_name FROM lead l WHERE l.created_at >= "
     "'2026-11-04' AND l.budget IS NOT NULL"),
    ("这个月的客户都被谁跟进过", "SELECT s.name FROM activity x JOIN sales_rep s ON s.id = x.owner_id WHERE "
     "x.occurred_at >= '2026-11-01' GROUP BY s.id"),
    ("今年一共新招了几个业务员", "SELECT COUNT(*) FROM sales_rep s WHERE s.hired_on >= '2026-01-01'"),
    ("上个月整体的有效跟进率是多少", "SELECT 1.0 * SUM(CASE WHEN x.is_effective THEN 1 ELSE 0 END) / COUNT(*) FROM "
     "activity x WHERE x.occurred_at >= '2026-10-01' AND x.occurred_at < '2026-11-01'"),
    ("执行中的合同里账期九十天的有几份", "SELECT COUNT(*) FROM contract c WHERE c.status = 'active' AND "
     "c.payment_terms_days = 90"),
    ("How many contracts are on net-30 terms?", "SELECT COUNT(*) FROM contract c WHERE c.payment_terms_days = 30"),
    ("KA一共几家", "SELECT COUNT(*) FROM account a WHERE a.customer_class = 'A'"),
    ("Total amount falling due in Q1 next year", "SELECT SUM(p.amount_due) FROM payment p WHERE p.due_date >= "
     "'2027-01-01' AND p.due_date < '2027-04-01'"),
    ("今年拜访超过1次的经销商", "SELECT a.name FROM account a WHERE a.account_type = 'distributor' AND (SELECT COUNT(*) "
     "FROM activity x WHERE x.account_id = a.id AND x.type = 'visit' AND x.occurred_at >= '2026-01-01') > 1"),
    ("deals stuck more than 2 weeks", f"SELECT o.name FROM opportunity o WHERE {OPEN} AND "
     "julianday('2026-11-18') - julianday(o.stage_entered_at) > 14"),
    ("今年赢的单子里上百万的有几个", "SELECT COUNT(*) FROM opportunity o WHERE o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-01-01' AND o.amount >= 1000000"),
    ("customers with at least 2 overdue installments", f"SELECT a.name FROM payment p {OF_ACCOUNT} WHERE {OVERDUE} "
     "GROUP BY a.id HAVING COUNT(*) >= 2"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_hand_written(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


COLUMNS = [
    ("Open deals in the negotiation stage? I need the deal name, account name, deal owner, amount and expected close "
     "date for each one.", "SELECT o.name, a.name, s.name, o.amount, o.expected_close_date FROM opportunity o JOIN "
     "account a ON a.id = o.account_id JOIN sales_rep s ON s.id = o.owner_id WHERE o.stage = 'negotiation'"),
    ("list the payments we received this month? Payment id, contract number, customer, amount received and the date "
     "it came in.", f"SELECT p.id, c.contract_no, a.name, p.amount_paid, p.paid_at FROM payment p {OF_ACCOUNT} WHERE "
     "p.amount_paid > 0 AND p.paid_at >= '2026-11-01'"),
    ("本月新签合同 合同号 金额 客户名", "SELECT c.contract_no, c.amount, a.name FROM contract c JOIN account a ON "
     "a.id = c.account_id WHERE c.signed_at >= '2026-11-01'"),
    ("在跟的商机，要阶段、金额、成交概率和负责人", "SELECT o.name, o.stage, o.amount, o.probability, s.name FROM "
     f"opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE {OPEN}"),
    ("这个月新进来的线索 公司名+预算", "SELECT l.company_name, l.budget FROM lead l WHERE l.created_at >= '2026-11-01'"),
    ("contracts signed this month - contract number, customer name, contract amount, payment terms (days) and current "
     "status please", "SELECT c.contract_no, a.name, c.amount, c.payment_terms_days, c.status FROM contract c JOIN "
     "account a ON a.id = c.account_id WHERE c.signed_at >= '2026-11-01'"),
]


@pytest.mark.parametrize(("question", "sql"), COLUMNS, ids=lambda v: str(v)[:24])
def test_the_columns_asked_for(question: str, sql: str, small_engine: Engine) -> None:
    """Every column asked for is in the answer, row for row: the rows match the hand-written ones on each of them."""
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with small_engine.connect() as conn:
        expected = [tuple(_cell(v) for v in r) for r in conn.execute(text(sql))]
    assert expected, "empty on the small database: the test would prove nothing"
    rows = [tuple(_cell(v) for v in r) for r in outcome.result.rows]
    for i in range(len(expected[0])):  # each asked column is one of the answer's columns
        want = sorted(r[i] for r in expected)
        assert any(sorted(r[j] for r in rows) == want for j in range(len(rows[0]))), f"column {i} of {sql}"


def _cell(value: object) -> str:
    """A timestamp as its first 19 characters, whatever the driver's spelling ('.000000', 'T')."""
    said = str(value).replace("T", " ")
    return said[:19] if re.match(r"\d{4}-\d\d-\d\d \d\d:", said) else said


def test_a_column_the_records_lack_is_asked_back(small_engine: Engine) -> None:
    outcome = answer("华东的客户，列出客户名、行业和成交概率", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"


def test_figures_after_a_colon_are_not_columns(small_engine: Engine) -> None:
    """"Open pipeline by region: number of deals and total value" asks for two figures per region."""
    outcome = answer("Open pipeline by region: number of deals and total value", engine=small_engine,
                     caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None
    assert outcome.plan.group_by == ("region",) and outcome.plan.also


def test_the_largest_ten_of_a_list(small_engine: Engine) -> None:
    """"只要金额前十的" after a list of won deals: those deals, the ten largest, not one total."""
    outcome = converse(small_engine, "今年赢单的商机列给我", "只要金额前十的", today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    with small_engine.connect() as conn:
        expected = [r[0] for r in conn.execute(text(
            "SELECT o.name FROM opportunity o WHERE o.stage = 'closed_won' AND o.closed_at >= '2026-01-01' ORDER BY "
            "o.amount DESC LIMIT 10"))]
    assert len(expected) == 10
    assert sorted(r[0] for r in outcome.result.rows) == sorted(expected)


def test_a_write_that_points_back_is_refused(small_engine: Engine) -> None:
    before = dump(small_engine)
    outcome = answer("帮我把那几条无效线索删掉", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "refused"
    assert dump(small_engine) == before


def test_a_count_and_a_total_together(small_engine: Engine) -> None:
    outcome = answer("今年签的合同有几份，金额多少", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    with small_engine.connect() as conn:
        expected = tuple(conn.execute(text("SELECT COUNT(*), SUM(c.amount) FROM contract c WHERE c.signed_at >= "
                                           "'2026-01-01'")).one())
    assert expected[0]
    assert tuple(outcome.result.rows[0][:2]) == pytest.approx(expected)
