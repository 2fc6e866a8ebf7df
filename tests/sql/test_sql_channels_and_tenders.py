"""A marketer's, a channel manager's and a tender desk's wording: lead conversion by source, accounts that came
from a source, quotes still waiting for an answer (not every quote "sent"), losses to competitors and on price,
accounts listed by the deals they have, each account's open pipeline, periods side by side.

Each answer is checked against SQL written by hand for the same question on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine
from tests_support import assert_answer_matches

from sql.pipeline import answer
from sql.validator import Caller

OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"

HAND_WRITTEN = [
    # a lead has no conversion date: the share of the leads that came in, converted
    ("展会线索转化率多少", "SELECT 1.0 * SUM(CASE WHEN l.status = 'converted' THEN 1 ELSE 0 END) / COUNT(*) FROM lead l "
     "WHERE l.source = 'trade_show'"),
    ("disqualification rate by lead source", "SELECT l.source FROM lead l GROUP BY l.source"),
    ("转介绍来的客户现在还在跟的单子有哪些", "SELECT o.name FROM opportunity o WHERE " + OPEN + " AND EXISTS (SELECT 1 "
     "FROM lead l WHERE l.converted_account_id = o.account_id AND l.source = 'referral')"),
    ("Total won revenue from accounts that came in as website leads", "SELECT SUM(o.amount) FROM opportunity o WHERE "
     "o.stage = 'closed_won' AND EXISTS (SELECT 1 FROM lead l WHERE l.converted_account_id = o.account_id AND "
     "l.source = 'website')"),
    ("这个月展会一共带来多少条线索", "SELECT COUNT(*) FROM lead l WHERE l.source = 'trade_show' AND l.created_at >= "
     "'2026-11-01 00:00:00'"),
    # "sent to hospitals" is every quote; "turned down" is the status
    ("Which quotes we sent to hospitals last month got turned down?", "SELECT qt.id FROM quote qt JOIN opportunity o "
     "ON o.id = qt.opportunity_id JOIN account a ON a.id = o.account_id WHERE a.account_type = 'hospital' AND "
     "qt.status = 'rejected' AND qt.created_at >= '2026-10-01 00:00:00' AND qt.created_at < '2026-11-01 00:00:00'"),
    ("发给医院的报价有多少份", "SELECT COUNT(*) FROM quote qt JOIN opportunity o ON o.id = qt.opportunity_id JOIN "
     "account a ON a.id = o.account_id WHERE a.account_type = 'hospital'"),
    ("医院那边还在等回复的报价有多少份", "SELECT COUNT(*) FROM quote qt JOIN opportunity o ON o.id = qt.opportunity_id "
     "JOIN account a ON a.id = o.account_id WHERE a.account_type = 'hospital' AND qt.status = 'sent'"),
    ("今年被竞品抢走的医院项目", "SELECT o.name FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     "a.account_type = 'hospital' AND o.loss_reason = 'competitor' AND o.closed_at >= '2026-01-01 00:00:00'"),
    ("上个月因为价格输掉的单子", "SELECT o.name FROM opportunity o WHERE o.stage = 'closed_lost' AND o.loss_reason = "
     "'price' AND o.closed_at >= '2026-10-01 00:00:00' AND o.closed_at < '2026-11-01 00:00:00'"),
    ("今年医院丢单原因分布", "SELECT o.loss_reason FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     "a.account_type = 'hospital' AND o.stage = 'closed_lost' AND o.closed_at >= '2026-01-01 00:00:00' GROUP BY "
     "o.loss_reason"),
    # accounts listed by the deals they have, not the deals
    ("Which hospitals have a deal sitting at the proposal stage?", "SELECT a.name FROM account a WHERE "
     "a.account_type = 'hospital' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage = "
     "'proposal')"),
    # each hospital's open deals together
    ("在跟金额过100万的三甲医院", "SELECT a.name FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     "a.account_type = 'hospital' AND a.hospital_grade = '3A' AND " + OPEN + " GROUP BY a.id, a.name HAVING "
     "SUM(o.amount) >= 1000000"),
    ("在跟金额最大的3个单子", "SELECT o.name FROM opportunity o WHERE " + OPEN + " ORDER BY o.amount DESC LIMIT 3"),
    ("三甲医院合同的应收还剩多少没收", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON "
     "c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE a.account_type = 'hospital' AND "
     "a.hospital_grade = '3A'"),
    ("有逾期款的经销商", "SELECT DISTINCT a.name FROM account a JOIN contract c ON c.account_id = a.id JOIN payment p ON "
     "p.contract_id = c.id WHERE a.account_type = 'distributor' AND p.due_date < '2026-11-18' AND p.amount_paid < "
     "p.amount_due"),
    ("哪些经销商连个决策人都没有", "SELECT a.name FROM account a WHERE a.account_type = 'distributor' AND NOT EXISTS ("
     "SELECT 1 FROM contact ct WHERE ct.account_id = a.id AND ct.is_decision_maker = 1)"),
    ("本季度和上季度各来了多少条展会线索", "SELECT CASE WHEN l.created_at >= '2026-10-01' THEN '2026-Q4' ELSE '2026-Q3' "
     "END AS q FROM lead l WHERE l.source = 'trade_show' AND l.created_at >= '2026-07-01 00:00:00' GROUP BY q"),
    ("线索4小时响应率 本季度vs上季度", "SELECT CASE WHEN l.created_at >= '2026-10-01' THEN '2026-Q4' ELSE '2026-Q3' END "
     "AS q FROM lead l WHERE l.created_at >= '2026-07-01 00:00:00' GROUP BY q"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize("question", ["明年快消经销商能做多少", "how much will we sell next quarter"])
def test_a_forecast_is_asked_back(question: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"


@pytest.mark.parametrize("question", ["帮我给宜昌同济供应链补一条昨天的拜访记录", "please log a visit for 北京市中心医院"])
def test_adding_a_record_is_refused(question: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == "refused"
