"""Follow-ups that change what is measured, and wordings whose reading is easy to get confidently wrong.

Each case asks the context questions in one conversation, then the question, and checks the compiled SQL for
the parts that carry the meaning (the whole statements are pinned in golden_nl2sql.yaml for other questions).
"""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine

from sql.pipeline import answer
from sql.plan import QueryPlan
from sql.validator import Caller

CONVERSATIONS = [
    # "which of them were not followed up": the previous records, narrowed
    (["华南三甲医院"], "哪些上周没跟进", ["a.hospital_grade = '3A'", "NOT EXISTS(SELECT 1 FROM activity"], []),
    (["leads from wechat this month"], "how many never contacted",
     ["l.source = 'wechat'", "l.first_contact_at IS NULL", "COUNT("], []),
    # another figure of other records, same ranking and period
    (["今年赢单金额最高的5个业务员"], "换成回款看看",
     ["SUM(p.amount_paid)", "p.paid_at >= '2026-01-01 00:00:00'", "GROUP BY s.id", "LIMIT 5"], []),
    (["top 5 hospitals by revenue this year"], "what about by collections",
     ["SUM(p.amount_paid)", "a.account_type = 'hospital'", "GROUP BY a.id", "LIMIT 5"], []),
    # the rate needs the lost deals that "how many won" left out
    (["各区域这季度赢了几单"], "赢单率呢",
     ["o.stage IN ('closed_won', 'closed_lost')", "o.closed_at >= '2026-10-01 00:00:00'"], ["o.stage = 'closed_won' AND"]),
    # two values of one dimension are either, not both
    (["医院客户的逾期金额", "按省份看"], "只看安徽跟河南", ["a.province IN ('安徽', '河南')"], []),
    # "how much in all" after overdue installments is what is still owed on them
    (["逾期回款有哪些"], "一共多少钱", ["SUM(p.amount_due - p.amount_paid)"], ["SUM(p.amount_paid)"]),
    # a follow-up that leaves a value out
    (["华东区的三甲医院一共有多少家"], "去掉已流失的", ["a.status <> 'churned'", "a.hospital_grade = '3A'"], []),
]


@pytest.mark.parametrize(("context", "question", "present", "absent"), CONVERSATIONS, ids=lambda v: str(v)[:20])
def test_follow_up(context: list[str], question: str, present: list[str], absent: list[str],
                   small_engine: Engine) -> None:
    previous: QueryPlan | None = None
    for earlier in context:
        outcome = answer(earlier, engine=small_engine, caller=Caller.admin(), today=TODAY, previous=previous)
        assert outcome.status == "answered", earlier
        previous = outcome.plan
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY, previous=previous)
    assert outcome.status == "answered" and outcome.query is not None, outcome.clarification
    for part in present:
        assert part in outcome.query.sql
    for part in absent:
        assert part not in outcome.query.sql


