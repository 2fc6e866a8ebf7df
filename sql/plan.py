"""The typed query plan: what a question asks, independent of SQL dialect and wording.

A parser fills a `QueryPlan`; the compiler turns it into SQL. Follow-up questions produce a partial plan that
`refine` merges into the previous one. When the parser cannot tell what is meant it returns a `Clarification`
instead of a plan: a wrong number shown confidently is the worst outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime


@dataclass(frozen=True)
class TimeWindow:
    """A half-open interval [start, end); `end` None means up to now. `label` is how the question said it."""

    start: datetime | None
    end: datetime | None
    label: str
    period_end: datetime | None = None  # end of the calendar period (本月 ends 1 Dec) for date-only columns
    past_year: bool = False  # a month named without a year, taken from last year because it is still ahead
    per_month: bool = False  # two months side by side ("这个月跟上个月对比"): one figure per month
    per_quarter: bool = False  # two quarters side by side ("本季度和上季度的赢单金额对比"): one figure per quarter
    per_year: bool = False  # two years side by side ("今年和去年签约合同金额对比"): one figure per year
    per_week: bool = False  # two weeks side by side ("本周和上周的线索量对比"): one figure per week
    rolling: bool = False  # the last N days: on a date-only column (due dates), the days before today, not later ones


def period_unit(w: TimeWindow) -> str | None:
    """The calendar unit of a side-by-side window ("本周和上周": week), None for any other window."""
    return ("week" if w.per_week else "month" if w.per_month else "quarter" if w.per_quarter
            else "year" if w.per_year else None)


@dataclass(frozen=True)
class Filter:
    """`dimension op value`; dimensions and values are the semantic layer's codes, never raw question text."""

    dimension: str
    op: str  # eq, in, gt, gte, lt, lte, is_null, not_null
    value: object = None


@dataclass(frozen=True)
class LeadOrigin:
    """The value of a "from_lead" filter: the converted lead's source ("any" when not said) and, when the question
    dates the lead itself ("近30天展会线索转化来的客户"), the window its creation falls in."""

    source: str = "any"
    window: TimeWindow | None = None


@dataclass(frozen=True)
class FollowUp:
    """(Negated) existence of a follow-up (activity) on the entity within `window`: "未跟进" / "跟进过"."""

    window: TimeWindow
    done: bool = False  # False: NOT EXISTS ("not followed up"); True: EXISTS ("followed up")
    kinds: tuple[str, ...] = ()  # only these activity types count ("没打过电话": calls); "effective": marked effective
    target: str = "activity"  # what must (not) exist: activity, won (deal), opportunity, contract, payment
    by: int | None = None  # only follow-ups by this rep ("郭琳跟进过哪些客户": the accounts she followed up)
    product: Filter | None = None  # deals that include this product or line ("买过彩超X5的医院")
    count: tuple[str, int] | None = None  # how many there are, compared (op, n): "只跟进过一次", "拜访超过5次"
    amount: Filter | None = None  # the related deal's or contract's own amount: "签过300万以上合同的医院"
    on: str | None = None  # "account": the follow-ups of the entity's account, not its own (rows that are accounts)


@dataclass(frozen=True)
class QueryPlan:
    """One question, understood. `measure` None means a list of the entity's rows."""

    entity: str
    measure: str | None = None
    group_by: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()
    follow_up: FollowUp | None = None
    more_related: tuple[FollowUp, ...] = ()  # further conditions on related records, all of which must hold
    share_of: tuple[Filter, ...] = ()  # measure "share": the fraction of the records that also meet these
    share_follow_up: bool = False  # the share's part is `follow_up` ("A类客户里签过合同的比例"), not a condition on all
    window: TimeWindow | None = None
    time_field: str | None = None  # which time dimension the window applies to; None = the measure's default
    order: str | None = None  # "desc" | "asc" on the measure (or the list's default sort)
    top_n: int | None = None
    rank: int | None = None  # "排第二的": only the rank-th row of the top_n ordering; void once top_n changes
    limit: int | None = None
    sort: str | None = None  # a list's sort column (semantic-layer expression), e.g. "o.amount"
    also: tuple[str, ...] = ()  # further measures shown beside `measure` ("数量和金额"), over the same records
    having: Filter | None = None  # a condition on `measure` per group ("赢单金额过千万的业务员"); dimension "value"
    count_groups: bool = False  # count the groups that pass `having` ("…的业务员有几个") instead of listing them
    total_of_groups: bool = False  # one total over the groups shown ("前五名加起来一共多少") instead of each group's
    notes: tuple[str, ...] = ()  # how the question was read where it was not literal ("张玮" read as "张伟")
    show: tuple[str, ...] = ()  # further columns a list shows because the question asks for them ("是谁在负责")
    of_records: QueryPlan | None = None  # "是哪几家医院" after a figure: the accounts those records belong to

    def with_filters(self, *extra: Filter) -> QueryPlan:
        """The plan with ``extra`` filters added; each replaces an earlier filter on the same dimension, except that
        flags are independent facts and replace only their opposite ("其中做过POC的" keeps "在跟")."""
        kept = tuple(f for f in self.filters if all(not _replaces(e, f) for e in extra))
        return replace(self, filters=kept + extra)


