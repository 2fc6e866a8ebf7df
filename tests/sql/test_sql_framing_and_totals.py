"""Wording found in six development sets (dev103-dev108: the original set's style for lists, breakdowns and names;
an English-only director; multi-condition questions; requests wrapped the way people ask a colleague):

- a ranking added up ("本月赢单金额前五的业务员加起来一共多少", "combined won amount of the top 3 reps") and, in a
  conversation, "这五个人加起来多少" after a top five or "合计呢" after a breakdown; "each"/"各自" keeps one figure
  per group, and "in total" that belongs to a bar ("stores with more than X in total won revenue") is no sum;
- how many groups pass a rate ("赢单率低于30%的业务员有几个");
- accounts asked for with deals as their condition ("A类医院里，哪几家的在跟商机做过POC", "hospitals in X that have a
  deal in negotiation"): the accounts, not the deals;
- one receipt's size ("单笔过百万的回款记录") compares what was paid;
- payment terms in days ("账期超过120天的合同") compared, never read as the last 120 days;
- "Northeast China reps" is not East China; "Jilin" alone is asked back as 吉林 is; "西南区业绩怎么样" is asked back;
- the framing around a request ("老板要…", "我想知道…", "quick q:", "my boss wants to know…", "…, do you know?",
  "do we have any open deals for…") carries no condition;
- an analyst's query specification: written dates ("since 2026-08-01", "from 2026-09-01 through 2026-10-15", "on or
  after"), fields to show ("…, with the amount", "列出名称和金额": a list, never a total), orderings ("oldest first",
  "按创建时间从早到晚排"), a deal's probability;
- shares said with the part last ("在跟的商机里有多少比例已经安排了演示"), never-contacted leads as the part; a team
  called by its manager's surname ("冯经理团队").

Each answer is checked against SQL written by hand on the small database.
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text
from tests_support import assert_answer_matches, assert_conversation_matches, converse

from sql.pipeline import answer
from sql.validator import Caller

THIS_MONTH_WON = "o.stage = 'closed_won' AND o.closed_at >= '2026-11-01 00:00:00'"
THIS_YEAR_WON = "o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00'"
OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
TOP5_REPS_THIS_MONTH = ("SELECT SUM(v) FROM (SELECT SUM(o.amount) v FROM opportunity o WHERE "
                        f"{THIS_MONTH_WON} GROUP BY o.owner_id ORDER BY v DESC LIMIT 5)")
WIN_RATE_PER_REP = ("SELECT o.owner_id, 1.0 * SUM(o.stage = 'closed_won') / COUNT(*) r FROM opportunity o JOIN "
                    "sales_rep s ON s.id = o.owner_id WHERE o.stage IN ('closed_won', 'closed_lost') AND s.role = 'rep' "
                    "GROUP BY o.owner_id")

HAND_WRITTEN = [
    ("本月赢单金额前五的业务员加起来一共多少", TOP5_REPS_THIS_MONTH),
    ("combined won amount of the top 5 reps this month", TOP5_REPS_THIS_MONTH),
    ("今年赢单金额最高的3个客户合计多少", "SELECT SUM(v) FROM (SELECT SUM(o.amount) v FROM opportunity o WHERE "
     f"{THIS_YEAR_WON} GROUP BY o.account_id ORDER BY v DESC LIMIT 3)"),
    ("赢单率低于30%的业务员有几个", f"SELECT COUNT(*) FROM ({WIN_RATE_PER_REP} HAVING r < 0.3)"),
    ("how many reps have a win rate under 30%", f"SELECT COUNT(*) FROM ({WIN_RATE_PER_REP} HAVING r < 0.3)"),
    ("华东区的医院里，哪些有在跟商机", "SELECT DISTINCT a.name FROM account a JOIN region r ON r.id = a.region_id JOIN "
     f"opportunity o ON o.account_id = a.id WHERE r.code = 'east' AND a.account_type = 'hospital' AND {OPEN}"),
    ("hospitals in East China that have a deal in negotiation", "SELECT DISTINCT a.name FROM account a JOIN region r ON "
     "r.id = a.region_id JOIN opportunity o ON o.account_id = a.id WHERE r.code = 'east' AND a.account_type = "
     "'hospital' AND o.stage = 'negotiation'"),
    ("今年单笔超过50万的回款记录", "SELECT p.id FROM payment p WHERE p.paid_at >= '2026-01-01 00:00:00' AND "
     "p.amount_paid > 500000"),
    ("账期超过60天的合同有几份", "SELECT COUNT(*) FROM contract c WHERE c.payment_terms_days > 60"),
    ("contracts with payment terms of more than 60 days", "SELECT c.contract_no FROM contract c WHERE "
     "c.payment_terms_days > 60"),
    ("Which Northeast China reps were hired before 2024?", "SELECT s.name FROM sales_rep s JOIN team t ON t.id = "
     "s.team_id JOIN region r ON r.id = t.region_id WHERE r.code = 'northeast' AND s.role = 'rep' AND s.hired_on < "
     "'2024-01-01'"),
    ("deals lost due to no budget this year", "SELECT o.name FROM opportunity o WHERE o.stage = 'closed_lost' AND "
     "o.loss_reason = 'no_budget' AND o.closed_at >= '2026-01-01 00:00:00'"),
    ("contracts signed since 2026-08-01", "SELECT c.contract_no FROM contract c WHERE c.signed_at >= '2026-08-01'"),
    ("deals won from 2026-09-01 through 2026-10-15", "SELECT o.name FROM opportunity o WHERE o.stage = 'closed_won' AND "
     "o.closed_at >= '2026-09-01' AND o.closed_at < '2026-10-16'"),
    ("accounts created on or after 2026-09-01", "SELECT a.name FROM account a WHERE a.created_at >= '2026-09-01'"),
    ("leads created after 2026-11-01", "SELECT l.company_name FROM lead l WHERE l.created_at >= '2026-11-02'"),
    ("Open deals worth more than 2M, with the amount.", f"SELECT o.name FROM opportunity o WHERE {OPEN} AND "
     "o.amount > 2000000"),
    ("今年赢单金额超过100万的商机，列出名称和金额", f"SELECT o.name FROM opportunity o WHERE {THIS_YEAR_WON} AND "
     "o.amount > 1000000"),
    ("open deals with a probability of at least 45", f"SELECT o.name FROM opportunity o WHERE {OPEN} AND "
     "o.probability >= 45"),
    ("在跟的商机里有多少比例已经安排了演示", "SELECT 1.0 * SUM(o.demo_scheduled) / COUNT(*) FROM opportunity o WHERE "
     f"{OPEN}"),
    ("线索里从来没联系过的占比", "SELECT 1.0 * SUM(l.first_contact_at IS NULL) / COUNT(*) FROM lead l"),
    # English business terms inside a Chinese question; an English question naming 华东 keeps its English
    ("华南region下面overdue的invoice都列出来", "SELECT p.id FROM payment p JOIN contract c ON c.id = p.contract_id JOIN "
     "account a ON a.id = c.account_id JOIN region r ON r.id = a.region_id WHERE r.code = 'south' AND p.due_date < "
     "'2026-11-18' AND p.amount_paid < p.amount_due"),
    ("今年lost掉的deal，按loss reason看各有几单", "SELECT o.loss_reason FROM opportunity o WHERE o.stage = 'closed_lost' AND "
     "o.closed_at >= '2026-01-01' GROUP BY o.loss_reason"),
    ("华东 accounts with annual revenue above 100M", "SELECT a.name FROM account a JOIN region r ON r.id = a.region_id "
     "WHERE r.code = 'east' AND a.annual_revenue > 100000000"),
]

FRAMED = [
    ("老板要一份华东区执行中的合同清单", "华东区执行中的合同清单"),
    ("我想知道近30天有哪些报价被客户拒了", "近30天有哪些报价被客户拒了"),
    ("华北区现在在跟的商机总金额是多少？老板等着要", "华北区现在在跟的商机总金额是多少"),
    ("各区域今年的赢单率，能帮我算算吗", "各区域今年的赢单率"),
    ("quick q: how many contracts were signed this quarter?", "how many contracts were signed this quarter?"),
    ("My boss wants to know which Class A hospitals in North China have churned.",
     "which Class A hospitals in North China have churned"),
    ("Any idea how many leads we got from each source last month?", "how many leads we got from each source last month"),
    ("How many accounts does 高娜 own, do you know?", "How many accounts does 高娜 own"),
    ("I need the total overdue amount on our hospital accounts, for the finance sync.",
     "the total overdue amount on our hospital accounts"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN)
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


@pytest.mark.parametrize(("framed", "plain"), FRAMED)
def test_the_framing_of_a_request_changes_nothing(framed: str, plain: str, small_engine: Engine) -> None:
    got, want = (answer(q, engine=small_engine, caller=Caller.admin(), today=TODAY) for q in (framed, plain))
    assert got.status == want.status == "answered", (got.clarification, want.clarification)
    assert got.query is not None and want.query is not None
    assert got.query.sql == want.query.sql


@pytest.mark.parametrize("follow_up", ["这五个人加起来多少", "加起来一共多少", "what's that in total", "what do they add up to"])
def test_a_ranking_added_up_in_a_conversation(follow_up: str, small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, ("本月赢单金额前五的业务员", follow_up), TOP5_REPS_THIS_MONTH, TODAY)


@pytest.mark.parametrize("follow_up", ["合计呢", "what's that in total"])
def test_a_breakdown_added_up_is_the_overall_figure(follow_up: str, small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, ("各区域本月赢单金额", follow_up),
                                f"SELECT SUM(o.amount) FROM opportunity o WHERE {THIS_MONTH_WON}", TODAY)


def test_each_groups_figure_stays_per_group(small_engine: Engine) -> None:
    outcome = answer("前五名业务员各自一共赢了多少", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    assert len(outcome.result.rows) == 5


@pytest.mark.parametrize("question", ["西南区业绩怎么样", "How many accounts do we have in Jilin?"])
def test_asked_back(question: str, small_engine: Engine) -> None:
    assert converse(small_engine, question, today=TODAY).status == "clarify"


@pytest.mark.parametrize(("question", "sql"), [
    ("open deals in East China, oldest first", f"SELECT o.name FROM opportunity o JOIN account a ON a.id = o.account_id "
     f"JOIN region r ON r.id = a.region_id WHERE r.code = 'east' AND {OPEN} ORDER BY o.created_at LIMIT 1"),
    ("山东省的客户，按创建时间从早到晚排", "SELECT a.name FROM account a WHERE a.province = '山东' ORDER BY a.created_at LIMIT 1"),
    ("open deals ordered by expected close date, earliest first", f"SELECT o.name FROM opportunity o WHERE {OPEN} "
     "ORDER BY o.expected_close_date, o.id LIMIT 1"),
])
def test_a_list_in_the_order_asked(question: str, sql: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None and outcome.plan is not None
    assert outcome.plan.measure is None
    with small_engine.connect() as conn:
        first = conn.execute(text(sql)).scalar()
    assert outcome.result.rows[0][0] == first


def test_a_team_called_by_its_managers_surname(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        managers = conn.execute(text("SELECT s.name, t.id FROM team t JOIN sales_rep s ON s.id = t.manager_id")).all()
    surnames = [name[0] for name, _t in managers]
    surname, team = next((name[0], t) for name, t in managers if surnames.count(name[0]) == 1)
    assert_answer_matches(f"{surname}经理团队上周一共跟进了多少次", "SELECT COUNT(*) FROM activity x JOIN sales_rep s ON "
                          f"s.id = x.owner_id WHERE s.team_id = {team} AND x.occurred_at >= '2026-11-09' AND "
                          "x.occurred_at < '2026-11-16'", small_engine, TODAY)


@pytest.mark.parametrize("follow_up", ["金额最大的三份", "金额最大的那份", "金额最大的是哪一份"])
def test_the_largest_of_a_listed_set(follow_up: str, small_engine: Engine) -> None:
    """After a list of contracts, "金额最大的三份" are the largest of them (it sorted them by date before)."""
    n = 3 if "三" in follow_up else 1
    assert_conversation_matches(small_engine, ("今年签了哪些合同", follow_up), "SELECT c.contract_no FROM contract c WHERE "
                                f"c.signed_at >= '2026-01-01' ORDER BY c.amount DESC LIMIT {n}", TODAY)


@pytest.mark.parametrize(("questions", "sql"), [
    (("今年每个月的赢单金额", "限定医疗行业", "每个月赢了几单"), "SELECT strftime('%Y-%m', o.closed_at) FROM opportunity o JOIN "
     "account a ON a.id = o.account_id WHERE a.industry = 'medical' AND o.stage = 'closed_won' AND o.closed_at >= "
     "'2026-01-01' GROUP BY 1"),
    (("上个月华东区的回款是多少", "那华北区同一个月回款多少"), "SELECT SUM(p.amount_paid) FROM payment p JOIN contract c ON "
     "c.id = p.contract_id JOIN account a ON a.id = c.account_id JOIN region r ON r.id = a.region_id WHERE r.code = "
     "'north' AND p.paid_at >= '2026-10-01' AND p.paid_at < '2026-11-01'"),
])
def test_follow_up_wording(questions: tuple[str, ...], sql: str, small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, questions, sql, TODAY)