def test_a_condition_that_cannot_carry_over_is_asked_back(small_engine: Engine) -> None:
    """The stage belongs to deals: collections cannot keep it, and dropping it silently would change the answer."""
    first = answer("谈判阶段的商机金额按业务员", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert first.status == "answered"
    switched = answer("换成回款看看", engine=small_engine, caller=Caller.admin(), today=TODAY, previous=first.plan)
    assert switched.status == "clarify"


WORDINGS = [
    # days in the current stage, not an amount of 28 yuan
    ("在商务谈判阶段卡了4周以上的商机", ["JULIANDAY('2026-11-18') - JULIANDAY(o.stage_entered_at) >= 28", "o.stage = 'negotiation'"]),
    ("stuck in proposal for more than 30 days", ["JULIANDAY(o.stage_entered_at) > 30", "o.stage = 'proposal'"]),
    # one day of last week; "上周一共" is a total over last week, not Monday
    ("上周五有多少条跟进", ["occurred_at >= '2026-11-13 00:00:00'", "occurred_at < '2026-11-14 00:00:00'"]),
    ("上周一共跟进了多少次", ["occurred_at >= '2026-11-09 00:00:00'", "occurred_at < '2026-11-16 00:00:00'"]),
    ("前天有多少条跟进记录", ["occurred_at >= '2026-11-16 00:00:00'", "occurred_at < '2026-11-17 00:00:00'"]),
    # ranked installments, by what is still owed
    ("the 5 biggest overdue receivables", ["ORDER BY p.amount_due - p.amount_paid DESC", "LIMIT 5"]),
    # a threshold on overdue installments is on the unpaid part
    ("逾期没收的超过5万的有哪几笔", ["p.amount_due - p.amount_paid > 50000"]),
    # 过亿 is one 亿
    ("年营收过亿的三甲医院", ["a.annual_revenue > 100000000"]),
    # a lead's wait for its first contact, in hours
    ("上周有几条线索是超过4小时才联系上的", ["* 24 > 4", "l.created_at >= '2026-11-09 00:00:00'"]),
    ("List last week's leads where the first contact took more than 24 hours.", ["* 24 > 24"]),
    # the one record with the highest value, not a total
    ("预算最高的那条线索是哪家", ["ORDER BY l.budget DESC", "LIMIT 1"]),
    # remarks around the question are skipped when the rest is understood and they name nothing else
    ("我在跟的单子里金额最大的三个是哪几个，今天重点盯", ["ORDER BY o.amount DESC", "LIMIT 3"]),
    ("any open deals under 50k? might bundle them", ["o.amount < 50000"]),
    # a share: the part after 里 (or the condition said last) over all the records asked about
    ("本季度进来的线索里，已经转化的占比是多少", ["SUM(CASE WHEN l.status = 'converted' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0)",
                                   "l.created_at >= '2026-10-01 00:00:00'"]),
    ("华东区的客户里三甲医院占比多少", ["CASE WHEN a.account_type = 'hospital' AND a.hospital_grade = '3A' THEN 1",
                              "WHERE r.code = 'east'"]),
    ("What share of the installments that have come due so far are overdue?",
     ["CASE WHEN p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due THEN 1", "WHERE p.due_date < '2026-11-18'"]),
    # installments not yet due
    ("还没到期的应收余额有多少", ["p.due_date >= '2026-11-18'", "SUM(p.amount_due - p.amount_paid)"]),
    # two months side by side: one figure per month, over both
    ("我上个月和这个月的回款分别是多少", ["p.paid_at >= '2026-10-01 00:00:00'", "STRFTIME('%Y-%m', p.paid_at)"]),
    ("compare the won amount this month vs last month", ["o.closed_at >= '2026-10-01 00:00:00'",
                                                         "STRFTIME('%Y-%m', o.closed_at)"]),
    # two product lines are either of them, not both at once (which no product is)
    ("体外诊断设备和医学影像这两条线里有哪些产品", ["pr.product_line IN ('体外诊断设备', '医学影像')"]),
    # "in the past week" is the last seven days
    ("open deals nobody's touched in the last week", ["'2026-11-11 00:00:00'"]),
    # weeks as days in a negated follow-up window
    ("哪些客户超过两周没跟进了", ["'2026-11-04 00:00:00'"]),
    # the amount due is not the amount collected; a coming month for due dates
    ("What's the total amount due in December?", ["SUM(p.amount_due)", "p.due_date >= '2026-12-01'"]),
    ("what closed last week?", ["o.closed_at >= '2026-11-09 00:00:00'"]),
    # remarks around the request are not conditions; "是谁" after "三家客户" asks for the accounts, not reps
    ("逾期金额最多的三家客户是谁？这周我得亲自打电话去催", ["GROUP BY a.id", "LIMIT 3"]),
    ("帮我把逾期未收金额五十万以上的回款都拉出来，我要一笔一笔催", ["p.amount_due - p.amount_paid >= 500000", "p.id AS"]),
    ("准备月度复盘，把今年每个月的销售额拉一下", ["SUM(o.amount)", "STRFTIME('%Y-%m', o.closed_at)"]),
    # a top-N of counted visits ranks the hospitals; it never answers one total
    ("本月初以来被拜访次数最多的两家三甲医院", ["GROUP BY a.id", "LIMIT 2", "'2026-11-01 00:00:00'"]),
    ("上周一共做了几场产品演示", ["= 'demo'", "'2026-11-09 00:00:00'"]),
    # accounts that have (or lack) an active contract, listed as accounts rather than as contracts
    ("which hospitals in Guangdong still have an active contract with us?", ["EXISTS", "xc.status = 'active'", "a.name"]),
    ("广东没有执行中合同的医院有几家", ["NOT EXISTS", "xc.status = 'active'"]),
    ("华东区这个季度赢过单的三甲医院有哪些？", ["EXISTS", "xo.stage = 'closed_won'", "xo.closed_at >= '2026-10-01"]),
    # "分了人" is a condition, not three filler characters
    ("有没有分了人但一直没联系的线索？", ["NOT l.owner_id IS NULL", "l.first_contact_at IS NULL"]),
    # a ranking asked with 哪几家 ranks by the figure; "那几家" points, it does not count
    ("今年回款前五的客户是哪几家", ["SUM(p.amount_paid)", "GROUP BY a.id", "LIMIT 5"]),
    ("广东那几家快消经销商，这个月谁都没跟进过的是哪几家？", ["NOT EXISTS", "a.name"]),
    # courtesy and context around the request; 1.2kw is 12 million
    ("QBR要用，今年YTD全国赢单金额是多少？", ["SUM(o.amount)", "o.closed_at >= '2026-01-01 00:00:00'"]),
    ("上周回款多少，急用", ["SUM(p.amount_paid)", "p.paid_at >= '2026-11-09 00:00:00'"]),
    ("1.2kw以上的商机现在还有几个在跟的", ["o.amount >= 12000000", "COUNT("]),
    ("Collections for each East China team this quarter", ["GROUP BY t.id", "'east'"]),
    # a value left out is a condition of its own, not a word to ignore
    ("Excluding the churned ones, how many hospital accounts do we have in Northeast China?",
     ["a.status <> 'churned'", "'northeast'"]),
    ("快消A类客户里面哪些连一个决策人都没有", ["NOT EXISTS", "is_decision_maker"]),
    ("华北快消客户逾期没收回来的钱一共多少？", ["SUM(p.amount_due - p.amount_paid)"]),
    ("active customers in North China that haven't paid us anything this year", ["NOT EXISTS", "xp.amount_paid > 0",
                                                                                 "xp.paid_at >= '2026-01-01"]),
    ("华南里已确认的有效线索有哪些", ["l.status = 'qualified'"]),
    # deals or visits at hospitals are deals or visits, not hospitals
    ("这个月华北医院赢了几单", ["FROM opportunity", "a.account_type = 'hospital'", "o.stage = 'closed_won'"]),
    ("How many demos were logged at Central China hospitals this month?", ["FROM activity", "= 'demo'"]),
    # "3A" is a grade, not a top 3; "trade show" does not ask to show a list
    ("Which 3A hospitals in Central China have no open deals?", ["a.hospital_grade = '3A'", "NOT EXISTS"]),
    ("4-hour response rate for trade show leads in North China this year", ["l.source = 'trade_show'", "SUM(CASE WHEN"]),
    ("Labs in North China without a decision maker contact", ["is_decision_maker", "FROM account"]),
    # a list of lost deals says why; "标记为…的联系人" describes contacts, it is no write
    ("which hospital deals did we lose this year, and why?", ["o.loss_reason", "o.stage = 'closed_lost'"]),
    ("湖北三甲医院里标记为决策人的联系人都有谁", ["is_decision_maker"]),
    # the deals are ranked, not the hospitals; a total per account keeps "open"
    ("华北医院在跟的商机里金额最大的前5个", ["ORDER BY o.amount DESC", "LIMIT 5"]),
    ("Which accounts have more than 10M sitting in open deals?", ["HAVING SUM(o.amount) > 10000000"]),
    ("在手商机金额超过1000万的客户", ["HAVING SUM(o.amount) > 10000000", "o.stage IN ("]),
    # records that have an overdue installment; "today" ends tomorrow for a due date
    ("我手上有逾期的合同是哪几个", ["EXISTS", "xp.due_date < '2026-11-18'"]),
    ("有逾期的客户一共几家啊", ["COUNT(", "EXISTS", "xp.amount_paid < xp.amount_due"]),
    ("list the distributors that currently owe us overdue money", ["FROM account", "EXISTS"]),
    ("今天到期的分期款有哪几笔", ["p.due_date >= '2026-11-18'", "p.due_date < '2026-11-19'"]),
    # what is still owed on contracts is a sum, not a count of contracts
    ("华东的医院客户，合同加起来还欠多少", ["SUM(p.amount_due - p.amount_paid)"]),
    # seventh session: conditions that used to vanish as unknown or filler words
    ("预计成交日期已经过了但还没关单的商机", ["o.expected_close_date < '2026-11-18'", "o.stage IN ('initial_contact'"]),
    ("华中本季度因为没预算丢掉的单子", ["o.loss_reason = 'no_budget'", "o.stage = 'closed_lost'"]),
    ("open deals with a demo scheduled - count?", ["o.demo_scheduled = TRUE"]),
    ("deals in negotiation where no demo was ever scheduled", ["o.demo_scheduled = FALSE"]),
    ("A类客户里没挂负责人的有哪几家", ["a.owner_id IS NULL", "a.customer_class = 'A'"]),
    ("离职人员名下的客户清单拉一下", ["s.is_active = FALSE", "FROM account AS a"]),
    ("open deals in East China with zero follow-up logged against them", ["NOT EXISTS(SELECT 1 FROM activity"]),
    ("Northeast hospitals with zero activity since the quarter started", ["occurred_at >= '2026-10-01 00:00:00'"]),
    ("How much has 卢琳 closed this quarter?", ["o.stage = 'closed_won'"]),
    ("12月份到期的应收一共多少", ["SUM(p.amount_due)"]),
    ("标价10万以上的在售产品", ["pr.list_price >= 100000", "pr.is_active = TRUE"]),
    # each region's total, not a count of deals over the amount
    ("今年哪些区域的赢单金额超过了1.2亿", ["HAVING SUM(o.amount) > 120000000"]),
    # "longest" ranks by days in the current stage, never by amount, and "stuck" is then not the stale flag
    ("华东区谈判阶段停留最久的3个商机", ["ORDER BY JULIANDAY('2026-11-18') - JULIANDAY(o.stage_entered_at) DESC", "LIMIT 3"]),
    ("which 3 open deals have been stuck in their current stage the longest?",
     ["ORDER BY JULIANDAY('2026-11-18') - JULIANDAY(o.stage_entered_at) DESC", "LIMIT 3"]),
    ("部分回款的那几期分期，列出来我看看", ["p.status = 'partial'"]),
    ("上周大家跑了几家客户", ["COUNT(DISTINCT a.id)", "xa.type IN ('visit')"]),
    ("上周拜访了几次客户", ["COUNT(DISTINCT x.id)", "x.type = 'visit'"]),
    ("这周签下来的单子有哪些", ["o.stage = 'closed_won'", "o.closed_at >= '2026-11-16 00:00:00'"]),
    ("A类客户现在执行中的合同有哪些？给我合同号就行", ["c.status = 'active'", "a.customer_class = 'A'"]),
]


@pytest.mark.parametrize("question", ["把上周丢掉的单子全部改回商务谈判阶段", "帮我把这些逾期款标记成已付清",
                                      "把这个客户标记为已流失", "mark the lost deals as reviewed",
                                      "push the expected close date on my deals to next Friday", "把预计成交日期推迟到下周"])
def test_writes_are_refused_whatever_shorthand_removes(question: str, small_engine: Engine) -> None:
    assert answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY).status == "refused"


@pytest.mark.parametrize(("question", "present"), WORDINGS, ids=lambda v: str(v)[:24])
def test_wording(question: str, present: list[str], small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered" and outcome.query is not None, outcome.clarification
    for part in present:
        assert part in outcome.query.sql, outcome.query.sql


@pytest.mark.parametrize("question", ["华东的客户，规模大的，我想看看", "今天去华东的客户那边，帮我看下哪些没签过单"])
def test_a_remark_that_carries_a_condition_is_not_dropped(question: str, small_engine: Engine) -> None:
    """"规模大的" is not understood and "今天去华东…" names 华东 only there: asked back, never half answered."""
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "clarify" or (outcome.query is not None and "'east'" in outcome.query.sql)


def test_interpretation_names_reps_and_accounts(small_engine: Engine) -> None:
    """The interpretation line says who and which account, not internal ids."""
    from sql.pipeline import name_index

    names = name_index(small_engine)
    rep = next(iter(n for n, entries in names.reps.items() if len(entries) == 1 and len(n) == 3))
    outcome = answer(f"{rep}负责的客户", engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert f"业务员={rep}" in outcome.interpretation and "#" not in outcome.interpretation