# Flags that contradict each other: a follow-up naming one drops the other.
OPPOSITE_FLAGS = ({"open", "closed"}, {"poc", "no_poc"}, {"demo", "no_demo"}, {"budget_confirmed", "budget_unconfirmed"},
                  {"rep_active", "rep_inactive"}, {"product_active", "product_inactive"}, {"decision_maker",
                                                                                         "no_decision_maker"},
                  {"decision_maker", "not_decision_maker"}, {"effective", "ineffective"},
                  {"has_decision_maker", "no_decision_maker"})


# The records behind a figure, for "具体是哪些单子" after it: won amounts are won deals dated by their close, the
# open pipeline is open deals.
LIST_TIME = {"won_amount": "o.closed_at", "won_count": "o.closed_at", "avg_deal_size": "o.closed_at",
             "units_sold": "o.closed_at"}


def records_behind(plan: QueryPlan) -> QueryPlan:
    """The records a figure was computed over, as a plain list ("which of those …", "是哪几家医院")."""
    return replace(plan, filters=plan.filters + _records_of(plan), time_field=plan.time_field or LIST_TIME.get(
        str(plan.measure)), measure=None, group_by=(), also=(), top_n=None, order=None, sort=None, having=None,
        count_groups=False, total_of_groups=False, show=())


def _records_of(plan: QueryPlan) -> tuple[Filter, ...]:
    if plan.measure in LIST_TIME and not any(f.dimension == "stage" for f in plan.filters):
        return (Filter("stage", "eq", "closed_won"),)
    if plan.measure == "pipeline_amount" and Filter("flag", "eq", "open") not in plan.filters:
        return (Filter("flag", "eq", "open"),)
    # "是哪些客户" after the overdue amount: the installments behind it are the overdue ones
    owed = {"overdue_amount": "overdue", "outstanding_amount": "unpaid"}.get(str(plan.measure))
    if owed and Filter("flag", "eq", owed) not in plan.filters:
        return (Filter("flag", "eq", owed),)
    return ()


# Account types that belong to one industry: a follow-up naming one of them replaces another industry, and a
# follow-up naming another industry replaces them ("那零售的呢" after "华东的医院").
TYPE_INDUSTRY = {"hospital": "medical", "lab": "medical", "school": "education"}


def _industry_of(f: Filter) -> str | None:
    if f.op != "eq":
        return None
    return str(f.value) if f.dimension == "industry" else TYPE_INDUSTRY.get(str(f.value)) \
        if f.dimension == "account_type" else None


def _contradicts(new: Filter, old: Filter) -> bool:
    """An account type and an industry that cannot hold together (school and retail), or a city and a province said
    one after the other; same-dimension filters are `_replaces`'s business."""
    if {new.dimension, old.dimension} == {"city", "province"}:
        return new.op == "eq"  # "那上海的呢" after "南京的医院": another place, not both at once
    if {new.dimension, old.dimension} != {"industry", "account_type"}:
        return False
    a, b = _industry_of(new), _industry_of(old)
    return a is not None and b is not None and a != b


def _replaces(new: Filter, old: Filter) -> bool:
    if new.dimension != old.dimension:
        return False
    if new.dimension != "flag":
        return True
    return new.value == old.value or any({new.value, old.value} <= pair for pair in OPPOSITE_FLAGS)


