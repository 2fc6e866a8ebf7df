"""Questions about particular records: when one was last followed up, what it still owes, its status or owner.

Accounts are picked from the small database by what they have (follow-ups, contracts, unpaid installments), and
each answer is compared with SQL written by hand, so a dropped filter or a wrong column fails the test.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text

from sql.pipeline import answer
from sql.validator import Caller


def _one(engine: Engine, sql: str) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def _ask(question: str, engine: Engine):
    outcome = answer(question, engine=engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", (question, outcome.clarification)
    assert outcome.result is not None
    return outcome


def _stamp(value: object) -> str:
    return str(value).replace("T", " ").removesuffix(".000000")[:19]


@pytest.fixture(scope="module")
def followed_up(small_engine: Engine) -> str:
    """An account with follow-ups whose name is in the database once."""
    return str(_one(small_engine, "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM activity x WHERE "
                                  "x.account_id = a.id) AND (SELECT COUNT(*) FROM account b WHERE b.name = a.name) = 1 "
                                  "ORDER BY a.id LIMIT 1"))


@pytest.fixture(scope="module")
def owing(small_engine: Engine) -> str:
    """An account with a contract and an installment not yet paid in full, whose name is in the database once."""
    return str(_one(small_engine, "SELECT a.name FROM account a JOIN contract c ON c.account_id = a.id JOIN payment p "
                                  "ON p.contract_id = c.id WHERE p.amount_paid < p.amount_due AND (SELECT COUNT(*) FROM "
                                  "account b WHERE b.name = a.name) = 1 ORDER BY a.id LIMIT 1"))


@pytest.mark.parametrize("template", ["{}最后一次跟进是什么时候", "{}上一次跟进是哪天？",
                                      "when did anyone last touch base with {}?"])
def test_last_follow_up_is_the_latest_activity(template: str, followed_up: str, small_engine: Engine) -> None:
    outcome = _ask(template.format(followed_up), small_engine)
    expected = _one(small_engine, "SELECT MAX(x.occurred_at) FROM activity x JOIN account a ON a.id = x.account_id "
                                  f"WHERE a.name = '{followed_up}'")
    assert [_stamp(v) for (v,) in outcome.result.rows] == [_stamp(expected)]


def test_last_visit_counts_visits_only(followed_up: str, small_engine: Engine) -> None:
    outcome = _ask(f"{followed_up}最后一次拜访是什么时候", small_engine)
    assert outcome.query is not None and "'visit'" in outcome.query.sql


@pytest.mark.parametrize("template", ["{}还欠我们多少钱", "What's still owed on {}'s contracts?"])
def test_what_an_account_still_owes(template: str, owing: str, small_engine: Engine) -> None:
    outcome = _ask(template.format(owing), small_engine)
    expected = _one(small_engine, "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON c.id = "
                                  f"p.contract_id JOIN account a ON a.id = c.account_id WHERE a.name = '{owing}'")
    assert float(outcome.result.rows[0][0]) == pytest.approx(float(expected))


@pytest.mark.parametrize(("template", "column", "sql"), [
    ("{}的合同现在是什么状态", "status", "SELECT c.status FROM contract c JOIN account a ON a.id = c.account_id "
                                       "WHERE a.name = '{}'"),
    ("{}的合同是谁在负责", "rep", "SELECT s.name FROM contract c JOIN account a ON a.id = c.account_id JOIN sales_rep s "
                              "ON s.id = c.owner_id WHERE a.name = '{}'"),
    ("{}属于哪个大区", "region", "SELECT r.name_zh FROM account a JOIN region r ON r.id = a.region_id WHERE a.name = '{}'"),
])
def test_a_list_shows_what_the_question_asks_of_each_record(template: str, column: str, sql: str, owing: str,
                                                          small_engine: Engine) -> None:
    outcome = _ask(template.format(owing), small_engine)
    assert column in outcome.result.columns
    at = outcome.result.columns.index(column)
    with small_engine.connect() as conn:
        expected = sorted(str(r[0]) for r in conn.execute(text(sql.format(owing))))
    assert sorted(str(r[at]) for r in outcome.result.rows) == expected


def test_a_list_keeps_records_that_share_a_name(small_engine: Engine) -> None:
    """Deal names repeat ("客户-产品"); a list has one row per deal, not one per distinct name."""
    name = _one(small_engine, "SELECT a.name FROM opportunity o JOIN account a ON a.id = o.account_id GROUP BY a.id, "
                              "a.name, o.name HAVING COUNT(*) > 1 ORDER BY a.id LIMIT 1")
    assert name is not None, "the small demo (fixed seed) must have an account with two deals of the same name"
    outcome = _ask(f"{name}的商机", small_engine)
    expected = _one(small_engine, f"SELECT COUNT(*) FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
                                  f"a.name = '{name}'")
    assert len(outcome.result.rows) == expected


HAND_WRITTEN = [
    ("已经签约、但是手上没有在跟商机的A类客户",
     "SELECT a.name FROM account a WHERE a.customer_class = 'A' AND EXISTS (SELECT 1 FROM contract c WHERE c.account_id "
     "= a.id) AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage IN ('initial_contact', "
     "'needs_analysis', 'proposal', 'negotiation'))"),
    ("哪些合同有分期款逾期了？",
     "SELECT c.contract_no FROM contract c WHERE EXISTS (SELECT 1 FROM payment p WHERE p.contract_id = c.id AND "
     "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due)"),
    # the amount compared is each account's overdue total, not its annual revenue
    ("accounts with overdue amount over 100k",
     "SELECT a.name FROM account a JOIN contract c ON c.account_id = a.id JOIN payment p ON p.contract_id = c.id WHERE "
     "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due GROUP BY a.id, a.name HAVING SUM(p.amount_due - "
     "p.amount_paid) > 100000"),
    # totals per contract, and records reached through their deal's products
    ("逾期金额超过10万的合同",
     "SELECT c.contract_no FROM contract c JOIN payment p ON p.contract_id = c.id WHERE p.due_date < '2026-11-18' AND "
     "p.amount_paid < p.amount_due GROUP BY c.id, c.contract_no HAVING SUM(p.amount_due - p.amount_paid) > 100000"),
    ("今年彩超X5的商机上有哪些跟进记录",
     "SELECT x.id FROM activity x JOIN opportunity o ON o.id = x.opportunity_id WHERE x.occurred_at >= '2026-01-01 "
     "00:00:00' AND EXISTS (SELECT 1 FROM opportunity_line ol JOIN product p ON p.id = ol.product_id WHERE "
     "ol.opportunity_id = o.id AND p.sku = 'US-X5')"),
    ("contracts that came out of X5 deals",
     "SELECT c.contract_no FROM contract c JOIN opportunity o ON o.id = c.opportunity_id WHERE EXISTS (SELECT 1 FROM "
     "opportunity_line ol JOIN product p ON p.id = ol.product_id WHERE ol.opportunity_id = o.id AND p.sku = 'US-X5')"),
    ("欠款最多的前三个客户",
     "SELECT a.name FROM account a JOIN contract c ON c.account_id = a.id JOIN payment p ON p.contract_id = c.id GROUP BY "
     "a.id, a.name ORDER BY SUM(p.amount_due - p.amount_paid) DESC LIMIT 3"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    outcome = _ask(question, small_engine)
    with small_engine.connect() as conn:
        expected = sorted(tuple(r)[:1] for r in conn.execute(text(sql)))
    assert sorted(tuple(r)[:1] for r in outcome.result.rows) == expected
    assert expected, "the hand-written SQL must find something on the small database"


QUOTES = [
    ("今年被客户拒掉的报价里，总额超过500万的是哪几份",
     "SELECT q.id FROM quote q WHERE q.status = 'rejected' AND q.created_at >= '2026-01-01 00:00:00' AND "
     "q.total_amount > 5000000"),
    ("How many quotes currently have the status accepted?", "SELECT COUNT(*) FROM quote q WHERE q.status = 'accepted'"),
    ("total value of quotes that are still out with the customer",
     "SELECT SUM(q.total_amount) FROM quote q WHERE q.status = 'sent'"),
]


@pytest.mark.parametrize(("question", "sql"), QUOTES, ids=lambda v: str(v)[:24])
def test_quotes_are_records_of_their_own(question: str, sql: str, small_engine: Engine) -> None:
    """报价 is also a deal stage (方案报价); a question about quotes gets the quotes, by status and amount."""
    outcome = _ask(question, small_engine)
    assert outcome.plan is not None and outcome.plan.entity == "quote"
    with small_engine.connect() as conn:
        expected = sorted(float(r[0]) for r in conn.execute(text(sql)))
    assert sorted(float(r[0]) for r in outcome.result.rows) == pytest.approx(expected)
    assert expected and expected != [0.0]


def test_a_rep_sees_only_the_quotes_of_their_own_deals(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        rep_id, email = conn.execute(text("SELECT s.id, s.email FROM sales_rep s JOIN opportunity o ON o.owner_id = s.id "
                                          "JOIN quote q ON q.opportunity_id = o.id WHERE s.role = 'rep' AND s.is_active "
                                          "ORDER BY s.id LIMIT 1")).one()
        expected = conn.execute(text("SELECT COUNT(*) FROM quote q JOIN opportunity o ON o.id = q.opportunity_id "
                                     f"WHERE o.owner_id = {rep_id}")).scalar()
    from sql.pipeline import resolve_caller

    outcome = answer("我的报价一共有多少份", engine=small_engine, caller=resolve_caller(small_engine, email), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    assert outcome.result.rows[0][0] == expected
    everyone = _ask("报价一共有多少份", small_engine).result.rows[0][0]
    assert 0 < expected < everyone
