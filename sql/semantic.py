"""The semantic layer: how the CRM is described to questions. This module is data, and it is the glossary.

Entities (what a question is about), dimensions (what it filters or groups by, with the synonyms of every
enumerated value, taken from `crm.labels`), measures (what it computes) and time dimensions. Columns are written
against fixed table aliases; `JOINS` says how each entity reaches the other aliases. `docs/glossary.md` is
generated from this module (`python -m sql.glossary`) and a test keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crm import labels

# Fixed aliases: a account, o opportunity, l lead, x activity, c contract, p payment, ct contact, pr product,
# s the owning rep (sales_rep), t the owner's team, r region; pl one product per product line of a deal.
TABLE_OF_ALIAS = {"a": "account", "o": "opportunity", "l": "lead", "x": "activity", "c": "contract", "p": "payment",
                  "ct": "contact", "pr": "product", "s": "sales_rep", "t": "team", "r": "region", "rr": "region",
                  "ol": "opportunity_line", "qt": "quote", "pl": "product"}


@dataclass(frozen=True)
class Entity:
    """Something a question lists or counts."""

    code: str
    alias: str
    label_zh: str
    label_en: str
    words: tuple[str, ...]  # how questions name it (Chinese and English)
    name_column: str  # what a list answer identifies rows by
    list_columns: tuple[str, ...]  # extra columns shown in a list answer
    default_time: str | None  # time dimension a window applies to when the question does not say
    sort: str  # default ORDER BY for lists


ENTITIES: dict[str, Entity] = {e.code: e for e in (
    Entity("account", "a", "客户", "account", ("客户", "医院", "门店", "经销商", "学校", "实验室", "企业客户", "account",
                                              "customer", "client", "hospital", "store", "distributor", "school"),
           "a.name", ("a.city", "a.hospital_grade", "s.name"), "a.created_at", "a.name"),
    Entity("opportunity", "o", "商机", "opportunity", ("商机", "机会", "项目", "大单子", "大单", "单子", "订单", "opportunit", "deal"),
           "o.name", ("o.stage", "o.amount", "s.name"), "o.created_at", "o.amount DESC"),
    Entity("lead", "l", "线索", "lead", ("线索", "lead"), "l.company_name", ("l.source", "l.status", "l.created_at"),
           "l.created_at", "l.created_at DESC"),
    Entity("activity", "x", "跟进", "follow-up", ("跟进记录", "跟进", "拜访", "活动", "follow-up", "follow up", "touches", "touchpoints", "touch points",
                                                  "followup", "activit", "visit"),
           "x.id", ("x.occurred_at", "x.type", "a.name", "s.name"), "x.occurred_at", "x.occurred_at DESC"),
    Entity("contract", "c", "合同", "contract", ("合同", "contract"), "c.contract_no", ("a.name", "c.amount",
                                                                                      "c.signed_at"),
           "c.signed_at", "c.signed_at DESC"),
    Entity("payment", "p", "回款", "payment", ("回款", "应收款", "应收账款", "分期款", "应收", "收款", "账款", "付款", "分期", "payment", "receivable",
                                              "collection", "invoice", "installment"),
           "p.id", ("c.contract_no", "p.installment_no", "a.name", "p.due_date", "p.amount_due", "p.amount_paid"), "p.paid_at",
           "p.due_date"),
    Entity("contact", "ct", "联系人", "contact", ("联系人", "contact"), "ct.name", ("ct.title", "a.name"),
           "ct.created_at", "ct.name"),
    Entity("quote", "qt", "报价", "quote", ("报价单", "报价", "quote"), "qt.id",
           ("o.name", "qt.version", "qt.total_amount", "qt.status", "qt.created_at"),
           "qt.created_at", "qt.created_at DESC"),
    Entity("product", "pr", "产品", "product", ("产品", "product", "sku"), "pr.name", ("pr.sku", "pr.list_price"),
           None, "pr.name"),
    Entity("rep", "s", "业务员", "sales rep", ("业务员", "销售员", "销售代表", "销售人员", "销售", "员工", "组员", "人员", "新人", "rep",
                                              "team members", "members",
                                              "salesperson", "salespeople", "sales people", "seller"),
           "s.name", ("s.email",), None, "s.name"),
    Entity("region", "r", "区域", "region", ("区域", "大区", "region"), "r.name_zh", ("r.code",), None, "r.id"),
    # The product lines of deals: never named by a question, chosen for units sold per product or product line.
    Entity("line", "ol", "商机产品明细", "deal line", (), "ol.id", ("pr.name", "ol.quantity"), "o.closed_at", "ol.id"),
)}

# How each entity reaches the other aliases: (alias, join condition), in order. The compiler adds what it needs.
JOINS: dict[str, tuple[tuple[str, str], ...]] = {
    "account": (("s", "s.id = a.owner_id"), ("t", "t.id = s.team_id"), ("r", "r.id = a.region_id"),
                ("rr", "rr.id = s.region_id")),
    "opportunity": (("a", "a.id = o.account_id"), ("s", "s.id = o.owner_id"), ("t", "t.id = s.team_id"),
                    ("r", "r.id = a.region_id"), ("rr", "rr.id = s.region_id"),
                    # deals per product ("今年赢单金额最高的5个产品"): each product on the deal once, however many
                    # lines carry it; per product line, one product standing for each line the deal has, so a
                    # deal with two reagents counts once for 诊断试剂
                    ("pr", "pr.id IN (SELECT olg.product_id FROM opportunity_line AS olg WHERE olg.opportunity_id = o.id)"),
                    ("pl", "pl.id IN (SELECT MIN(olg.product_id) FROM opportunity_line AS olg JOIN product AS plg "
                           "ON plg.id = olg.product_id WHERE olg.opportunity_id = o.id GROUP BY plg.product_line)")),
    "lead": (("s", "s.id = l.owner_id"), ("t", "t.id = s.team_id"), ("r", "r.id = l.region_id"),
             ("rr", "rr.id = s.region_id")),
    "activity": (("a", "a.id = x.account_id"), ("s", "s.id = x.owner_id"), ("t", "t.id = s.team_id"),
                 ("r", "r.id = a.region_id"), ("o", "o.id = x.opportunity_id"), ("rr", "rr.id = s.region_id")),
    "contract": (("a", "a.id = c.account_id"), ("s", "s.id = c.owner_id"), ("t", "t.id = s.team_id"),
                 ("r", "r.id = a.region_id"), ("o", "o.id = c.opportunity_id")),
    "payment": (("c", "c.id = p.contract_id"), ("a", "a.id = c.account_id"), ("s", "s.id = c.owner_id"),
                ("t", "t.id = s.team_id"), ("r", "r.id = a.region_id"), ("o", "o.id = c.opportunity_id")),
    "contact": (("a", "a.id = ct.account_id"), ("s", "s.id = a.owner_id"), ("t", "t.id = s.team_id"),
                ("r", "r.id = a.region_id")),
    "quote": (("o", "o.id = qt.opportunity_id"), ("a", "a.id = o.account_id"), ("s", "s.id = o.owner_id"),
              ("t", "t.id = s.team_id"), ("r", "r.id = a.region_id"), ("rr", "rr.id = s.region_id")),
    "product": (),
    "rep": (("t", "t.id = s.team_id"), ("r", "r.id = s.region_id"), ("rr", "rr.id = s.region_id")),
    "region": (),
    "line": (("o", "o.id = ol.opportunity_id"), ("pr", "pr.id = ol.product_id"), ("a", "a.id = o.account_id"),
             ("s", "s.id = o.owner_id"), ("t", "t.id = s.team_id"), ("r", "r.id = a.region_id"),
             ("rr", "rr.id = s.region_id")),
}


@dataclass(frozen=True)
class Dimension:
    """Something to filter or group by. `column` filters; `label` is what a group-by shows."""

    code: str
    label_zh: str
    label_en: str
    column: str
    label: str | None = None  # defaults to column
    values: labels.Labels | None = None  # enumerated values with synonyms
    group_words: tuple[str, ...] = ()  # "按区域", "by region"
    per_entity: tuple[tuple[str, str], ...] = ()  # entity-specific column overrides


DIMENSIONS: dict[str, Dimension] = {d.code: d for d in (
    Dimension("region", "区域", "region", "r.code", "r.name_zh", None, ("区域", "大区", "地区", "account region",
                                                                      "lead region", "region")),
    Dimension("rep", "业务员", "sales rep", "s.id", "s.name", None,
              ("业务员", "销售员", "销售代表", "销售", "负责人", "人", "sales rep", "rep", "salesperson", "owner", "person")),
    Dimension("team", "团队", "team", "t.id", "t.name", None, ("团队", "小组", "组", "team", "teams", "sales teams")),
    Dimension("industry", "行业", "industry", "a.industry", None, labels.INDUSTRY, ("行业", "account industry",
                                                                                 "industry", "industries"),
              (("lead", "l.industry"),)),
    Dimension("account_type", "客户类型", "account type", "a.account_type", None, labels.ACCOUNT_TYPE,
              ("客户类型", "类型", "account type", "customer type", "type of account", "type of customer", "type")),
    Dimension("hospital_grade", "医院等级", "hospital grade", "a.hospital_grade", None, labels.HOSPITAL_GRADE,
              ("医院等级", "等级", "hospital grade", "grade")),
    Dimension("customer_class", "客户分级", "customer class", "a.customer_class", None, labels.CUSTOMER_CLASS,
              ("客户分级", "客户等级", "分级", "abc类客户", "abc类", "abc", "customer class", "class")),
    Dimension("account_status", "客户状态", "account status", "a.status", None, labels.ACCOUNT_STATUS,
              ("客户状态", "状态", "status", "account status", "customer status")),
    Dimension("province", "省份", "province", "a.province", None, None, ("省份", "省", "province")),
    Dimension("city", "城市", "city", "a.city", None, None, ("城市", "city", "cities")),
    # a contact's job title and department: values are the CRM's own (院长, 采购部), found like names
    Dimension("title", "职位", "job title", "ct.title", None, None, ("职位", "职务", "头衔", "job title", "title")),
    Dimension("department", "部门", "department", "ct.department", None, None, ("部门", "department")),
    Dimension("stage", "阶段", "stage", "o.stage", None, labels.STAGE, ("阶段", "stage")),
    Dimension("loss_reason", "输单原因", "loss reason", "o.loss_reason", None, labels.LOSS_REASON,
              ("输单原因", "丢单原因", "原因", "loss reason", "reason")),
    Dimension("activity_type", "跟进方式", "follow-up type", "x.type", None, labels.ACTIVITY_TYPE,
              ("跟进方式", "方式", "跟进类型", "类型", "类", "follow-up type", "activity type", "type")),
    Dimension("lead_source", "线索来源", "lead source", "l.source", None, labels.LEAD_SOURCE,
              ("线索来源", "来源", "渠道", "lead source", "source", "channel")),
    Dimension("payment_status", "回款状态", "payment status", "p.status", None, {
        "partial": ("部分回款", "Partially paid", ("部分付款", "部分到账", "partially paid", "partly paid", "partial")),
        "paid": ("已付清", "Paid", ("已结清", "已回款完", "已经付清", "付清", "fully paid", "paid in full", "paid off")),
        "pending": ("未到期", "Pending", ("待付款", "pending")),
    }, ("回款状态", "付款状态", "状态", "payment status", "installment status", "status")),
    Dimension("lead_status", "线索状态", "lead status", "l.status", None, labels.LEAD_STATUS,
              ("线索状态", "状态", "status")),
    Dimension("contract_status", "合同状态", "contract status", "c.status", None, {
        "active": ("执行中", "Active", ("履行中", "生效", "进行中的合同", "in force")),
        "completed": ("已完成", "Completed", ("已履行完", "履约完成", "completed", "执行完成", "已经执行完成", "已经执行完", "执行完毕")),
        "draft": ("草稿", "Draft", ("draft",)),
        "terminated": ("已终止", "Terminated", ("终止", "terminated")),
    }, ("合同状态", "状态", "contract status", "status")),
    Dimension("quote_status", "报价状态", "quote status", "qt.status", None, {
        "draft": ("草稿", "Draft", ("报价草稿", "draft")),
        # waiting for the customer's answer; "发出去的报价" / "quotes sent to hospitals" are all quotes (every quote
        # was sent; accepted and rejected ones too), so those verbs are not this status
        "sent": ("已发出", "Sent", ("已发送", "客户还没回复", "还没回复", "等客户回复", "待回复", "还在等回复", "等回复",
                                 "还没回音", "没回音", "没有回音", "没回复", "sent", "waiting on the customer",
                                 "still out with the customer", "out with the customer", "waiting for a reply",
                                 "waiting on a reply", "waiting for reply", "awaiting a reply", "awaiting reply",
                                 "no reply yet", "still waiting")),
        "accepted": ("已接受", "Accepted", ("客户接受", "接受了", "被接受", "accepted")),
        "rejected": ("被拒绝", "Rejected", ("被拒", "拒绝了", "拒掉", "被客户拒", "被客户拒掉", "被拒掉", "客户拒了", "rejected", "turned down")),
        "superseded": ("已作废", "Superseded", ("作废", "被替代", "旧版本", "superseded")),
    }, ("报价状态", "状态", "quote status", "status")),
    Dimension("team_region", "团队所在区域", "team region", "rr.code", "rr.name_zh", None, ()),
    Dimension("role", "角色", "role", "s.role", None, labels.ROLE, ("角色", "职位", "role")),
    Dimension("owner_missing", "未分配", "unassigned", "owner_id", None, None, ()),
    Dimension("probability", "成交概率(%)", "win probability (%)", "o.probability", None, None, ()),
    Dimension("payment_terms", "账期(天)", "payment terms (days)", "c.payment_terms_days", None, None,
              ("付款账期", "账期", "payment terms", "payment term", "terms")),
    Dimension("amount", "金额", "amount", "o.amount", None, None, (),
              (("contract", "c.amount"), ("quote", "qt.total_amount"), ("product", "pr.list_price"), ("payment", "p.amount_due"), ("lead", "l.budget"),
               ("account", "a.annual_revenue"))),
    Dimension("amount_paid", "实收金额", "amount paid", "p.amount_paid", None, None, ()),
    Dimension("duration", "跟进时长(分钟)", "follow-up minutes", "x.duration_min", None, None, ()),
    Dimension("unpaid", "未收金额", "unpaid amount", "p.amount_due - p.amount_paid", None, None, ()),
    # a customer's own size, said of its deals or visits: "年营收过两亿的客户今年赢单金额一共多少"
    Dimension("annual_revenue", "客户年营收", "account annual revenue", "a.annual_revenue", None, None, ()),
    # a contract's size, said of its payments: "合同额超过八十万的合同今年回款多少"
    Dimension("contract_value", "合同金额", "contract amount", "c.amount", None, None, ()),
    Dimension("days_in_stage", "当前阶段停留天数", "days in current stage", "{days_since_stage}", None, None, ()),
    # how long an installment has been due ("逾期最久的5笔分期"): shown beside the installments it ranks
    Dimension("days_overdue", "逾期天数", "days overdue", "{days_overdue}", None, None, ()),
    Dimension("due_date", "应收日期", "due date", "p.due_date", None, None, ()),  # "逾期超过60天": due before a day
    Dimension("product", "产品", "product", "pr.id", "pr.name", None, ("产品", "product", "sku")),
    Dimension("product_line", "产品线", "product line", "pr.product_line", None, None, ("产品线", "product line"),
              (("opportunity", "pl.product_line"),)),
    # a lead's account is the one it was converted into ("which source did 昆明市康复医院 come from")
    Dimension("account", "客户", "account", "a.id", "a.name", None, ("客户", "customer", "account"),
              (("lead", "l.converted_account_id"),)),
    # per contract, for totals of its installments ("逾期金额超过100万的合同"); no group word, a contract list stays one
    Dimension("contract", "合同", "contract", "c.id", "c.contract_no", None, ("逐份合同",)),
    # one contact, named in the question ("联系人谢丽"); an activity names the contact it was with
    Dimension("contact", "联系人", "contact", "ct.id", "ct.name", None, (), (("activity", "x.contact_id"),)),
    # per deal, for its follow-ups ("本月跟进最频繁的3个在跟商机"); no group word, a deal list stays one
    Dimension("opportunity", "商机", "opportunity", "o.id", "o.name", None, ()),
    # fields a record may have left empty ("预计成交日期没填", "contacts with no phone"): filtered with is_null only
    Dimension("expected_close_date", "预计成交日期", "expected close date", "o.expected_close_date"),
    Dimension("phone", "电话", "phone", "ct.phone", None, None, (), (("lead", "l.phone"),)),
    Dimension("email", "邮箱", "email", "ct.email"),
    Dimension("budget", "预算", "budget", "l.budget"),
    # per calendar day ("上周每天的跟进次数"); said by a phrase (GROUP_PHRASES), never by a bare "天"
    Dimension("day", "日期", "day", "day", None, None, ()),
    # per calendar week, labelled by its Monday; for two weeks side by side ("本周和上周的线索量对比")
    Dimension("week", "周", "week", "week", None, None, ()),
    Dimension("month", "月份", "month", "month", None, None, ("月份", "月", "每月", "month", "monthly")),
    Dimension("quarter", "季度", "quarter", "quarter", None, None, ("季度", "每季度", "quarter", "quarterly")),
    Dimension("year", "年份", "year", "year", None, None, ("年份", "每年", "yearly", "annually")),
)}


@dataclass(frozen=True)
class TimeDimension:
    code: str
    entity: str
    column: str
    label_zh: str
    label_en: str
    is_date: bool = False  # a DATE column (compared with dates, not timestamps)


# Breakdowns by calendar period of the records' own time (the DIALECT_SNIPPETS that label them).
TIME_GROUPS = ("day", "week", "month", "quarter", "year")

TIME_DIMENSIONS: dict[str, TimeDimension] = {t.code: t for t in (
    TimeDimension("a.created_at", "account", "a.created_at", "客户创建时间", "account created"),
    TimeDimension("o.created_at", "opportunity", "o.created_at", "商机创建时间", "opportunity created"),
    TimeDimension("o.closed_at", "opportunity", "o.closed_at", "关闭(赢单/输单)时间", "closed"),
    TimeDimension("o.expected_close_date", "opportunity", "o.expected_close_date", "预计成交日期",
                  "expected close date", True),
    TimeDimension("l.created_at", "lead", "l.created_at", "线索创建时间", "lead created"),
    TimeDimension("l.assigned_at", "lead", "l.assigned_at", "线索分配时间", "lead assigned"),
    TimeDimension("l.first_contact_at", "lead", "l.first_contact_at", "首次联系时间", "first contacted"),
    TimeDimension("x.occurred_at", "activity", "x.occurred_at", "跟进时间", "follow-up time"),
    TimeDimension("c.signed_at", "contract", "c.signed_at", "签约时间", "signed"),
    TimeDimension("p.paid_at", "payment", "p.paid_at", "回款时间", "paid"),
    TimeDimension("p.due_date", "payment", "p.due_date", "应收日期", "due date", True),
    TimeDimension("qt.created_at", "quote", "qt.created_at", "报价时间", "quoted"),
    TimeDimension("ct.created_at", "contact", "ct.created_at", "联系人创建时间", "contact created"),
    TimeDimension("s.hired_on", "rep", "s.hired_on", "入职日期", "hired", True),
    TimeDimension("o.stage_entered_at", "opportunity", "o.stage_entered_at", "进入当前阶段时间", "entered current stage"),
)}


@dataclass(frozen=True)
class Measure:
    """A computed figure. `expr` is SQL over the aliases; `where` are conditions the measure always carries.

    `{today}` in an expression is replaced by the reference date. `kind` says how to show the value:
    count, money, rate (fraction 0..1), hours or days.
    """

    code: str
    entity: str
    label_zh: str
    label_en: str
    words: tuple[str, ...]
    expr: str
    kind: str
    time: str | None = None  # time dimension a window applies to
    where: tuple[str, ...] = ()


OPEN = "o.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
NOT_OPEN_OD = "od.stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation')"
MEASURES: dict[str, Measure] = {m.code: m for m in (
    Measure("won_amount", "opportunity", "赢单金额", "won amount",
            ("赢单金额", "赢单总额", "赢单额", "成交总额", "成交金额", "成交额", "签单金额", "赢了多少钱", "赢了多少", "销售额", "业绩", "营收", "收入", "won amount", "revenue", "sales amount",
             "bookings", "won revenue", "sales amount", "sales revenue"),
            "SUM(o.amount)", "money", "o.closed_at", ("o.stage = 'closed_won'",)),
    Measure("won_count", "opportunity", "赢单数", "deals won", ("赢单数", "赢单数量", "成交数", "签单数",
                                                             "number of wins"),
            "COUNT(DISTINCT o.id)", "count", "o.closed_at", ("o.stage = 'closed_won'",)),
    Measure("win_rate", "opportunity", "赢单率", "win rate", ("赢单率", "赢率", "成交率", "胜率", "win rate", "win ratio"),
            "1.0 * SUM(CASE WHEN o.stage = 'closed_won' THEN 1 ELSE 0 END) / "
            "NULLIF(SUM(CASE WHEN o.stage IN ('closed_won', 'closed_lost') THEN 1 ELSE 0 END), 0)",
            "rate", "o.closed_at", ("o.stage IN ('closed_won', 'closed_lost')",)),
    Measure("pipeline_amount", "opportunity", "在手商机金额", "open pipeline amount",
            ("在手商机金额", "在跟商机金额", "在跟金额", "在手金额", "在手pipeline", "在跟pipeline", "管道金额", "pipeline金额", "pipeline amount", "pipeline value",
             "open pipeline", "pipeline"),
            "SUM(o.amount)", "money", "o.created_at", (OPEN,)),
    Measure("opportunity_amount", "opportunity", "商机金额", "opportunity amount",
            ("商机金额", "商机总额", "opportunity amount", "deal value", "deal amount", "money sitting", "money tied up"), "SUM(o.amount)", "money"),
    Measure("avg_deal_size", "opportunity", "平均单额(赢单)", "average deal size (won)",
            ("平均单额", "平均每单赢单金额", "平均每单", "客单价", "平均金额", "平均商机金额", "average deal size", "avg deal size", "average amount",
             "deal size"),
            "AVG(o.amount)", "money", "o.closed_at", ("o.stage = 'closed_won'",)),
    # The average over deals in any state, when the question names one ("average size of my open deals"):
    # average deal size alone means won deals.
    Measure("avg_opportunity_amount", "opportunity", "平均商机金额", "average deal amount", (), "AVG(o.amount)",
            "money", "o.created_at"),
    Measure("avg_days_in_stage", "opportunity", "平均停留天数", "average days in stage",
            ("平均停留天数", "停留天数", "在阶段天数", "平均天数", "days in stage", "time in stage", "how many days",
             "sitting in that stage", "sitting in the stage", "been sitting", "stuck in that stage", "停留了多少天",
             "卡了几天", "卡了多少天", "卡了多久", "待了几天", "停了几天", "停留天数",
             "停留多少天", "待了多少天", "停留"),
            "AVG({days_since_stage})", "days", None, (OPEN,)),
    Measure("collected", "payment", "回款金额", "collected amount",
            ("回款金额", "回款额", "回款", "已回款", "实收总额", "实收金额", "实收", "收款金额", "收了多少", "收回来多少", "收回多少", "回了多少款", "collected",
             "collections", "cash collected", "payments received", "collect", "paid us", "received", "收款",
             "收到", "付了我们多少", "付了多少"),
            "SUM(p.amount_paid)", "money", "p.paid_at", ("p.amount_paid > 0",)),
    # "到期应收的回款率（按金额）": of what has fallen due (in the window), the share paid, by amount
    Measure("collection_rate", "payment", "回款率(按金额)", "collection rate (by amount)",
            ("回款率", "收款率", "回收率", "collection rate", "collections rate", "collection ratio"),
            "1.0 * SUM(p.amount_paid) / NULLIF(SUM(p.amount_due), 0)", "rate", "p.due_date",
            ("p.due_date < '{today}'",)),
    Measure("amount_due", "payment", "应收金额", "amount due",
            ("应收金额", "应收总额", "应收合计", "应收账款总额", "amount due", "total due", "total amount due",
             "amounts due"),
            "SUM(p.amount_due)", "money", "p.due_date"),
    Measure("overdue_amount", "payment", "逾期金额", "overdue amount",
            ("逾期金额", "逾期回款金额", "逾期应收金额", "逾期账款金额", "逾期未回款金额", "超期应收金额", "逾期总额", "逾期余额",
             "逾期未收余额",
             "overdue amount", "amount overdue", "overdue receivables amount", "overdue balance"),
            "SUM(p.amount_due - p.amount_paid)", "money", "p.due_date",
            ("p.due_date < '{today}'", "p.amount_paid < p.amount_due")),
    Measure("response_rate_4h", "lead", "4小时响应率", "4-hour response rate",
            ("4小时响应率", "四小时响应率", "4小时内响应", "4h响应率", "4-hour response rate", "4 hour response rate",
             "4h response rate", "4-hour lead response rate", "4 hour lead response rate", "lead response rate",
             "response rate", "线索响应率", "响应率", "contacted within 4 hours", "within 4 hours", "4小时内"),
            "1.0 * SUM(CASE WHEN l.first_contact_at IS NOT NULL AND {hours_to_first_contact} <= 4 THEN 1 ELSE 0 END)"
            " / NULLIF(COUNT(*), 0)", "rate", "l.created_at"),
    Measure("avg_response_hours", "lead", "平均响应时长(小时)", "average response time (hours)",
            ("线索响应时长", "平均多久第一次联系上", "多久第一次联系上", "多久联系上", "平均响应最慢", "响应最慢", "平均响应", "第一次联系上", "第一次联系", "首次联系", "平均响应时长", "average lead response hours",
             "lead response hours", "response hours", "响应时长", "平均响应时间", "响应时间", "average lead response time",
             "average response time", "lead response time", "response time", "time to first contact"),
            "AVG({hours_to_first_contact})", "hours", "l.created_at", ("l.first_contact_at IS NOT NULL",)),
    # a lead has no conversion date: the window is on when the lead came in
    Measure("conversion_rate", "lead", "线索转化率", "lead conversion rate",
            ("线索转化率", "转化率", "转化比例", "转化比率", "转客户率", "lead conversion rate", "lead-to-customer conversion rate",
             "lead to customer conversion rate", "conversion rate", "conversion ratio", "convert rate"),
            "1.0 * SUM(CASE WHEN l.status = 'converted' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0)", "rate",
            "l.created_at"),
    Measure("disqualified_rate", "lead", "线索无效率", "lead disqualification rate",
            ("线索无效率", "无效率", "无效线索率", "无效比例", "disqualification rate", "disqualified rate",
             "disqualify rate"),
            "1.0 * SUM(CASE WHEN l.status = 'disqualified' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0)", "rate",
            "l.created_at"),
    Measure("outstanding_amount", "payment", "未收金额", "outstanding amount",
            ("未收金额", "待收金额", "应收余额", "应收未收金额", "余额", "outstanding amount", "unpaid amount", "amount outstanding",
             "outstanding receivables", "outstanding receivable", "receivables outstanding"),
            "SUM(p.amount_due - p.amount_paid)", "money", "p.due_date", ("p.amount_paid < p.amount_due",)),
    Measure("units_sold", "opportunity", "销量(台/件)", "units sold",
            ("卖出去数量", "卖出数量", "卖出的数量", "销售数量", "卖了多少台", "卖了多少件", "卖了几台", "卖了几件", "卖出多少台", "卖出去多少台", "卖出去多少件",
             "卖出去多少", "卖出多少件", "卖出多少", "卖出了多少", "销量", "卖了多少", "卖了几", "多少台", "几台",
             "多少箱", "几箱", "多少盒", "多少件", "几件", "几盒", "几套", "how many units", "how many cases", "cases of", "how many boxes", "units sold",
             "units of", "units"),
            "SUM((SELECT SUM(olq.quantity) FROM opportunity_line AS olq WHERE olq.opportunity_id = o.id"
            "{product_clause}))", "count", "o.closed_at", ("o.stage = 'closed_won'",)),
    Measure("units_by_line", "line", "销量(台/件)", "units sold", (), "SUM(ol.quantity)", "count", "o.closed_at",
            ("o.stage = 'closed_won'",)),
    # units on deals still open ("top products by quantity in open deals"): sold units count won deals only
    Measure("units_open", "line", "在跟商机数量(台/件)", "units in open deals", (), "SUM(ol.quantity)", "count", "o.created_at"),
    # what the won deals' lines of a product came to: quantity x unit price, less the line's discount
    Measure("line_revenue", "line", "产品明细金额", "line revenue",
            ("产品明细金额", "明细金额", "产品明细额", "明细额", "line revenue", "line amount", "line value",
             "line-item revenue", "line item revenue"),
            "SUM(ol.quantity * ol.unit_price * (1 - ol.discount_pct / 100.0))", "money", "o.closed_at",
            ("o.stage = 'closed_won'",)),
    Measure("contract_amount", "contract", "合同金额", "contract amount",
            ("合同金额", "合同额", "签约金额", "合同签约额", "签约额", "签约总额", "contract amount", "contract value",
             "contract total"), "SUM(c.amount)", "money",
            "c.signed_at"),
    Measure("lead_budget", "lead", "线索预算", "lead budget", ("线索预算", "预算总额", "预算总和", "预算", "lead budget",
                                                             "budget", "budgets"), "SUM(l.budget)",
            "money", "l.created_at"),
    Measure("avg_lead_budget", "lead", "平均线索预算", "average lead budget", ("平均预算", "average budget"),
            "AVG(l.budget)", "money", "l.created_at"),
    Measure("avg_list_price", "product", "平均标价", "average list price",
            ("平均标价", "平均定价", "平均目录价", "标价平均", "average list price", "avg list price", "mean list price",
             "average price", "avg price"), "AVG(pr.list_price)", "money"),
    # what one installment still owes on average ("average unpaid balance per overdue installment")
    Measure("avg_outstanding_amount", "payment", "平均未收金额(每期)", "average outstanding per installment", (),
            "AVG(p.amount_due - p.amount_paid)", "money", "p.due_date", ("p.amount_paid < p.amount_due",)),
    Measure("avg_overdue_amount", "payment", "平均逾期金额(每期)", "average overdue per installment", (),
            "AVG(p.amount_due - p.amount_paid)", "money", "p.due_date",
            ("p.due_date < '{today}'", "p.amount_paid < p.amount_due")),
    Measure("avg_contract_amount", "contract", "平均合同金额", "average contract amount",
            ("平均合同金额", "average contract value", "average contract amount"), "AVG(c.amount)", "money",
            "c.signed_at"),
    Measure("avg_payment_terms", "contract", "平均账期(天)", "average payment terms (days)",
            ("平均账期", "平均付款账期", "账期平均", "average payment terms", "average payment term", "avg payment terms",
             "mean payment terms"), "AVG(c.payment_terms_days)", "days", "c.signed_at"),
    Measure("quote_amount", "quote", "报价金额", "quoted amount",
            ("报价金额", "报价总额", "报价额", "quote value", "quoted amount", "quote amount", "quote total", "value of quotes",
             "quoted value"), "SUM(qt.total_amount)", "money", "qt.created_at"),
    Measure("avg_quote_amount", "quote", "平均报价金额", "average quoted amount",
            ("平均报价金额", "报价平均金额", "报价的平均金额", "average quote size", "average quote value", "average quote amount", "average quoted amount",
             "avg quote value", "avg quote amount"), "AVG(qt.total_amount)", "money", "qt.created_at"),
    Measure("annual_revenue", "account", "年营收", "annual revenue", ("年营收", "年收入", "年营业额", "annual revenue"),
            "SUM(a.annual_revenue)", "money"),
    Measure("avg_annual_revenue", "account", "平均年营收", "average annual revenue",
            ("平均年营收", "平均年收入", "平均年营业额", "年营收平均", "average annual revenue", "avg annual revenue",
             "mean annual revenue"), "AVG(a.annual_revenue)", "money"),
    # how long follow-ups took, as logged: "上周拜访一共花了多少分钟", "average call length"
    Measure("activity_minutes", "activity", "跟进时长(分钟)", "follow-up minutes",
            ("一共花了多少分钟", "花了多少分钟", "多少分钟", "总时长", "时长", "total minutes", "minutes spent",
             "minutes", "total time spent", "time spent"),
            "SUM(x.duration_min)", "minutes", "x.occurred_at"),
    Measure("avg_activity_minutes", "activity", "平均跟进时长(分钟)", "average follow-up minutes",
            ("平均时长", "平均多长时间", "平均几分钟", "平均多久", "多长时间", "几分钟", "average length", "avg length",
             "average duration", "avg duration", "duration", "length"),
            "AVG(x.duration_min)", "minutes", "x.occurred_at"),
    # "南昌市中心医院最后一次跟进是什么时候": the latest activity time (the recogniser needs the "when")
    Measure("last_activity", "activity", "最近一次跟进时间", "last follow-up", (), "MAX(x.occurred_at)", "time",
            "x.occurred_at"),
    # "曲靖金桥医疗器械有限公司最近一次回款是什么时候", "When did X last pay us?": the latest receipt's time
    Measure("last_payment", "payment", "最近一次回款时间", "last payment", (), "MAX(p.paid_at)", "time", "p.paid_at"),
    # the share of the records that meet one more condition: "本季度进来的线索里，已经转化的占比"
    Measure("share", "*", "占比", "share", (), "{share}", "rate"),
    Measure("count", "*", "数量", "count", ("多少个", "多少家", "多少条", "headcount", "head count", "多少次", "多少笔", "多少份", "多少位", "多少单",
                                          "多少", "数量", "个数", "总数", "次数", "笔数", "how many", "number of", "count",
                                          "no. of"),
            "COUNT(DISTINCT {id})", "count"),
)}

_ONE_AGGREGATE = re.compile(r"(SUM|AVG|MIN|MAX)\(([\w.]+)\)")


def record_aggregate(code: str | None) -> tuple[str, str] | None:
    """The function and column of a measure that is one aggregate of its records' own column with no condition of
    its own ("SUM(o.amount)"): it can be worked out over any records chosen, such as a ranked list's."""
    m = MEASURES.get(code or "")
    found = _ONE_AGGREGATE.fullmatch(m.expr) if m is not None and not m.where else None
    return (found.group(1), found.group(2)) if found else None

