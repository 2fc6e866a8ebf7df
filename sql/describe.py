"""How a plan is said back to the user: a short bilingual description shown with every answer."""

from __future__ import annotations

from dataclasses import replace

from crm.demo.geo import REGIONS
from sql.compiler import window_time_code
from sql.names import NameIndex
from sql.plan import Filter, FollowUp, LeadOrigin, QueryPlan
from sql.semantic import DIMENSIONS, ENTITIES, FLAGS, MEASURES, TIME_DIMENSIONS

REGION_ZH = {code: zh for code, zh, _en, _share in REGIONS}
OPS = {"eq": "=", "neq": "≠", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "in": "∈", "between": "∈ "}


# What a (missing) related record is called in the interpretation line.
RELATED = {"activity": ("跟进", "follow-up"), "won": ("赢单", "won deal"), "lost": ("输单", "lost deal"), "opportunity": ("商机", "opportunity"),
           "open_opportunity": ("在跟商机", "open deal"), "contract": ("合同", "contract"),
           "active_contract": ("执行中合同", "active contract"),
           "payment": ("回款", "payment received"), "overdue_payment": ("逾期账款", "overdue payment"),
           "unpaid_payment": ("未结清分期", "installment not paid in full"),
           "account_contract": ("客户合同", "contract on the account"), "quote": ("报价", "quote"),
           "account_active_contract": ("客户执行中合同", "active contract on the account"),
           "lead": ("线索", "lead"), "converted_lead": ("已转化线索", "converted lead"),
           "contact": ("联系人", "contact")}


def _value(f: Filter) -> str:
    dim = DIMENSIONS.get(f.dimension)
    values = f.value if isinstance(f.value, tuple) else (f.value,)
    if dim is not None and dim.values is not None:
        return "/".join(dim.values[v][0] if v in dim.values else str(v) for v in values)
    if f.dimension in ("region", "team_region"):
        return "/".join(REGION_ZH.get(str(v), str(v)) for v in values)
    if isinstance(f.value, float):
        return f"{f.value:,.0f}"
    return "/".join(str(v) for v in values)


def _filter(f: Filter, names: NameIndex | None = None) -> str:
    if f.dimension == "flag":
        _c, zh, en, _w = FLAGS[str(f.value)]
        return f"{zh} ({en})"
    if f.op == "is_null" and f.dimension == "owner_missing":
        return "未分配 (unassigned)"
    if f.op == "is_null":
        empty = DIMENSIONS[f.dimension]
        return f"{empty.label_zh}为空 (no {empty.label_en})"
    if f.op == "not_null" and f.dimension in DIMENSIONS:
        filled = DIMENSIONS[f.dimension]
        return f"已填{filled.label_zh} ({filled.label_en} filled in)"
    if f.dimension == "response_hours" and f.op == "not_within":
        return f"{f.value} 小时内未联系上 (not contacted within {f.value} hours)"
    if f.dimension == "response_hours" and f.op == "within":
        return f"{f.value} 小时内联系上 (contacted within {f.value} hours)"
    if f.dimension == "response_hours":
        return f"首次联系晚于 {f.value} 小时 (first contact after {f.value} hours)"
    if f.dimension == "from_lead":
        origin = f.value if isinstance(f.value, LeadOrigin) else LeadOrigin()
        source = "" if origin.source == "any" else f"：{_value(replace(f, dimension='lead_source', value=origin.source))}"
        when = f"，线索创建于{origin.window.label}" if origin.window else ""
        if f.op == "neq":
            return f"不是线索转化而来{source}{when} (not converted from a lead)"
        return f"线索转化而来{source}{when} (converted from a lead)"
    dim = DIMENSIONS.get(f.dimension)
    name = f"{dim.label_zh}" if dim else f.dimension
    if f.dimension in ("rep", "account", "product", "team", "contract", "contact"):
        ids = f.value if isinstance(f.value, tuple) else (f.value,)
        shown = [(names.label(f.dimension, i) if names else None) or f"#{i}" for i in ids]
        kind = {"rep": "业务员", "account": "客户", "product": "产品", "team": "团队", "contract": "合同",
                "contact": "联系人"}[f.dimension]
        return f"{kind}{'=' if len(ids) == 1 else '∈'}{'/'.join(shown)}"
    return f"{name}{OPS.get(f.op, f.op)}{_value(f)}"


def _related(fu: FollowUp, names: NameIndex | None) -> str:
    w = fu.window
    zh, en = RELATED.get(fu.target, RELATED["activity"])
    kinds = f"[{'/'.join(fu.kinds)}]" if fu.kinds else ""
    if fu.count is not None:
        op = {"eq": "=", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}[fu.count[0]]
        unit = "次数" if fu.target == "activity" else "个数"
        return (f"{zh}{kinds}{unit}{op}{fu.count[1]} (number of {en}s {op} {fu.count[1]}): {w.label} "
                f"[{w.start or '…'}, {w.end or 'now'})")
    product = f"，{_filter(fu.product, names)}" if fu.product is not None else ""
    product += f"，{_filter(fu.amount, names)}" if fu.amount is not None else ""
    if fu.by is not None:  # "戴文博上门拜访了哪些客户": only the follow-ups that rep logged
        product += f"，跟进人={(names.label('rep', fu.by) if names else None) or f'#{fu.by}'}"
    return (f"{'有' if fu.done else '没有'}{zh}{kinds}{product} ({'with' if fu.done else 'without'} {en}): {w.label} "
            f"[{w.start or '…'}, {w.end or 'now'})")