@dataclass(frozen=True)
class Clarification:
    """A question back to the user with concrete options to pick from."""

    question: str
    options: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class Refusal:
    """The question asks for something the assistant never does (changing data)."""

    message: str


@dataclass(frozen=True)
class Refinement:
    """What a follow-up changes in the previous plan; fields left None/empty keep the previous value."""

    filters: tuple[Filter, ...] = ()
    group_by: tuple[str, ...] | None = None
    window: TimeWindow | None = None
    follow_up_window: TimeWindow | None = None
    measure: str | None = None
    top_n: int | None = None
    rank: int | None = None  # "那第二名是谁": the rank-th row of the previous ranking
    order: str | None = None
    entity: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    related: FollowUp | None = None  # records that must (not) exist, added to the previous question
    as_list: bool = False  # "which of those ...": list the records behind the previous figure
    sort: str | None = None
    time_field: str | None = None  # "预计这个月能成交的呢": the new window dates another time of the same records
    count_groups: bool = False  # "有几家" after a breakdown by account: how many groups there are
    show: tuple[str, ...] = ()  # "负责人是谁", "show their owners": columns the previous list adds
    having: Filter | None = None  # "and how many have at least 30?" after a count per group over 20: the new bar
    also: tuple[str, ...] = ()  # "再加一个赢单数": another figure of the same records beside the previous one

    def apply(self, plan: QueryPlan) -> QueryPlan:
        out = plan
        if self.show:
            out = replace(out, show=tuple(dict.fromkeys((*out.show, *self.show))))
        # "how much did I win" after "my open pipeline"; "去掉初步接洽阶段的" leaves out one stage of the open deals
        if any(f.dimension == "stage" and f.op in ("eq", "in") for f in self.filters):
            out = replace(out, filters=tuple(f for f in out.filters
                                             if not (f.dimension == "flag" and f.value in ("open", "closed"))))
        if self.filters:  # "what about schools?" after "retail accounts": a school is never a retail account
            out = replace(out, filters=tuple(f for f in out.filters if not any(_contradicts(e, f) for e in self.filters)))
            out = out.with_filters(*self.filters)
        if self.as_list:
            out = replace(out, filters=out.filters + _records_of(out), time_field=out.time_field or LIST_TIME.get(
                str(out.measure)), measure=None, group_by=(), also=(), top_n=None, order=None, sort=self.sort)
        if self.related is not None:
            out = replace(out, follow_up=self.related)
        if self.group_by is not None:  # a new breakdown shows every group, not the old top-N
            out = replace(out, group_by=self.group_by, top_n=None, measure=out.measure or "count")
        if self.time_field is not None:
            out = replace(out, time_field=self.time_field)
        if self.window is not None:
            if out.follow_up is not None and out.window is None and self.time_field is None:
                out = replace(out, follow_up=replace(out.follow_up, window=self.window))
            else:
                out = replace(out, window=self.window)
        if self.follow_up_window is not None and out.follow_up is not None:
            out = replace(out, follow_up=replace(out.follow_up, window=self.follow_up_window))
        if self.measure == "win_rate":  # "赢单率呢" after "赢了几单": the rate needs the lost deals back
            out = replace(out, filters=tuple(f for f in out.filters if f.dimension != "stage"
                                             and not (f.dimension == "flag" and f.value == "closed")))
        if self.measure is not None:
            out = replace(out, measure=self.measure, also=())
            if out.measure == "units_sold" and {"product", "product_line"} & set(out.group_by):
                out = replace(out, entity="line", measure="units_by_line")  # "换成销量" per line: its own deal lines
        if self.also:
            out = replace(out, also=tuple(dict.fromkeys((*out.also, *self.also))))
        if self.top_n is not None:
            out = replace(out, top_n=self.top_n, rank=self.rank, order=self.order or out.order or "desc")
        if self.sort is not None and not self.as_list:  # "金额最大的三份" after a list: the list, by amount
            out = replace(out, sort=self.sort, order=self.order or out.order)
        elif self.order is not None:
            out = replace(out, order=self.order)
        if self.having is not None:
            out = replace(out, having=self.having)
        if self.count_groups and out.group_by:
            out = replace(out, count_groups=True, top_n=None, order=None)
        return out
