"""Wording found in twenty-eight development sets (dev273-dev300: the original set's lists, numbers and follow-ups; a
medical-device regional manager; a receivables clerk; an FMCG key-account director; a lead desk; a first-line manager;
a rep on the road; a product manager; a data-hygiene auditor):

- a figure over the records of a ranked list ("这十单加起来多少钱", "what's the average amount of those"), and a figure
  that cannot be worked out over them asked back;
- two changes in one follow-up ("add the owner and sort by amount"), and a list's order said after its columns
  ("…，列名称、金额和负责人，金额从大到小排");
- totals compared per group the question heads with ("哪些业务员赢单金额超过一千万", "华中哪个省在跟金额过了…",
  "products with more than 2500 units sold", "应收余额一千万以上的客户类型");
- "worst" on overdue money is the most owed; each of two products named ("A100和C300分别的赢单金额");
- a product named alone shows its list price; "今年6月份之前" starts in January; a lead status said as "new";
- a list compared on annual revenue shows it, and is sorted by it when asked; payment lists name the contract and the
  installment; a quantity of cases is never read as a deal's amount, and "best" with no measure is asked back.

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, converse

from sql.pipeline import answer
from sql.validator import Caller

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
OWED = "JOIN contract c ON c.id = p.contract_id JOIN account a ON a.id = c.account_id"

HAND_WRITTEN = [
    ("哪些业务员赢单金额超过一千万", "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE "
     "o.stage = 'closed_won' GROUP BY s.id HAVING SUM(o.amount) > 10000000"),
    ("哪个省在跟金额过了一千二百万", f"SELECT a.province FROM opportunity o JOIN account a ON a.id = o.account_id WHERE {OPEN} "
     "GROUP BY a.province HAVING SUM(o.amount) > 12000000"),
    ("products with more than 2500 units sold this year", "SELECT pr.name FROM opportunity_line ol JOIN opportunity o ON "
     "o.id = ol.opportunity_id JOIN product pr ON pr.id = ol.product_id WHERE o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-01-01' GROUP BY pr.id HAVING SUM(ol.quantity) > 2500"),
    ("应收余额一千万以上的客户类型", f"SELECT a.account_type FROM payment p {OWED} WHERE p.amount_paid < p.amount_due GROUP BY "
     "a.account_type HAVING SUM(p.amount_due - p.amount_paid) >= 10000000"),
    ("A100和C300分别的赢单金额", "SELECT pr.name FROM product pr WHERE pr.sku IN ('IVD-A100', 'IVD-C300') AND EXISTS (SELECT 1 "
     "FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id WHERE ol.product_id = pr.id AND o.stage = "
     "'closed_won')"),
    ("今年6月份之前签了多少份合同", "SELECT COUNT(*) FROM contract c WHERE c.signed_at >= '2026-01-01' AND c.signed_at < "
     "'2026-06-01'"),
    ("西北区状态还是new的线索有哪些", "SELECT l.company_name FROM lead l JOIN region r ON r.id = l.region_id WHERE r.code = "
     "'northwest' AND l.status = 'new'"),
    ("top 5 reps by 回款 this month", "SELECT s.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN sales_rep s ON "
     "s.id = c.owner_id WHERE p.paid_at >= '2026-11-01' GROUP BY s.id ORDER BY SUM(p.amount_paid) DESC LIMIT 5"),
    ("list price on MON-M8?", "SELECT pr.name FROM product pr WHERE pr.sku = 'MON-M8'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_hand_written(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def _values(engine: Engine, sql: str) -> list:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(sql))]


@pytest.mark.parametrize(("follow_up", "figure"), [("这十单加起来多少钱", "SUM"), ("它们的平均金额是多少", "AVG"),
                                                   ("these add up to how much", "SUM")])
def test_a_figure_over_a_ranked_lists_records(follow_up: str, figure: str, small_engine: Engine) -> None:
    """The ten biggest deals, then their total: those ten amounts, never every deal's (a top-N of one row)."""
    outcome = converse(small_engine, "金额最大的十个商机", follow_up, today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    expected = _values(small_engine, f"SELECT {figure}(amount) FROM (SELECT o.amount FROM opportunity o ORDER BY "
                                     "o.amount DESC LIMIT 10)")
    assert outcome.result.rows[0][0] == pytest.approx(expected[0])


def test_a_rate_over_a_ranked_list_is_asked_back(small_engine: Engine) -> None:
    outcome = converse(small_engine, "金额最大的十个商机", "赢单率呢", today=TODAY)
    assert outcome.status == "clarify"


@pytest.mark.parametrize("follow_up", ["add the owner and sort by amount", "加上负责人，按金额从高到低排"])
def test_two_changes_in_one_follow_up(follow_up: str, small_engine: Engine) -> None:
    outcome = converse(small_engine, "华东的未关闭商机", follow_up, today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    amounts = [r[outcome.result.columns.index("amount")] for r in outcome.result.rows]
    assert len(amounts) > 2 and amounts == sorted(amounts, reverse=True)
    assert "rep" in outcome.result.columns


@pytest.mark.parametrize(("question", "column"), [
    ("华南区商务谈判阶段的商机，列名称、金额和负责人，金额从大到小排", "amount"),
    ("年营收超过1亿的医院，名称和年营收，从高到低", "annual_revenue"),
    ("年营收上亿的医院有哪些，按营收从高到低", "annual_revenue"),
])
def test_a_list_in_the_order_asked(question: str, column: str, small_engine: Engine) -> None:
    """The records, largest first: neither a total nor a list in another order."""
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None and outcome.plan is not None
    assert outcome.plan.measure is None
    values = [r[outcome.result.columns.index(column)] for r in outcome.result.rows]
    assert len(values) >= 2 and values == sorted(values, reverse=True)


def test_the_worst_region_on_overdue_money_owes_the_most(small_engine: Engine) -> None:
    outcome = converse(small_engine, "逾期金额按区域", "which region's the worst?", today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    expected = _values(small_engine, f"SELECT r.name_zh FROM payment p {OWED} JOIN region r ON r.id = a.region_id WHERE "
                                     "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due GROUP BY r.id ORDER BY "
                                     "SUM(p.amount_due - p.amount_paid) DESC LIMIT 1")
    assert [r[0] for r in outcome.result.rows] == expected


def test_a_list_compared_on_annual_revenue_shows_it(small_engine: Engine) -> None:
    outcome = answer("年营收不到500万的B类客户", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    assert outcome.result.rows and all(r[outcome.result.columns.index("annual_revenue")] < 5_000_000
                                       for r in outcome.result.rows)


def test_payments_are_named_by_contract_and_installment(small_engine: Engine) -> None:
    outcome = answer("逾期的回款", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    assert {"contract_no", "installment_no"} <= set(outcome.result.columns)


@pytest.mark.parametrize("question", ["deals with more than 300 cases of mineral water on them", "哪个渠道的线索最好"])
def test_asked_back_rather_than_guessed(question: str, small_engine: Engine) -> None:
    """A quantity of cases is no deal amount; "best" names no measure."""
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"