SHOWN_LABELS = {"o.loss_reason": "输单原因 (loss reason)", "c.status": "状态 (status)", "l.status": "状态 (status)", "p.status": "状态 (status)",
                "a.status": "状态 (status)", "pr.is_active": "在售 (on sale)", "s.is_active": "在职 (active)",
                "s.name": "负责人 (owner)", "r.name_zh": "区域 (region)", "o.stage": "阶段 (stage)",
                "a.name": "客户 (account)", "ct.phone": "电话 (phone)", "l.phone": "电话 (phone)",
                "ct.email": "邮箱 (email)", "{days_overdue}": "逾期天数 (days overdue)",
                "o.amount": "金额 (amount)", "c.amount": "金额 (amount)", "p.amount_due": "应收金额 (amount due)",
                "qt.total_amount": "金额 (amount)", "l.budget": "预算 (budget)", "a.annual_revenue": "年营收 (annual revenue)", "s.hired_on": "入职日期 (hire date)", "pr.list_price": "标价 (list price)",
                "p.amount_paid": "实收金额 (amount paid)", "p.amount_due - p.amount_paid": "未收金额 (still owed)",
                "l.source": "来源 (source)", "a.city": "城市 (city)", "o.closed_at": "关闭时间 (closed)",
                "o.created_at": "创建时间 (created)", "l.created_at": "创建时间 (created)", "a.created_at": "创建时间 (created)",
                "qt.created_at": "创建时间 (created)", "c.signed_at": "签约时间 (signed)", "p.paid_at": "回款时间 (paid)",
                "p.due_date": "到期日 (due)", "o.expected_close_date": "预计成交日期 (expected close)",
                "ct.title": "职位 (title)"}


def describe(plan: QueryPlan, names: NameIndex | None = None) -> str:
    """The plan in words; with the name index, reps and accounts by name."""
    ent = ENTITIES[plan.entity]
    parts = [f"{ent.label_zh} ({ent.label_en})"]
    if plan.measure:
        m = MEASURES[plan.measure]
        parts.append(f"{m.label_zh} ({m.label_en})")
    if plan.share_of or plan.share_follow_up:
        part = [_filter(f, names) for f in plan.share_of]
        if plan.share_follow_up and plan.follow_up is not None:
            part.append(_related(plan.follow_up, names))
        parts.append("其中 (part): " + " · ".join(part))
    parts += [_filter(f, names) for f in plan.filters]
    if plan.window:
        time_code = window_time_code(plan, MEASURES.get(plan.measure) if plan.measure else None)
        td = TIME_DIMENSIONS.get(time_code or "")
        parts.append(f"{td.label_zh if td else '时间'}: {plan.window.label} "
                     f"[{plan.window.start or '…'}, {plan.window.end or 'now'})")
    for fu in (None if plan.share_follow_up else plan.follow_up, *plan.more_related):
        if fu is not None:
            parts.append(_related(fu, names))
    if plan.also:
        parts.append("并列 (also): " + "、".join(f"{MEASURES[m].label_zh} ({MEASURES[m].label_en})" for m in plan.also))
    if plan.group_by:
        parts.append("按 " + "、".join(DIMENSIONS[g].label_zh for g in plan.group_by))
    if plan.entity == "opportunity" and {"product", "product_line"} & set(plan.group_by):
        parts.append("含多个产品的商机计入每个产品(线) (a deal with several products counts for each)")
    if plan.having is not None:
        value = plan.having.value
        rate = plan.measure in MEASURES and MEASURES[str(plan.measure)].kind == "rate"
        shown = f"{float(str(value)):.0%}" if rate else f"{value:,.0f}" if isinstance(value, float) else str(value)
        if isinstance(value, tuple):  # a range: "5万到80万之间"
            shown = "–".join(f"{float(str(v)):.0%}" if rate else f"{float(str(v)):,.0f}" for v in value)
        averaged = plan.measure in MEASURES and MEASURES[str(plan.measure)].expr.startswith("AVG(")
        said = "比率 (rate)" if rate else "平均 (average)" if averaged else "合计 (total)"
        parts.append(f"{said} {OPS.get(plan.having.op, plan.having.op)}{shown}")
    if plan.count_groups:
        parts.append("计数 (how many)")
    if plan.top_n and plan.sort is not None and plan.sort == ENTITIES[plan.entity].default_time:
        newest = (plan.order or "desc") == "desc"
        parts.append(f"{'最新' if newest else '最早'} {plan.top_n} ({'newest' if newest else 'oldest'} {plan.top_n})")
    elif plan.top_n:
        parts.append(f"{'前' if (plan.order or 'desc') == 'desc' else '后'} {plan.top_n}")
    if plan.total_of_groups:
        parts.append("加总 (combined)" if plan.group_by else "只算这几条 (over these records only)")
    if plan.show:
        parts.append("显示 (shows): " + "、".join(SHOWN_LABELS.get(c, c) for c in plan.show))
    if plan.of_records is not None:
        parts.append(f"有这些记录的客户 (accounts with these records): [{describe(plan.of_records, names)}]")
    parts += list(plan.notes)
    return " · ".join(parts)