# What a question may ask about each listed record ("合同现在是什么状态", "是谁在负责", "属于哪个大区"), per entity.
_REGION_OF = ("account", "opportunity", "lead", "activity", "contract", "payment", "contact", "rep")
_ACCOUNT_OF = ("account", "opportunity", "activity", "contract", "payment", "contact", "quote")
SHOWN_ATTRIBUTES: dict[str, dict[str, str]] = {
    "status": {"contract": "c.status", "lead": "l.status", "payment": "p.status", "account": "a.status",
               "opportunity": "o.stage", "product": "pr.is_active", "rep": "s.is_active"},
    "owner": dict.fromkeys(("account", "opportunity", "lead", "activity", "contract", "payment", "contact", "quote", "rep"),
                           "s.name"),
    "stage": {"opportunity": "o.stage"},
    "region": dict.fromkeys(_REGION_OF, "r.name_zh"),
    "account": dict.fromkeys(("opportunity", "activity", "contract", "payment", "contact", "quote"), "a.name"),
    "phone": {"contact": "ct.phone", "lead": "l.phone"},
    "email": {"contact": "ct.email", "rep": "s.email"},
    "days_overdue": {"payment": "{days_overdue}"},
    "amount": {"opportunity": "o.amount", "contract": "c.amount", "payment": "p.amount_due", "quote": "qt.total_amount",
               "lead": "l.budget", "product": "pr.list_price"},
    "amount_paid": {"payment": "p.amount_paid"},
    "amount_owed": {"payment": "p.amount_due - p.amount_paid"},
    "budget": {"lead": "l.budget"},
    "source": {"lead": "l.source"},
    "city": dict.fromkeys(("account", "opportunity", "activity", "contract", "payment", "contact", "quote"), "a.city"),
    "closed": {"opportunity": "o.closed_at"},
    "created": {"opportunity": "o.created_at", "lead": "l.created_at", "account": "a.created_at", "quote": "qt.created_at"},
    "signed": {"contract": "c.signed_at"},
    "paid_at": {"payment": "p.paid_at"},
    "due": {"payment": "p.due_date"},
    "expected_close": {"opportunity": "o.expected_close_date"},
    "title": {"contact": "ct.title"},
    "class": dict.fromkeys(("account", "opportunity", "activity", "contract", "payment", "contact", "quote"),
                           "a.customer_class"),
    "hired": {"rep": "s.hired_on"},
    "loss_reason": {"opportunity": "o.loss_reason"},
    # asked for by name in a list of columns ("deal name, account, owner, amount and win probability")
    "opportunity": dict.fromkeys(("opportunity", "quote", "activity", "contract"), "o.name"),
    "company": {**dict.fromkeys(("opportunity", "activity", "contract", "payment", "contact", "quote"), "a.name"),
                "lead": "l.company_name", "account": "a.name"},
    "contact": {"lead": "l.contact_name", "contact": "ct.name"},
    "industry": {**dict.fromkeys(_ACCOUNT_OF, "a.industry"), "lead": "l.industry"},
    "grade": dict.fromkeys(_ACCOUNT_OF, "a.hospital_grade"),
    "account_status": dict.fromkeys(_ACCOUNT_OF, "a.status"),
    "account_type": dict.fromkeys(_ACCOUNT_OF, "a.account_type"),
    "annual_revenue": dict.fromkeys(_ACCOUNT_OF, "a.annual_revenue"),
    "province": dict.fromkeys(_ACCOUNT_OF, "a.province"),
    "probability": {"opportunity": "o.probability"},
    "team": {"rep": "t.name", **dict.fromkeys(("account", "opportunity", "lead", "activity", "contract", "payment"), "t.name")},
    "department": {"contact": "ct.department"},
    "type": {"activity": "x.type", "account": "a.account_type"},
    "duration": {"activity": "x.duration_min"},
    "occurred": {"activity": "x.occurred_at", "payment": "p.paid_at"},
    "first_contact": {"lead": "l.first_contact_at"},
    "summary": {"activity": "x.summary"},
    "stage_entered": {"opportunity": "o.stage_entered_at"},
    "id": {"payment": "p.id", "activity": "x.id", "quote": "qt.id", "contract": "c.id", "opportunity": "o.id",
           "account": "a.id", "lead": "l.id", "contact": "ct.id"},
    "contract_no": {"contract": "c.contract_no", "payment": "c.contract_no"},
    "payment_terms": {"contract": "c.payment_terms_days"},
    "version": {"quote": "qt.version"},
    "sku": {"product": "pr.sku"},
    "cost": {"product": "pr.unit_cost"},
    "product_line": {"product": "pr.product_line"},
    "on_sale": {"product": "pr.is_active"},
    "decision_maker": {"contact": "ct.is_decision_maker"},
}

