"""Wording found in fourteen development sets (dev181-dev194: the original set's style; a new rep; a finance
controller; a lead-operations manager; a key-account manager; a national director; an FMCG channel manager;
code-switched Chinese and English):

- a conversation about one customer goes on about it ("上次拜访是什么时候" after its overdue amount, "它今年的成交额呢");
- the last payment's time; a collection rate by amount (asked back when its basis is not said);
- a customer's annual revenue and a contract's size as conditions on other records ("年营收过一亿的客户今年赢单金额",
  "合同额超过八十万的合同今年回款多少"), accounts with a contract above a size ("有单份合同在500万以上的医院");
- bars on the totals of a breakdown said in the same question ("…，只列超过1800万的"), "各有几个" beside the groups;
- Chinese value negation (不是三甲, 非快消), halves (三个半小时, 一个半月, 过去半年), 逾期超过X的分期 (what each owes).

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


def _first(engine: Engine, sql: str) -> str:
    with engine.connect() as conn:
        name = conn.execute(text(sql)).scalars().first()
    assert name, "no such record on the small database: the test would prove nothing"
    return str(name)


def test_a_question_naming_no_customer_goes_on_about_the_one_just_asked_about(small_engine: Engine) -> None:
    name = _first(small_engine, "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM contract c JOIN payment p ON "
                  f"p.contract_id = c.id WHERE c.account_id = a.id AND {OVERDUE}) AND EXISTS (SELECT 1 FROM activity x "
                  "WHERE x.account_id = a.id AND x.type = 'visit') ORDER BY a.id")
    outcome = converse(small_engine, f"{name}的逾期金额", "上次拜访是什么时候", today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    latest = _first(small_engine, "SELECT strftime('%Y-%m-%d %H:%M:%S', MAX(x.occurred_at)) FROM activity x JOIN account "
                    f"a ON a.id = x.account_id WHERE a.name = '{name}' AND x.type = 'visit'")
    assert str(outcome.result.rows[0][0])[:19] == latest


def test_it_is_the_customer_just_asked_about(small_engine: Engine) -> None:
    name = _first(small_engine, f"SELECT a.name FROM account a JOIN opportunity o ON o.account_id = a.id WHERE "
                  f"{WON_THIS_YEAR} ORDER BY a.id")
    assert_conversation_matches(small_engine, (f"{name}是谁的客户", "它今年的成交额呢"), "SELECT SUM(o.amount) FROM "
                                f"opportunity o JOIN account a ON a.id = o.account_id WHERE a.name = '{name}' AND "
                                f"{WON_THIS_YEAR}", TODAY)


def test_a_question_about_everyone_is_not_narrowed_to_the_customer(small_engine: Engine) -> None:
    name = _first(small_engine, "SELECT a.name FROM account a ORDER BY a.id")
    outcome = converse(small_engine, f"{name}的负责人是谁", "全公司今年赢单金额一共多少", today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None
    assert all(x.dimension != "account" for x in outcome.plan.filters)


@pytest.mark.parametrize("template", ["{name}最近一次回款是什么时候", "When did {name} last pay us?"])
def test_the_last_payment(template: str, small_engine: Engine) -> None:
    """The latest receipt, not the latest follow-up."""
    name = _first(small_engine, "SELECT a.name FROM account a JOIN contract c ON c.account_id = a.id JOIN payment p ON "
                  "p.contract_id = c.id WHERE p.paid_at IS NOT NULL ORDER BY a.id")
    outcome = answer(template.format(name=name), engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    latest = _first(small_engine, "SELECT strftime('%Y-%m-%d %H:%M:%S', MAX(p.paid_at)) FROM payment p JOIN contract c "
                    f"ON c.id = p.contract_id JOIN account a ON a.id = c.account_id WHERE a.name = '{name}'")
    assert str(outcome.result.rows[0][0])[:19] == latest


@pytest.mark.parametrize(("question", "sql"), [
    ("到期应收的回款率是多少？按实收金额除以应收金额算", "SELECT 1.0 * SUM(p.amount_paid) / SUM(p.amount_due) FROM payment p "
     "WHERE p.due_date < '2026-11-18'"),
    ("Collection rate (collected / due) on installments that fell due in October", "SELECT 1.0 * SUM(p.amount_paid) / "
     "SUM(p.amount_due) FROM payment p WHERE p.due_date >= '2026-10-01' AND p.due_date < '2026-11-01'"),
])
def test_a_collection_rate_by_amount(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_a_collection_rate_without_its_basis_is_asked_back(small_engine: Engine) -> None:
    outcome = answer("回款率多少", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"


HAND_WRITTEN = [
    ("年营收过一亿的客户今年赢单金额一共多少", "SELECT SUM(o.amount) FROM opportunity o JOIN account a ON a.id = o.account_id "
     f"WHERE {WON_THIS_YEAR} AND a.annual_revenue >= 100000000"),
    ("Accounts with more than 50M annual revenue that we have never visited", "SELECT a.name FROM account a WHERE "
     "a.annual_revenue > 50000000 AND NOT EXISTS (SELECT 1 FROM activity x WHERE x.account_id = a.id AND "
     "x.type = 'visit')"),
    ("执行中、合同额超过八十万的合同今年一共回款多少", "SELECT SUM(p.amount_paid) FROM payment p JOIN contract c ON c.id = "
     "p.contract_id WHERE c.status = 'active' AND c.amount > 800000 AND p.paid_at >= '2026-01-01'"),
    ("How much have we collected this year on contracts worth more than 5M?", "SELECT SUM(p.amount_paid) FROM payment p "
     "JOIN contract c ON c.id = p.contract_id WHERE c.amount > 5000000 AND p.paid_at >= '2026-01-01'"),
    ("Active contracts worth more than 3M", "SELECT c.contract_no FROM contract c WHERE c.status = 'active' AND "
     "c.amount > 3000000"),
    ("有单份合同在300万以上的医院客户", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND EXISTS (SELECT 1 "
     "FROM contract c WHERE c.account_id = a.id AND c.amount >= 3000000)"),
    ("逾期超过十万的那些分期，逾期金额合计多少", f"SELECT SUM(p.amount_due - p.amount_paid) FROM payment p WHERE {OVERDUE} AND "
     "p.amount_due - p.amount_paid > 100000"),
    ("Total overdue amount on installments with more than 30k overdue", "SELECT SUM(p.amount_due - p.amount_paid) FROM "
     f"payment p WHERE {OVERDUE} AND p.amount_due - p.amount_paid > 30000"),
    ("华东区每个销售的在跟金额，只列超过300万的", "SELECT s.name FROM opportunity o JOIN account a ON a.id = o.account_id "
     f"JOIN region r ON r.id = a.region_id JOIN sales_rep s ON s.id = o.owner_id WHERE r.code = 'east' AND {OPEN} "
     "GROUP BY s.id HAVING SUM(o.amount) > 3000000"),
    ("手上在跟商机超过5个的业务员有哪些，各有几个", "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id "
     f"WHERE {OPEN} GROUP BY s.id HAVING COUNT(*) > 5"),
    ("哪些行业今年的平均单额超过50万", "SELECT a.industry FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
     f"{WON_THIS_YEAR} GROUP BY a.industry HAVING AVG(o.amount) > 500000"),
    ("每个大区逾期超过10万的客户数", "SELECT region FROM (SELECT r.name_zh AS region FROM payment p JOIN contract c ON c.id = "
     f"p.contract_id JOIN account a ON a.id = c.account_id JOIN region r ON r.id = a.region_id WHERE {OVERDUE} "
     "GROUP BY a.id HAVING SUM(p.amount_due - p.amount_paid) > 100000) GROUP BY region"),
    ("今年业绩超过2000万的团队有哪几个", "SELECT t.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id JOIN team t "
     f"ON t.id = s.team_id WHERE {WON_THIS_YEAR} GROUP BY t.id HAVING SUM(o.amount) > 20000000"),
    ("average open deal amount by stage", f"SELECT o.stage FROM opportunity o WHERE {OPEN} GROUP BY o.stage"),
    ("南宁的非三甲医院", "SELECT a.name FROM account a WHERE a.city = '南宁' AND a.account_type = 'hospital' AND "
     "a.hospital_grade <> '3A'"),
    ("重庆不做快消的经销商有哪些", "SELECT a.name FROM account a WHERE a.province = '重庆' AND a.account_type = 'distributor' "
     "AND a.industry <> 'fmcg'"),
    ("这个月时长超过一个半小时的拜访", "SELECT x.id FROM activity x WHERE x.type = 'visit' AND x.duration_min > 90 AND "
     "x.occurred_at >= '2026-11-01'"),
    ("过去半年签的、金额超过两百万的合同", "SELECT c.contract_no FROM contract c WHERE c.signed_at >= '2026-05-22' AND "
     "c.amount > 2000000"),
    ("9月份赢的百万以上的单子", "SELECT o.name FROM opportunity o WHERE o.stage = 'closed_won' AND o.amount >= 1000000 AND "
     "o.closed_at >= '2026-09-01' AND o.closed_at < '2026-10-01'"),
    ("上海的客户一共逾期多少", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON c.id = "
     f"p.contract_id JOIN account a ON a.id = c.account_id WHERE a.province = '上海' AND {OVERDUE}"),
    ("快消经销商里有逾期款的占比", "SELECT 1.0 * SUM(EXISTS (SELECT 1 FROM contract c JOIN payment p ON p.contract_id = c.id "
     f"WHERE c.account_id = a.id AND {OVERDUE})) / COUNT(*) FROM account a WHERE a.account_type = 'distributor' AND "
     "a.industry = 'fmcg'"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_hand_written(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize(("questions", "sql"), [
    (("华南的A类客户有哪些", "再把已经流失的去掉"), "SELECT a.name FROM account a JOIN region r ON r.id = a.region_id WHERE "
     "r.code = 'south' AND a.customer_class = 'A' AND a.status <> 'churned'"),
    (("Leads from trade shows this year", "just East China, and drop the ones that converted"), "SELECT l.company_name "
     "FROM lead l JOIN region r ON r.id = l.region_id WHERE l.source = 'trade_show' AND l.created_at >= '2026-01-01' "
     "AND r.code = 'east' AND l.status <> 'converted'"),
])
def test_leaving_records_out_in_a_follow_up(questions: tuple[str, ...], sql: str, small_engine: Engine) -> None:
    """"drop the ones that converted" leaves them out of the answer; nothing is deleted, so it is not refused."""
    assert_conversation_matches(small_engine, questions, sql, TODAY)


def test_the_top_record_of_each_group_is_asked_back(small_engine: Engine) -> None:
    outcome = answer("各区域今年销量第一的快消产品分别是什么", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify"


def test_a_reps_manager_is_the_manager_of_their_team(small_engine: Engine) -> None:
    assert_answer_matches("Who is 戴文博's manager?", "SELECT m.name FROM sales_rep m JOIN sales_rep s ON s.team_id = "
                          "m.team_id WHERE s.name = '戴文博' AND m.role = 'manager'", small_engine, TODAY)


@pytest.mark.parametrize(("question", "sql"), [
    ("签过100万以上的合同、但一分钱都还没回款的客户", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 FROM contract c "
     "WHERE c.account_id = a.id AND c.amount >= 1000000) AND NOT EXISTS (SELECT 1 FROM contract c JOIN payment p ON "
     "p.contract_id = c.id WHERE c.account_id = a.id AND p.amount_paid > 0)"),
    ("Hospitals in Guangdong other than the ones in Guangzhou and Shenzhen", "SELECT a.name FROM account a WHERE "
     "a.province = '广东' AND a.account_type = 'hospital' AND a.city NOT IN ('广州', '深圳')"),
    ("今年三甲医院的赢单里，超过两百万的按区域统计金额", "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = "
     f"o.account_id JOIN region r ON r.id = a.region_id WHERE {WON_THIS_YEAR} AND a.hospital_grade = '3A' AND "
     "o.amount > 2000000 GROUP BY r.id"),
])
def test_the_size_belongs_to_the_records_it_is_said_of(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def test_which_one_is_worst_after_a_rate_per_group_ranks_the_groups(small_engine: Engine) -> None:
    outcome = converse(small_engine, "4-hour response rate by region this year", "Which one is the worst?", today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None
    assert outcome.plan.group_by == ("region",) and outcome.plan.top_n == 1 and outcome.plan.order == "asc"


def test_an_average_of_lost_deals_is_dated_by_closing(small_engine: Engine) -> None:
    outcome = answer("Average lost deal size per industry this year", engine=small_engine, caller=Caller.admin(),
                     today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    with small_engine.connect() as conn:
        expected = {r[0]: r[1] for r in conn.execute(text(
            "SELECT a.industry, AVG(o.amount) FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
            "o.stage = 'closed_lost' AND o.closed_at >= '2026-01-01' GROUP BY a.industry"))}
    assert expected and {r[0]: r[1] for r in outcome.result.rows} == pytest.approx(expected)


def test_which_of_the_listed_accounts_have_overdue_payments(small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, ("华东的经销商有哪些", "Which of them have overdue payments?"), "SELECT a.name "
                                "FROM account a JOIN region r ON r.id = a.region_id WHERE r.code = 'east' AND "
                                "a.account_type = 'distributor' AND EXISTS (SELECT 1 FROM contract c JOIN payment p ON "
                                f"p.contract_id = c.id WHERE c.account_id = a.id AND {OVERDUE})", TODAY)


def test_the_biggest_open_deal_of_one_customer(small_engine: Engine) -> None:
    name = _first(small_engine, f"SELECT a.name FROM account a JOIN opportunity o ON o.account_id = a.id WHERE {OPEN} "
                  "GROUP BY a.id HAVING COUNT(*) > 1 ORDER BY a.id")
    assert_answer_matches(f"What's the biggest open deal at {name}?", "SELECT o.name FROM opportunity o JOIN account a "
                          f"ON a.id = o.account_id WHERE a.name = '{name}' AND {OPEN} ORDER BY o.amount DESC LIMIT 1",
                          small_engine, TODAY)


@pytest.mark.parametrize(("question", "sql"), [
    ("Which 3 East China accounts did we visit the most this year?", "SELECT a.name FROM activity x JOIN account a ON "
     "a.id = x.account_id JOIN region r ON r.id = a.region_id WHERE r.code = 'east' AND x.type = 'visit' AND "
     "x.occurred_at >= '2026-01-01' GROUP BY a.id ORDER BY COUNT(*) DESC LIMIT 3"),
    ("How many stores placed an order this year?", "SELECT COUNT(*) FROM account a WHERE a.account_type = 'store' AND "
     f"EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND {WON_THIS_YEAR})"),
    ("Industries with fewer than 40 won deals", "SELECT a.industry FROM opportunity o JOIN account a ON a.id = "
     "o.account_id WHERE o.stage = 'closed_won' GROUP BY a.industry HAVING COUNT(*) < 40"),
    ("应收账款余额一共还有多少没收", "SELECT SUM(p.amount_due - p.amount_paid) FROM payment p WHERE p.amount_paid < p.amount_due"),
])
def test_everyday_wording(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)
