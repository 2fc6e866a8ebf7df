"""Compile a `QueryPlan` into a sqlglot SELECT for one dialect, from the semantic layer's fragments.

Fragments (columns, join conditions, measure expressions) are trusted text from `sql.semantic`, parsed with
sqlglot; every value that came from the question enters the tree as a typed literal node, never as text.
The result still goes through `sql.validator` before it runs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time
from functools import lru_cache
from typing import cast

import sqlglot
from sqlglot import exp

from sql.errors import CompileError
from sql.plan import Filter, FollowUp, LeadOrigin, QueryPlan, TimeWindow
from sql.semantic import (
    DIALECT_SNIPPETS,
    DIMENSIONS,
    ENTITIES,
    FLAG_ENTITY,
    FLAGS,
    JOINS,
    MEASURES,
    OPEN,
    SHOWN_ATTRIBUTES,
    TABLE_OF_ALIAS,
    TIME_DIMENSIONS,
    TIME_GROUPS,
    record_aggregate,
)

SQLGLOT_DIALECT = {"sqlite": "sqlite", "postgresql": "postgres", "postgres": "postgres", "mysql": "mysql",
                   "mariadb": "mysql", "trino": "trino", "clickhouse": "clickhouse"}
ALIAS_RE = re.compile(r"\b(a|o|l|x|c|p|ct|pr|pl|s|t|r|rr)\.")
OUTPUT_NAME = {"a.name": "account", "o.name": "opportunity", "l.company_name": "company", "x.id": "activity_id",
               "c.contract_no": "contract_no", "p.id": "payment_id", "ct.name": "contact", "pr.name": "product",
               "s.name": "rep", "r.name_zh": "region", "t.name": "team", "qt.id": "quote_id"}


@lru_cache(maxsize=4096)
def _parsed(text: str, dialect: str) -> exp.Expr:
    """Semantic-layer fragments are few and fixed: parse each once (callers get a copy)."""
    return sqlglot.parse_one(text, read=dialect)


class _Ctx:
    def __init__(self, plan: QueryPlan, dialect: str, today: date) -> None:
        self.plan = plan
        self.dialect = SQLGLOT_DIALECT.get(dialect, dialect)
        self.today = today
        self.aliases: set[str] = set()

    def frag(self, text: str) -> exp.Expr:
        snippets = DIALECT_SNIPPETS.get(self.dialect, DIALECT_SNIPPETS["sqlite"])
        text = re.sub(r"\{(hours_to_first_contact|days_since_stage|days_overdue)\}", lambda m: snippets[m.group(1)], text)
        text = text.replace("{today}", self.today.isoformat())
        self.aliases.update(ALIAS_RE.findall(text))
        return _parsed(text, self.dialect).copy()

    def column(self, dim_code: str) -> str:
        dim = DIMENSIONS[dim_code]
        for entity, col in dim.per_entity:
            if entity == self.plan.entity:
                return col
        if dim_code == "owner_missing":
            from sql.semantic import OWNER_COLUMN

            return OWNER_COLUMN[self.plan.entity]
        return dim.column


def compile_plan(plan: QueryPlan, dialect: str, today: date) -> exp.Select:
    """The SELECT answering `plan` in `dialect` (sqlite, postgresql, mysql, trino, clickhouse)."""
    if plan.entity not in ENTITIES:
        raise CompileError(f"未知对象: {plan.entity}", f"unknown entity: {plan.entity}")
    if plan.total_of_groups and not plan.group_by and plan.measure in MEASURES and plan.top_n:
        # "这十单加起来多少钱": the ranked records keep their order and LIMIT inside; their summed column is added
        # up outside
        over = record_aggregate(plan.measure)
        if over is None:
            raise CompileError("这个数字不能只按这几条记录计算", "that figure cannot be worked out over these records alone")
        inner = compile_plan(replace(plan, measure=None, total_of_groups=False), dialect, today)
        inner = inner.select(exp.alias_(exp.column(*reversed(over[1].split("."))), "value"), append=True, copy=False)
        figure = {"SUM": exp.Sum, "AVG": exp.Avg, "MIN": exp.Min, "MAX": exp.Max}[over[0]]
        return exp.select(exp.alias_(figure(this=exp.column("value")), "value")).from_(inner.subquery("t"))
    deals = None
    if plan.entity == "product":
        plan, deals = _products_of_deals(plan, dialect, today)
    ctx = _Ctx(plan, dialect, today)
    ent = ENTITIES[plan.entity]
    measure = MEASURES.get(plan.measure) if plan.measure else None
    if measure is not None and measure.entity not in ("*", plan.entity):
        raise CompileError(f"{measure.label_zh}不适用于{ent.label_zh}",
                           f"{measure.label_en} does not apply to {ent.label_en}")
    if plan.measure == "units_sold" and {"product", "product_line"} & set(plan.group_by):
        # units per product count that product's own lines (the line entity), never every line of its deals
        raise CompileError("按产品统计销量请问“各产品卖了多少件”", "ask 'units sold per product' for units by product")
    conditions = [_filter(ctx, f) for f in plan.filters]
    if plan.entity == "rep" and all(f.dimension != "role" for f in plan.filters):
        conditions.append(ctx.frag("s.role = 'rep'"))  # 业务员/reps are the people who sell, not their managers
    if measure is not None:
        conditions += [ctx.frag(w) for w in measure.where]
    if plan.window is not None:
        time_code = window_time_code(plan, measure)
        if time_code is None:
            raise CompileError(f"{ent.label_zh}没有可按时间筛选的字段", f"{ent.label_en} has no time to filter by")
        conditions += _window(ctx, time_code, plan.window)
        if time_code == "o.expected_close_date" and not any(f.dimension in ("stage", "flag") for f in plan.filters):
            conditions.append(ctx.frag(OPEN))  # only open deals are still expected to close
    for related in (None if plan.share_follow_up else plan.follow_up, *plan.more_related):
        if related is not None:
            conditions.append(_follow_up(ctx, plan.entity, related))
    if deals is not None:
        conditions.append(deals)
    if plan.of_records is not None:
        conditions.append(_accounts_of(plan.of_records, dialect, today))
    select = _projection(ctx, plan, measure)
    select = select.from_(exp.alias_(exp.to_table(TABLE_OF_ALIAS[ent.alias]), ent.alias, table=True), copy=False)
    for alias, on in _joins(ctx, ent.alias):
        select = select.join(exp.alias_(exp.to_table(TABLE_OF_ALIAS[alias]), alias, table=True),
                             on=sqlglot.condition(on, dialect=ctx.dialect), join_type="left", copy=False)
    if conditions:
        select = select.where(exp.and_(*conditions), copy=False)
    if plan.count_groups:
        # "赢单金额过千万的业务员有几个": how many groups pass the HAVING, counted over the grouped query
        select.set("order", None)
        # "逾期超过60万的客户，每个大区各有几家": the groups that pass, counted per the other dimensions asked for
        per = [exp.column(code) for code in plan.group_by[1:]]
        outer = exp.select(*per, exp.alias_(exp.Count(this=exp.Star()), "value")).from_(select.subquery("g"))
        return outer.group_by(*per).order_by(*per) if per else outer
    if plan.total_of_groups:
        # "前五名加起来一共多少": the ranked query keeps its order and LIMIT inside; its values are added up outside
        return exp.select(exp.alias_(exp.Sum(this=exp.column("value")), "value")).from_(select.subquery("t"))
    return select


def _accounts_of(records: QueryPlan, dialect: str, today: date) -> exp.Expr:
    """The accounts some records belong to ("是哪几家医院" after last month's won amount at 3A hospitals):
    ``a.id IN (the account ids of those records)``; the records keep every condition they had, and the list
    shows the account so that its join is there to select from."""
    if SHOWN_ATTRIBUTES["account"].get(records.entity) is None:
        raise CompileError("这些记录不属于某个客户", "those records do not belong to an account")
    sub = compile_plan(replace(records, show=("a.name",)), dialect, today)
    sub.set("expressions", [exp.column("id", table="a")])
    sub.set("order", None)
    sub.set("limit", None)
    return exp.In(this=exp.column("id", table="a"), query=exp.Subquery(this=sub))


# Deals reached from a product, by the related-record target a question names: (stage condition, their time).
PRODUCT_DEALS = {"won": (Filter("stage", "eq", "closed_won"), "o.closed_at"), "opportunity": (None, "o.created_at"),
                 "open_opportunity": (Filter("flag", "eq", "open"), "o.created_at")}


def _products_of_deals(plan: QueryPlan, dialect: str, today: date) -> tuple[QueryPlan, exp.Expr | None]:
    """Products said of deals ("天津省肿瘤医院买过哪些产品", "products on the open deals at X"): conditions a product
    does not have (an account, a region, an open stage) describe the deals carrying it, so the product is one with a
    line on such a deal: ``pr.id IN (the product ids of those deals' lines)``, selected once (uncorrelated)."""
    own = tuple(f for f in plan.filters if _of_product(f))
    deal_side = tuple(f for f in plan.filters if f not in own)
    fu = plan.follow_up if plan.follow_up is not None and plan.follow_up.target in PRODUCT_DEALS and \
        plan.follow_up.count is None and not plan.share_follow_up else None
    if not deal_side:
        return plan, None  # the product's own conditions and related-deal checks compile as they are
    if fu is not None and plan.window is not None and (fu.window.start or fu.window.end):
        raise CompileError("这个问题有两个时间，请只说一个", "the question has two periods; please give one")
    target = fu.target if fu is not None else "opportunity"
    stage, time_code = PRODUCT_DEALS[target]
    if fu is None:  # "今年卖出去的产品": a won stage dates the deals by their close
        time_code = window_time_code(QueryPlan("opportunity", filters=deal_side), None) or time_code
    window = plan.window if fu is None or plan.window is not None else fu.window
    if window is not None and window.start is None and window.end is None:
        window = None
    sub_filters = deal_side + ((stage,) if stage is not None else ()) + ((fu.product,) if fu and fu.product else ())
    sub = compile_plan(QueryPlan("line", filters=sub_filters, window=window, time_field=time_code), dialect, today)
    sub.set("expressions", [exp.column("product_id", table="ol")])
    sub.set("order", None)
    where = sub.args.get("where")
    if where is None or not any(c.table == "pr" for c in where.find_all(exp.Column)):  # the list's product name, no longer shown
        sub.set("joins", [j for j in sub.args.get("joins") or [] if j.alias_or_name != "pr"])
    found = exp.In(this=exp.column("id", table="pr"), query=exp.Subquery(this=sub))
    rest = replace(plan, filters=own, window=None, follow_up=None if fu is not None else plan.follow_up)
    return rest, found if fu is None or fu.done else exp.Not(this=found)


def _of_product(f: Filter) -> bool:
    """A condition on the product itself (its line, its list price, on sale), not on the deals carrying it."""
    if f.dimension == "flag":
        return FLAG_ENTITY.get(str(f.value)) == "product"
    if f.dimension in ("product", "product_line"):
        return True
    dim = DIMENSIONS.get(f.dimension)
    return dim is not None and dict(dim.per_entity).get("product", dim.column).startswith("pr.")


def window_time_code(plan: QueryPlan, measure) -> str | None:
    """Which time a window applies to: the question's, the measure's, a closed deal's close date, the default."""
    if plan.time_field:
        return plan.time_field
    if measure is not None and measure.time:
        return measure.time
    # "去掉已输单的" (stage is not lost) leaves the deals dated as they were
    closed = any(f.dimension == "stage" and f.op in ("eq", "in") and (f.value in ("closed_won", "closed_lost") or (
        isinstance(f.value, tuple) and set(f.value) <= {"closed_won", "closed_lost"})) or f.dimension == "loss_reason"
        for f in plan.filters) or any(f.dimension == "flag" and f.value == "closed" for f in plan.filters)
    if plan.entity == "opportunity" and closed:
        return "o.closed_at"  # "本季度赢了多少单": won this quarter, whenever the deal was created
    return ENTITIES[plan.entity].default_time


def _column_name(column: str) -> str:
    """A list column's output name: the column itself ("amount"), or the dimension an expression is ("unpaid")."""
    if re.fullmatch(r"\w+\.\w+", column):
        return column.split(".")[1]
    return next((d.code for d in DIMENSIONS.values() if d.column == column), column.strip("{}"))


def _projection(ctx: _Ctx, plan: QueryPlan, measure) -> exp.Select:
    ent = ENTITIES[plan.entity]
    if measure is None:  # a list
        cols = [ent.name_column, *ent.list_columns]
        if plan.entity == "opportunity" and any(f.dimension == "stage" and f.value == "closed_lost" for f in plan.filters):
            cols.append("o.loss_reason")  # a list of lost deals says why each was lost
        cols += [c for c in plan.show if c not in cols]
        exprs = [exp.alias_(ctx.frag(c), OUTPUT_NAME.get(c, _column_name(c))) for c in cols]
        fu = plan.follow_up
        if fu is not None and fu.count is not None and isinstance(counted := _follow_up(ctx, plan.entity, fu), exp.Binary):
            exprs.append(exp.alias_(counted.this.copy(), "records"))  # "今年拜访超过200次的业务员": how many, beside
        sel = exp.select(*exprs)  # every join is many-to-one, so each record is one row (deal names repeat)
        if plan.sort and plan.sort not in cols:
            alias = plan.sort.split(".")[1] if re.fullmatch(r"\w+\.\w+", plan.sort) else next(
                (d.code for d in DIMENSIONS.values() if d.column == plan.sort), "value")  # an expression: its name
            sel = sel.select(exp.alias_(ctx.frag(plan.sort), alias), copy=False)
        if plan.sort:  # ranked records: the measure's own column, or what is still owed on an installment
            sel = sel.order_by(exp.Ordered(this=ctx.frag(plan.sort), desc=plan.order != "asc"), copy=False)
        else:
            order = ent.sort[: -len(" DESC")] if plan.order == "asc" and ent.sort.endswith("DESC") else ent.sort
            sel = sel.order_by(*[ctx.frag(o.strip()) if " " not in o.strip() else
                                 exp.Ordered(this=ctx.frag(o.split()[0]), desc=True) for o in order.split(",")],
                               copy=False)
        if plan.top_n:
            sel = _cut(sel, plan)
        elif plan.limit:
            sel = sel.limit(plan.limit, copy=False)
        return sel
    expr_text = measure.expr.replace("{id}", f"{ent.alias}.id").replace("{product_clause}", _units_of(plan))
    if "{share}" in expr_text:
        part_of = [_filter(ctx, f) for f in plan.share_of]
        if plan.share_follow_up and plan.follow_up is not None:
            part_of.append(_follow_up(ctx, plan.entity, plan.follow_up))
        if not part_of:
            raise CompileError("占比需要说明是哪一部分", "a share needs the part it is a share of")
        part = exp.and_(*part_of).sql(dialect=ctx.dialect)
        expr_text = f"1.0 * SUM(CASE WHEN {part} THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0)"
    value = exp.alias_(ctx.frag(expr_text), "value")
    extra = []
    for code in plan.also:  # "count and total value": same records, so the same conditions
        other = MEASURES[code]
        if code != "count" and (other.entity not in ("*", plan.entity) or (
                other.where and tuple(other.where) != tuple(measure.where))):
            raise CompileError(f"{other.label_zh}与{measure.label_zh}不能在同一张表里统计",
                               f"{other.label_en} and {measure.label_en} cannot be shown side by side")
        extra.append(exp.alias_(ctx.frag(other.expr.replace("{id}", f"{ent.alias}.id")), code))
    groups: list[exp.Expr] = []
    labels: list[exp.Expr] = []
    owned: list[exp.Expr] = []  # "by rep" ranks reps: records with no owner are not a rep
    for g in plan.group_by:
        if g in TIME_GROUPS:
            time_code = window_time_code(plan, measure)
            if time_code is None:
                raise CompileError(f"{ent.label_zh}没有可按月统计的时间", f"{ent.label_en} has no time to group by {g}")
            col = TIME_DIMENSIONS[time_code].column
            snippet = DIALECT_SNIPPETS.get(ctx.dialect, DIALECT_SNIPPETS["sqlite"])[g].format(col=col)
            e = ctx.frag(snippet)
            labels.append(exp.alias_(e, g))
            groups.append(e.copy())
            continue
        dim = DIMENSIONS[g]
        col = ctx.column(g)
        if g in ("rep", "team", "account", "opportunity", "product", "product_line"):  # none is no group of its own
            owned.append(exp.Not(this=exp.Is(this=ctx.frag(col), expression=exp.Null())))
        if dim.label and dim.label != col:
            labels.append(exp.alias_(ctx.frag(dim.label), OUTPUT_NAME.get(dim.label, g)))
            groups += [ctx.frag(col), ctx.frag(dim.label)]
        else:
            labels.append(exp.alias_(ctx.frag(col), g))
            groups.append(ctx.frag(col))
    sel = exp.select(*labels, value, *extra)
    for cond in owned:
        sel = sel.where(cond, copy=False)
    if groups:
        sel = sel.group_by(*groups, copy=False)
    if plan.having is not None:
        if not groups:
            raise CompileError("只有分组统计才能按合计筛选", "a condition on a total needs a breakdown")
        total = ctx.frag(expr_text)
        if plan.having.op == "between":  # "应收余额在5万到80万之间的客户": both ends count
            low, high = cast(tuple[float, float], plan.having.value)
            bar: exp.Expr = exp.Between(this=total, low=_literal(low), high=_literal(high))
        else:
            bar = HAVING_OPS[plan.having.op](this=total, expression=_literal(plan.having.value))
        sel = sel.having(bar, copy=False)
    if plan.top_n or plan.order:
        desc = (plan.order or "desc") == "desc"
        # ties broken by the group key, so every backend returns the same rows at the cut
        sel = sel.order_by(exp.Ordered(this=exp.column("value"), desc=desc, nulls_first=False),
                           *[exp.Ordered(this=g.copy()) for g in groups[:1]], copy=False)
        if plan.top_n:
            sel = _cut(sel, plan)
    elif groups:
        sel = sel.order_by(*[exp.Ordered(this=g.copy()) for g in groups[:1]], copy=False)
    return sel


def _cut(sel: exp.Select, plan: QueryPlan) -> exp.Select:
    """The first top_n rows, or only the rank-th of them ("排第二的"); a rank left from before a new top_n is void."""
    if plan.rank and plan.rank == plan.top_n and plan.rank > 1:
        return sel.limit(1, copy=False).offset(plan.rank - 1, copy=False)
    return sel.limit(cast(int, plan.top_n), copy=False)


def _units_of(plan: QueryPlan) -> str:
    """Units sold count the named product's lines only (or its line's products), not every line of those deals."""
    for f in plan.filters:
        values = f.value if isinstance(f.value, tuple | list) else (f.value,)
        if f.dimension == "product":
            return f" AND olq.product_id IN ({', '.join(str(int(str(v))) for v in values)})"
        if f.dimension == "product_line":
            quoted = ", ".join("'" + str(v).replace("'", "''") + "'" for v in values)
            return f" AND olq.product_id IN (SELECT plq.id FROM product AS plq WHERE plq.product_line IN ({quoted}))"
    return ""


HAVING_OPS = {"gt": exp.GT, "gte": exp.GTE, "lt": exp.LT, "lte": exp.LTE}


def _literal(value: object) -> exp.Expr:
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | float):
        return exp.Literal.number(value)
    return exp.Literal.string(str(value))


def _filter(ctx: _Ctx, f: Filter) -> exp.Expr:
    if f.dimension == "flag":
        return ctx.frag(FLAGS[str(f.value)][0].replace("{today}", ctx.today.isoformat()))
    if f.dimension == "product_line" and ctx.plan.entity == "product":
        ctx.aliases.add("pr")
        return _one_of(exp.column("product_line", table="pr"), f)
    if f.dimension in ("product", "product_line"):
        return _product(ctx, f)
    if f.dimension == "from_lead":
        return _from_lead(ctx, f)
    if f.dimension == "response_hours":  # contacted, and only after that many hours
        if ctx.plan.entity != "lead":
            raise CompileError("首次联系时长只适用于线索", "time to first contact applies to leads")
        late = exp.GT(this=ctx.frag("{hours_to_first_contact}"), expression=_literal(f.value))
        if f.op == "not_within":  # "4小时内没联系上的": contacted late, or not at all yet
            return exp.or_(exp.Is(this=exp.column("first_contact_at", table="l"), expression=exp.Null()), late)
        if f.op == "within":  # "4小时内联系上的": contacted, and within that many hours
            return exp.and_(exp.Not(this=exp.Is(this=exp.column("first_contact_at", table="l"), expression=exp.Null())),
                            exp.LTE(this=ctx.frag("{hours_to_first_contact}"), expression=_literal(f.value)))
        return late
    col = ctx.frag(ctx.column(f.dimension))
    if f.op == "is_null":
        return exp.Is(this=col, expression=exp.Null())
    if f.op == "not_null":
        return exp.Not(this=exp.Is(this=col, expression=exp.Null()))
    if f.op == "in":
        values = f.value if isinstance(f.value, tuple | list) else (f.value,)
        return exp.In(this=col, expressions=[_literal(v) for v in values])
    ops = {"eq": exp.EQ, "neq": exp.NEQ, "gt": exp.GT, "gte": exp.GTE, "lt": exp.LT, "lte": exp.LTE}
    if f.op not in ops:
        raise CompileError(f"不支持的条件: {f.op}", f"unsupported filter operator: {f.op}")
    return ops[f.op](this=col, expression=_literal(f.value))


# The account a record belongs to, for conditions on the account's history.
ACCOUNT_OF = {"account": "a.id", "opportunity": "o.account_id", "contract": "c.account_id", "payment": "c.account_id",
              "activity": "x.account_id", "contact": "ct.account_id", "quote": "o.account_id"}


def _from_lead(ctx: _Ctx, f: Filter) -> exp.Expr:
    """The account came from a converted lead (of the named source): some lead points to it."""
    col = ACCOUNT_OF.get(ctx.plan.entity)
    if col is None:
        raise CompileError("“线索转化来的”只适用于客户及其商机、合同、回款、跟进和联系人",
                           "'came from a lead' applies to accounts and their deals, contracts, payments and follow-ups")
    origin = f.value if isinstance(f.value, LeadOrigin) else LeadOrigin()
    sub = exp.select("1").from_("lead AS xl").where(
        exp.EQ(this=exp.column("converted_account_id", table="xl"), expression=ctx.frag(col)))
    if origin.source != "any":
        sub = sub.where(exp.EQ(this=exp.column("source", table="xl"), expression=exp.Literal.string(origin.source)))
    if origin.window is not None:  # the leads' own period: "近30天展会线索转化来的客户"
        sub = sub.where(*_bounds(exp.column("created_at", table="xl"), origin.window.start, origin.window.end))
    return exp.Not(this=exp.Exists(this=sub)) if f.op == "neq" else exp.Exists(this=sub)


def _product(ctx: _Ctx, f: Filter) -> exp.Expr:
    """Deals that include a product (or a product line): EXISTS over their lines."""
    if ctx.plan.entity == "product":  # "list price of MON-M8": the product itself
        return _one_of(exp.column("id" if f.dimension == "product" else "product_line", table="pr"), f)
    if ctx.plan.entity == "line":  # units per product: the line's own product
        if f.dimension == "product":
            return _one_of(exp.column("product_id", table="ol"), f)
        ctx.aliases.add("pr")
        return _one_of(exp.column("product_line", table="pr"), f)
    grouped = {"product": "pr", "product_line": "pl"}
    if ctx.plan.entity == "opportunity" and (g := next((g for g in ctx.plan.group_by if g in grouped), None)) and (
            g == "product" or f.dimension == "product_line"):
        # "only the FMCG lines" after won amount per product: the products shown are of those lines (a deal that
        # also has other products still counts for the ones asked about)
        alias = grouped[g]
        ctx.aliases.add(alias)
        col = "id" if f.dimension == "product" else "product_line"
        return _one_of(exp.column(col, table=alias), f)
    if ctx.plan.entity not in DEAL_OF:
        raise CompileError("按产品筛选只适用于商机及其跟进、合同、回款和报价",
                           "filtering by product applies to deals and their follow-ups, contracts, payments and quotes")
    ctx.aliases.add("o")  # "X5商机上的跟进", "contracts that came out of X5 deals": through the record's deal
    return _deal_product(f, "o")


DEAL_OF = ("opportunity", "activity", "contract", "payment", "quote")


def _one_of(col: exp.Expr, f: Filter) -> exp.Expr:
    """``col`` equal to the filter's value, or one of its values ("A100和C300", "影像和监护两条线")."""
    values = f.value if isinstance(f.value, tuple | list) else (f.value,)
    literals = [exp.Literal.number(int(str(v))) if f.dimension == "product" else exp.Literal.string(str(v))
                for v in values]
    return exp.EQ(this=col, expression=literals[0]) if len(literals) == 1 else exp.In(this=col, expressions=literals)


def _ts(value: datetime, is_date: bool) -> exp.Expr:
    if is_date:
        return exp.Literal.string(value.date().isoformat())
    return exp.Literal.string(value.strftime("%Y-%m-%d %H:%M:%S"))


def _window(ctx: _Ctx, time_code: str, w: TimeWindow) -> list[exp.Expr]:
    td = TIME_DIMENSIONS[time_code]
    col = ctx.frag(td.column)
    end = w.end if w.end is not None or not td.is_date else w.period_end  # "due this month": the whole month
    if end is None and td.is_date and w.rolling:  # "came due in the last 30 days": the days before today
        end = datetime.combine(ctx.today, time())
    out = _bounds(col, w.start, end, td.is_date)
    if not out:  # no bound at all: "with a close date"
        out.append(exp.Not(this=exp.Is(this=col.copy(), expression=exp.Null())))
    return out


def _bounds(col: exp.Expr, start: datetime | None, end: datetime | None, is_date: bool = False) -> list[exp.Expr]:
    """The half-open window ``start <= col < end`` on ``col``; an open side adds no condition."""
    out: list[exp.Expr] = []
    if start is not None:
        out.append(exp.GTE(this=col.copy(), expression=_ts(start, is_date)))
    if end is not None:
        out.append(exp.LT(this=col.copy(), expression=_ts(end, is_date)))
    return out


OVERDUE_XP = "xp.due_date < '{today}' AND xp.amount_paid < xp.amount_due"
# (entity, target) -> (table, alias, link to the entity, time column, condition): records that must not exist,
# "没下过单的客户" (no won deal), "without any contract", "还没有任何回款的合同" (no payment received).
ABSENCE = {
    ("account", "won"): ("opportunity", "xo", "xo.account_id = a.id", "xo.closed_at", "xo.stage = 'closed_won'"),
    ("account", "lost"): ("opportunity", "xo", "xo.account_id = a.id", "xo.closed_at", "xo.stage = 'closed_lost'"),
    ("account", "opportunity"): ("opportunity", "xo", "xo.account_id = a.id", "xo.created_at", None),
    ("account", "contract"): ("contract", "xc", "xc.account_id = a.id", "xc.signed_at", None),
    ("account", "active_contract"): ("contract", "xc", "xc.account_id = a.id", "xc.signed_at", "xc.status = 'active'"),
    ("rep", "won"): ("opportunity", "xo", "xo.owner_id = s.id", "xo.closed_at", "xo.stage = 'closed_won'"),
    ("rep", "opportunity"): ("opportunity", "xo", "xo.owner_id = s.id", "xo.created_at", None),
    ("rep", "lead"): ("lead", "xl", "xl.owner_id = s.id", "xl.created_at", None),
    ("rep", "converted_lead"): ("lead", "xl", "xl.owner_id = s.id", "xl.created_at", "xl.status = 'converted'"),
    ("contract", "payment"): ("payment", "xp", "xp.contract_id = c.id", "xp.paid_at", "xp.amount_paid > 0"),
    ("account", "payment"): ("payment", "xp", "xp.contract_id IN (SELECT xc.id FROM contract AS xc WHERE xc.account_id = "
                             "a.id)", "xp.paid_at", "xp.amount_paid > 0"),
    ("account", "open_opportunity"): ("opportunity", "xo", "xo.account_id = a.id", "xo.created_at",
                                      OPEN.replace("o.", "xo.")),
    ("rep", "open_opportunity"): ("opportunity", "xo", "xo.owner_id = s.id", "xo.created_at",
                                  OPEN.replace("o.", "xo.")),
    # "有逾期账款的客户": an overdue instalment on any of the account's contracts
    ("account", "overdue_payment"): ("payment", "xp", "xp.contract_id IN (SELECT xc.id FROM contract AS xc WHERE "
                                     "xc.account_id = a.id)", "xp.due_date", OVERDUE_XP),
    ("contract", "overdue_payment"): ("payment", "xp", "xp.contract_id = c.id", "xp.due_date", OVERDUE_XP),
    # "哪些合同还没收齐": an installment not yet paid in full, due or not
    ("contract", "unpaid_payment"): ("payment", "xp", "xp.contract_id = c.id", "xp.due_date",
                                     "xp.amount_paid < xp.amount_due"),
    ("account", "unpaid_payment"): ("payment", "xp", "xp.contract_id IN (SELECT xc.id FROM contract AS xc WHERE "
                                    "xc.account_id = a.id)", "xp.due_date", "xp.amount_paid < xp.amount_due"),
    ("rep", "unpaid_payment"): ("payment", "xp", "xp.contract_id IN (SELECT xc.id FROM contract AS xc WHERE "
                                "xc.owner_id = s.id)", "xp.due_date", "xp.amount_paid < xp.amount_due"),
    # a rep's contracts are the ones they own; their money is the payments on those contracts
    ("rep", "contract"): ("contract", "xc", "xc.owner_id = s.id", "xc.signed_at", None),
    ("rep", "active_contract"): ("contract", "xc", "xc.owner_id = s.id", "xc.signed_at", "xc.status = 'active'"),
    ("rep", "overdue_payment"): ("payment", "xp", "xp.contract_id IN (SELECT xc.id FROM contract AS xc WHERE "
                                 "xc.owner_id = s.id)", "xp.due_date", OVERDUE_XP),
    ("rep", "payment"): ("payment", "xp", "xp.contract_id IN (SELECT xc.id FROM contract AS xc WHERE xc.owner_id = "
                         "s.id)", "xp.paid_at", "xp.amount_paid > 0"),
    # a product is sold on a deal that has a line for it ("上周哪些产品一单都没卖出去"); the product's lines are
    # looked up first, by index, rather than every deal probing its lines
    ("product", "won"): ("opportunity", "xo", "xo.id IN (SELECT xol.opportunity_id FROM opportunity_line AS xol WHERE "
                         "xol.product_id = pr.id)", "xo.closed_at", "xo.stage = 'closed_won'"),
    ("product", "opportunity"): ("opportunity", "xo", "xo.id IN (SELECT xol.opportunity_id FROM opportunity_line AS xol WHERE "
                                 "xol.product_id = pr.id)", "xo.created_at", None),
    ("product", "open_opportunity"): ("opportunity", "xo", "xo.id IN (SELECT xol.opportunity_id FROM opportunity_line AS xol WHERE "
                                      "xol.product_id = pr.id)", "xo.created_at",
                                      OPEN.replace("o.", "xo.")),
    # "没录联系人的客户", "只有一个联系人的医院": the contacts recorded on the account
    ("account", "contact"): ("contact", "xct", "xct.account_id = a.id", "xct.created_at", None),
    # "赢了但还没签合同的单子": the contract signed off the deal
    ("opportunity", "contract"): ("contract", "xc", "xc.opportunity_id = o.id", "xc.signed_at", None),
    ("opportunity", "active_contract"): ("contract", "xc", "xc.opportunity_id = o.id", "xc.signed_at",
                                         "xc.status = 'active'"),
    # "还没出过报价的在跟项目": a quote on the deal, or on any of the account's deals
    ("opportunity", "quote"): ("quote", "xq", "xq.opportunity_id = o.id", "xq.created_at", None),
    ("account", "quote"): ("quote", "xq", "xq.opportunity_id IN (SELECT xo.id FROM opportunity AS xo WHERE "
                           "xo.account_id = a.id)", "xq.created_at", None),
    # "已签约客户身上在跟的商机": the deal's account has signed, on any deal
    ("opportunity", "account_contract"): ("contract", "xc", "xc.account_id = o.account_id", "xc.signed_at", None),
    ("opportunity", "account_active_contract"): ("contract", "xc", "xc.account_id = o.account_id", "xc.signed_at",
                                                 "xc.status = 'active'"),
}


def _absence(ctx: _Ctx, entity: str, fu: FollowUp) -> exp.Expr:
    key = (entity, fu.target)
    if fu.count is not None and (fu.product is not None or key not in COUNTED):
        raise CompileError("只能按跟进次数或联系人个数筛选", "only follow-ups and contacts can be counted per record")
    if key not in ABSENCE:
        raise CompileError("这个“没有…”的条件不适用于该对象", f"'no {key[1]}' does not apply to {key[0]}")
    table, alias, link, time_col, where = ABSENCE[key]
    ctx.aliases.add(re.findall(r"= (\w+)\.\w+", link)[-1])
    conds: list[exp.Expr] = [sqlglot.condition(link, dialect=ctx.dialect)]
    if where:
        conds.append(sqlglot.condition(where.replace("{today}", ctx.today.isoformat()), dialect=ctx.dialect))
    w = fu.window
    conds += _bounds(sqlglot.condition(time_col, dialect=ctx.dialect), w.start, w.end)
    if fu.amount is not None:  # "有超过100万的在跟商机的客户": the related record's own amount, compared
        if table not in ("opportunity", "contract"):
            raise CompileError("金额条件只适用于商机和合同", "an amount applies to deals and contracts")
        conds.append(COMPARE[fu.amount.op](this=exp.column("amount", table=alias),
                                           expression=exp.Literal.number(float(str(fu.amount.value)))))
    if fu.product is not None:
        if table != "opportunity":
            raise CompileError("按产品筛选只适用于商机", "filtering by product applies to opportunities")
        conds.append(_deal_product(fu.product, alias))
        if m := re.fullmatch(r"(\w+\.\w+) = (\w+\.\w+)", link):
            # "买过彩超X5的医院": the accounts of those deals, selected once (uncorrelated). A correlated EXISTS made
            # SQLite probe the product's deal list for every account: 47 s on the large demo, 0.03 s this way.
            inner = sqlglot.condition(m.group(1), dialect=ctx.dialect)
            sub = exp.select(inner).from_(exp.alias_(exp.to_table(table), alias, table=True)).where(
                exp.and_(exp.Not(this=exp.Is(this=inner.copy(), expression=exp.Null())), *conds[1:]))
            found = exp.In(this=sqlglot.condition(m.group(2), dialect=ctx.dialect), query=exp.Subquery(this=sub))
            return found if fu.done else exp.Not(this=found)
    if fu.count is not None:  # "只有一个联系人的医院": how many, compared, zero included
        op, n = fu.count
        counted = exp.select("COUNT(*)").from_(exp.alias_(exp.to_table(table), alias, table=True)).where(
            exp.and_(*conds))
        return COMPARE[op](this=exp.Subquery(this=counted), expression=exp.Literal.number(n))
    sub = exp.select("1").from_(exp.alias_(exp.to_table(table), alias, table=True)).where(exp.and_(*conds))
    exists = exp.Exists(this=sub)
    return exists if fu.done else exp.Not(this=exists)


# Related records that can be counted per record ("只有一个联系人的医院"), besides follow-ups.
COUNTED = {(holder, target) for holder in ("account", "rep") for target in (
    "won", "opportunity", "open_opportunity", "contract", "active_contract")} | {("account", "contact")}


def _deal_product(f: Filter, deal: str) -> exp.Expr:
    """The deal ``deal`` (an alias) has a line for the product, or for a product of the line. The product's lines are
    selected once (uncorrelated): a correlated EXISTS let SQLite, without statistics, scan every line of the product
    for every deal, which timed out on the large demo."""
    sub = exp.select("xol.opportunity_id").from_("opportunity_line AS xol")
    if f.dimension == "product":
        sub = sub.where(_one_of(exp.column("product_id", table="xol"), f))
    else:
        sub = sub.join("product AS xpl", on="xpl.id = xol.product_id").where(
            _one_of(exp.column("product_line", table="xpl"), f))
    return exp.In(this=exp.column("id", table=deal), query=exp.Subquery(this=sub))


def _follow_up(ctx: _Ctx, entity: str, fu: FollowUp) -> exp.Expr:
    if fu.target != "activity":
        return _absence(ctx, entity, fu)
    links = {"opportunity": ("o", "xa.opportunity_id = o.id"), "rep": ("s", "xa.owner_id = s.id"),
             "account": ("a", "xa.account_id = a.id"), "contact": ("ct", "xa.contact_id = ct.id"),
             "contract": ("a", "xa.account_id = a.id")}
    if entity not in links:
        raise CompileError("“未跟进”只适用于客户、商机和业务员",
                           "'not followed up' applies to accounts, opportunities and reps")
    alias, link = links["account" if fu.on == "account" else entity]
    ctx.aliases.add(alias)
    w = fu.window
    conds: list[exp.Expr] = [sqlglot.condition(link, dialect=ctx.dialect)]
    conds += _bounds(exp.column("occurred_at", table="xa"), w.start, w.end)
    if fu.by is not None:
        conds.append(exp.EQ(this=exp.column("owner_id", table="xa"), expression=exp.Literal.number(fu.by)))
    if types := [k for k in fu.kinds if k != "effective"]:
        conds.append(exp.In(this=exp.column("type", table="xa"), expressions=[exp.Literal.string(k) for k in types]))
    if "effective" in fu.kinds:  # "没有有效跟进": only follow-ups marked effective count
        conds.append(exp.EQ(this=exp.column("is_effective", table="xa"), expression=exp.true()))
    if fu.count is not None:  # "只跟进过一次", "拜访超过5次": how many, compared, zero included
        op, n = fu.count
        counted = exp.select("COUNT(*)").from_(exp.alias_(exp.to_table("activity"), "xa", table=True)).where(
            exp.and_(*conds))
        return COMPARE[op](this=exp.Subquery(this=counted), expression=exp.Literal.number(n))
    sub = exp.select("1").from_(exp.alias_(exp.to_table("activity"), "xa", table=True)).where(exp.and_(*conds))
    exists = exp.Exists(this=sub)
    return exists if fu.done else exp.Not(this=exists)


COMPARE: dict[str, type[exp.Expr]] = {"eq": exp.EQ, "gt": exp.GT, "gte": exp.GTE, "lt": exp.LT, "lte": exp.LTE}


def _joins(ctx: _Ctx, base: str) -> list[tuple[str, str]]:
    """The joins needed for the aliases used, each with what its condition needs, in the semantic layer's order."""
    entity = next(e for e in ENTITIES.values() if e.alias == base)
    table = JOINS[entity.code]
    need = set(ctx.aliases) - {base}
    changed = True
    while changed:
        changed = False
        for alias, on in table:
            if alias in need:
                deps = set(ALIAS_RE.findall(on + ".")) - {alias, base}
                if not deps <= need:
                    need |= deps
                    changed = True
    missing = need - {a for a, _ in table}
    if missing:
        raise CompileError("问题涉及的字段无法关联到该对象", f"cannot reach {sorted(missing)} from {entity.code}")
    return [(alias, on) for alias, on in table if alias in need]


def to_sql(select: exp.Expr, dialect: str) -> str:
    return select.sql(dialect=SQLGLOT_DIALECT.get(dialect, dialect), copy=False)  # built for this call only