# Dialect differences as data: expressions the compiler substitutes, per sqlglot dialect name.
DIALECT_SNIPPETS: dict[str, dict[str, str]] = {
    "sqlite": {
        "hours_to_first_contact": "(julianday(l.first_contact_at) - julianday(l.created_at)) * 24",
        "days_since_stage": "julianday('{today}') - julianday(o.stage_entered_at)",
        "days_overdue": "CAST(julianday('{today}') - julianday(p.due_date) AS INTEGER)",
        "day": "strftime('%Y-%m-%d', {col})",
        "week": "strftime('%Y-%m-%d', {col}, 'weekday 0', '-6 days')",
        "month": "strftime('%Y-%m', {col})",
        "quarter": "strftime('%Y', {col}) || '-Q' || ((CAST(strftime('%m', {col}) AS INTEGER) + 2) / 3)",
        "year": "strftime('%Y', {col})",
    },
    "postgres": {
        "hours_to_first_contact": "EXTRACT(EPOCH FROM (l.first_contact_at - l.created_at)) / 3600",
        "days_since_stage": "EXTRACT(EPOCH FROM (CAST('{today}' AS TIMESTAMP) - o.stage_entered_at)) / 86400",
        "days_overdue": "CAST('{today}' AS DATE) - CAST(p.due_date AS DATE)",
        "day": "TO_CHAR({col}, 'YYYY-MM-DD')",
        "week": "TO_CHAR(DATE_TRUNC('week', {col}), 'YYYY-MM-DD')",
        "month": "TO_CHAR({col}, 'YYYY-MM')",
        "quarter": "TO_CHAR({col}, 'YYYY') || '-Q' || TO_CHAR({col}, 'Q')",
        "year": "TO_CHAR({col}, 'YYYY')",
    },
    "mysql": {
        "hours_to_first_contact": "TIMESTAMPDIFF(SECOND, l.created_at, l.first_contact_at) / 3600",
        "days_since_stage": "TIMESTAMPDIFF(SECOND, o.stage_entered_at, '{today}') / 86400",
        "days_overdue": "DATEDIFF('{today}', p.due_date)",
        "day": "DATE_FORMAT({col}, '%Y-%m-%d')",
        "week": "DATE_FORMAT(DATE_SUB({col}, INTERVAL WEEKDAY({col}) DAY), '%Y-%m-%d')",
        "month": "DATE_FORMAT({col}, '%Y-%m')",
        "quarter": "CONCAT(DATE_FORMAT({col}, '%Y'), '-Q', FLOOR((MONTH({col}) + 2) / 3))",
        "year": "DATE_FORMAT({col}, '%Y')",
    },
}
DIALECT_SNIPPETS["trino"] = {
    "hours_to_first_contact": "DATE_DIFF('second', l.created_at, l.first_contact_at) / 3600.0",
    "days_since_stage": "DATE_DIFF('second', o.stage_entered_at, TIMESTAMP '{today} 00:00:00') / 86400.0",
    "days_overdue": "DATE_DIFF('day', p.due_date, DATE '{today}')",
    "day": "DATE_FORMAT({col}, '%Y-%m-%d')",
    "week": "DATE_FORMAT(DATE_TRUNC('week', {col}), '%Y-%m-%d')",
    "month": "DATE_FORMAT({col}, '%Y-%m')",
    "quarter": "DATE_FORMAT({col}, '%Y') || '-Q' || CAST(FLOOR((MONTH({col}) + 2) / 3) AS VARCHAR)",
    "year": "DATE_FORMAT({col}, '%Y')",
}
DIALECT_SNIPPETS["clickhouse"] = {
    "hours_to_first_contact": "dateDiff('second', l.created_at, l.first_contact_at) / 3600",
    "days_since_stage": "dateDiff('second', o.stage_entered_at, toDateTime('{today} 00:00:00')) / 86400",
    "days_overdue": "dateDiff('day', p.due_date, toDate('{today}'))",
    "day": "formatDateTime({col}, '%Y-%m-%d')",
    "week": "formatDateTime(toMonday({col}), '%Y-%m-%d')",
    "month": "formatDateTime({col}, '%Y-%m')",
    "quarter": "concat(formatDateTime({col}, '%Y'), '-Q', toString(floor((toMonth({col}) + 2) / 3)))",
    "year": "formatDateTime({col}, '%Y')",
}

