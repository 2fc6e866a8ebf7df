"""Wording found in twelve development sets (dev139-dev150: the original set's style again; a medical-device sales VP;
an FMCG regional manager; follow-up conversations):

- a figure per group compared with a bar ("平均每单超过两百万的行业", "industries with a win rate above 30%"), and
  "加起来最高的三家" ranking each group's total rather than adding the top three up;
- records ranked by a classifier ("金额最大的前五份"), the head noun of "which 3 hospitals had the most follow-ups",
  the reps of "which 3 active reps have the lowest pipeline", units on open deals;
- accounts lacking a decision maker "among their contacts", installments "on my team's contracts", accounts with an
  overdue installment and no visit, accounts with no WeChat follow-up;
- a contact named without saying so ("潘倩是哪家客户的"), and a name that is nobody's, which is asked back rather than
  dropped ("我们跟王大锤沟通过几次");
- follow-ups: "这几家的院长是谁", "按金额排一下", "加起来多少" and "add them up" after a list, "都输在什么原因" after the five
  biggest losses, "它们各自的…" after a ranking (asked back: the plan cannot pin the groups down);
- numbers: 一个半亿, 四分之一, 一成五, 五位数, "seven-figure"; "把…全部关掉" is a write.

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, assert_conversation_matches, converse

from sql.pipeline import answer, resolve_caller
from sql.validator import Caller

OVERDUE = "p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due"
OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
WON_THIS_YEAR = "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01'"
CLOSED_THIS_YEAR = "o.stage IN ('closed_won', 'closed_lost') AND o.closed_at >= '2026-01-01'"

HAND_WRITTEN = [
    ("金额还不到一万块的在跟商机", f"SELECT o.name FROM opportunity o WHERE {OPEN} AND o.amount < 10000"),
    ("今年平均每单超过五十万的是哪几个行业", "SELECT a.industry FROM opportunity o JOIN account a ON a.id = o.account_id "
     f"WHERE {WON_THIS_YEAR} GROUP BY a.industry HAVING AVG(o.amount) > 500000"),
    ("Which industries averaged more than 500k per won deal this year?", "SELECT a.industry FROM opportunity o JOIN "
     f"account a ON a.id = o.account_id WHERE {WON_THIS_YEAR} GROUP BY a.industry HAVING AVG(o.amount) > 500000"),
    ("合同金额加起来最高的三家客户", "SELECT a.name FROM contract c JOIN account a ON a.id = c.account_id GROUP BY a.id "
     "ORDER BY SUM(c.amount) DESC LIMIT 3"),
    ("Industries with a win rate above 30% this year", "SELECT a.industry FROM opportunity o JOIN account a ON a.id = "
     f"o.account_id WHERE {CLOSED_THIS_YEAR} GROUP BY a.industry HAVING 1.0 * SUM(o.stage = 'closed_won') / COUNT(*) > 0.3"),
    ("今年赢单率不到四分之一的区域", "SELECT r.name_zh FROM opportunity o JOIN account a ON a.id = o.account_id JOIN region r "
     f"ON r.id = a.region_id WHERE {CLOSED_THIS_YEAR} GROUP BY r.id HAVING 1.0 * SUM(o.stage = 'closed_won') / COUNT(*) < 0.25"),
    ("hospitals that have no decision maker among their contacts", "SELECT a.name FROM account a WHERE a.account_type = "
     "'hospital' AND NOT EXISTS (SELECT 1 FROM contact ct WHERE ct.account_id = a.id AND ct.is_decision_maker = 1)"),
    ("今年跟医院签的合同，金额最大的前五份", "SELECT c.contract_no FROM contract c JOIN account a ON a.id = c.account_id "
     "WHERE a.account_type = 'hospital' AND c.signed_at >= '2026-01-01' ORDER BY c.amount DESC LIMIT 5"),
    ("Which 3 hospitals had the most follow-ups this quarter?", "SELECT a.name FROM activity x JOIN account a ON a.id = "
     "x.account_id WHERE a.account_type = 'hospital' AND x.occurred_at >= '2026-10-01' GROUP BY a.id "
     "ORDER BY COUNT(*) DESC LIMIT 3"),
    ("Which 3 active reps have the lowest pipeline?", "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = "
     f"o.owner_id WHERE {OPEN} AND s.is_active = 1 GROUP BY s.id ORDER BY SUM(o.amount) LIMIT 3"),
    ("3 active reps with the fewest follow-ups last month", "SELECT s.name FROM activity x JOIN sales_rep s ON s.id = "
     "x.owner_id WHERE s.is_active = 1 AND x.occurred_at >= '2026-10-01' AND x.occurred_at < '2026-11-01' GROUP BY s.id "
     "ORDER BY COUNT(*) LIMIT 3"),
    ("top five products by quantity in open deals", "SELECT pr.name FROM opportunity_line ol JOIN opportunity o ON o.id = "
     f"ol.opportunity_id JOIN product pr ON pr.id = ol.product_id WHERE {OPEN} GROUP BY pr.id "
     "ORDER BY SUM(ol.quantity) DESC LIMIT 5"),
    ("有逾期应收、近两周又没人上门的医院", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND EXISTS (SELECT "
     f"1 FROM payment p JOIN contract c ON c.id = p.contract_id WHERE c.account_id = a.id AND {OVERDUE}) AND NOT EXISTS "
     "(SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.type = 'visit' AND x.occurred_at >= '2026-11-04')"),
    ("近一个月没有任何微信沟通的门店客户", "SELECT a.name FROM account a WHERE a.account_type = 'store' AND NOT EXISTS "
     "(SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.type = 'wechat' AND x.occurred_at >= '2026-10-19')"),
    ("年收入一个半亿以上的医院", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND a.annual_revenue >= "
     "150000000"),
    ("金额是五位数的在跟商机有几个", f"SELECT COUNT(*) FROM opportunity o WHERE {OPEN} AND o.amount BETWEEN 10000 AND 99999"),
    ("How many seven-figure deals did we win this year?", f"SELECT COUNT(*) FROM opportunity o WHERE {WON_THIS_YEAR} "
     "AND o.amount BETWEEN 1000000 AND 9999999"),
    ("今年赢的单子里，上千万的大单占百分之几", "SELECT 1.0 * SUM(o.amount > 10000000) / COUNT(*) FROM opportunity o WHERE "
     f"{WON_THIS_YEAR}"),
    ("逾期金额超过10万的客户，每个大区各有几家", "SELECT r.name_zh FROM (SELECT c.account_id FROM payment p JOIN contract c "
     f"ON c.id = p.contract_id WHERE {OVERDUE} GROUP BY c.account_id HAVING SUM(p.amount_due - p.amount_paid) > 100000) x "
     "JOIN account a ON a.id = x.account_id JOIN region r ON r.id = a.region_id GROUP BY r.id"),
    ("还没收齐的分期里，应收金额在5万以下的有几笔", "SELECT COUNT(*) FROM payment p WHERE p.amount_paid < p.amount_due AND "
     "p.amount_due < 50000"),
    ("how many key accounts don't have a single contact flagged as decision maker", "SELECT COUNT(*) FROM account a WHERE "
     "a.customer_class = 'A' AND NOT EXISTS (SELECT 1 FROM contact ct WHERE ct.account_id = a.id AND ct.is_decision_maker = 1)"),
    ("How much cash came in during the first 10 days of November?", "SELECT SUM(p.amount_paid) FROM payment p WHERE "
     "p.paid_at >= '2026-11-01' AND p.paid_at < '2026-11-11'"),
    ("proposal-stage deals that have been sitting there more than 28 days", "SELECT o.name FROM opportunity o WHERE "
     "o.stage = 'proposal' AND julianday('2026-11-18') - julianday(o.stage_entered_at) > 28"),
    ("今年哪些输单原因丢掉的金额超过500万", "SELECT o.loss_reason FROM opportunity o WHERE o.stage = 'closed_lost' AND "
     "o.closed_at >= '2026-01-01' GROUP BY o.loss_reason HAVING SUM(o.amount) > 5000000"),
    ("Which three reps lost the most money to competitors this year?", "SELECT s.name FROM opportunity o JOIN sales_rep s "
     "ON s.id = o.owner_id WHERE o.stage = 'closed_lost' AND o.loss_reason = 'competitor' AND o.closed_at >= '2026-01-01' "
     "GROUP BY s.id ORDER BY SUM(o.amount) DESC LIMIT 3"),
    ("医疗客户被拒掉的报价", "SELECT qt.id FROM quote qt JOIN opportunity o ON o.id = qt.opportunity_id JOIN account a ON "
     "a.id = o.account_id WHERE a.industry = 'medical' AND qt.status = 'rejected'"),
    ("上个月线索转化率超过一成五的来源有哪些", "SELECT l.source FROM lead l WHERE l.created_at >= '2026-10-01' AND "
     "l.created_at < '2026-11-01' GROUP BY l.source HAVING 1.0 * SUM(l.converted_account_id IS NOT NULL) / COUNT(*) > 0.15"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize(("questions", "sql"), [
    (("西南区的三甲医院", "这几家的院长是谁"), "SELECT ct.name FROM contact ct JOIN account a ON a.id = ct.account_id JOIN "
     "region r ON r.id = a.region_id WHERE r.code = 'southwest' AND a.hospital_grade = '3A' AND a.account_type = "
     "'hospital' AND ct.title = '院长'"),
    (("contracts signed last month", "add them up"), "SELECT SUM(c.amount) FROM contract c WHERE c.signed_at >= "
     "'2026-10-01' AND c.signed_at < '2026-11-01'"),
    (("How many key accounts have no follow-up in the last 14 days?", "show me the South China ones"), "SELECT a.name "
     "FROM account a JOIN region r ON r.id = a.region_id WHERE a.customer_class = 'A' AND r.code = 'south' AND NOT EXISTS "
     "(SELECT 1 FROM activity x WHERE x.account_id = a.id AND x.occurred_at >= '2026-11-04')"),
    (("上个月签的合同", "加起来多少"), "SELECT SUM(c.amount) FROM contract c WHERE c.signed_at >= '2026-10-01' AND "
     "c.signed_at < '2026-11-01'"),
])
def test_a_follow_up_refines_the_previous_question(questions: tuple[str, ...], sql: str,
                                                   small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, questions, sql, TODAY)


@pytest.mark.parametrize(("questions", "column"), [(("华东在跟的商机", "按金额排一下"), "amount"),
                                                  (("上个月输单金额最大的5个单子", "都输在什么原因"), "loss_reason"),
                                                  (("3 biggest deals won this quarter", "who owns them, and which customer"),
                                                   "account")])
def test_a_follow_up_sorts_the_list_or_shows_a_column(questions: tuple[str, ...], column: str,
                                                      small_engine: Engine) -> None:
    """"按金额排一下" after a list sorts that list; "都输在什么原因" after five lost deals shows each one's reason, not a
    breakdown of every lost deal; "which customer" after three deals shows their accounts."""
    outcome = converse(small_engine, *questions, today=TODAY)
    first = converse(small_engine, questions[0], today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None and outcome.plan is not None
    assert first.result is not None and outcome.plan.measure is None and not outcome.plan.group_by
    assert column in outcome.result.columns and len(outcome.result.rows) == len(first.result.rows) > 1
    if column == "amount":
        amounts = [r[outcome.result.columns.index(column)] for r in outcome.result.rows]
        assert amounts == sorted(amounts, reverse=True)


def test_their_own_figure_after_a_ranking_is_asked_back(small_engine: Engine) -> None:
    """Re-ranking the sources by the new figure would show other sources than the three just named."""
    outcome = converse(small_engine, "近30天新增线索最多的三个来源", "它们各自的4小时响应率是多少", today=TODAY)
    assert outcome.status == "clarify"


def test_installments_on_my_teams_contracts(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        team, email = conn.execute(text(
            "SELECT m.team_id, m.email FROM sales_rep m WHERE m.role = 'manager' AND m.is_active = 1 AND EXISTS (SELECT 1 "
            f"FROM payment p JOIN contract c ON c.id = p.contract_id JOIN sales_rep s ON s.id = c.owner_id WHERE "
            f"s.team_id = m.team_id AND {OVERDUE}) ORDER BY m.id")).first()
        expected = {r[0] for r in conn.execute(text(
            "SELECT p.id FROM payment p JOIN contract c ON c.id = p.contract_id JOIN sales_rep s ON s.id = c.owner_id "
            f"WHERE s.team_id = :t AND {OVERDUE}"), {"t": team})}
    outcome = answer("overdue installments on my team's contracts", engine=small_engine,
                     caller=resolve_caller(small_engine, email), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None and outcome.plan is not None
    assert outcome.plan.entity == "payment" and {r[0] for r in outcome.result.rows} == expected


def test_a_contact_named_without_saying_so(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        name, account, contact_id = conn.execute(text(
            "SELECT ct.name, a.name, ct.id FROM contact ct JOIN account a ON a.id = ct.account_id WHERE length(ct.name) = 3 "
            "AND ct.name NOT IN (SELECT name FROM sales_rep) AND ct.id IN (SELECT contact_id FROM activity) "
            "GROUP BY ct.name HAVING COUNT(*) = 1 ORDER BY ct.id")).first()
        touches = conn.execute(text("SELECT COUNT(*) FROM activity WHERE contact_id = :c"), {"c": contact_id}).scalar()
    outcome = answer(f"{name}是哪家客户的", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    assert [(r[0], r[outcome.result.columns.index("account")]) for r in outcome.result.rows] == [(name, account)]
    outcome = answer(f"我们跟{name}沟通过几次", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None and outcome.result.rows[0][0] == touches


def test_a_name_that_is_nobodys_is_asked_back(small_engine: Engine) -> None:
    """Dropping the unknown name would count every follow-up of the company."""
    assert answer("我们跟王大锤沟通过几次", engine=small_engine, caller=Caller.admin(), today=TODAY).status == "clarify"


def test_closing_deals_in_bulk_is_a_write(small_engine: Engine) -> None:
    assert answer("把西南区那些停滞的商机全部关掉", engine=small_engine, caller=Caller.admin(),
                  today=TODAY).status == "refused"


def test_a_team_named_by_its_manager_lists_the_people_under_him(small_engine: Engine) -> None:
    """"华中2组都有谁" names the team, its manager included; "Who's on X's team?" and "我组里都有谁" asked by X mean the
    people under X."""
    with small_engine.connect() as conn:
        team, manager, email = conn.execute(text(
            "SELECT t.name, m.name, m.email FROM team t JOIN sales_rep m ON m.id = t.manager_id WHERE m.is_active = 1 "
            "AND EXISTS (SELECT 1 FROM sales_rep s WHERE s.team_id = t.id AND s.role = 'rep') ORDER BY t.id")).first()
        reps = {r[0] for r in conn.execute(text(
            "SELECT s.name FROM sales_rep s JOIN team t ON t.id = s.team_id WHERE t.name = :t AND s.role = 'rep'"),
            {"t": team})}
    everyone = answer(f"{team}都有谁", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert everyone.result is not None and {r[0] for r in everyone.result.rows} == reps | {manager}
    for question, caller in ((f"Who's on {manager}'s team?", Caller.admin()),
                             ("我组里现在都有谁", resolve_caller(small_engine, email))):
        outcome = answer(question, engine=small_engine, caller=caller, today=TODAY)
        assert outcome.result is not None and {r[0] for r in outcome.result.rows} == reps, question
