"""Wording found in eight development sets (contacts, a lead desk, receivables, a new rep, a hospital KAM, an FMCG
channel manager, a director's weekly meeting, a foreign HQ's VP):

- "他" / "第一名" after a ranking of reps is the rep at the top of that answer (the ranking is run again for it); after
  the top three, "他" could be any of them, and without a ranking it is asked back instead of being dropped;
- "他/她" naming a rep said earlier in the same question ("萧春燕离职了，她名下…") is that rep;
- "上周每天的跟进次数": one figure per calendar day; "本周和上周的线索量对比": one per week; "这个月的跟进次数跟上个月比一下":
  one per month;
- "and the week before?" after last week's figure: the same figure for the week before it;
- "没转化的线索", "leads that did not convert": the status converted left out;
- "新加的联系人": created; "派了多少条线索": assigned; "去医院上门拜访": a verb before 医院 is no account name;
- "which deals close this month" (expected to close), "how many …, and what are they worth?" (both figures); a
  period ahead for records dated when they happen ("下周新建的商机") is asked back;
- "逾期最久的3笔回款": only overdue installments, ranked by and shown with their days overdue;
- "每个销售团队", "团队本季度…" (the caller's team), "leads that haven't been assigned";
- "um", "CNY", "at this point" are no conditions; "H1 2026", "2025年下半年" are that year's half; "with won deals",
  "拿下单子的医院" are accounts with a won deal; "losses by loss reason" are lost deals;
- in a conversation: "跟上个月比呢" after this month so far (one figure per month), "那输了多少" after a won amount,
  "how many deals does that represent?", "是哪些客户" after an overdue amount (the overdue ones);
- "which customers are behind on payments", "逾期余额在X以上的业务员", "Stores with more than X in total won revenue",
  "top three hospital wins" (deals, not hospitals);
- "今天要去催款 有哪些逾期的应收款": a remark typed apart with a space (first or last clause only); "that customer",
  "on it" with no earlier answer are asked back; "拜访医院最多的三个销售" ranks reps;
- a contact by name, where the question says it is one ("联系人谢丽在哪家医院", "赵秀英是哪家客户的联系人", "our contact
  汪倩"), with their phone or email when asked; a name several contacts share is asked back.

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
LAST_WEEK = "x.occurred_at >= '2026-11-09 00:00:00' AND x.occurred_at < '2026-11-16 00:00:00'"

HAND_WRITTEN = [
    ("上周每天的跟进次数", f"SELECT strftime('%Y-%m-%d', x.occurred_at) FROM activity x WHERE {LAST_WEEK} GROUP BY 1"),
    ("daily lead count this month", "SELECT strftime('%Y-%m-%d', l.created_at) FROM lead l WHERE l.created_at >= "
     "'2026-11-01 00:00:00' GROUP BY 1"),
    ("本月没转化的线索有多少", "SELECT COUNT(*) FROM lead l WHERE l.status <> 'converted' AND l.created_at >= "
     "'2026-11-01 00:00:00'"),
    ("How many leads did not convert?", "SELECT COUNT(*) FROM lead l WHERE l.status <> 'converted'"),
    ("最近30天新加了哪些联系人", "SELECT ct.name FROM contact ct WHERE ct.created_at >= '2026-10-19 00:00:00'"),
    ("这个月一共派了多少条线索给销售", "SELECT COUNT(*) FROM lead l WHERE l.assigned_at >= '2026-11-01 00:00:00'"),
    ("这个月去医院上门拜访了多少次", "SELECT COUNT(*) FROM activity x JOIN account a ON a.id = x.account_id WHERE "
     "a.account_type = 'hospital' AND x.type = 'visit' AND x.occurred_at >= '2026-11-01 00:00:00'"),
    ("um how many visits did we do last week", f"SELECT COUNT(*) FROM activity x WHERE x.type = 'visit' AND {LAST_WEEK}"),
    ("open deals above 1M CNY", "SELECT o.name FROM opportunity o WHERE o.stage IN ('initial_contact', "
     "'needs_analysis', 'proposal', 'negotiation') AND o.amount > 1000000"),
    ("本周和上周的线索量对比", "SELECT strftime('%Y-%m-%d', l.created_at, 'weekday 0', '-6 days') FROM lead l WHERE "
     "l.created_at >= '2026-11-09 00:00:00' GROUP BY 1"),  # one row per week, labelled by its Monday
    ("这个月的跟进次数跟上个月比一下", "SELECT strftime('%Y-%m', x.occurred_at) FROM activity x WHERE x.occurred_at >= "
     "'2026-10-01 00:00:00' GROUP BY 1"),
    ("每个销售团队的逾期金额是多少", f"SELECT t.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN "
     f"sales_rep s ON s.id = c.owner_id JOIN team t ON t.id = s.team_id WHERE {OVERDUE} GROUP BY t.id, t.name"),
    ("leads that haven't been assigned yet", "SELECT l.company_name FROM lead l WHERE l.owner_id IS NULL"),
    ("How many open deals are expected to close this month, and what are they worth?", "SELECT COUNT(*) FROM "
     "opportunity o WHERE o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation') AND "
     "o.expected_close_date >= '2026-11-01' AND o.expected_close_date < '2026-12-01'"),  # the count, with the amount
    ("which deals close this month", "SELECT o.name FROM opportunity o WHERE o.expected_close_date >= '2026-11-01' AND "
     "o.expected_close_date < '2026-12-01' AND o.stage IN ('initial_contact', 'needs_analysis', 'proposal', "
     "'negotiation')"),  # still open: a closed deal is not closing
    ("What was revenue in H1 2026?", "SELECT SUM(o.amount) FROM opportunity o WHERE o.stage = 'closed_won' AND "
     "o.closed_at >= '2026-01-01 00:00:00' AND o.closed_at < '2026-07-01 00:00:00'"),
    ("2025年下半年签了多少合同", "SELECT COUNT(*) FROM contract c WHERE c.signed_at >= '2025-07-01 00:00:00' AND "
     "c.signed_at < '2026-01-01 00:00:00'"),
    ("customers in East China with won deals this year", "SELECT a.name FROM account a JOIN region r ON r.id = "
     "a.region_id WHERE r.code = 'east' AND EXISTS (SELECT 1 FROM opportunity o WHERE o.account_id = a.id AND o.stage "
     "= 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00')"),
    ("今年拿下单子的医院有哪些", "SELECT a.name FROM account a WHERE a.account_type = 'hospital' AND EXISTS (SELECT 1 FROM "
     "opportunity o WHERE o.account_id = a.id AND o.stage = 'closed_won' AND o.closed_at >= '2026-01-01 00:00:00')"),
    ("YTD losses by loss reason", "SELECT o.loss_reason FROM opportunity o WHERE o.stage = 'closed_lost' AND "
     "o.closed_at >= '2026-01-01 00:00:00' GROUP BY o.loss_reason"),
    ("戴文博上周跟进了几次，我想学学他", "SELECT COUNT(*) FROM activity x JOIN sales_rep s ON s.id = x.owner_id WHERE "
     f"s.name = '戴文博' AND {LAST_WEEK}"),
]


@pytest.mark.parametrize(("question", "sql"), HAND_WRITTEN, ids=lambda v: str(v)[:24])
def test_answer_matches_hand_written_sql(question: str, sql: str, small_engine: Engine) -> None:
    assert_answer_matches(question, sql, small_engine, TODAY)


def _top_rep(engine: Engine, window: str) -> str:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT s.name FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE o.stage = 'closed_won' AND "
            f"{window} GROUP BY s.id, s.name ORDER BY SUM(o.amount) DESC LIMIT 1")).scalar_one()


@pytest.mark.parametrize(("ranking", "question"), [
    ("今年谁的赢单金额最高", "他上周跟进了几次"),
    ("今年赢单金额前三的业务员", "第一名上周跟进了几次"),
])
def test_the_rep_at_the_top_of_a_ranking(ranking: str, question: str, small_engine: Engine) -> None:
    rep = _top_rep(small_engine, "o.closed_at >= '2026-01-01 00:00:00'")
    with small_engine.connect() as conn:
        expected = conn.execute(text("SELECT COUNT(*) FROM activity x JOIN sales_rep s ON s.id = x.owner_id WHERE "
                                     f"s.name = :rep AND {LAST_WEEK}"), {"rep": rep}).scalar_one()
        everyone = conn.execute(text(f"SELECT COUNT(*) FROM activity x WHERE {LAST_WEEK}")).scalar_one()
    assert 0 < expected < everyone
    outcome = converse(small_engine, ranking, question, today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None and outcome.result.rows[0][0] == expected


@pytest.mark.parametrize("questions", [
    ("今年赢单金额前三的业务员", "他上周跟进了几次"),  # any of three
    ("他上周跟进了几次",),  # nobody to point at
    ("上周的跟进次数", "她本月拜访了哪些客户"),  # the previous question names no rep
])
def test_an_unnamed_person_is_asked_back(questions: tuple[str, ...], small_engine: Engine) -> None:
    assert converse(small_engine, *questions, today=TODAY).status == "clarify"


def test_the_week_before(small_engine: Engine) -> None:
    outcome = converse(small_engine, "how many follow-ups last week", "and the week before?", today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    with small_engine.connect() as conn:
        expected = conn.execute(text("SELECT COUNT(*) FROM activity x WHERE x.occurred_at >= '2026-11-02 00:00:00' "
                                     "AND x.occurred_at < '2026-11-09 00:00:00'")).scalar_one()
    assert expected > 0 and outcome.result is not None and outcome.result.rows[0][0] == expected


def test_a_rep_named_in_the_same_question_is_the_pronoun(small_engine: Engine) -> None:
    outcome = answer("戴文博离职了，她名下还有哪些在跟的单子", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.plan is not None
    assert [f.dimension for f in outcome.plan.filters if f.op == "eq"].count("rep") == 1


def _contact(engine: Engine, *, shared: bool) -> tuple[str, str, str, str]:
    """A contact name no rep has, held by one contact (or by several): name, account, phone, email."""
    with engine.connect() as conn:
        name = conn.execute(text(
            "SELECT name FROM contact WHERE name NOT IN (SELECT name FROM sales_rep) GROUP BY name HAVING "
            f"COUNT(*) {'>' if shared else '='} 1 ORDER BY name LIMIT 1")).scalar_one()
        return tuple(conn.execute(text(  # type: ignore[return-value]
            "SELECT ct.name, a.name, ct.phone, ct.email FROM contact ct JOIN account a ON a.id = ct.account_id "
            "WHERE ct.name = :n ORDER BY ct.id LIMIT 1"), {"n": name}).one())


@pytest.mark.parametrize(("template", "shown"), [
    ("{}是哪家客户的联系人", None),
    ("联系人{}在哪家客户", None),
    ("把联系人{}的手机号给我", "phone"),
    ("What's the email for our contact {}?", "email"),
])
def test_a_contact_by_name(template: str, shown: str | None, small_engine: Engine) -> None:
    name, account, phone, email = _contact(small_engine, shared=False)
    outcome = answer(template.format(name), engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None and len(outcome.result.rows) == 1
    row = outcome.result.rows[0]
    assert name in row and account in row
    if shown is not None:
        assert {"phone": phone, "email": email}[shown] in row


def test_a_contact_name_several_contacts_share_is_asked_back(small_engine: Engine) -> None:
    name = _contact(small_engine, shared=True)[0]
    outcome = answer(f"联系人{name}在哪家客户", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify" and outcome.clarification is not None
    assert len(outcome.clarification.options) > 1 and all(name in o for o in outcome.clarification.options)


def test_her_phone_after_a_contact(small_engine: Engine) -> None:
    name, _account, phone, email = _contact(small_engine, shared=False)
    outcome = converse(small_engine, f"联系人{name}是哪个客户的", "她的电话和邮箱呢", today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None and phone in outcome.result.rows[0] and email in outcome.result.rows[0]


CONVERSATIONS = [
    (("本月到目前赢单金额多少", "跟上个月比呢"), "SELECT strftime('%Y-%m', o.closed_at) FROM opportunity o WHERE o.stage = "
     "'closed_won' AND o.closed_at >= '2026-10-01 00:00:00' GROUP BY 1"),  # one row per month
    (("今年赢了多少钱", "那输了多少"), "SELECT SUM(o.amount) FROM opportunity o WHERE o.stage = 'closed_lost' AND "
     "o.closed_at >= '2026-01-01 00:00:00'"),
    (("QTD bookings", "How many deals does that represent?"), "SELECT COUNT(*) FROM opportunity o WHERE o.stage = "
     "'closed_won' AND o.closed_at >= '2026-10-01 00:00:00'"),
    (("逾期金额是多少", "是哪些客户"), "SELECT DISTINCT a.name FROM payment p JOIN contract c ON c.id = p.contract_id JOIN "
     f"account a ON a.id = c.account_id WHERE {OVERDUE}"),
]


@pytest.mark.parametrize(("questions", "sql"), CONVERSATIONS, ids=lambda v: str(v)[:30])
def test_a_follow_up_keeps_the_conversation(questions: tuple[str, ...], sql: str, small_engine: Engine) -> None:
    assert_conversation_matches(small_engine, questions, sql, TODAY)


def test_accounts_behind_on_payments(small_engine: Engine) -> None:
    assert_answer_matches("which customers are behind on payments?", "SELECT a.name FROM account a WHERE EXISTS (SELECT 1 "
                          f"FROM payment p JOIN contract c ON c.id = p.contract_id WHERE c.account_id = a.id AND {OVERDUE})",
                          small_engine, TODAY)


def _middle(engine: Engine, sql: str) -> int:
    """A bar between the smallest and largest of some totals, away from every one of them."""
    with engine.connect() as conn:
        totals = sorted(float(r[0]) for r in conn.execute(text(sql)))
    assert len(totals) >= 3
    low, high = totals[len(totals) // 2 - 1], totals[len(totals) // 2]
    assert high - low > 2, "two equal totals in the middle: pick another bar"
    return int((low + high) / 2)


def test_overdue_balance_per_rep_over_a_bar(small_engine: Engine) -> None:
    per_rep = (f"SELECT SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON c.id = p.contract_id WHERE "
               f"{OVERDUE} GROUP BY c.owner_id")
    bar = _middle(small_engine, per_rep)
    assert_answer_matches(f"逾期余额在{bar}元以上的业务员", "SELECT s.name FROM payment p JOIN contract c ON c.id = "
                          f"p.contract_id JOIN sales_rep s ON s.id = c.owner_id WHERE {OVERDUE} GROUP BY s.id, s.name "
                          f"HAVING SUM(p.amount_due - p.amount_paid) >= {bar}", small_engine, TODAY)


def test_stores_over_a_won_total(small_engine: Engine) -> None:
    won = "o.stage = 'closed_won' AND a.account_type = 'store'"
    bar = _middle(small_engine, "SELECT SUM(o.amount) FROM opportunity o JOIN account a ON a.id = o.account_id WHERE "
                                f"{won} GROUP BY a.id")
    assert_answer_matches(f"Stores with more than {bar} in total won revenue", "SELECT a.name FROM opportunity o JOIN "
                          f"account a ON a.id = o.account_id WHERE {won} GROUP BY a.id, a.name HAVING SUM(o.amount) > "
                          f"{bar}", small_engine, TODAY)


def test_hospital_wins_are_deals(small_engine: Engine) -> None:
    assert_answer_matches("top three hospital wins this year by amount", "SELECT o.name FROM opportunity o JOIN account a "
                          "ON a.id = o.account_id WHERE a.account_type = 'hospital' AND o.stage = 'closed_won' AND "
                          "o.closed_at >= '2026-01-01 00:00:00' ORDER BY o.amount DESC LIMIT 3", small_engine, TODAY)


def test_a_remark_typed_apart_with_spaces(small_engine: Engine) -> None:
    assert_answer_matches("今天要去催款 有哪些逾期的应收款", f"SELECT p.id FROM payment p WHERE {OVERDUE}", small_engine, TODAY)


@pytest.mark.parametrize("question", [
    "下周新建的商机",  # nothing can have been created next week yet
    "华东 要催款 的客户",  # a word in the middle is a condition typed apart, never dropped as a remark
    "Who are the contacts at that customer?",  # no earlier answer to point at
    "When did anyone last follow up on it?",
])
def test_asked_back(question: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == "clarify"


def test_reps_ranked_by_visits_to_hospitals(small_engine: Engine) -> None:
    assert_answer_matches("今年拜访医院最多的三个销售", "SELECT s.name FROM activity x JOIN account a ON a.id = x.account_id "
                          "JOIN sales_rep s ON s.id = x.owner_id WHERE a.account_type = 'hospital' AND x.type = 'visit' "
                          "AND x.occurred_at >= '2026-01-01 00:00:00' GROUP BY s.id, s.name ORDER BY COUNT(*) DESC, s.id "
                          "LIMIT 3", small_engine, TODAY)


@pytest.mark.parametrize("question", ["逾期最久的3笔回款", "逾期时间最长的3笔应收款，各逾期多少天"])
def test_longest_overdue_installments_show_their_days(question: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.result is not None
    with small_engine.connect() as conn:
        expected = [tuple(r) for r in conn.execute(text(
            "SELECT p.id, CAST(julianday('2026-11-18') - julianday(p.due_date) AS INTEGER) FROM payment p WHERE "
            f"{OVERDUE} ORDER BY p.due_date LIMIT 3"))]
    assert len(expected) == 3
    days = outcome.result.columns.index("days_overdue")
    assert [(r[0], r[days]) for r in outcome.result.rows] == expected
