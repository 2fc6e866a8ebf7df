"""Everyday managers' wording found in a balanced development set: "没人认领的线索", "第三方检验所", "X组下面",
"名字都列出来", "哪些客户合同都签了，可到现在一笔款都没收到" (two related conditions), "一个决策人都没录",
"qualified but haven't converted yet", "closed-won", "how long have the deals in negotiation been stuck in that
stage", and "跟上个月比一下" after a monthly figure (the two months side by side).

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
    ("西南区没人认领的线索，公司名给我列一下", "SELECT l.company_name FROM lead l JOIN region r ON r.id = l.region_id WHERE "
     "r.code = 'southwest' AND l.owner_id IS NULL"),
    ("第三方检验所里现在卡在方案报价的单子", "SELECT o.name FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     "a.account_type = 'lab' AND o.stage = 'proposal'"),
    ("华北1组下面有哪些业务员", "SELECT s.name FROM sales_rep s JOIN team t ON t.id = s.team_id WHERE t.name = '华北1组' "
     "AND s.role = 'rep'"),
    ("三甲医院的设备科主任，名字都列出来", "SELECT ct.name FROM contact ct JOIN account a ON a.id = ct.account_id WHERE "
     "a.hospital_grade = '3A' AND a.account_type = 'hospital' AND ct.title = '设备科主任'"),
    ("哪些客户合同都签了，可到现在一笔款都没收到", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM contract c "
     "WHERE c.account_id = a.id) AND NOT EXISTS (SELECT 1 FROM payment p JOIN contract c ON c.id = p.contract_id WHERE "
     "c.account_id = a.id AND p.amount_paid > 0)"),
    ("哪些医院一个决策人都没录", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND NOT EXISTS (SELECT 1 "
     "FROM contact ct WHERE ct.account_id = a.id AND ct.is_decision_maker = 1)"),
    ("how many leads are qualified but haven't converted yet?", "SELECT COUNT(*) FROM lead l WHERE l.status = "
     "'qualified'"),
    ("how much has 高娜 closed-won this year?", "SELECT SUM(o.amount) FROM opportunity o JOIN sales_rep s ON s.id = "
     "o.owner_id WHERE s.name = '高娜' AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"),
    ("4h response rate on trade-show leads, last 30 days", "SELECT 1.0 * SUM(CASE WHEN l.first_contact_at <= datetime("
     "l.created_at, '+4 hours') THEN 1 ELSE 0 END) / COUNT(*) FROM lead l WHERE l.source = 'trade_show' AND "
     "l.created_at >= '2026-10-19 00:00:00'"),
    ("5 accounts with the most overdue money", "SELECT a.name, SUM(p.amount_due - p.amount_paid) FROM payment p JOIN "
     "contract c ON c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE p.due_date < '2026-11-18' AND "
     "p.amount_paid < p.amount_due GROUP BY a.id, a.name ORDER BY 2 DESC LIMIT 5"),
    ("Class A accounts without an open deal in 华中", "SELECT a.name FROM account a JOIN region r ON r.id = a.region_id "
     "WHERE r.code = 'central' AND a.customer_class = 'A' AND NOT EXISTS (SELECT 1 FROM opportunity o WHERE "
     "o.account_id = a.id AND o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation'))"),
    ("Total overdue amount owed by hospitals", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c "
     "ON c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE a.account_type = 'hospital' AND p.due_date < "
     "'2026-11-18' AND p.amount_paid < p.amount_due"),
    ("How much contract value did the East China reps sign this year?", "SELECT SUM(c.amount) FROM contract c JOIN "
     "sales_rep s ON s.id = c.owner_id JOIN region r ON r.id = s.region_id WHERE r.code = 'east' AND c.signed_at >= "
     "'2026-01-01 00:00:00'"),
    ("which reps in East China closed a deal this month", "SELECT s.name FROM sales_rep s JOIN region r ON r.id = "
     "s.region_id WHERE r.code = 'east' AND s.role = 'rep' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.owner_id = "
     "s.id AND o.stage = 'closed_won' AND o.closed_at >= '2026-11-01 00:00:00')"),
    ("高娜's open deals by stage - how many in each?", "SELECT o.stage, COUNT(*) FROM opportunity o JOIN sales_rep s ON "
     "s.id = o.owner_id WHERE s.name = '高娜' AND o.stage IN ('initial_contact', 'needs_analysis', 'proposal', "
     "'negotiation') GROUP BY o.stage"),
    ("on average how long have the deals in negotiation been stuck in that stage?", "SELECT AVG(julianday("
     "'2026-11-18 00:00:00') - julianday(o.stage_entered_at)) FROM opportunity o WHERE o.stage = 'negotiation'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_these_records_added_up_keep_the_previous_conditions(small_engine: Engine) -> None:
    first = answer("上个月丢掉的单子有哪些", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert first.plan is not None
    outcome = answer("这些单子金额加起来多少？", engine=small_engine, caller=Caller.admin(), today=TODAY, previous=first.plan)
    assert outcome.result is not None
    with small_engine.connect() as conn:
        expected = conn.execute(text("SELECT SUM(o.amount) FROM opportunity o WHERE o.stage = 'closed_lost' AND "
                                     "o.closed_at >= '2026-10-01 00:00:00' AND o.closed_at < '2026-11-01 00:00:00'")).scalar()
    assert expected and float(outcome.result.rows[0][0]) == float(expected)


def test_money_asked_after_a_list_keeps_its_account(small_engine: Engine) -> None:
    first = answer("银川市康复医院签了哪些合同", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert first.plan is not None
    paid = answer("回款了多少", engine=small_engine, caller=Caller.admin(), today=TODAY, previous=first.plan)
    assert paid.plan is not None and paid.result is not None
    owed = answer("and how much is still outstanding?", engine=small_engine, caller=Caller.admin(), today=TODAY,
                  previous=paid.plan)
    assert owed.result is not None
    with small_engine.connect() as conn:
        got = conn.execute(text("SELECT SUM(p.amount_paid), SUM(CASE WHEN p.amount_paid < p.amount_due THEN "
                                "p.amount_due - p.amount_paid ELSE 0 END) FROM payment p JOIN contract c ON c.id = "
                                "p.contract_id JOIN account a ON a.id = c.account_id WHERE a.name = '银川市康复医院'")).one()
    assert float(paid.result.rows[0][0]) == pytest.approx(float(got[0]))
    assert got[1] > 0 and float(owed.result.rows[0][0]) == pytest.approx(float(got[1]))


@pytest.mark.parametrize("again", ["跟上个月比一下", "跟上个月比呢", "compare with last month"])
def test_a_month_compared_with_the_one_before(again: str, small_engine: Engine) -> None:
    first = answer("本月的赢单率多少", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert first.plan is not None
    outcome = answer(again, engine=small_engine, caller=Caller.admin(), today=TODAY, previous=first.plan)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with small_engine.connect() as conn:
        expected = sorted((str(m), float(v)) for m, v in conn.execute(text(
            "SELECT strftime('%Y-%m', o.closed_at), 1.0 * SUM(o.stage = 'closed_won') / COUNT(*) FROM opportunity o "
            "WHERE o.stage IN ('closed_won', 'closed_lost') AND o.closed_at >= '2026-10-01 00:00:00' GROUP BY 1")))
    got = sorted((str(m), round(float(v), 9)) for m, v in outcome.result.rows)
    assert got == [(m, round(v, 9)) for m, v in expected]
    assert len(expected) == 2