# Words that name an entity's owner column: who a row "belongs to" for row-level security and "my ...".
OWNER_COLUMN = {"account": "a.owner_id", "opportunity": "o.owner_id", "lead": "l.owner_id", "activity": "x.owner_id",
                "contract": "c.owner_id", "payment": "c.owner_id", "contact": "a.owner_id", "rep": "s.id",
                "quote": "o.owner_id"}

# Conditions a question names with one word ("open deals", "逾期"), as SQL over the aliases.
FLAGS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    # code: (condition, label_zh, label_en, words)
    "open": (OPEN, "未关闭", "open", ("未关闭", "还没关闭", "没关闭", "还没关单", "没关单", "未关单", "没关掉", "还没关的", "没关的", "进行中", "在跟",
                                   "在途", "未成交", "跟进中", "open",
                                   "active deals", "active opportunities", "in progress", "ongoing")),
    "closed": ("o.stage IN ('closed_won', 'closed_lost')", "已关闭", "closed", ("已关闭", "已结束", "关闭的", "关闭", "closed")),
    # whether an installment has fallen due, paid or not: "已经到期的分期款", "not yet due"
    "due_passed": ("p.due_date < '{today}'", "已到期", "already due", ()),
    "not_yet_due": ("p.due_date >= '{today}'", "未到期", "not yet due", ("aren't due yet", "isn't due yet",
                                                                            "not due yet")),
    "overdue": ("p.due_date < '{today}' AND p.amount_paid < p.amount_due", "逾期", "overdue",
                ("逾期", "超期", "过期未付", "overdue", "past due", "late")),
    "unpaid": ("p.amount_paid < p.amount_due", "未结清", "unpaid", ("未回款", "还没收齐", "没收齐", "未收齐", "还没收回来", "还没收回", "还没付清", "没付清", "没还清", "没回的", "没收的", "还没收", "没收", "未结清", "未付清", "待回款", "未收回",
                                                                "没收回来", "没收回", "未收", "unpaid", "outstanding",
                                                                "not fully paid", "haven't yet been paid in full",
                                                                "haven't been paid in full", "not paid in full",
                                                                "not paid", "aren't paid in full", "isn't paid in full", "aren't paid", "isn't paid", "haven't been paid",
                                                                "hasn't been paid", "not been paid", "not yet paid")),
    "decision_maker": ("ct.is_decision_maker = TRUE", "决策人", "decision maker", ("决策人", "关键人", "拍板的人", "拍板人", "能拍板的", "decision makers",
                                                                                 "decision maker", "decision-maker")),
    "not_decision_maker": ("ct.is_decision_maker = FALSE", "非决策人", "not a decision maker", (
        "非决策人", "不是决策人", "没标决策人", "没标成决策人", "没有标决策人", "没标记为决策人", "未标记为决策人", "未标为决策人",
        "not flagged as decision makers", "not flagged as a decision maker", "aren't flagged as decision makers",
        "isn't flagged as a decision maker", "aren't decision makers", "isn't a decision maker", "not marked as decision makers", "not decision makers",
        "not a decision maker", "non-decision makers", "non-decision-makers", "non decision makers")),
    # "本周新来的线索里已经联系上的": a first contact is logged (the lead's status may still say new)
    "contacted": ("l.first_contact_at IS NOT NULL", "已联系上", "contacted", ("已经联系上", "已联系上",
                                                                            "have been contacted", "has been contacted",
                                                                            "were contacted", "got a first contact")),
    "never_contacted": ("l.first_contact_at IS NULL", "从未联系", "never contacted", ("从来没联系过", "从未联系过",
                                                                                   "从未联系", "还没联系", "未联系",
                                                                                   "没人联系过", "没人联系",
                                                                                   "never contacted", "never-contacted",
                                                                                   "no first contact time",
                                                                                   "no first contact",
                                                                                   "not contacted yet", "uncontacted",
                                                                                   "nobody has contacted yet",
                                                                                   "nobody has contacted",
                                                                                   "no one has contacted")),
    "rep_active": ("s.is_active = TRUE", "在职", "active", ("在职", "还在职", "active sales reps", "active salespeople", "去掉已离职的", "去掉离职的", "不算离职的",
                                                         "不含离职", "active reps", "current reps", "excluding inactive",
                                                         "exclude inactive", "without former")),
    "rep_inactive": ("s.is_active = FALSE", "已离职", "inactive", ("已离职", "离职", "不在职", "no longer active", "no longer with us",
                                                                 "no longer with the company", "inactive", "left the company")),
    "product_active": ("pr.is_active = TRUE", "在售", "on sale", ("在售", "在卖", "上架", "active products",
                                                                "on sale")),
    "product_inactive": ("pr.is_active = FALSE", "停售", "discontinued", ("已经停售", "已停售", "停售", "下架", "不卖了", "discontinued",
                                                                        "inactive products")),
    "effective": ("x.is_effective = TRUE", "有效", "effective", ("有效", "effective")),
    "ineffective": ("x.is_effective = FALSE", "无效", "not effective", ("标成无效", "标记为无效", "无效", "ineffective",
                                                                       "not effective", "invalid")),
    # a follow-up logged against a deal, or only against the account
    "linked_deal": ("x.opportunity_id IS NOT NULL", "关联商机", "tied to a deal", (
        "挂了商机", "挂在商机上", "挂商机", "关联了商机", "关联商机", "挂了deal", "tied to a deal", "tied to deals",
        "linked to a deal", "linked to deals", "attached to a deal", "logged against a deal")),
    "no_linked_deal": ("x.opportunity_id IS NULL", "未关联商机", "not tied to a deal", (
        "没挂商机", "没有挂商机", "没关联商机", "没有关联商机", "未关联商机", "not tied to any deal", "not tied to a deal",
        "not linked to any deal", "not linked to a deal", "weren't tied to a deal", "weren't tied to any deal")),
    "poc": ("o.poc_provided = TRUE", "做过POC", "POC provided", ("做过poc", "提供了poc", "有poc", "a poc has been provided", "poc has been provided",
                                                                "poc was provided", "poc provided", "poc", "试用装机")),
    "demo": ("o.demo_scheduled = TRUE", "安排了演示", "demo scheduled", ("安排了演示", "约了演示", "演示也约了", "演示约了", "演示已约", "演示已经约了", "a demo was scheduled",
                                                                   "demo was scheduled", "demo has been scheduled",
                                                                   "with a demo scheduled", "demo scheduled", "a demo is scheduled",
                                                                   "demo is scheduled", "a demo scheduled")),
    "budget_confirmed": ("o.budget_confirmed = TRUE", "预算已确认", "budget confirmed", ("预算已确认", "确认了预算",
                                                                                     "已经确认预算", "确认预算",
                                                                                     "budget confirmed")),
    # The same facts, negated: "还没约演示", "没给POC", "预算还没确认", "haven't had a POC yet".
    "no_poc": ("o.poc_provided = FALSE", "没做POC", "no POC", ("还没做过poc", "没做过poc", "没做poc", "没给poc", "没有poc",
                                                             "还没poc", "haven't had a poc yet", "haven't had a poc",
                                                             "no poc yet", "no poc", "without a poc")),
    "no_demo": ("o.demo_scheduled = FALSE", "未约演示", "no demo scheduled", ("还没约演示", "没约演示", "没安排演示",
                                                                          "还没安排演示", "未约演示", "no demo scheduled",
                                                                          "no demo yet", "no demo has been scheduled yet",
                                                                          "no demo has been scheduled",
                                                                          "no demo scheduled yet")),
    "budget_unconfirmed": ("o.budget_confirmed = FALSE", "预算未确认", "budget not confirmed", (
        "预算还没确认", "预算没确认", "预算未确认", "还没确认预算", "没确认预算", "budget still not confirmed",
        "budget not confirmed", "budget still unconfirmed",
        "budget hasn't been confirmed", "unconfirmed budget", "don't have a confirmed budget",
        "doesn't have a confirmed budget", "no confirmed budget", "budget isn't confirmed", "budget not yet confirmed",
        "budget hasn't been confirmed yet", "budget still isn't confirmed")),
}
FLAGS.update({
    "assigned": ("l.owner_id IS NOT NULL", "已分配", "assigned", ("已经分配了", "已分配了", "已经分配的", "已分配的", "已分配", "分配了的", "分配出去的", "already have an owner", "already has an owner",
                                                              "have an owner", "has an owner", "已经分了人", "分了人",
                                                              "分配了人", "有负责人的", "有人负责的", "已经分配了负责人", "分配了负责人",
                                                              "assigned leads", "leads that are assigned",
                                                              "leads that have an owner", "with an owner")),
    # a contract is paid in full when it has installments and none of them is still owed
    "fully_paid": ("EXISTS (SELECT 1 FROM payment pf WHERE pf.contract_id = c.id) AND NOT EXISTS (SELECT 1 FROM payment pf "
                   "WHERE pf.contract_id = c.id AND pf.amount_paid < pf.amount_due)", "已全部回款", "paid in full",
                   ("全部收齐款", "已经全部收齐款", "款已全部收齐", "款已收齐", "已收齐款", "收齐款", "款项全部收齐", "全部回款完",
                    "钱都收齐了", "款都收齐了", "全部付清", "已全部付清", "been paid in full", "been fully paid",
                    "are fully paid", "is fully paid", "fully paid contracts", "fully paid", "paid in full")),
    # paid, but on a day after the due date ("付款晚于应收日期"); paid on the due day itself is on time
    "paid_late": ("p.paid_at IS NOT NULL AND DATE(p.paid_at) > p.due_date", "逾期才付款", "paid late",
                  ("付款晚于应收日期", "晚于应收日期付款", "付款晚于到期日", "晚于到期日付款", "过了到期日才付款", "过了到期日才付",
                   "逾期才付款", "逾期后才付款", "逾期才回款", "paid late", "paid after the due date", "paid after their due date",
                   "paid after its due date", "paid past the due date", "late payments", "late payment")),
    "no_contract": ("NOT EXISTS (SELECT 1 FROM contract cn WHERE cn.account_id = a.id)", "没有合同", "no contract",
                    ("没签过合同", "没有签过合同", "没有合同", "未签合同", "no contracts", "no contract",
                     "without a contract", "without contracts")),
    # a closed deal's expected date passing means nothing: only open deals are late to close
    "past_expected_close": ("o.expected_close_date < '{today}' AND " + OPEN, "已过预计成交日期", "past expected close date",
                            ("预计关闭日期已经过了", "预计成交日期已经过了", "预计关闭日期已过", "预计成交日期已过",
                             "过了预计成交日期", "past their expected close date", "past the expected close date")),
    "no_deal": ("NOT EXISTS (SELECT 1 FROM opportunity od WHERE od.account_id = a.id)", "没有商机", "no opportunity",
                ("从来没有过商机", "没有过商机", "没有任何商机", "没有商机", "无商机", "no opportunities", "no opportunity",
                 "no deals", "without any opportunity", "without opportunities", "without any deals",
                 "without any opportunities", "without any deal", "without a deal", "without deals")),
    "no_open_deal": (f"NOT EXISTS (SELECT 1 FROM opportunity od WHERE od.account_id = a.id AND {NOT_OPEN_OD})",
                     "没有在跟商机", "no open opportunity",
                     ("没有在跟商机", "没有未关闭的商机", "没有进行中的商机", "no open opportunity", "no open opportunities",
                      "no open deals", "without open deals", "without an open opportunity")),
    "no_decision_maker": ("NOT EXISTS (SELECT 1 FROM contact cd WHERE cd.account_id = a.id AND cd.is_decision_maker = "
                          "TRUE)", "没有决策人", "no decision maker",
                          ("没有一个联系人标成决策人", "没有联系人标成决策人", "没有一个联系人是决策人", "没有一个决策人", "没有任何决策人联系人", "没有任何决策人", "没有决策人联系人", "没有决策人", "没决策人", "无决策人", "no decision maker", "no decision makers",
                           "without a decision maker", "without a decision-maker contact",
                           "without a decision maker contact", "no decision-maker contact", "no decision maker contact",
                           "have no decision-maker contact", "have no decision maker contact")),
    # "有决策人的医院": the account has a contact flagged as a decision maker
    "has_decision_maker": ("EXISTS (SELECT 1 FROM contact cd WHERE cd.account_id = a.id AND cd.is_decision_maker = "
                           "TRUE)", "有决策人", "has a decision maker",
                           ("有决策人", "有关键人", "录了决策人", "录过决策人", "登记了决策人", "有决策人联系人", "决策人齐全",
                            "have a decision maker", "has a decision maker", "have at least one decision maker",
                            "has at least one decision maker", "have a decision-maker", "has a decision-maker",
                            "have any decision maker", "has any decision maker", "with a decision maker on file",
                            "have a decision maker on file", "has a decision maker on file")),
    # "跟决策人的跟进": the follow-up was with a decision-maker contact (said as 决策人 of follow-ups)
    "with_decision_maker": ("x.contact_id IN (SELECT cd.id FROM contact AS cd WHERE cd.is_decision_maker = TRUE)",
                            "与决策人", "with a decision maker", ()),
})
FLAG_ENTITY = {"fully_paid": "contract", "paid_late": "payment", "has_decision_maker": "account", "with_decision_maker": "activity", "due_passed": "payment", "not_yet_due": "payment", "assigned": "lead", "no_contract": "account", "product_inactive": "product", "past_expected_close": "opportunity", "no_deal": "account", "no_open_deal": "account", "no_decision_maker": "account", "decision_maker": "contact", "not_decision_maker": "contact", "never_contacted": "lead", "contacted": "lead", "rep_active": "rep", "rep_inactive": "rep",
               "product_active": "product", "effective": "activity", "ineffective": "activity", "linked_deal": "activity", "no_linked_deal": "activity", "poc": "opportunity", "demo": "opportunity", "no_poc": "opportunity",
               "no_demo": "opportunity", "budget_unconfirmed": "opportunity",
               "budget_confirmed": "opportunity", "overdue": "payment", "unpaid": "payment", "open": "opportunity",
               "closed": "opportunity"}

# Every entity that reaches the owning rep also reaches the rep's own region ("华东团队": reps in East China).
for _code, _joins in list(JOINS.items()):
    if any(a == "s" for a, _ in _joins) and not any(a == "rr" for a, _ in _joins):
        JOINS[_code] = (*_joins, ("rr", "rr.id = s.region_id"))
