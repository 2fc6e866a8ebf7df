"""The recognisers: each finds its kind of words in a question and marks them as understood.

Time windows, names from the database, (not) followed up, "my", unassigned, top-N, amount comparisons,
measures, time fields, flags, breakdowns, enumerated values, entities and ordering. They only record what they
found in ``q.found``; `sql.parser` turns the findings into a plan. `STEPS` lists them in the order they run:
earlier ones claim their words first (a measure's 签约金额 before the time word 签约).
"""


from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from crm.demo.geo import REGIONS
from sql.names import NameHit, NameIndex
from sql.numbers import chinese_to_int, find_amounts
from sql.plan import Clarification, Filter, LeadOrigin, TimeWindow, period_unit
from sql.question import Question, compiled, longest_first
from sql.semantic import DIMENSIONS, ENTITIES, FLAG_ENTITY, FLAGS, MEASURES, TIME_DIMENSIONS
from sql.timewords import find_window, is_future
from sql.vocabulary import (
    ABSENCE_WORDS,
    AMOUNT_FIELDS,
    ASC_WORDS,
    DESC_WORDS,
    EXAMPLES,
    GROUP_MARKERS_EN,
    GROUP_MARKERS_ZH,
    GT_WORDS,
    LT_WORDS,
    MY_WORDS,
    NEGATED_FOLLOW_UP,
    POSITIVE_FOLLOW_UP,
    PRESENCE_WORDS,
    RANK_PLACE,
    RANK_WORDS,
    SORT_WORDS,
    STALE_WORDS,
    TEAM_WORDS,
    TIME_FIELD_WORDS,
    TOP_N,
    TYPED_NEGATION,
    TYPED_POSITIVE,
    UNASSIGNED_WORDS,
    VAGUE_WORDS,
)

EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
              "twelve": 12, "fifteen": 15, "twenty": 20}


def _time(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    hit = find_window(q.text, today)
    if hit is None:
        return
    window, span = hit
    if not q.free(*span):
        return  # "逾期超过60天" was read as a due-date condition, not as a window
    q.take(*span)
    q.found["window"] = window
    q.found["window_span"] = span
    if per := period_unit(window):
        q.found.setdefault("group_candidates", []).append((per,))
        for said in (r"对比(一下)?|比较(一下)?|\bcompare\b|\bvs\.?(?!\w)|\bversus\b",):
            if m := q.search(said):
                q.take(*m.span())


DUE_STATE = (
    (r"(还|尚)?(没|未)(有)?到期(的)?|\bnot (yet )?due( yet)?\b|\bnot due\b", "not_yet_due"),
    (r"已经?到期(了)?(的)?|到期了的|\b(that )?(have |has )(already )?(come|fallen|become) due( so far| to date)?\b"
     r"|\b(that )?(already )?(became|came|fell) due( so far| to date)?\b|\b(that )?already (come|fallen|become) due\b"
     r"|\b(come|fallen|become) due (so far|to date)\b"
     r"|\balready due\b|\bdue (so far|to date)\b", "due_passed"),
)


PAST_EXPECTED_CLOSE = (r"(预计|预期)(的)?(成交|关闭|关单|签单|签约)(日期|时间|日)?(都|已经|早就|早已)?(已经)?(过了|已过|过期)"
                       r"|(已经)?(过了|超过了?)(预计|预期)(的)?(成交|关闭|关单|签单)(日期|时间|日)"
                       r"|(already )?(past|beyond|after) (their|the|its) expected close( date)?"
                       r"|expected close dates? (has |have )?(already )?(passed|gone by|slipped)")


DURATION_OPS = (("gte", r"至少|不少于|不低于|不短于|at least|no less than"),
                ("gt", r"超过|大于|多于|长于|以上|longer than|more than|over|above"),
                ("lte", r"不超过|以内|at most|no more than"),
                ("lt", r"不到|少于|低于|短于|以下|shorter than|less than|under|below"),
                ("gte", r"or more|or longer|and up|and over"), ("lte", r"or less|or shorter"))
DURATION = re.compile(r"(时长|时间|持续|用时|lasted|lasting|ran|running|that ran|took)?\s*(?P<op>{ops})?\s*(?P<n>\d+(\.\d+)?|[一二两三四五六七八九十半]+)"
                      r"\s*(个)?\s*(?P<unit>小时|分钟|hours?|hrs?|minutes?|mins?)\s*(?P<post>以上|以下|以内|or more|or longer|and up|and over|or less|or shorter)?")
# "通话时长在10到30分钟之间", "visits that lasted between 1 and 2 hours": both ends count
DURATION_RANGE = (r"(?:通话时长|时长|持续|用时|lasted|lasting|that lasted|of)?\s*(?:在|between)?\s*(\d+(?:\.\d+)?)\s*(?:到|至|-|~|and|to)\s*"
                  r"(\d+(?:\.\d+)?)\s*(?:个)?\s*(小时|分钟|hours?|hrs?|minutes?|mins?)(?:\s*之间)?")


def _duration(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """How long a follow-up took, compared: "时长超过两小时的拜访记录", "demos that ran longer than 4 hours"."""
    if (m := q.search(DURATION_RANGE)) and not re.search(r"响应|联系上|response|contact", q.text):
        q.take(*m.span())
        per = 60 if m.group(3)[0] in "小h" else 1
        for op, said in (("gte", m.group(1)), ("lte", m.group(2))):
            minutes = float(said) * per
            q.found.setdefault("filters", []).append(Filter("duration", op, int(minutes) if minutes.is_integer() else minutes))
        q.found.setdefault("entity_hint", "activity")
        return
    ops = "|".join(words for _op, words in DURATION_OPS)
    for m in compiled(DURATION.pattern.format(ops=ops)).finditer(q.text):
        said = m.group("op") or m.group("post")
        if not said or not q.free(*m.span()):
            continue  # "4小时内联系上" is the response-time window, not a duration
        op = next(o for o, words in DURATION_OPS if re.fullmatch(words, said))
        raw = m.group("n")
        n = float(raw) if raw[0].isdigit() else 0.5 if raw == "半" else float(chinese_to_int(raw) or 0)
        minutes = n * 60 if m.group("unit")[0] in "小h" else n
        q.take(*m.span())
        q.found.setdefault("filters", []).append(Filter("duration", op, int(minutes) if minutes.is_integer() else minutes))
        q.found.setdefault("entity_hint", "activity")
        return


def _second_window(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """A second period ("上季度赢过单、这季度却一单没赢"), in words no other recogniser claimed: it can only
    belong to a second condition on other records."""
    if "window_span" not in q.found or not q.found.get("more_related"):
        return  # without a second condition a second period is left over, and asked back as not understood
    start, end = q.found["window_span"]
    second = find_window(q.text[:start] + " " * (end - start) + q.text[end:], today)
    if second is not None and q.free(*second[1]) and not period_unit(second[0]):
        q.take(*second[1])
        q.found["extra_window"] = second


STAGE_ENTERED = (r"(进入?了?|推到了?|推进到了?|走到了?|转到了?|转入了?)(?=[^，,。？?]{0,2}(谈判|方案|报价|需求|初步|接洽))"
                 r"|\b(moved|moving|got|went|progressed|advanced|pushed) (in)?to\b(?=.{0,12}\b(negotiation|proposal|"
                 r"needs|initial|discovery|qualification))|\bentered (that |the |their )?(stage\b)?"
                 r"|\b(only )?(got|moved|came) there\b|\breached (that|this|the|their current) stage\b")


def _time_field(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """Which time the question dates by ("签约", "due", "expected to close"); after measures, so 签约金额 stays one."""
    if m := q.search(PAST_EXPECTED_CLOSE):  # before "预计成交日期" is read as the time a window dates
        q.take(*m.span())
        q.found.setdefault("filters", []).append(Filter("flag", "eq", "past_expected_close"))
        q.found.setdefault("entity_hint", "opportunity")
    for pattern, flag in DUE_STATE:  # before "到期"/"due" are read as a due-date window
        if m := q.search(pattern):
            q.take(*m.span())
            q.found.setdefault("filters", []).append(Filter("flag", "eq", flag))
            q.found.setdefault("entity_hint", "payment")
            q.found.setdefault("flag_entities", []).append("payment")
            if q.found.get("window") and not re.search(r"回款|付款|收款|到账|\bpaid\b(?! in full)|\bcollected\b|\breceived\b",
                                                       q.text):
                q.found.setdefault("time_field", "p.due_date")  # "今年已经到期的分期": due this year, not paid
            break
    window = q.found.get("window")
    if window is not None and is_future(window, today) and (
            m := q.search(r"(要|能|会|将|可以|准备|打算)(签下来|签单|签约|成交|关单|拿下)")):
        q.take(*m.span())  # "高娜下周要成交的单子": deals expected to close then, not deals won
        q.take_first(("预计",))
        q.found["time_field"] = "o.expected_close_date"
        q.found.setdefault("entity_hint", "opportunity")
        return
    if m := q.search(r"预计(?=.{1,6}成交)"):  # "预计下周成交": the expected close date, words apart
        q.take(*m.span())
        q.take_first(("成交",))
        q.found["time_field"] = "o.expected_close_date"
        q.found.setdefault("entity_hint", "opportunity")
        return
    if window is not None and (m := q.search(STAGE_ENTERED)):  # "这周进谈判的单子": when they entered the stage
        q.take(*m.span())
        q.found["time_field"] = "o.stage_entered_at"
        q.found.setdefault("entity_hint", "opportunity")
        return
    if m := q.search(r"(新建|新增|新开|新创建|录入|创建)(的)?(?=(商机|单子|项目))"):  # "上周新建的商机": when created
        q.take(*m.span())
        q.found["time_field"] = "o.created_at"
        q.found.setdefault("entity_hint", "opportunity")
        return
    for code, words in TIME_FIELD_WORDS.items():
        if code == "p.due_date" and q.search(r"past[- ]due"):
            continue  # "past due" is the overdue flag, not a due-date window
        if code == "p.paid_at" and q.search(r"部分到账"):
            continue  # "部分到账的分期" is the partially-paid status, not a date
        if code == "l.assigned_at" and q.search(r"assigned leads|已经?分配的|分配了的"):
            continue  # "assigned leads": leads with an owner (a flag), not a date
        if q.take_first(words):
            q.found["time_field"] = code
            q.found.setdefault("entity_hint", TIME_DIMENSIONS[code].entity)  # "新建商机" names deals too
            break
    if window is not None and "time_field" not in q.found and "follow_up_done" not in q.found \
            and re.search(r"分期|(?<!逾)期款|\binstall?ments?\b", q.text) \
            and not re.search(r"回款|付款|收款|到账|收到|实收|已付|付了|\bpaid\b|\bcollected\b|\breceived\b|\b(got|get|gets) "
                              r"money\b|\bmoney (came|come|coming)\b", q.text):
        q.found["time_field"] = "p.due_date"  # "December's installments", "12月的分期": the ones falling due then


def _team_region(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"华东团队" / "the East China team" / "reps in North China": the rep's own region, not the account's."""
    for code, (zh, en, _syn) in _region_labels().items():
        m = q.search(rf"{zh}(?:区|大区)?(?:的)?(?:销售)?(?:团队|业务员|销售们|的人)") or q.search(
            rf"\b{en.lower()} (?:sales )?(?:team|reps|salespeople)|(?:reps|salespeople|sales reps) (?:in|of|from) "
            rf"{en.lower()}")
        if m:
            q.take(*m.span())
            q.found.setdefault("filters", []).append(Filter("team_region", "eq", code))
            if any(w in m.group(0) for w in ("reps", "salespeople", "业务员")):
                q.found.setdefault("entities_extra", []).append("rep")
                q.found["team_region_reps_at"] = m.start()
            if (active := re.search(r"(\bactive |在职的?)$", q.text[:m.start()])) and q.free(*active.span()):
                q.take(*active.span())  # "active reps in North China": the words of the flag are split
                q.found.setdefault("filters", []).append(Filter("flag", "eq", "rep_active"))


def _names(q: Question, today: date, names: NameIndex, caller_id: int | None) -> Clarification | None:
    filters = list(q.found.get("filters", []))
    hits = names.find(q.text)
    # "华南2组的程颖": the team places one of two reps who share the name; it is no condition on the records
    placing = [p[1] for h in hits if h.kind == "rep" and len(h.ids) > 1 and (p := names.placed_rep(q.text, h))]
    for hit in hits:
        if not q.free(*hit.span) or hit.kind == "team" and any(a <= hit.span[0] < b for a, b in placing):
            continue
        q.take(*hit.span)
        if hit.kind == "contract" and not hit.ids:
            return Clarification(f"没有找到合同号为“{hit.name}”的合同，请核对 / No contract numbered '{hit.name}' was found; "
                                 "please check the number.", EXAMPLES, "unknown_name")
        if hit.kind == "city_or_province":
            return Clarification(f"“{hit.name}”是指{hit.name}市还是{hit.name}省？ / Do you mean {hit.name} city or "
                                 f"{hit.name} province?", (f"{hit.name}市", f"{hit.name}省"), "ambiguous_name")
        if len(hit.ids) > 1 and hit.kind == "product":
            return Clarification(f"“{hit.name}”对应 {len(hit.ids)} 个产品，您指的是哪一个？ / '{hit.name}' matches "
                                 f"{len(hit.ids)} products. Which one do you mean?", hit.details, "ambiguous_name")
        if len(hit.ids) > 1 and hit.kind == "rep" and (placed := names.placed_rep(q.text, hit)) is not None:
            q.take(*placed[1])  # "华北的张伟": that 张伟; 华北 places the rep, it is no condition on the records
            filters.append(Filter("rep", "eq", placed[0]))
            q.found.setdefault("notes", []).append(hit.details[hit.ids.index(placed[0])])
            continue
        if len(hit.ids) > 1:
            return Clarification(f"有 {len(hit.ids)} 位叫“{hit.name}”的{_kind_zh(hit)}，您指的是哪一位？ / There are "
                                 f"{len(hit.ids)} records named '{hit.name}'. Which one do you mean?",
                                 hit.details or tuple(f"{hit.name} #{i}" for i in hit.ids), "ambiguous_name")
        if hit.kind in ("product", "product_line"):
            _take_product_verb(q, hit.span[0])
        if hit.kind == "product_line" and (line := re.match(r"(这?(两|几|三|四)?条)?(产品线|线)", q.text[hit.span[1]:])):
            q.take(hit.span[1], hit.span[1] + line.end())  # "生命监护线", "医学影像产品线"
        if hit.kind in ("title", "department", "contact"):  # "华东三甲医院的院长", "the IT directors at ...": those people
            q.found.setdefault("entity_mentions", []).append((hit.span[0], "contact"))
            if said := re.search(CONTACT_FIELD_BEFORE, q.text[:hit.span[0]]):
                q.take(*said.span())  # "职位是院长的联系人", "contacts in the 信息部"
        team = _led_team(q, hit, names)
        found = Filter("team", "eq", team) if team is not None else _name_filter(hit)
        if found.dimension in ("city", "province") and _left_out(q, hit.span):
            found = Filter(found.dimension, "neq", found.value)  # "湖北除了武汉以外的医院", "not in Shanghai"
        said = next((x for x in filters if x.dimension == found.dimension and found.dimension in ("title", "department")), None)
        if said is not None and found != said:  # "院长、副院长": either title, never both at once
            values = [*(said.value if isinstance(said.value, tuple) else (said.value,)),
                      *(found.value if isinstance(found.value, tuple) else (found.value,))]
            filters[filters.index(said)] = Filter(found.dimension, "in", tuple(dict.fromkeys(values)))
            continue
        if found not in filters:  # "CRM seats (SAAS-CRM)": one product, named twice
            filters.append(found)
        if not hit.exact:
            q.found.setdefault("notes", []).append(f"“{q.text[hit.span[0]:hit.span[1]]}”按“{hit.name}”理解")
    q.found["filters"] = filters
    return None


# The field named before a title or department: "职位是", "部门为", "who sit in", "with the title".
CONTACT_FIELD_BEFORE = (r"(职位|职务|头衔|岗位|部门|科室)(是|为|在)?\s*$|\b((with )?(the |a )?(job )?title( of| is)?|(in |from )?(the )?"
                        r"department( of| is)?|(sit|sits|work|works|working) (in|at) (the )?)\s*$")
# What a deal does with a product, just before it: "带监护仪的商机", "涉及C300的单子", "deals that include the X5".
PRODUCT_VERB = re.compile(r"(带了|带有|带|涉及到?|包含了?|含有|含|挂着?|里有|(?P<won>签下了?|赢下了?|卖了|卖出了?|卖|(?<![没未])买了|(?<![没未])买))\s*$|\b(that |which )?(include[sd]?|including|"
                          r"contain(s|ing)?|carrying|featuring)( anything from| any of| any| an?| the)?( the)?\s*$")


def _take_product_verb(q: Question, start: int) -> None:
    if m := PRODUCT_VERB.search(q.text[:start]):
        if q.free(*m.span()):
            q.take(*m.span())
            if m.group("won"):  # "三甲医院里今年签下A100的": won deals with it
                q.found["product_won"] = True


# "卢敏团队", "卢敏带的组员", "吕伟's team", "who reports to 宋倩": the team a manager leads, not the manager's own rows.
LED_AFTER = (r"\s*(的)?(团队|小组|组里|组内|组员|组|手下的人|手下|下属|下面的人|带的(组员|人|团队|小组|组)?|那组|那个组)|'s (sales )?"
             r"(team|reps|direct reports|reports)\b|\s+team\b")
LED_BEFORE = r"(reports? to|reporting to|working for|under)\s*$"
LED_PEOPLE = ("组员", "手下", "下属", "下面的人", "带的", "reps", "reports", "report", "under", "working for")


def _led_team(q: Question, hit: NameHit, names: NameIndex) -> int | None:
    """The team ``hit`` leads, when the question speaks of the manager's team rather than of the person."""
    if len(hit.ids) != 1 or hit.kind != "rep" or hit.ids[0] not in names.led_teams:
        return None
    start, end = hit.span
    after = re.match(LED_AFTER, q.text[end:])
    before = re.search(LED_BEFORE, q.text[:start])
    if not (after or before):
        return None
    if after:
        q.take(end, end + after.end())
    if before:
        q.take(before.start(), start)
    said = (after.group(0) if after else "") + (before.group(0) if before else "")
    if any(w in said for w in LED_PEOPLE):
        q.found.setdefault("entities_extra", []).append("rep")  # "卢敏带的组员都有谁": the people
    return names.led_teams[hit.ids[0]]


def _kind_zh(hit: NameHit) -> str:
    return {"rep": "业务员", "account": "客户", "contact": "联系人"}.get(hit.kind, "记录")


def _name_filter(hit: NameHit) -> Filter:
    if hit.kind == "rep":
        return Filter("rep", "eq", hit.ids[0])
    if hit.kind == "account":
        return Filter("account", "eq", hit.ids[0])
    if hit.kind in ("city", "province"):
        return Filter(hit.kind, "eq", hit.name)
    if hit.kind == "product":
        return Filter("product", "eq", hit.ids[0])
    if hit.kind == "contract":
        return Filter("contract", "eq", hit.ids[0])
    if hit.kind == "contact":
        return Filter("contact", "eq", hit.ids[0])
    if hit.kind in ("title", "department"):  # "院长", "procurement": one stored value or several
        return Filter(hit.kind, "in", hit.details) if len(hit.details) > 1 else Filter(hit.kind, "eq", hit.name)
    if hit.kind == "team":
        return Filter("team", "eq", hit.ids[0])
    if len(hit.details) > 1:  # "医疗产品": several lines
        return Filter("product_line", "in", hit.details)
    return Filter("product_line", "eq", hit.name)


# "the distributors that have overdue payments": those accounts, not their overdue installments
ACCOUNTS_THAT = r"\b(accounts?|customers?|clients?|hospitals?|distributors?|stores?|schools?|labs?) (that|which|who|with)\b"
ACCOUNT_COUNT = (r"(多少|几)(家|个)(客户|医院|公司|经销商|学校|门店|实验室)?|how many (customers|accounts|clients|hospitals|"
                 r"distributors|stores|schools|labs|companies)|number of (customers|accounts|hospitals|distributors|stores)")


def _follow_up(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    first = _related(q)
    if first is not None:
        target, done, kinds, span = first
        q.found["follow_up_done"] = done
        if target != "activity":
            q.found["absence"] = target  # the related records that must (not) exist
        if kinds:
            q.found["follow_up_kinds"] = kinds
        q.found["related_span"] = span
        # "有逾期款但这个月没人去拜访的客户": further conditions on other records, all of which must hold
        while (more := _related(q)) is not None:
            q.found.setdefault("more_related", []).append(more)
        if target == "activity" and not done and (m := next((m for w in STALE_WORDS if (m := q.search(w))), None)):
            q.take(*m.span())  # "stale deals, no follow-up in 3 weeks": the window said is what stale means here
            q.found.setdefault("entity_hint", "opportunity")
            q.found.setdefault("filters", []).append(Filter("flag", "eq", "open"))
        return
    m = next((m for w in STALE_WORDS if (m := q.search(w))), None)
    if m:
        q.take(*m.span())
        q.found["stale"] = True
        q.found.setdefault("entity_hint", "opportunity")


def _related(q: Question) -> tuple[str, bool, tuple[str, ...], tuple[int, int]] | None:
    """The next condition on related records: (target, must exist, activity types, span), taken from the question."""
    for related, present in ((ABSENCE_WORDS, False), (PRESENCE_WORDS, True)):
        for pattern, target in related:
            hit = q.search(pattern)
            if hit and present and target == "overdue_payment" and not re.search(
                    ACCOUNT_COUNT + r"|合同|\bcontracts?\b|(里|中|当中)[^，,。？?]{0,8}(占比|比例|比重)|\b(which|how many) of (them|those|these)\b|"
                    + ACCOUNTS_THAT, q.text) and not any(
                    re.search(p, q.text) for p, _k in TYPED_NEGATION):  # "有逾期应收、近两周又没人上门的医院": both
                continue  # "哪些客户有逾期的回款" lists the overdue amounts by account, which follow-ups can rank
            if hit and present and target == "overdue_payment" and q.en and re.fullmatch(
                    r"((list|show|give|find|get|pull)( me)?|which|what|what are)?\s*(the |all |all the |any )?", q.text[:hit.start()]):
                continue  # "overdue installments on my team's contracts": the installments are the head noun
            if hit:
                q.take(*hit.span())
                if target in ("open_opportunity", "opportunity") and not re.search(r"商机|单子|deal|opportunit",
                                                                                    hit.group(0)):
                    # "有在跟监护仪商机的医院": the deal word after the product is part of the condition
                    if (deal := re.compile(r"商机|单子").search(q.text, hit.end(), hit.end() + 14)) and q.free(*deal.span()):
                        q.take(*deal.span())
                if target == "contract" and not re.search(r"合同|contract", hit.group(0)) and (
                        deal := re.compile(r"合同").search(q.text, hit.end(), hit.end() + 14)) and q.free(*deal.span()):
                    q.take(*deal.span())  # "签过500万以上合同的医院": the contract word after the amount is the condition's
                return target, present, (), hit.span()
    for typed, done in ((TYPED_NEGATION, False), (TYPED_POSITIVE, True)):
        for pattern, kinds in typed:
            m = q.search(pattern)
            if m:
                q.take(*m.span())
                return "activity", done, kinds, m.span()
    for words, done in ((NEGATED_FOLLOW_UP, False), (POSITIVE_FOLLOW_UP, True)):
        m = next((m for w in words if (m := q.search(w))), None)
        if m:
            q.take(*m.span())
            # "nobody called them": no call; "nobody has visited": no visit; else any follow-up
            said: tuple[str, ...] = ("call",) if re.search(r"\b(called|phoned)\b", m.group(0)) else (
                ("visit",) if re.search(r"\bvisited\b", m.group(0)) else ())
            return "activity", done, said, m.span()
    return None


def _from_lead(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """Accounts (and their records) that came from a converted lead: "线索转化过来的客户", "accounts that came from
    trade-show leads", "转化客户". The lead's source, when named, must match."""
    for pattern in FROM_LEAD:
        m = q.search(pattern.format(src=_lead_sources()))
        if m:
            q.take(*m.span())
            if q.text[m.start()] not in "是从由" and (which := re.search(r"(哪|哪一|什么)(条|个|些|批)$", q.text[:m.start()])):
                q.take(*which.span())  # "X是从哪条线索转化来的": the lead itself, found by the account it became
                q.found.setdefault("entity_mentions", []).append((m.start(), "lead"))
                return
            said = m.groupdict().get("src")
            source = next((code for word, code in _source_words() if said and said.strip(" -") == word), "any")
            window = _lead_window(q, m.span())
            # "不是线索转化来的客户", "accounts that did not come from leads": the accounts no lead became
            if neg := re.search(r"(不是|并不是|并非|不)$|\b(did not|didn't|do not|don't|not)\s*$", q.text[:m.start()]):
                q.take(*neg.span())
            q.found.setdefault("filters", []).append(Filter("from_lead", "neq" if neg else "eq",
                                                            LeadOrigin(source, window)))
            return


# what may stand between the lead words and a period that dates the leads: "phone leads (created) last week"
LEAD_DATED = r"\s*((that|which) (were |was )?)?(created|generated|captured|received|came in|coming in)?\s*"


def _lead_window(q: Question, span: tuple[int, int]) -> TimeWindow | None:
    """The question's period, when it is written against the lead words: "近30天展会线索转化来的客户" dates the
    leads, "本月新增的展会线索转化客户" the accounts. The period then belongs to the leads only."""
    at = q.found.get("window_span")
    if at is None:
        return None
    # "今年从线索转化来的客户" dates what the question counts; "近30天展会线索…" the leads
    before = at[1] <= span[0] and re.fullmatch(r"[\s的]*", q.text[at[1]:span[0]]) and q.text[span[0]] not in "是从由"
    after = at[0] >= span[1] and re.fullmatch(LEAD_DATED, q.text[span[1]:at[0]], re.I)
    if not (before or after) or not (window := q.found.get("window")):
        return None
    if period_unit(window):
        return None
    del q.found["window"], q.found["window_span"]
    if after:
        q.take(span[1], at[0])
    return window


# the lead words come first, the account's own words stay for the entity: "微信渠道转化来的|客户"
FROM_LEAD = (
    r"(是)?((从|由))?((?P<src>{src})(渠道|来源)?的?)?(已转化的?)?线索(里)?(转化|转换|转|带)(成|为)?(过来|而来|来|出来)?的"
    r"(那批|那些|这批)?",
    r"(?P<src>{src})(渠道|来源)的?(线索)?(转化|转)(成|为)?(过来|而来|来)?的",
    # "展会来的客户", "转介绍过来的医院", "转介绍客户": the source said of the account itself
    r"(是)?(从|由)?(?P<src>{src})(渠道|来源)?(线索)?(转化|转)?(过来|进来|而来|来)的(?=[^，,。？?]{{0,4}}?"
    r"(客户|医院|公司|学校|经销商|门店|实验室))",
    r"(?P<src>转介绍|展会)(?=(客户|医院))",
    r"已转化的?线索(对应|关联|转成)的",
    r"(?<!线索)转化(过来|而来|来)?的?(?![成为率])(?=[^，,。？?]{{0,8}}?(客户|医院|公司|学校|经销商|门店|实验室))",
    r"\b(that |which |who )?(came|come|coming|originated|originating)( in)? (out of|from|through|via) (an? |our |the )?"
    r"(converted )?((?P<src>{src})[ -]?)?leads?\b",
    r"\b(that |which )?(were |was )?(we )?(got|converted|acquired|sourced)( them)? (from|out of|through) (an? |our |the )?"
    r"((?P<src>{src})[ -]?)?leads?\b",
    r"\bconverted[- ]leads?(?= (accounts?|customers?|clients?|hospitals?))",
    r"\blead[- ](sourced|generated|originated)(?= (accounts?|customers?|clients?|hospitals?))",
    r"\b(that |which |who )?(came|come|coming) in as (an? )?(?P<src>{src})[ -]?leads?\b",
    r"\b(?P<src>{src})[ -](sourced|originated|generated)\b",
    r"\b(that |which |who )?(were |was )?(sourced|originated|generated) (from|through|via|by) (an? |our |the )?"
    r"(?P<src>{src})( leads?)?\b",
)


@lru_cache(maxsize=1)
def _source_words() -> tuple[tuple[str, str], ...]:
    words = [(w.lower(), code) for code, (zh, en, syn) in (DIMENSIONS["lead_source"].values or {}).items()
             for w in (zh, en, *syn)]
    return tuple(sorted(words, key=lambda wc: -len(wc[0])))


@lru_cache(maxsize=1)
def _lead_sources() -> str:
    return "|".join(re.escape(w).replace("\\ ", "[ -]?").replace("\\-", "[ -]?") for w, _c in _source_words())


def _mine(q: Question, today: date, names: NameIndex, caller_id: int | None) -> Clarification | None:
    if word := q.take_first(TEAM_WORDS):
        team = q.found.get("caller_team")
        if re.search(r"reps|people|组员|下属|手下|组里|组内", word) and re.search(
                r"\beach\b|\bper (rep|person)\b|各自|分别|每个人|每人|每位|各人", q.text):
            q.found.setdefault("group_candidates", []).append(("rep",))  # "my reps … how much each": per rep
        elif re.search(r"reps|people|组员|下属|手下的人", word) or re.search(r"(的|,|，)(人)?(是谁|有谁|都有谁|是哪些人|有哪些人)"
                                                                       r"[?？]?$", q.text):
            # "which of my reps closed a deal", "组里本月还没赢过单的是谁": those people
            q.found.setdefault("entity_mentions", []).append((max(q.text.find(word), 0), "rep"))
        if team is None:
            return Clarification("“我们组”是指哪个团队？请用 --as 邮箱 提问 / Which team is 'my team'? Ask with "
                                 "--as EMAIL.", (), "who")
        q.found.setdefault("filters", []).append(Filter("team", "eq", team))
    elif q.take_first(MY_WORDS):
        q.found["mine"] = True
    return None


def _unassigned(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if q.take_first(UNASSIGNED_WORDS):
        q.found.setdefault("filters", []).append(Filter("owner_missing", "is_null"))


OWNER_MARKERS = r"名下|手上|手里|负责的|挂在|挂着|负责人(已经|已)?离职|(客户|商机|单子|线索|合同)[^，,。]{0,6}离职的?(销售|业务员|人员|员工)\s*[？?。]?\s*$|\bowned by\b|\bowners?\b|\bbelong(ing|s)? to\b|\bassigned to\b|\bheld by\b"
CLOSED_VERB = r"\bclosed(?= (the most|most|more|fewer|the fewest|the least|any|a|an|\d+)\b)|\bdid .{1,40}? close\b"


def _flags(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if m := q.search(CLOSED_VERB):  # "which reps closed the most deals": a rep closes a deal by winning it
        q.take(m.start() if m.group(0) == "closed" else m.end() - len("close"), m.end())
        q.found.setdefault("values", []).append(("stage", "closed_won"))
    for word, code, pattern in _flag_words():
        if word not in q.text:  # a plain substring test first: most flag words are not in a question
            continue
        m = q.search(pattern, word=word.isascii())
        if m and code in ("ineffective", "effective") and re.search(r"线索|\blead", q.text):
            continue  # "无效线索" is a lead's status (disqualified), not a follow-up marked ineffective
        if m:
            q.take(*m.span())
            if all(not (x.dimension == "flag" and x.value == code) for x in q.found.setdefault("filters", [])):
                q.found["filters"].append(Filter("flag", "eq", code))
                owner = code in ("rep_active", "rep_inactive") and re.search(OWNER_MARKERS, q.text)
                if owner:  # "离职人员名下的客户": the records' owner has left, so the records are the answer
                    q.found["owner_flag"] = True
                q.found.setdefault("flag_entities", []).append(None if owner else FLAG_ENTITY.get(code))


@lru_cache(maxsize=1)
def _flag_words() -> tuple[tuple[str, str, str], ...]:
    """(word, flag, pattern) for every condition word, longest first."""
    pairs = sorted(((w.lower(), code) for code, (_c, _zh, _en, words) in FLAGS.items() for w in words),
                   key=lambda p: -len(p[0]))
    return tuple((w, code, re.escape(w)) for w, code in pairs)


STRONG_COUNT = r"#\s*of\b|(?<=拜访|跟进|线索|商机|电话|订单|合同)量|(?<![哪那这])(?:几|多少)(?:个(?!小时|月|星期|礼拜|工作日)|家|条|次|笔|份|位|单|名)|数量|个数|总数|次数|how many(?! days)|number of|\bcount\b|no\. of"
ENTITY_COUNT = r"(?<=[\u4e00-\u9fff])(?<!天)数(?:量|目)?(?![\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])数(?=是|有|为|多少)"
LIST_MARKERS = (r"哪些|哪几|列出|列一下|名单|清单|明细|记录|\bwhich\b|\blist\b|show me the|(?<!trade )(?<!trade-)\bshow\b|"
                r"^(the |my |our |all )?(payments|installments|deals|opportunities|contracts|leads|accounts|customers) (i|we|"
                r"he|she|they|you|that|which)\b")  # "payments I collected this week": those payments
# Words that make an entity-like measure word ("回款") a figure rather than a list of records.
AMOUNT_MARKERS = r"多少|金额|总额|额|合计|总计|总和|按|各|每|排名|最|前\s*[\d一二两三四五六七八九十]|top|how much|total|sum|amount|by |per |most|highest"


# Two figures asked together: "数量和金额", "count and total value", "how many and how much".
BOTH_FIGURES = (r"(数量|个数|多少个|几个|笔数|单数|份数)\s*(和|及|以及|与|、|,|，|跟)\s*(合同|商机|回款)?(总)?(金额|总额|多少钱)|"
                r"(有)?(多少|几)(个|单|笔|份|家)\s*[,，、]\s*(一共|总共|合计)?(是)?(多少钱|多少金额)|"
                r"(多少|几)(单|个|笔|家)\s*[,，、]\s*(总)?金额(是)?多少|"
                r"(多少|几)(单|个|笔|份)(合同|商机|单子)\s*[,，、]\s*(合同|商机)?(总)?金?额(是|一共|总共|合计)?多少|"
                r"(金额|总额)\s*(和|及|以及|与|、|,|，|跟)\s*(数量|个数|笔数|单数)|"
                r"\b(count|number)\b( of \w+)? and (the )?(total )?(value|amount|sum)\b|"
                r"\b(total )?(value|amount)\b and (the )?(count|number)\b|how many and how much|"
                r"\band (what|how much) (do|does|did) (they|it|those|these|that) (add up to|total|come to|amount to)\b|"
                r"\band (what|how much) (are|is|were|was) (they|it|those|these|that) worth\b")


# Two named figures side by side: "赢单金额和赢单数", "线索数和转化率", "拜访了几次、一共花了多少分钟", "won deals and
# revenue". A count beside a figure counts the figure's own records (赢单金额和单数: the won deals).
RECORD_NOUNS_EN = r"(?:deals|opportunities|leads|payments|installments|contracts|accounts|customers|wins|visits|calls|quotes)"
COUNT_FIGURE = (r"(?:逾期|未收|赢单|输单|新增|新建|成交)?(?:线索|商机|客户|合同|回款|跟进|拜访|报价|订单|单子|分期)?"
                r"(?:数量|个数|笔数|单数|次数|家数|条数|份数|总数)|(?:线索|商机|客户|合同|订单|报价)数(?![据字])"
                r"|(?:有|了)?(?:多少|几)(?:家|个|条|笔|单|份|次)"
                rf"|\b(?:the )?(?:count|number)(?: of (?:\w+ )?{RECORD_NOUNS_EN})?\b|\bhow many(?: {RECORD_NOUNS_EN})?\b"
                r"|\b(?:won|new|open|lost) (?:deals|opportunities|leads)\b|^(?:deals|opportunities|leads|wins)\b")
PAIR_JOINT = r"\s*(?:和|及|以及|与|跟|、|,|，)\s*(?:各自的|的|一共|总共)?\s*|\s*,?\s*\b(?:and|&|plus)\s+(?:the |their |its |total )?"
# "Leads by source this month, with average budget", "Cash collected per month in Q3, and how many payments": a
# second figure added at the end.
TAIL_FIGURE = (r"[,，]?\s*\b(?:and|with|plus)\s+(?:the |their )?(?P<fig>total|average|avg|how many|count|number)"
               rf"(?: (?:amount|value|budget|{RECORD_NOUNS_EN}|of {RECORD_NOUNS_EN}))?\s*[?？]?$")


# "最后一次跟进是什么时候", "when did I last visit X": the latest activity time. The activity word itself stays for
# the entity and type recognisers ("拜访" keeps visits only).
LAST_ACTIVITY_ZH = (r"(最后|最近|上)一?次(?:跟进|拜访|联系|沟通|通话|打电话|去)?[^，,。？?]{0,6}?"
                    r"((?:是)?(?:在)?(?:什么时候|啥时候|哪天|哪一天|几号|什么日子|时间|日期))")
LAST_ACTIVITY_EN = (r"\bwhen (?:did|was|were|has|have) (?:(?:anyone|anybody|someone|somebody|we|i|you|he|she|they) )?"
                    r"last(?: (?:followed up|follow up|touched base|touch base|reached out|talked|spoke|heard from|"
                    r"been in touch|had contact))?\b|\b(?:date of (?:the )?last|last)(?= (?:follow[- ]?up|activity|"
                    r"touch ?point)\b( date)?)")

# the last time money came in: "When did X last pay us?", "when was their last payment"
LAST_PAYMENT_EN = (r"(?P<when>\bwhen (?:did|was|were|has|have))\b.{0,60}?(?P<last>\blast (?:pay|paid|make a payment|"
                   r"made a payment|send (?:us )?(?:money|a payment))(?: us)?\b|\b(?:the |their |its )?last payment\b"
                   r"(?: (?:come in|received|made|arrive))?)")
PAID_WORDS = r"回款|付款|打款|收款|到账|回钱|付钱"


# A question about each listed record's status, owner, stage or region, said at its end: "合同现在是什么状态",
# "重庆市康复医院的合同是谁在负责", "这几个单子都到哪一步了", "海南省人民医院属于哪个大区", "who owns them?".
END = r"(?=\s*[?？。!！]*\s*$)"
SHOWN = (
    (r"(现在|目前)?(都)?(是|处于|在)?(什么|啥|哪种|哪个)状态(了)?" + END + r"|(的)?状态(分别)?(是|为)?(什么|啥|如何)" + END
     + r"|\bwhat(?:'s| is| are)? (?:the |their |its )?status(?:es)?\b|\bstatus of\b", "status"),
    (r"(现在|目前)?(都)?(是|由)?谁在?(负责|跟进?|管|签的?)(的)?" + END + r"|(的)?负责人(是谁|是哪位|都是谁|分别是谁)" + END
     + r"|\bwho (owns|handles|is handling|is responsible for|manages|looks after)\b|\bwho(?:'s| is) (?:the )?owner\b"
     + r"|^(?:and |also |now )?(?:show|list|add|include|give)(?: me)? (?:their|the|its|each one's) owners?" + END
     + r"|\bwho (?:are|were) (?:their|the) owners?\b|^(?:and )?(?:their|the) owners?" + END, "owner"),
    # "which accounts are they with?", "分别是哪家客户的": the account each listed record belongs to
    (r"(分别|都)?是(哪家|哪个|哪些|哪几家)(客户|医院|公司)的" + END
     + r"|\bwhich (accounts?|customers?|hospitals?) (are|is|were|was) (they|these|those|it) (with|for|at|from)\b"
     + r"|^(?:and )?(?:show|list|add|include)(?: me)? (?:their|the) (?:accounts?|customers?)" + END, "account"),
    (r"(现在|目前)?(都)?(走|推进|进行|推)?(到|在|处于)(了)?(什么|哪个|哪一个|哪一)(阶段|步)(了)?" + END
     + r"|(都)?到哪一?步(了)?" + END + r"|\bwhat stage (is|are)\b|\bwhich stage (is|are)\b", "stage"),
    # "联系人汪倩的手机号给我", "她的电话和邮箱呢", "What's the email for our contact 汪倩?"
    (r"(的|和)(手机号码?|手机|电话号码|电话|联系方式)(是多少|是什么|给我|发我|呢)?(?=(和(邮箱|email))?\s*(是多少|给我|发我|呢)?\s*[?？。!！]*\s*$)"
     r"|\bwhat(?:'s| is| are) (?:the |their |her |his |its )?(?:phone|mobile)(?: numbers?)?(?: for| of)?\b"
     r"|^(?:the )?(?:phone|mobile)(?: numbers?)? (?:of|for)\b|\bnames? and (?:phone|mobile)(?: numbers?)?\b", "phone"),
    (r"(的|和)(邮箱|email)(地址)?(是多少|是什么|给我|发我|呢)?" + END
     + r"|\bwhat(?:'s| is| are) (?:the |their |her |his |its )?e-?mails?(?: address(?:es)?)?(?: for| of)?\b", "email"),
    # "拜访了哪些客户、什么时候": when each follow-up happened
    (r"[、，,]\s*(?:都是|分别是|是)?(?:什么时候|哪天|几号)(?:去的|拜访的|跟进的|做的|的)?" + END, "occurred"),
    (r"(?:[，,]\s*|(?<=产品))(?:的)?(?:标价|价格|定价|售价|单价)(?:是|都是|分别是|分别)?多少(?:钱)?" + END, "amount"),  # "哪些产品，标价多少"
    (r"(是)?属于哪个(大区|区域)" + END + r"|\bwhich region (is|are) .{2,40} in\b|\bin which region\b", "region"),
    # "show my overdue invoices and how many days late each one is", "各逾期多少天": each installment's days overdue
    (r"(,|，)?\s*(and )?how many days (late|overdue|past due) (is |are )?(each one|each|they|it)( is| are)?\b"
     r"|(,|，)?\s*(各|分别|都)?(逾期|超期|拖欠)了?(多少|几)天(了)?" + END, "days_overdue"),
)


def _shown(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    listed = fields_listed(q.text)  # before the single asks: "要职位和电话" is two columns, not "…和电话"
    if listed and q.free(*listed.span()):
        q.take(*listed.span())
        q.found["fields_listed_at"] = listed.start()
        said = listed.groupdict()
        for word in re.findall(f"{FIELD_MORE_EN}|{FIELD_MORE_ZH}", said.get("fields") or said.get("fields2") or
                               said.get("fields3") or ""):
            if shown := _field_attribute(word):
                q.found.setdefault("show", []).append(shown)
        return
    for pattern, attribute in SHOWN:
        if m := q.search(pattern):
            q.take(*m.span())
            q.found.setdefault("show", []).append(attribute)
    if m := (listed if listed and q.free(*listed.span()) else None) or q.search(FIELDS_ASKED_EN) or q.search(
            FIELDS_ASKED_ZH):
        # "…, with the amount and the close date", "…，显示金额和关闭时间": columns of the list, never a total (an
        # English question may name a rep in Chinese: "蒋建华's contracts signed this year, with amounts")
        q.take(*m.span())
        if m is listed:
            q.found["fields_listed_at"] = m.start()
        said = m.groupdict()
        said_fields = said.get("fields") or said.get("fields2") or said.get("fields3") or ""
        for said in re.findall(f"{FIELD_MORE_EN}|{FIELD_MORE_ZH}", said_fields):
            if shown := _field_attribute(said):
                q.found.setdefault("show", []).append(shown)


# Fields said as a phrase: "whether each one is flagged as a decision maker", "when they were created".
FIELD_PHRASES = ((r"decision maker", "decision_maker"), (r"on sale", "on_sale"), (r"created", "created"),
                 (r"signed", "signed"), (r"closed|won|lost", "closed"), (r"who owns", "owner"),
                 (r"which rep", "owner"), (r"came in|received", "paid_at"), (r"paid", "amount_paid"),
                 (r"date/time|happened", "occurred"))


NAME_FIELDS = r"^(?:names?|名称|名字|编号|counts?|number (?:of \w+|won))$"  # a count comes with a figure, not a list


def fields_listed(text: str) -> re.Match[str] | None:
    """Two or more columns asked for at the end of a list question; not figures ("Open pipeline by region: number of
    deals and total value")."""
    m = re.search(FIELDS_LISTED_EN, text) or re.search(FIELDS_LISTED_ZH, text)
    if m and re.search(r"\b(counts?|number of|number won|total|totals)\b|数量|个数", m.group(0)):
        return None
    typed_apart = [w for w in re.split(r"[\s+、,，/和]+", m.groupdict().get("fields3") or "") if w] if m else []
    if typed_apart and (typed_apart[-1] in HEAD_NOUNS or not set(typed_apart) - LOOSE_WORDS):
        return None  # "下周 预计成交 商机": keywords typed apart, ending on the records asked for, not columns
    return m


# Words that, typed apart without "列/带/要" before them, are more likely the question's own keywords than columns.
LOOSE_WORDS = {"商机", "客户", "单子", "业务员", "销售", "预计成交", "联系人", "时间", "类型", "团队"}
HEAD_NOUNS = {"商机", "客户", "单子", "业务员", "销售", "联系人"}


def _field_attribute(said: str) -> str | None:
    """The attribute a field word names; None for the record's own name, which every list shows, and "unknown" for
    a word the list cannot show (asked back rather than left out)."""
    said = re.sub(r"\s*[（(][^()（）]*[)）]$", "", said) if not said.startswith("时长") else said  # "payment terms (days)"
    if re.match(NAME_FIELDS, said):
        return None
    for plural, one in (("ies", "y"), ("es", ""), ("s", "")):
        if said.endswith(plural) and said[:-len(plural)] + one in FIELD_ATTRIBUTE:
            return FIELD_ATTRIBUTE[said[:-len(plural)] + one]
    if said in FIELD_ATTRIBUTE:
        return FIELD_ATTRIBUTE[said]
    if said.startswith(("whether", "when", "which", "how much", "the date", "date", "amount", "who owns")):
        return next((a for rx, a in FIELD_PHRASES if re.search(rx, said)), "unknown")
    return "unknown"


def _list_order(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"ordered by amount descending", "oldest first", "按创建时间从早到晚排": how a list is sorted, not a figure."""
    if m := q.search(LIST_ORDER_EN if q.en else LIST_ORDER_ZH):
        q.take(*m.span())
        found = m.groupdict()
        first = found.get("first") or ZH_FIRST.get(found.get("zfirst") or "")
        if found.get("field5"):  # a class or grade: best first (A before C, 3A before 1) unless reversed
            worst_first = re.search(r"从低到高|升序|正序", found.get("dir5") or "")
            field = ORDER_FIELD[found["field5"]]
            q.found["list_sort"] = (field, "desc" if (field == "grade") != bool(worst_first) else "asc")
            return
        said = found.get("dir") or found.get("dir2") or found.get("dir4") or (f"{first} first" if first else "")
        field = ORDER_FIELD.get(found.get("field") or found.get("field2") or found.get("field3") or found.get("field4")
                                or "") or (
            "time" if re.search(r"old|new|late|earl|recent|早|晚|新|旧", said) else "amount")
        asc = re.search(r"asc|oldest first|earliest first|smallest first|lowest first|(low|lowest|smallest|oldest|earliest) to|"
                        r"低到高|小到大|早到晚|旧到新|升序|正序", said)
        q.found["list_sort"] = (field, "asc" if asc else "desc")


ZH_FIRST = {**dict.fromkeys(("最新", "最近", "新", "最晚", "晚"), "newest"), **dict.fromkeys(("最早", "早", "最旧", "旧"), "oldest"),
            **dict.fromkeys(("金额最大", "金额大", "最大", "大"), "largest"),
            **dict.fromkeys(("金额最小", "金额小", "最小", "小"), "smallest")}
ORDER_FIELD = {"amount": "amount", "value": "amount", "size": "amount", "budget": "amount", "list price": "amount",
               "unpaid balance": "owed", "outstanding amount": "owed", "balance": "owed",
               "expected close date": "expected_close", "close date": "closed", "closing date": "closed",
               "creation date": "time", "created date": "time", "date created": "time", "signing date": "time",
               "due date": "due", "金额": "amount", "预算": "amount", "标价": "amount", "预计成交日期": "expected_close",
               "创建时间": "time", "签约时间": "time", "到期日": "due", "到期日期": "due", "关闭时间": "closed",
               "合同金额": "amount", "应收金额": "amount", "年营收": "revenue", "年收入": "revenue", "annual revenue": "revenue",
               "入职日期": "time", "入职时间": "time", "回款时间": "paid", "到账时间": "paid", "付款时间": "paid",
               "首次联系时间": "first_contact", "跟进时间": "time", "拜访时间": "time", "报价时间": "time", "时间": "time",
               "日期": "time", "时长": "duration", "客户分级": "class", "客户等级": "class", "分级": "class",
               "医院等级": "grade", "等级": "grade", "城市": "city", "所在城市": "city"}
_DIR_EN = (r"descending|desc|ascending|asc|(?:from )?(?:high|highest|largest|biggest|newest|latest|low|lowest|smallest|oldest|"
           r"earliest) to (?:high|highest|largest|biggest|newest|latest|low|lowest|smallest|oldest|earliest)|largest first|"
           r"biggest first|smallest first|oldest first|newest first|latest first|earliest first|most recent first")
LIST_ORDER_EN = (r"(?:[,;]|\s[-—])?\s*(?:(?:(?:ordered|sorted|arranged|ranked) by|(?:order|sort)(?: them| those| these)? by) "
                 r"(?:the |their )?(?P<field>"
                 r"amount|value|size|budget|list price|unpaid balance|outstanding amount|balance|annual revenue|expected close date|close date|closing date|creation date|created "
                 rf"date|date created|signing date|due date)(?:,? (?P<dir>{_DIR_EN}))?|(?P<first>oldest|newest|latest|earliest|"
                 r"largest|biggest|smallest|most recent|highest|lowest)(?: (?:amount|value|budget|deal|ones?|hire|revenue))? first)\b")
LIST_ORDER_ZH = (r"[，,]?\s*按(?P<field>预计成交日期|创建时间|签约时间|关闭时间|到期日期|到期日|预算|标价|年营收|年收入|入职日期|入职时间|"
                 r"回款时间|到账时间|付款时间|首次联系时间|跟进时间|拜访时间|报价时间|时间|日期|时长)"
                 # "按签约时间倒序": a direction said is a sort, with or without 排
                 r"(?:(?P<dir>从高到低|从低到高|从大到小|从小到大|从早到晚|从晚到早|从新到旧|从旧到新|降序|升序|倒序|正序)"
                 r"(?:排序|排列|排一下|排)?|(?:排序|排列|排一下|排))"
                 # "最新的排前面", "早的在前", "金额大的在前面"
                 r"|[，,]?\s*(?P<zfirst>最新|最近|新|最晚|晚|最早|早|最旧|旧|金额最大|金额大|最大|大|金额最小|金额小|最小|小)的?(?:排|放|在)(?:最)?前(?:面|头|边)?"
                 # "按金额从大到小排": only with a direction, so "按金额排个前三" stays a ranking
                 r"|[，,]?\s*按(?P<field2>金额|合同金额|应收金额|年营收|年收入)(?P<dir2>从高到低|从低到高|从大到小|从小到大|降序|升序|倒序|正序)"
                 r"(?:排序|排列|排一下|排)?"
                 # "谈判阶段的商机，金额从大到小": an order said at the end, with no 按
                 r"|[，,]\s*(?P<field4>金额|合同金额|应收金额|年营收|年收入|预算|标价)(?P<dir4>从高到低|从低到高|从大到小|从小到大|降序|升序|倒序|"
                 r"正序)(?:排序|排列|排一下|排)?(?=\s*[?？。]?\s*$)"
                 # "上海的门店客户，按客户分级排一下": accounts in class order, said at the end
                 r"|[，,]?\s*按(?P<field5>客户分级|客户等级|分级|医院等级|等级|所在城市|城市)(?P<dir5>从高到低|从低到高|降序|升序|倒序|正序)?"
                 r"(?:排序|排列|排一下|排个序|排)(?:一下)?(?:吧)?(?=\s*[?？。]?\s*$|[，,])"
                 # "按金额排一下" said alone after a list: that list, largest first
                 r"|^(?:那|再)?(?:把它们|把这些|这些)?按(?P<field3>金额|合同金额|应收金额)(?:排序|排列|排一下|排个序|排)(?:一下)?(?:吧)?[。.?？]?$")


# Fields a list is asked to show, said at the end: the identifying name is always shown, a count comes with a figure.
FIELD_ATTRIBUTE = {
    "loss reason": "loss_reason", "输单原因": "loss_reason", "丢单原因": "loss_reason",
    "amount": "amount", "amount due": "amount", "balance": "amount_owed", "unpaid balance": "amount_owed",
    "amount paid": "amount_paid", "close date": "closed", "closing date": "closed", "date closed": "closed",
    "creation date": "created", "created date": "created", "date created": "created", "signing date": "signed",
    "signed date": "signed", "date signed": "signed", "date paid": "paid_at", "paid date": "paid_at",
    "payment date": "paid_at", "due date": "due", "expected close date": "expected_close", "budget": "budget",
    "source": "source", "city": "city", "cities": "city", "owner": "owner", "rep": "owner", "stage": "stage",
    "status": "status", "title": "title", "phone": "phone", "phone number": "phone",
    "金额": "amount", "应收金额": "amount", "实收金额": "amount_paid", "未收金额": "amount_owed", "预计成交日期": "expected_close",
    "签约时间": "signed", "签约日期": "signed", "关闭时间": "closed", "关闭日期": "closed", "成交时间": "closed",
    "创建时间": "created", "创建日期": "created", "负责人": "owner", "预算": "budget", "来源": "source", "城市": "city",
    "阶段": "stage", "状态": "status", "到期日": "due", "到期日期": "due", "回款时间": "paid_at", "电话": "phone", "职位": "title",
    "已收金额": "amount_paid", "客户名称": "account", "客户名": "account", "客户分级": "class", "区域": "region",
    "account": "account", "account name": "account", "customer": "account", "customer name": "account",
    "companies": "company", "deal amount": "amount", "deal value": "amount", "opportunity amount": "amount",
    "contract amount": "amount", "contract value": "amount", "quote amount": "amount", "lead source": "source",
    "current status": "status", "amt": "amount", "amts": "amount", "reason": "loss_reason", "no": "contract_no",
    "no.": "contract_no", "contract no.": "contract_no", "unpaid amt": "amount_owed", "unpaid amount": "amount_owed", "unpaid": "amount_owed",
    "预计成交": "expected_close", "谁去的": "owner", "逾期金额": "amount_owed", "单子": "opportunity", "amount received": "amount_paid", "amounts received": "amount_paid", "current stage": "stage", "lead status": "status", "classes": "class", "statuses": "status", "account statuses": "account_status",
    "outstanding amount": "amount_owed", "region": "region", "hire date": "hired", "hiring date": "hired", "start date": "hired",
    # the rest of what a record carries: "deal name, account, owner, amount and win probability", "要阶段、金额、成交概率和负责人"
    "deal": "opportunity", "deal name": "opportunity", "opportunity": "opportunity", "opportunity name": "opportunity",
    "deal owner": "owner", "account owner": "owner", "company": "company", "company name": "company",
    "contact name": "contact", "contact person": "contact", "contact people": "contact", "e-mail": "email", "industry": "industry", "industries": "industry",
    "grade": "grade", "hospital grade": "grade", "account status": "account_status", "customer status": "account_status",
    "account type": "account_type", "customer type": "account_type", "annual revenue": "annual_revenue",
    "win probability": "probability", "probability": "probability", "email": "email", "email address": "email",
    "team": "team", "department": "department", "type": "type", "activity type": "type", "duration": "duration",
    "duration in minutes": "duration", "id": "id", "payment id": "id", "activity id": "id", "quote id": "id",
    "contract number": "contract_no", "contract no": "contract_no", "payment terms": "payment_terms",
    "version": "version", "version number": "version", "sku": "sku", "product line": "product_line",
    "list price": "amount", "province": "province", "class": "class", "customer class": "class",
    "account class": "class", "decision maker": "decision_maker", "on sale": "on_sale",
    "商机名称": "opportunity", "商机名": "opportunity", "对应商机": "opportunity", "商机": "opportunity", "公司名": "company",
    "公司名称": "company", "客户": "account", "负责的销售": "owner", "业务员名字": "owner", "业务员": "owner",
    "销售": "owner", "拜访人": "owner", "跟进人": "owner", "所在城市": "city", "行业": "industry", "年营收": "annual_revenue",
    "年收入": "annual_revenue", "客户等级": "class", "分级": "class", "医院等级": "grade", "等级": "grade",
    "客户状态": "account_status", "客户类型": "account_type", "成交概率": "probability", "赢单概率": "probability",
    "概率": "probability", "邮箱": "email", "入职日期": "hired", "入职时间": "hired", "时长": "duration",
    "时长（分钟）": "duration", "时长(分钟)": "duration", "活动id": "id", "回款id": "id", "报价id": "id",
    "合同号": "contract_no", "合同编号": "contract_no", "版本号": "version", "报价金额": "amount", "合同金额": "amount",
    "联系人": "contact", "部门": "department", "账期": "payment_terms", "类型": "type", "省份": "province",
    "拜访时间": "occurred", "跟进时间": "occurred", "时间": "occurred", "组别": "team", "所在组": "team", "团队": "team",
    "姓名": "contact", "首次联系时间": "first_contact", "首次联系": "first_contact", "跟进方式": "type", "拜访方式": "type",
    "方式": "type", "什么方式": "type", "内容": "summary", "跟进内容": "summary", "拜访内容": "summary", "摘要": "summary",
    "纪要": "summary", "标价": "amount", "价格": "amount", "报价时间": "created", "应收多少": "amount", "实收多少": "amount_paid",
    "欠多少": "amount_owed", "还欠多少": "amount_owed", "什么时候": "occurred", "日期": "occurred", "跟进日期": "occurred",
    "拜访日期": "occurred", "进入谈判的时间": "stage_entered", "进入当前阶段的时间": "stage_entered", "进入阶段时间": "stage_entered",
    "职务": "title", "手机": "phone", "手机号": "phone", "电话号码": "phone", "所属客户": "account", "所属医院": "account",
    "所属公司": "account", "医院": "account", "公司": "company", "门店": "account", "应收日期": "due", "赢单日期": "closed",
    "成交日期": "closed", "版本": "version", "到账时间": "paid_at", "到账日期": "paid_at", "回款日期": "paid_at",
    "欠款金额": "amount_owed", "欠款": "amount_owed", "还差多少": "amount_owed", "还差多少没收": "amount_owed",
    "owner's name": "owner", "owners name": "owner", "owner name": "owner", "amount outstanding": "amount_owed",
    "amount overdue": "amount_owed", "amount owed": "amount_owed", "date": "occurred", "hospital": "account",
    "school": "account", "store": "account", "所属区域": "region", "所属大区": "region", "所在单位": "account",
    "单位": "account", "所在公司": "account", "所在医院": "account", "预计成交日": "expected_close",
    "医院名": "account", "医院名称": "account", "进线时间": "created", "建档时间": "created", "建档日期": "created",
    "所在的组": "team", "带的组": "team", "他们带的组": "team", "成本": "cost", "单位成本": "cost", "cost": "cost",
    "unit cost": "cost", "closing time": "closed", "close time": "closed", "signing time": "signed",
    "payment time": "paid_at", "营收": "annual_revenue", "所在大区": "region", "所在区域": "region", "这笔回款金额": "amount_paid", "回款金额": "amount_paid",
    "合同": "contract_no", "成交金额": "amount", "预计日期": "expected_close", "丢单日期": "closed", "输单日期": "closed",
    "新建时间": "created"}
FIELD_EN = (r"owner'?s? names?|amounts? (?:outstanding|overdue|owed)|annual revenues?|expected close dates?|unpaid balances?|outstanding amounts?|amount due|amount paid|(?:account|customer) names?|"
            r"regions?|(?:hire|hiring|start) dates?|(?:close|closing|creation|created|signing|signed|"
            r"paid|payment|due) dates?|date (?:closed|created|signed|paid)|amounts?|balances?|budgets?|sources?|cities|city|"
            r"owners?|reps?|stages?|status(?:es)?|titles?|phone numbers?|phones?|names?|contract numbers?|counts?|loss reasons?|"
            r"dates?|e-?mails?(?: address(?:es)?)?|departments?|(?:account|customer) types?|unit costs?|costs?|"
            r"(?:close|closing|signing|payment) times?|"
            r"(?:customer |account )?class(?:es)?|"
            r"number (?:of \w+|won)")
FIELDS_ASKED_EN = (rf"(?:[,;]|\s[-—])?\s*(?:\b(?:(?:along |together )?with|showing|show(?: me)?|include|including|plus|listing|w/?|add|"
                   rf"and(?= their\b))\s+|\+\s*)(?P<fields>"
                   rf"(?:(?:the|their|its|each one's|each) )?(?:{FIELD_EN})(?:\s*(?:,|and|&)\s*(?:(?:the|their|its) )?"
                   rf"(?:{FIELD_EN}))*)(?:\s+(?:for each(?: one)?|of each|each))?(?:,?\s*(?:please|pls))?(?=\s*[.?!]*\s*$)")
FIELD_ZH = (r"预计成交日期|应收金额|实收金额|已收金额|未收金额|客户名称|客户名|客户分级|区域|签约时间|签约日期|关闭时间|关闭日期|成交时间|创建时间|创建日期|回款时间|到期日期|到期日|"
            r"负责人|公司名|合同编号|编号|名称|名字|金额|预算|来源|城市|阶段|状态|电话|职位|输单原因|丢单原因|入职日期|入职时间|首次联系时间|"
            r"跟进方式|跟进内容|报价时间|标价|姓名|逾期金额|年营收|行业|邮箱|账期|合同号|职务|手机号|手机|客户类型|客户分级|医院等级|"
            r"应收日期|赢单日期|成交日期|到账时间|到账日期|回款日期|欠款金额|版本号|成交概率|所属区域|所属大区|所在单位|预计成交日|客户状态|"
            r"客户等级|医院名称|医院名|进线时间|建档时间|营收|所在大区|所在区域|所在城市|所在医院|所属医院|所在的组|所在组|单位成本|成本|他们带的组|带的组")
FIELDS_ASKED_ZH = (rf"[，,]?\s*(?:并且?)?(?:显示|带上|附上|加上|列出|标上|带|要看|要|导出)(?:一下)?(?P<fields>(?:{FIELD_ZH})(?:\s*(?:和|、|及|,|，)\s*"
                   rf"(?:{FIELD_ZH}))*)(?=\s*[?？。!！]*\s*$)"
                   # "…，城市也列一下", "…，负责人、金额都列上"
                   rf"|[，,]\s*(?P<fields2>(?:{FIELD_ZH})(?:\s*(?:和|、|及|,|，)\s*(?:{FIELD_ZH}))*)(?:也|都)?"
                   r"(?:列一下|列上|列出来|带上|显示一下|标一下|要|显示出来|显示)(?=\s*[?？。!！]*\s*$)")
# Two or more fields named in a row ("deal name, account name, deal owner, amount and expected close date",
# "要公司名、来源、行业和预算这几列"): words that alone would name records ("deal", "客户") are fields only in such a list.
FIELD_MORE_EN = (r"(?:deal|opportunity|contract|quote|lead) (?:amounts?|values?)|(?:current |lead )?(?:status|stage|source)|"
                 r"(?:deal|opportunity) names?|deals?|(?:deal|account) owners?|company names?|companies|company|"
                 r"contact (?:names?|persons?|people)|industry|industries|(?:hospital )?grades?|(?:account|customer) status(?:es)?|"
                 r"(?:account|customer) types?|annual revenue|(?:win )?probability|e-?mail(?: address)?(?:es)?|teams?|"
                 r"departments?|(?:activity )?types?|duration(?: in minutes)?|(?:payment|activity|quote) ids?|ids?|contract no|"
                 r"payment terms(?: \(days\))?|version(?: number)?s?|skus?|product lines?|list prices?|provinces?|"
                 r"(?:customer |account )?class(?:es)?|"
                 r"whether (?:each one|each|it|they|the product|the contact) (?:is|are) (?:still )?(?:flagged as )?(?:an? )?"
                 r"(?:decision makers?|on sale)|when (?:they|it) (?:were|was) created|which rep did it|"
                 r"when (?:each(?: one)?|it|they) (?:was|were) (?:signed|created|closed|won|lost)|when (?:it|they|each(?: one)?) came in|"
                 r"who owns (?:it|them|each(?: one)?)|"
                 rf"(?:the )?date it came in|how much has been paid(?: so far)?|amounts? received|date/time|when it happened|"
                 rf"unpaid(?: amts?| amounts?)?|contract no\.?|no\.|amts?|(?:loss )?reasons?|{FIELD_EN}|accounts?|customers?|"
                 r"hospitals?|schools?|stores?")  # only among other columns: "open deals with hospitals" names no column
FIELDS_LISTED_EN = (rf"(?:[,;:]|\s[-—])?\s*(?:\b(?:with|showing|show(?: me)?|include|including|plus|listing|"
                    rf"(?:i|we) (?:need|want|'d like)|need|want|give me|along with|together with|add|w/?)\s*|(?<=[-—:?.!+,] )|"
                    rf"(?<=[?.!])|^(?=add ))"
                    rf"(?P<fields>(?:(?:the|their|its|each one's|each) )?(?:{FIELD_MORE_EN})(?:\s*\([^()]{{1,12}}\))?"
                    rf"(?:\s*(?:,|and|&|, and|\+|/)\s*(?:(?:the|their|its|the name of the) )?(?:{FIELD_MORE_EN})"
                    rf"(?:\s*\([^()]{{1,12}}\))?)+)"
                    rf"(?:\s+(?:for each(?: one)?|of each(?: one| deal| record| account| lead| contract| payment)?|each|as columns|"
                    rf"please))*(?=\s*[.?!]*\s*$)")
FIELD_MORE_ZH = "|".join(sorted((
    *FIELD_ZH.split("|"), "商机名称", "商机名", "对应商机", "商机", "公司名称", "客户状态", "客户类型", "客户等级", "客户", "负责的销售",
    "业务员名字", "业务员", "销售", "拜访人", "跟进人", "所在城市", "行业", "年营收", "年收入", "分级", "医院等级", "等级", "成交概率",
    "赢单概率", "概率", "邮箱", "入职日期", "入职时间", "时长（分钟）", "时长(分钟)", "时长", "活动id", "回款id", "报价id", "id",
    "合同号", "版本号", "报价金额", "合同金额", "联系人", "部门", "账期", "类型", "省份", "拜访时间", "跟进时间", "所在组", "组别",
    "预计成交", "谁去的", "逾期金额", "owner", "amt", "签约日期", "单子", "姓名", "首次联系时间", "首次联系", "跟进方式", "拜访方式",
    "方式", "什么方式", "内容", "跟进内容", "拜访内容", "摘要", "纪要", "标价", "价格", "报价时间", "应收多少", "实收多少", "欠多少",
    "还欠多少", "什么时候", "日期", "跟进日期", "拜访日期", "进入谈判的时间", "进入当前阶段的时间", "进入阶段时间", "职务", "手机号",
    "手机", "电话号码", "所属客户", "所属医院", "所属公司", "医院", "公司", "门店", "应收日期", "赢单日期", "成交日期", "版本",
    "到账时间", "到账日期", "回款日期", "欠款金额", "欠款", "还差多少没收", "还差多少", "所属区域", "所属大区", "所在单位", "单位",
    "所在公司", "所在医院", "预计成交日", "这笔回款金额", "回款金额", "时间", "合同", "成交金额", "预计日期", "丢单日期", "输单日期",
    "新建时间"),
    key=len, reverse=True)).replace("(", r"\(").replace(")", r"\)")
FIELDS_LISTED_ZH = (rf"[，,：:]?\s*(?:并且?|顺便)?(?:显示|带上|附上|加上|列出|标上|要看|要|给我|列一下|包括|带|列|导出)(?:一下)?[：:]?\s*"
                    rf"(?P<fields>(?:{FIELD_MORE_ZH})(?:\s*(?:和|、|及|,|，|\+|/|\s)\s*(?:{FIELD_MORE_ZH}))+)"
                    rf"(?:这几列|这几项|这些列|这些)?(?:都列一下|都列出来|都列上|都要)?(?=\s*[?？。!！]*\s*$)"
                    rf"|[，,：:]\s*(?P<fields2>(?:{FIELD_MORE_ZH})(?:\s*(?:和|、|及)\s*(?:{FIELD_MORE_ZH}))+)(?:这几列|这几项)?"
                    rf"(?:都列一下|都列出来|都列上|都要|列一下|也列一下|也列上|都带上|也带上|带上)(?=\s*[?？。!！]*\s*$)"
                    # "本月新签合同 华东 合同号 金额 客户名", "公司名+预算": columns typed apart at the end
                    rf"|(?:(?<=\s)|(?<=[，,：:]))(?P<fields3>(?:{FIELD_MORE_ZH})(?:\s*(?:\+|、|,|，|/|和)\s*(?:{FIELD_MORE_ZH})"
                    rf"|\s+(?:{FIELD_MORE_ZH}))+)(?=\s*[?？。!！]*\s*$)")


def _last_activity(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if m := q.search(LAST_PAYMENT_EN):
        for g in ("when", "last"):
            q.take(*m.span(g))
        q.found["measure"] = "last_payment"
        return
    if m := q.search(LAST_ACTIVITY_ZH):
        q.take(*m.span(1))
        q.take(*m.span(2))
        if paid := re.compile(PAID_WORDS).search(q.text, m.start(), m.end()):
            q.take(*paid.span())  # "最近一次回款是什么时候": money in, not a follow-up
            q.found["measure"] = "last_payment"
            return
    elif m := q.search(LAST_ACTIVITY_EN):
        q.take(*m.span())
        q.take_first(("date",))
    else:
        return
    q.found["measure"] = "last_activity"


# An English question that is a noun phrase names the records it lists: "payments received last week".
NOUN_FIRST = r"(the |all |any )?(payments|installments|instalments|receivables|contracts|quotes)\b"


@lru_cache(maxsize=1)
def _figure_words() -> dict[str, str]:
    """Every measure word, to its measure: the words a paired figure can be named by."""
    out: dict[str, str] = {}
    for code, m in MEASURES.items():
        if code not in ("count", "share", "last_activity", "last_payment"):
            for w in m.words:
                out.setdefault(w.lower(), code)
    return out


@lru_cache(maxsize=1)
def _pair_pattern() -> str:
    words = "|".join(re.escape(w) if not w.isascii() else rf"\b{re.escape(w)}\b" for w in longest_first(tuple(
        _figure_words())))
    fig = f"(?:{words}|{COUNT_FIGURE})"
    return f"(?P<a>{fig})(?:{PAIR_JOINT})(?P<b>{fig})"


def _paired_measures(q: Question) -> bool:
    """Two figures of the same records asked together: the first is the measure, the second shown beside it."""
    m = q.search(_pair_pattern())
    if not m:
        return False
    a, b = (_figure_words().get(m.group(g).strip()) for g in ("a", "b"))
    if a is None and b is None:
        return False
    pair = (a, "count") if b is None else (b, "count") if a is None else (a, b)
    first, second = str(pair[0]), str(pair[1])
    counted = _counted_entity(m.group("b") if b is None else m.group("a") if a is None else "")
    if counted not in (None, MEASURES[first].entity):
        return False  # "客户数和赢单金额": the accounts and the won deals are different records
    if first == second or (second != "count" and (MEASURES[first].entity != MEASURES[second].entity or tuple(
            MEASURES[first].where) != tuple(MEASURES[second].where))):
        return False  # "赢单金额和赢单率" count different deals; the usual path asks or answers one of them
    q.take(*m.span())
    q.found["measure"], q.found["also"] = first, [second]
    return True


COUNTED_NOUNS = (("线索|\\bleads?\\b", "lead"), ("商机|单子|订单|赢单|输单|成交|\\b(deals?|opportunit\\w*|wins?)\\b", "opportunity"),
                 ("客户|\\b(accounts?|customers?)\\b", "account"), ("合同|\\bcontracts?\\b", "contract"),
                 ("回款|分期|\\b(payments?|installments?)\\b", "payment"), ("跟进|拜访|\\b(visits?|calls?)\\b", "activity"),
                 ("报价|\\bquotes?\\b", "quote"))


def _counted_entity(said: str) -> str | None:
    return next((entity for pattern, entity in COUNTED_NOUNS if re.search(pattern, said)), None)


def _tail_figure(q: Question) -> None:
    if (m := q.search(TAIL_FIGURE)) and len(q.text[:m.start()].strip()) > 8:  # not "and the total amount?" alone
        fig = m.group("fig")
        q.take(*m.span())
        q.found["also_tail"] = "count" if fig in ("how many", "count", "number") else "avg" if fig in (
            "average", "avg") else "sum"


# "再加一个赢单数", "also show the count": a figure added to the previous answer.
ADDED_FIGURE = (r"^(那|那就)?(再|也|另外)?(加|添|带)(上|一个|个|一下|一列)?(?=[^，,。？?]{1,12}$)|^(and )?(also|please also) (show|add|"
                r"include|give me)( me)?\b|^(add|include)( in)?\b")


# "再加一个金额", "add the total value too": an amount with no measure of its own, added to a count ("加起来" is a total)
ADDED_AMOUNT = r"^(那|那就)?((再|也|另外)(加|添|带)(上|一个|个)?|(加|添)(上|一个|个))(?!起来)|^(and )?(also|please also) (show|add|include)\b|^(add|include)\b"


def _added_figure(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    # searched in the whole text: "一个" of "再加一个数量" may already have been read with the count
    if q.found.get("measure") and (m := re.search(ADDED_FIGURE, q.text)):
        q.take(*m.span())
        q.found["added_figure"] = True
    elif m := re.search(ADDED_AMOUNT, q.text):
        # "再加一个金额", "add the total value too": the amount of the records the previous answer counted
        amount = q.search(r"\b(the )?(total )?(value|amount)s?\b( too| as well)?")
        if q.found.get("aggregate") == "sum" or amount is not None:
            q.take(*m.span())
            if amount is not None:
                q.take(*amount.span())
            q.found.update(added_figure=True, added_amount=True)


def _first_contact_window(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"过去10天首次联系的线索有多少": leads dated by their first contact; before 首次联系 is read as response time."""
    if q.found.get("window") is not None and (m := q.search(
            r"(首次|第一次)(联系|跟进|触达)(上)?(?=的(线索|lead))|(?<=leads )first (contacted|reached)\b")):
        q.take(*m.span())
        q.found["time_field"] = "l.first_contact_at"
        q.found.setdefault("entity_hint", "lead")


def _measure(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if q.found.get("measure") in ("last_activity", "last_payment", "collection_rate"):
        return
    if q.en:
        _tail_figure(q)
    if days := q.search(r"\bdays? (spent )?in\b(?=.{0,20}\bstage\b)"):  # "avg days in negotiation stage"
        q.take(*days.span())
        for said in ("stage", "average", "avg", "mean"):
            q.take_first((said,))
        q.found["measure"] = "avg_days_in_stage"
        return
    if both := q.search(BOTH_FIGURES):
        q.take(*both.span())
        q.found["both_figures"] = True
        return
    if _paired_measures(q):
        return
    specific = sorted(((c, m) for c, m in MEASURES.items() if c != "count"),
                      key=lambda kv: -max((len(w) for w in kv[1].words), default=0))
    for code, m in specific:  # counting measures first: 赢单数
        if m.kind == "count" and q.take_first(m.words):
            q.found["measure"] = code
            return
    # "赢单率低于30%的业务员有几个": the rate is compared per rep, and "几个" counts the reps that pass
    rated = q.found.get("rate_threshold") is not None and any(
        m.kind == "rate" and any(w in q.text for w in m.words) for _c, m in specific)
    if rated and (m_ := q.search(STRONG_COUNT)):
        q.take(*m_.span())
        q.found["groups_counted"] = True
    elif (m_ := q.search(STRONG_COUNT)) or (m_ := q.search(ENTITY_COUNT)):
        q.take(*m_.span())
        q.found["measure"] = "count"
        q.found["count_strong"] = True
        return
    for code, m in specific:
        word = q.take_first(m.words)
        if word:
            entity_word = any(word in e.words for e in ENTITIES.values())
            flagged = any(f in q.text for f in (*FLAGS["overdue"][3], *FLAGS["unpaid"][3], "部分"))
            list_asked, amount_asked = re.search(LIST_MARKERS, q.text), re.search(AMOUNT_MARKERS, q.text)
            listed = list_asked and not amount_asked
            asks_figure = re.search(r"多少|how much|total|sum|金额|总额|前\s*[\d一二两三四五六七八九十]|\btop\b|最多|最高", q.text)  # "每个月回款多少，按月列出来": a sum
            by_group = re.search(r"按[^，,。]{1,6}?(列|排|看|分)", q.text)  # "回款，按业务员列一下": a breakdown of the money
            if entity_word and ((list_asked and not asks_figure and not by_group) or (flagged and not amount_asked)
                                or q.found.get("show")):
                q.found["entity_hint"] = m.entity  # "哪些回款要到期": a list of payments, not their sum
                at = q.text.find(word)
                if compiled(re.escape(word) + r"(记录|明细|清单|列表|单据)").match(q.text[at:]):
                    q.found.setdefault("entity_mentions", []).append((at, m.entity))  # "客户的回款记录": the head
                return
            if q.en and not asks_figure and m.kind != "rate" and not re.search(
                    r"\b(amount|value|how many|number|count|average|avg)\b", q.text) and re.match(NOUN_FIRST, q.text):
                q.found["entity_hint"] = m.entity  # "payments received in the last 7 days": those payments
                q.found["said_measure"] = code  # "payments over 1.2M received": the amount compared is what was paid
                return
            if listed and m.kind != "rate" and not q.found.get("top_n") and not re.search(
                    r"平均|\b(average|avg|mean)\b", word) and any(q.search(re.escape(w.lower()) + r"s?\b" if w.isascii() else re.escape(w))
                              for w in ENTITIES[m.entity].words):
                q.found["entity_hint"] = m.entity  # "show me the payments we received": the payments themselves
                return
            q.found["measure"] = code
            if code == "avg_deal_size" and word in ("平均金额", "average amount") and re.search(r"合同|contracts?\b", q.text) \
                    and not re.search(r"商机|单子|赢单|deals?\b|opportunit", q.text):
                q.found["measure"] = "avg_contract_amount"  # "今年签的合同平均金额": the contracts' mean
            if q.take_first(("平均", "average", "avg", "mean")):
                q.found["aggregate"] = "avg"  # "average budget of website leads": the mean, not the sum
            q.take_first(AGGREGATE_WORDS)  # "pipeline 总金额": the measure already says what to add up
            return
    if q.take_first(("平均金额", "平均", "average", "avg", "mean")):
        q.found["aggregate"] = "avg"
    sums = ("总金额", "总额", "金额", "多少钱", "多少款", "钱", "总价值", "合计", "总和", "total amount", "total value", "amount",
            "value", "sum", "total", "how much", "worth")
    if q.take_first(sums):
        q.found["aggregate"] = "avg" if q.found.get("aggregate") == "avg" else "sum"
        while q.take_first(sums):  # "how much were they worth in total": one sum, said three ways
            pass
    elif q.take_first(MEASURES["count"].words):
        q.found["measure"] = "count"


def _rank_place(q: Question) -> bool:
    """"排第二的销售", "second biggest deal": ranked as for a top N, and only the N-th row shown."""
    m = next((m for p in RANK_PLACE if (m := q.search(p))), None)
    if m is None:
        return False
    raw = m.group("n")
    n = int(raw) if raw.isdigit() else RANK_WORDS.get(raw) or chinese_to_int(raw)
    if not n:
        return False
    q.take(*m.span())
    adj = m.groupdict().get("adj") or ""
    low = bool(m.groupdict().get("low")) or adj in ("低", "少", "小", "lowest", "smallest", "least", "worst")
    q.found.update(top_n=n, rank=n, top_n_start=m.start(), top_n_end=m.end(), order="asc" if low else "desc",
                   order_assumed=not low)
    if adj in ("大", "biggest", "largest"):
        q.found["sort_hint"] = "amount"
    return True


def _top_n(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if _rank_place(q):
        return
    for pattern in TOP_N:
        m = q.search(pattern)
        if m:
            raw = m.group("n")
            n = int(raw) if raw.isdigit() else chinese_to_int(raw) or EN_NUMBERS.get(raw)
            if n:
                q.take(*m.span())
                q.found["top_n"] = n
                q.found["top_n_end"] = m.end()
                q.found["top_n_start"] = m.start()
                if re.search(r"largest|biggest|最大|金额最高|金额最多|[份笔]$", m.group(0)) or (
                        re.match(r"top|前", m.group(0)) and re.match(r"\s*(份|个|笔)?\s*([a-z]+ )?(contracts?\b|合同)",
                                                                   q.text[m.end():])):
                    q.found["sort_hint"] = "amount"  # "top ten contracts": the largest, not the latest
                if (longest := q.search(r"(停留|卡|待|拖|放|逾期)?(最久|最长)(的)?|\b(for )?the longest\b")) or re.search(
                        r"最久|最长", m.group(0)):
                    if longest:
                        q.take(*longest.span())
                    q.found["sort_hint"] = "days"  # "停留最久的3个商机", "overdue the longest": by how long
                q.found["order"] = "asc" if m.group(0).startswith(("倒数", "垫底", "bottom", "后", "最低", "最少", "最小", "最差",
                                                                   "最快", "最短")) else "desc"
                q.found["order_assumed"] = q.found["order"] == "desc"  # "which 3 … fastest": a later word decides
                return


AGGREGATE_WORDS = ("平均", "average", "avg", "总金额", "总额", "金额", "多少钱", "钱", "总价值", "合计", "总和", "total amount", "total value",
                   "amount", "value", "sum", "total", "how much", "worth")

# How long a lead waited for its first contact: "超过4小时才联系上的", "first contact took more than 24 hours".
N = r"(?P<n>\d+|[一二两三四五六七八九十]+)"
RESPONSE_HOURS = (
    r"(首次联系|第一次联系|首次响应|响应|联系)?(拖了|用了|花了|等了|隔了)?(超过|多于|大于|高于|过了)\s*" + N + r"\s*(个)?小时(以上)?(才)?(第一次|首次)?"
    r"(被)?(联系上|联系到|联系|响应|跟进|接触)(的)?",
    r"(首次联系|第一次联系|首次响应|响应)(拖了|用了|花了|等了)?\s*" + N + r"\s*(个)?小时以上(的)?",
    # "这周响应超过8个小时的线索", "响应时长超过48小时的", "隔了48小时以上才联系上的"
    r"(首次响应|响应|首次联系)(时长|时间)?(超过|多于|大于|高于|过了)\s*" + N + r"\s*(个)?小时(以上)?(的)?",
    r"(拖了|用了|花了|等了|隔了)\s*" + N + r"\s*(个)?小时(以上|多)(才)?(第一次|首次)?(被)?(联系上|联系到|联系|响应|跟进|接触)(的)?",
    r"\b(the )?(first (contact|touch|response)|response) took (more than|over|longer than) " + N + r" hours?",
    r"\bwaited (more than|over|longer than) " + N + r" hours? for (a |the |their )?first (contact|touch|response)",
    r"\b(were |was )?(only )?(contacted|reached) (only )?(after|more than) (more than )?" + N + r" hours?",
    r"\btook (more than|over|longer than) " + N + r" hours? to (be )?(contact(ed)?|reach(ed)?|respond(ed)? to)",
    r"\btook (more than|over|longer than) " + N + r" hours? to (get|receive|make) (a |the |their )?first (contact|touch|"
    r"response)",
)


# Not contacted within N hours: late or not at all ("4小时内没联系上的线索", "leads not contacted within 4 hours").
NOT_WITHIN = (N + r"\s*(个)?小时(之内|以内|内)(都|还)?(没|未|没有)(人)?(被)?(联系上|联系到|联系|响应|跟进)(的)?",
              r"\b(not|never|weren't|wasn't|haven't been|hasn't been) (been )?(contacted|reached|called|responded to) "
              r"within " + N + r" ?(hours?|h)\b")


# Contacted within N hours: "上周有多少条线索是4小时内响应的", "leads contacted within 4 hours" (not the rate).
WITHIN = (N + r"\s*(个)?小时(之内|以内|内)(就)?(被)?(联系上|联系到|联系|响应|跟进|接触)(了)?(的)?(?!率)",
          r"\b(contacted|reached|called|responded to) within " + N + r" ?(hours?|h)\b(?! (response )?rate)")


def _collection_rate(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"回款率" is only asked for with its basis said: by amount, or of what fell due; "回款率多少" alone is asked back."""
    if not (rate := q.search(r"回款率|收款率|回收率|\bcollections? (rate|ratio)s?\b")):
        return
    q.take(*rate.span())
    q.found["measure"] = "collection_rate"
    basis = False
    for said in COLLECTION_BASIS:
        if m := q.search(said):
            q.take(*m.span())
            basis = True
    q.found["rate_basis"] = basis or bool(re.search(r"到期|\bdue\b", q.text))


# how a collection rate is worked out, when the question says it: by amount, collected over due
COLLECTION_BASIS = (r"[（(]\s*(按金额|按金额算|collected\s*/\s*due|by amount)\s*[)）]",
                    r"[，,。？?]?\s*按(实收)?金额(除以应收(金额)?)?算?(?=\s*[，,。？?]?\s*(回款率|收款率|$))",
                    r"\bby amount\b")


def _response_hours(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    shares = re.search(r"比例|占比|占多少|几成|百分之|率|\b(share|percent|percentage|proportion|fraction)\b|%", q.text)
    for patterns, op in ((NOT_WITHIN, "not_within"), (WITHIN, "within")):
        if op == "within" and shares:
            continue  # "4小时内响应的比例", "what share … were contacted within 4 hours": the 4-hour response rate
        if m := next((m for p in patterns if (m := q.search(p))), None):
            said = m.group("n")
            q.take(*m.span())
            q.found.setdefault("filters", []).append(Filter("response_hours", op,
                                                            int(said) if said.isdigit() else chinese_to_int(said)))
            q.found.setdefault("entity_hint", "lead")
            return
    for pattern in RESPONSE_HOURS:
        if m := q.search(pattern):
            said = m.group("n")
            hours = int(said) if said.isdigit() else chinese_to_int(said)
            if hours is None:
                return
            q.take(*m.span())
            q.found.setdefault("filters", []).append(Filter("response_hours", "gt", hours))
            q.found.setdefault("entity_hint", "lead")
            return


SHARE_WORDS = (r"所占的?比例|占的?比例|占多大(的)?比例|占多少比例|占比|比例|占多少|占几成|百分之几|百分比|\bwhat %|"
               r"\bwhat (share|percent(age)?|fraction|proportion) of\b|"
               r"\b(share|percent(age)?|fraction|proportion) of\b|\bwhat (share|percent(age)?|fraction|proportion)\b")


def _share(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"占比", "what share of": a fraction of the records; a rate measure already is one (赢单率占比)."""
    if m := q.search(SHARE_WORDS):
        q.take(*m.span())
        q.found["share_at"] = m.start()


# Units said right after a compared number ("超过30天", "100件以上"): part of the comparison.
COUNTED_UNITS = ("天", "件", "箱", "套", "盒")


def _with_unit_of(first: str, second: str, value: float) -> float:
    unit = re.sub(r"^[\d.,]+|^[零一二两三四五六七八九十]+", "", second)
    scaled = find_amounts(first + unit)
    return scaled[0][2] if len(scaled) == 1 and scaled[0][3] else value


def _comparison(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    amounts = [a for a in find_amounts(q.text) if q.free(a[0], a[1])]
    filters = q.found.setdefault("filters", [])
    # a range: 十万到五十万之间, between 100k and 500k
    for (s1, e1, v1, _u1), (s2, e2, v2, _u2) in zip(amounts, amounts[1:], strict=False):
        between = q.text[e1:s2].strip()
        if _u2 and not _u1:  # "between 1.5 and 2 million", "十到五十万": the unit said once serves both
            v1 = _with_unit_of(q.text[s1:e1], q.text[s2:e2], v1)
        if between in ("到", "至", "-", "~", "and", "到的", "—") and v1 < v2:
            end = e2 + (2 if q.text[e2:e2 + 2] == "之间" else 0)
            start = s1
            for lead in ("between ", "在"):
                if q.text[:s1].rstrip().endswith(lead.strip()):
                    start = q.text[:s1].rstrip().rfind(lead.strip())
            q.take(start, end)
            dim = _amount_field(q, start)
            filters += [Filter(dim, "gte", v1), Filter(dim, "lte", v2)]
            amounts = [a for a in amounts if a[0] not in (s1, s2)]
            break
    for start, end, value, _unit in amounts:
        if not q.free(start, end):
            continue
        if not _unit and value < 1000 and (c := re.match(r"\s*(个|家|次|笔|单|条|份|位|名|台)\s*(及)?(以上|以下|以内)",
                                                        q.text[end:])):
            # "有3个以上在跟商机的客户", "签过两份以上合同的医院": how many related records, compared
            verb = re.search(r"(签过|签了|签下过?|有过|有|赢过|拿下过?)\s*$", q.text[:start])
            q.take(verb.start() if verb and q.free(*verb.span()) else start, end + c.end())
            if verb and verb.group(1).startswith(("赢", "拿")):
                q.found["counted_won"] = True
            q.found["count_threshold"] = Filter("value", "gte" if c.group(3) == "以上" else "lte", int(value))
            continue
        if not _unit and re.match(r"\s*(cases?|units?|boxes|box|bottles?|pieces?|pcs|箱|件|盒|瓶|支|套)(?![a-z])", q.text[end:]) \
                and not re.search(r"\bsold\b|\bsell|销量|卖", q.text):
            continue  # "deals with more than 300 cases of mineral water on them": a line's quantity, never a deal's amount
        before = q.text[max(0, start - 14):start]
        op, dim = None, "amount"
        for w, o in COMPARISON_WORDS:
            if before.rstrip().endswith(w):
                op = "gt" if w in STRICT_GT else ("lte" if w in ("<=", "≤", "不超过", "at most", "no more than") else o)
                s0 = start - (len(before) - len(before.rstrip())) - len(w)
                q.take(s0, end + (1 if q.text[end:end + 1] in COUNTED_UNITS else 0))
                dim = _amount_field(q, s0)
                break
            unit = 1 if q.text[end:end + 1] in COUNTED_UNITS else 0
            if q.text[end + unit:end + unit + 4].startswith(w):
                op = o
                q.take(start, end + unit + len(w))
                dim = _amount_field(q, start)
                break
        if op and dim == "probability":  # "成交概率超过50%": the deal's own probability, in percent
            q.take(end, end + (m_.end() if (m_ := re.match(r"\s*(%|％|percent\b)", q.text[end:])) else 0))
            filters.append(Filter(dim, op, value))
        elif op and dim == "amount" and any(x.dimension == "probability" for x in filters) and (
                pct := re.match(r"\s*(%|％|percent\b)", q.text[end:])):  # "概率不低于25%、不超过45%": the range's other end
            q.take(end, end + pct.end())
            filters.append(Filter("probability", op, value))
        elif op and (pct := re.match(r"\s*(%|％|percent\b)", q.text[end:])):
            q.take(end, end + pct.end())  # "win rate under 25%": a rate compared, never an amount of 25 yuan
            q.found["rate_threshold"] = Filter("value", op, value / 100)
        elif op and not _unit and value < 1000 and dim == "amount" and re.match(COUNTED_THING, q.text[end:]):
            q.found["count_threshold"] = Filter("value", op, int(value))  # "at least 2 open deals": a count per record
        elif op:
            filters.append(Filter(dim, op, value))
            if dim == "amount" and not _unit and 1 < value < 1000 and re.match(r"\s*(的|以上|以下|$)", q.text[end:]):
                q.found["bare_small_amount"] = value  # "金额大于50的商机": 50 yuan, or 50万 with the unit left off?
            if dim == "amount_paid" and op in ("lt", "lte"):
                filters.append(Filter("amount_paid", "gt", 0))  # "单笔回款在5000以下": payments received, not pending ones
    if m := q.search(r"(?P<a>\d+)\s*[- ]?days? (payment )?terms|账期\s*(为|是)?\s*(?P<b>\d+)\s*天(?!\s*(及|以|或)?\s*"
                     r"(以上|以下|以内))|(?P<c>\d+)\s*天(的)?账期"):  # "90-day terms": exactly
        q.take(*m.span())
        filters.append(Filter("payment_terms", "eq", int(m.group("a") or m.group("b") or m.group("c"))))
        q.found.setdefault("entity_hint", "contract")


# What follows a bare number when it counts records: "2 open deals", "3个以上商机", "超过5次拜访".
COUNTED_THING = (r"\s*(个|家|次|笔|单|条|份|位|名|台)|\s*(or more |and above |\+ )?(open |active |won |lost |new |overdue |"
                 r"unpaid |outstanding |late |past[- ]due )?"
                 r"(deals?|opportunit|contracts?|payments?|visits?|calls?|activit|follow[- ]?ups?|meetings?|demos?|wins?|"
                 r"leads?|accounts?|customers?|orders?|installments?|instalments?|invoices?|receivables?|contacts?|quotes?|"
                 r"decision makers?|products?|versions?)")
# Exactly once: "只跟进过一次的商机", "deals that only ever got one follow-up".
ONLY_ONCE = (r"只(有)?(被)?(跟进|拜访|联系|跟|打电话|见)过?\s*(一|1)\s*次|\bonly (ever )?(got|had|received|gotten|logged) (one|1|a single) "
             r"(follow[- ]?ups?|activit(y|ies)|touch(es)?|visits?|calls?|meetings?|demos?)\b")


def _only_once(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if m := q.search(ONLY_ONCE):
        q.take(*m.span())
        q.found["count_threshold"] = Filter("value", "eq", 1)
        q.found["follow_up_done"] = True
        kinds = [k for k, words in (("visit", "拜访|visit"), ("call", "电话|call"), ("meeting", "meeting"),
                                    ("demo", "demo")) if re.search(words, m.group(0))]
        if kinds:
            q.found["follow_up_kinds"] = tuple(kinds)

# "只有一个联系人的A类医院", "hospitals that only have one contact on file": the contacts counted per account
ONE_CONTACT = (r"(只有|仅有|就|只录了|只登记了|只)(一|1)(个|位)联系人|联系人(只有|就|仅有)(一|1)(个|位)|\b(only|just) (have|has|having|with) "
               r"(one|1|a single) contact( on file)?\b|\bwith (only|just) (one|1|a single) contact( on file)?\b|\b(have|has) "
               r"(only|just) (one|1|a single) contact( on file)?\b")


# "复购过的门店", "distributors that reordered": an account with two won deals or more
REORDERED = (r"复购(过|了)?|回头客|再次(下单|采购|购买)(过)?|\breordered\b|\bre-ordered\b|\brepeat (customers|buyers|"
             r"purchasers|accounts)\b|\b(ordered|bought|purchased) (again|more than once)\b")


def _counted_related_words(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """Related records counted by a fixed phrase: one contact on the account, or two won deals (复购)."""
    for pattern, target, count in ((ONE_CONTACT, "contact", ("eq", 1)), (REORDERED, "won", ("gte", 2))):
        if m := q.search(pattern):
            q.take(*m.span())
            q.found["absence_count"] = count
            q.found["follow_up_done"] = True
            q.found["absence"] = target
            q.found.setdefault("entity_mentions", []).append((m.start(), "account"))
            return


# Every comparison word, the longest first whichever side it is on: "不超过" is not "超过".
COMPARISON_WORDS = sorted([(w, "gte") for w in GT_WORDS] + [(w, "lt") for w in LT_WORDS], key=lambda wo: -len(wo[0]))
STRICT_GT = ("过", "大于", "超过", "高于", "多于", ">", "over", "above", "more than", "greater than", "exceeding",
             "bigger than", "larger than")


FIELD_ENTITY = {"合同金额": "contract", **dict.fromkeys(("contracts worth", "contract value", "contract amount"), "contract"), "商机金额": "opportunity", "预算": "lead", "budget": "lead", "budgets": "lead",
                "年收入": "account", "年营收": "account", "年营业额": "account", "annual revenue": "account",
                "账期": "contract", "付款账期": "contract", "payment terms": "contract", "回款": "payment",
                **dict.fromkeys(("成交概率", "赢单概率", "赢率", "probability", "win probability"), "opportunity"),
                "回款金额": "payment", "实收": "payment", "实收金额": "payment", "到账": "payment",
                "amount paid": "payment", "合同额": "contract", "签约额": "contract", "应收余额": "payment",
                "未收金额": "payment", "unpaid": "payment", "still unpaid": "payment", "outstanding": "payment",
                **dict.fromkeys(("overdue amount", "overdue balance", "amount overdue", "outstanding amount",
                                 "outstanding balance", "amount outstanding"), "payment"),
                **dict.fromkeys(("目录价", "标价", "list price", "list prices"), "product"),
                **dict.fromkeys(("明细金额", "产品明细金额", "line revenue"), "line")}
FIELD_DIMENSION = {"账期": "payment_terms", "付款账期": "payment_terms", "payment terms": "payment_terms",
                   **dict.fromkeys(("年收入", "年营收", "年营业额", "annual revenue"), "annual_revenue"),
                   **dict.fromkeys(("成交概率", "赢单概率", "赢率", "probability", "win probability"), "probability"),
                   "回款": "amount_paid", "回款金额": "amount_paid", "实收": "amount_paid", "实收金额": "amount_paid",
                   "到账": "amount_paid", "amount paid": "amount_paid", "应收余额": "unpaid", "未收金额": "unpaid",
                   "unpaid": "unpaid", "still unpaid": "unpaid", "outstanding": "unpaid",
                   **dict.fromkeys(("overdue amount", "overdue balance", "amount overdue", "outstanding amount",
                                    "outstanding balance", "amount outstanding"), "unpaid")}


def _amount_field(q: Question, start: int) -> str:
    """Consume the word naming the compared quantity right before the comparison (金额, 预算, 账期 ...); its dimension."""
    head = q.text[:start].rstrip()
    for w in longest_first(AMOUNT_FIELDS):
        for tail in ("", "在", "是", "为", "还", "也", "都", "才", "就", "只", " is", " of", " are", " was", " were"):
            if head.endswith(w + tail):
                s0 = len(head) - len(w + tail)
                if q.free(s0, s0 + len(w)):
                    # "contracts worth more than 10M": the records stay named; the word says whose amount it is
                    q.take(s0 + (len("contracts ") if w == "contracts worth" else 0), len(head))
                    if "overdue" in w:  # "accounts with an overdue amount over 500k": what is owed and past due
                        q.found.setdefault("filters", []).append(Filter("flag", "eq", "overdue"))
                    if w in FIELD_ENTITY:
                        q.found.setdefault("entity_hint", FIELD_ENTITY[w])
                        q.found.setdefault("amount_entities", []).append(FIELD_ENTITY[w])
                return FIELD_DIMENSION.get(w, "amount")
    return "amount"


def _group_by(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """Group-by words; a word may name several dimensions (类型, status): resolved once the entity is known."""
    groups: list[tuple[str, ...]] = list(q.found.get("group_candidates", []))
    words = _group_words()
    markers: tuple[str, ...] = GROUP_MARKERS_EN if q.en else GROUP_MARKERS_ZH
    if not q.en and re.search(r"\b(by|per|each|across)\b", q.text):
        markers = GROUP_MARKERS_ZH + GROUP_MARKERS_EN  # "高文博's open deals by stage": English around a Chinese name
    start = q.found.get("top_n_start")
    if start is not None:  # "线索来源 前两名": the ranked thing right before the top-N is a breakdown too
        for word in words:
            m = compiled(re.escape(word) + r"\s*(?:的)?\s*$").search(q.text[:start])
            if m and q.free(m.start(), m.start() + len(word)):
                q.take(m.start(), m.start() + len(word))
                groups.append(words[word])
                break
    end = q.found.get("top_n_end")
    if end is not None:  # "最多的两个来源": the ranked thing right after the top-N is a breakdown
        for word in words:
            m = compiled(r"\s*(?:的)?\s*(?:线索|客户|商机|合同|回款)?" + re.escape(word)).match(q.text[end:])
            if m and q.free(end, end + m.end()):
                q.take(end, end + m.end())
                groups.append(words[word])
                break
    reps_at = q.found.get("team_region_reps_at")
    if end is not None and reps_at is not None and not q.text[end:reps_at].strip():
        groups.append(("rep",))  # "which 2 East China reps closed the most deals": the reps, ranked
    for rx, dim in GROUP_PHRASES:
        if m := q.search(rx):
            q.take(*m.span())
            groups.append((dim,))
            while m := q.search(rx):  # "每周新增线索数，按周列": the same breakdown said twice
                q.take(*m.span())
    if m := q.search(TWO_WAY_EN if q.en else TWO_WAY_ZH):  # "leads by source and region", "按来源和状态交叉统计"
        for said in (m.group("a"), m.group("b")):
            if said in words:
                groups.append(words[said])
        q.take(*m.span())
    if (m := q.search(r"的(行业|城市|省份|线索来源|来源|渠道|团队|小组)(有哪些|是哪些|有哪几个|是哪几个|是哪个|是哪一个)?[?？]?$")) \
            and words.get(m.group(1)):
        q.take(*m.span())  # "在跟金额1.2亿以上的行业": the industries whose total passes, a breakdown with a condition
        groups.append(words[m.group(1)])
    if m := q.search(BY_ACCOUNT_TYPE):  # "按医院", "by distributor": each of those accounts (and only those)
        q.take(*m.span())
        groups.append(("account",))
        said = (m.group("zh") or m.group("en")).rstrip("s")
        q.found.setdefault("values", []).append(("account_type", ACCOUNT_TYPE_WORDS[said]))
    for word in words:
        if word not in q.text:
            continue
        for marker in markers:
            m = q.search(marker.replace("{w}", re.escape(word)))
            if m and _value_follows(q.text, m.end(), words[word]):
                continue  # "which class a accounts": a value of the dimension follows, so no breakdown
            if m and m.start() == 0 and _grouped_after(q.text[m.end():], words):
                continue  # "accounts by status in Southwest China": the accounts are counted, by status
            if m:
                q.take(*m.span())
                groups.append(words[word])
                for again in markers:  # "每个月……按月列出来": the same breakdown said twice
                    while (m2 := q.search(again.replace("{w}", re.escape(word)))) is not None:
                        q.take(*m2.span())
                break
    if groups:
        q.found["group_candidates"] = groups


# Breakdowns said without a dimension word: "monthly", "逐月", "A、B、C三类客户".
GROUP_PHRASES = ((r"(?<!平均)(每天|每日|逐日|按天|按日)(?!平均|数|期)|\b(per day|each day|daily|day by day|by day)\b", "day"),
                 (r"\bmonthly\b|\bmonth by month\b|\bmonth-by-month\b|逐月|分月", "month"),
                 (r"\bquarterly\b|\bquarter by quarter\b|\bquarter-by-quarter\b|逐季|分季度?", "quarter"),
                 # "10月19号以来每周新增线索数，按周列", "weekly count of new opportunities": one row per week (Monday)
                 (r"(?<!平均)(每周|每星期|每个星期|逐周|按周|分周)(?!平均|末|一|二|三|四|五|六|日|天)(列|统计|看)?"
                  r"|\b(weekly|per week|each week|week by week|by week)\b", "week"),
                 (r"\byear by year\b|\byear-by-year\b|\bper year\b|逐年|分年度?|按年(份|度)?(?!龄)|每一?年(?!都)", "year"),
                 (r"(按)?a\s*[、/,，和]\s*b\s*[、/,，和]\s*c\s*(三|3)?\s*(类|级|分级)?", "customer_class"),
                 (r"(每个|各个|各)区(?!域)", "region"),
                 (r"谁的(?=.{0,12}(最|前))|(^|(?<=昨天|今天|上周|本周|这周|本月|上月|今年|去年)|(?<=本季度|上季度|这季度|这个月|上个月))谁(?=(跟进|拜访|联系|签|赢|打|约|见)"
                  r"[^，,。]{0,10}(最|前))", "rep"))  # "昨天谁跟进的客户最多": the reps, ranked


_BY_ZH = r"线索来源|来源|渠道|区域|大区|阶段|状态|客户类型|类型|客户分级|分级|医院等级|等级|团队|月份|季度|行业|输单原因|丢单原因|原因|城市|省份"
TWO_WAY_ZH = rf"按(?P<a>{_BY_ZH})(和|跟|与|、|及)(?P<b>{_BY_ZH})(交叉|分别)?(统计|分|拆|汇总)?(一下)?"
_BY_EN = (r"lead source|source|region|stage|account type|customer type|type|customer class|class|hospital grade|grade|rep|"
          r"team|month|quarter|industry|status|loss reason|reason|city|province")
TWO_WAY_EN = (rf"\b(broken down |split |grouped )?(by|per) (?P<a>{_BY_EN})s? (and|&|/|,) (?P<b>{_BY_EN})s?\b")
ACCOUNT_TYPE_WORDS = {"医院": "hospital", "经销商": "distributor", "门店": "store", "学校": "school", "hospital": "hospital",
                      "distributor": "distributor", "store": "store", "school": "school", "dealer": "distributor"}
BY_ACCOUNT_TYPE = (r"(按(照)?|每(一)?(个|家|所)|各(个|家|所)?)(?P<zh>医院|经销商|门店|学校)(?!(类型|等级|客户|的))"
                   r"|\b(by|per|for each|each) (?P<en>hospital|distributor|dealer|store|school)s?\b(?! (type|grade|win|won|"
                   r"revenue|pipeline|sales|deals?|follow|visits?|collections?|payments?|overdue))")  # not "by hospital win rate"


def _grouped_after(rest: str, words: dict[str, tuple[str, ...]]) -> bool:
    said = re.match(r"\s*(by|per) (the |their |its )?(?P<w>[a-z][a-z ]*)", rest)
    return said is not None and any(said.group("w") == w or said.group("w").startswith(w + " ") or
                                    said.group("w").startswith(w + "s") for w in words if w.isascii())


def _value_follows(text: str, at: int, dims: tuple[str, ...]) -> bool:
    rest = text[at:].lstrip()
    return any(code in dims and rest.startswith(w) and (not w.isascii() or not rest[len(w):len(w) + 1].isalpha())
               for w, code, _v in _value_words() if len(w) >= 1)


@lru_cache(maxsize=1)
def _group_words() -> dict[str, tuple[str, ...]]:
    """Group-by word -> the dimensions it may name, longest word first."""
    words: dict[str, list[str]] = {}
    for code, dim in DIMENSIONS.items():
        for word in dim.group_words:
            words.setdefault(word, []).append(code)
    return {w: tuple(words[w]) for w in sorted(words, key=len, reverse=True)}




NOT_VALUE = re.compile(r"(不含|不包括|不包含|除了|除去|去掉|排除|剔除|不算|不是|并不是|并非|不属于|(?<![是])非|不做|excluding|"
                       r"except( for)?|other than|outside( of)?|leaving out|\bnon-?|\bnot|\baren'?t|\bisn'?t|\baren t|\bisn t|"
                       r"\bweren t|\bwasn t|\bdidn t come from|\bdid not come from)"
                       r"\s*(the\s+|那些|这些)?(已经?)?$")


NOT_AFTER = re.compile(r"((\s*(和|、|或|或者|及|与)\s*[\u4e00-\u9fff]{1,8}?){0,3})\s*(?P<tail>(的|来的)?(以外|之外|除外|不算|不要))")
NOT_CHAINED = re.compile(r"(\bnot|不是|不含|不包括|除了|去掉|排除|剔除|除去|excluding|except|outside( of)?|other than|\bnon-?|\baren t|\bisn t)\s*(the\s+)?[\w\u4e00-\u9fff]{1,20}?\s*(\bor|\bnor|\band|或者?|和|、|也不是)"
                         r"\s*$")


def _sent_verb(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"quotes we sent to hospitals", "发给医院的报价": sending, which every quote went through, not the status
    "sent" (still waiting for the customer's answer)."""
    while (m := q.search(SENT_VERB)) is not None:
        if m.group(0).strip() == "sent" and re.match(r"\s*quotes?\b", q.text[m.end():]):
            return  # "sent quotes over 10 million": the status, said as an adjective
        q.take(*m.span())


SENT_VERB = (r"\b((we|i|they|you|he|she) )?(have |had )?sent( (out|over))?( to\b)?(?! (back|yet)\b)(?=.{0,40}\bquotes?\b)"
             r"|(?<=\bquotes )((we|i|they) )?sent( (out|over))?( to\b)?"
             r"|(?<=\bquotes that )((we|i|they) )?sent( (out|over))?( to\b)?"
             r"|(?<=\bquotes which )((we|i|they) )?sent( (out|over))?( to\b)?"
             r"|发给|发出去|发出的|(?<!已)发出(?=.{0,12}报价)")


def _left_out(q: Question, span: tuple[int, int]) -> bool:
    """Whether the words around ``span`` leave that value out ("除了武汉以外", "不是上海的"); takes them if so."""
    neg = NOT_VALUE.search(q.text[:span[0]])
    neg = neg if neg and q.free(neg.start(), span[0]) else None
    post = NOT_AFTER.match(q.text, span[1])
    if not (neg or post or NOT_CHAINED.search(q.text[:span[0]])):
        return False
    if neg:
        q.take(neg.start(), span[0])
    if post:
        q.take(post.start("tail"), post.end())
    return True


def _values(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """Enumerated values (华东, 三甲, 赢单, 医院 ...). Words that name two dimensions are resolved by entity later."""
    hits: list[tuple[str, str]] = list(q.found.get("values", []))
    candidates = _value_words()
    words: list[tuple[str, tuple[str, ...]]] = list(q.found.get("value_words", []))
    for word, code, value in candidates:
        if len(word) < 2 and not word.isdigit() or word not in q.text:
            continue
        m = q.search(re.escape(word) + ("s?" if word.isascii() and word[-1].isalpha() else ""), word=word.isascii())
        if m and _left_out(q, m.span()):
            # "不含已流失的", "医院和实验室以外的客户", "customers that are not hospitals or labs": each value is left out
            q.take(*m.span())
            q.found.setdefault("negated_values", []).append((code, value))
            continue
        if m and word == "报价" and q.text[m.start() - 1:m.start()] == "的" and re.match(
                r"(单)?(有哪些|是哪些|都有哪些|有几份|有多少份|列一下|明细)?[?？。]?$", q.text[m.end():]):
            continue  # "华北区医疗客户被拒掉的报价": the quotes, the head noun, not deals at the quote stage
        if m:
            q.take(*m.span())
            hits.append((code, value))
            # the same word may name another dimension's value (电话: lead source or follow-up type)
            alternates = [(c2, v2) for w2, c2, v2 in candidates if w2 == word and c2 != code]
            hits += alternates
            words.append((word, (code, *[c for c, _v in alternates])))
    q.found["values"] = hits
    q.found["value_words"] = words


@lru_cache(maxsize=1)
def _value_words() -> tuple[tuple[str, str, str], ...]:
    """(word, dimension, value) for every enumerated value and synonym, longest word first."""
    candidates = []
    for code, dim in DIMENSIONS.items():
        if dim.values is None and code != "region":
            continue
        table = dim.values if dim.values is not None else _region_labels()
        for value, (zh, en, syn) in table.items():
            for w in (zh, en, *syn):
                candidates.append((w.lower(), code, value))
    return tuple(sorted(candidates, key=lambda c: -len(c[0])))


def _region_labels() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    return {code: (zh, en, (zh + "区域", zh + "区", zh + "地区", zh + "大区", code, en.replace(" china", ""),
                            "in " + en.lower()))
            for code, zh, en, _w in REGIONS}


def _entity(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    mentions: list[tuple[int, str]] = []
    for code, ent in ENTITIES.items():
        for w in sorted(ent.words, key=len, reverse=True):
            if w.lower() not in q.text:
                continue
            rx = re.escape(w.lower()) + (r"[a-z]*" if w.isascii() else "")
            for m in compiled(rf"(?<![a-z]){rx}" if w.isascii() else rx).finditer(q.text):
                if q.free(*m.span()):
                    q.take(*m.span())
                    mentions.append((m.start(), code))
    mentions += q.found.get("entity_mentions", [])
    q.found["entities"] = [c for _, c in sorted(mentions)] + q.found.get("entities_extra", [])
    q.found["entity_at"] = sorted(mentions)


def _order(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if word := q.take_first(DESC_WORDS):
        q.found.setdefault("order", "desc")
        q.found["superlative"] = word not in SORT_WORDS
    elif word := q.take_first(ASC_WORDS):
        if q.found.pop("order_assumed", False):
            q.found["order"] = "asc"
        q.found.setdefault("order", "asc")
        q.found["superlative"] = word not in SORT_WORDS
    if q.take_first(VAGUE_WORDS):
        q.found["vague"] = True


# -- assembly ------------------------------------------------------------------------------------------------------


# "预算已确认" / "预算还没确认" / "budget not confirmed" are facts of a deal, not the lead budget measure.
BUDGET_FLAG = (r"(预算)(已经|已)?(确认)(了|过)?|(已经?|已)?确认(了|过)?预算|(budget)( has been| was| is)? (confirmed)|"
               r"(confirmed) (budget)")
BUDGET_NOT = (r"预算(还|尚|仍)?(没有?|未)(被)?确认|(还|尚)?(没有?|未)确认(过)?预算|budget (hasn't been|isn't|not yet|not|"
              r"still isn't|has not been) confirmed|(unconfirmed|no confirmed) budget")


OVERDUE_DAYS = (r"(?:逾期|超期|拖欠)(?:已经?)?(?:超过|超|了|达)\s*(\d+|[一二两三四五六七八九十百]+)\s*天(?:以上)?"
                r"|(?:逾期|超期|拖欠)\s*(\d+|[一二两三四五六七八九十百]+)\s*天(?:及?以上|多)"
                r"|overdue (?:by )?(?:more than|over|at least) (\d+) days|(?:more than|over|at least) (\d+) days (?:overdue|"
                r"past due|late)|(\d+)\+ days (?:overdue|past due|late)")


def _age_rank(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """The oldest or newest N records, by when they were created: "进系统最早的5条线索", "5 oldest accounts". Only the
    age word and the number are taken; what stands between them ("最早、还没分配的5条") is left for the others."""
    for pattern in AGE_RANK:
        if m := q.search(pattern):
            said = m.group("n")
            n = int(said) if said.isdigit() else chinese_to_int(said) or EN_NUMBERS.get(said)
            if n:
                q.take(*m.span("age"))
                q.take(*m.span("num"))
                q.found["top_n"] = n
                q.found["age_order"] = "asc" if re.search(r"早|老|old|earliest", m.group("age")) else "desc"
            return


_N = r"(?P<num>(?P<n>\d+|[一二两三四五六七八九十]+|two|three|four|five|six|seven|eight|nine|ten|twenty)"
AGE_RANK = (rf"(?P<age>(进系统|创建|录入|建档|进来)?(时间)?(最早|最老|最新)(创建|录入|进来|建)?的?)[^，,。？?\d]{{0,12}}?{_N}\s*"
            r"(个|条|家|笔|份|位)?)",
            rf"\b(the )?{_N}) (?P<age>oldest|earliest|newest|most recently created)\b",
            rf"\b(?P<age>oldest|earliest|newest) {_N})\b")


def _missing_field(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """A field left empty: "预计成交日期没填的在跟商机", "联系人里电话为空的", "leads with no budget"; or filled in:
    "填了预算的线索", "leads with a budget filled in"."""
    for patterns, op in ((MISSING_FIELD, "is_null"), (FILLED_FIELD, "not_null")):
        for pattern in patterns:
            if m := q.search(pattern):
                q.take(*m.span())
                field = next(code for word, code in FIELD_WORDS if re.fullmatch(word, m.group("f")))
                q.found.setdefault("filters", []).append(Filter(field, op))
                q.found.setdefault("entity_hint", FIELD_OWNER[field])
                return


FIELD_WORDS = ((r"预计成交(日期|时间)|预计(关单|签单)(日期|时间)|expected close( date)?|close date", "expected_close_date"),
               (r"电话(号码)?|手机(号码?)?|phone( number)?|mobile", "phone"), (r"邮箱|email( address)?|e-mail", "email"),
               (r"预算|budget", "budget"))
FIELD_OWNER = {"expected_close_date": "opportunity", "phone": "contact", "email": "contact", "budget": "lead"}
_FIELDS = "|".join(f"(?:{w})" for w, _c in FIELD_WORDS)
MISSING_FIELD = (
    rf"(?P<f>{_FIELDS})(都|也|还)?(没填|没有填|未填|没录|没有录|未录入|没维护|为空|是空的|空着|缺失|没写)",
    rf"\b(no|missing|without( an?| any)?|blank|empty) (?P<f>{_FIELDS})( (filled in|entered|on file))?\b(?! (calls?|call-ins?|"
    r"leads?|inquir|follow))",
    rf"\b(?P<f>{_FIELDS}) (is |are )?(missing|blank|empty|not filled( in)?|not set)\b",
    rf"(没|没有|未)(填|录|写|维护)(过)?(?P<f>{_FIELDS})",
)
FILLED_FIELD = (rf"(填了|填写了|填过|录了|已填|已录入?)(?P<f>{_FIELDS})", rf"(?P<f>{_FIELDS})(已填|已录入?|填了|有填)",
                rf"\b(an? |the )?(?P<f>{_FIELDS}) (filled in|entered|on file)\b",
                # "leads created in the last 14 days that have a budget": one is recorded, whatever its size
                r"\b(?:that |which |who )?(?:have|has|having|with) (?:an? |any )?(?P<f>budget|expected close date|phone number|"
                r"email address)(?! (?:over|above|of|more|greater|under|below|less|at least|between|exceeding|confirmed|"
                r"approved|in|this|last|>|<|\d))(?=\s*[?.]?$|,| and\b)")


# "逾期30天以内", "overdue by less than 30 days": overdue, due at most (or under) that many days ago
_CN_DAYS = r"(\d+|[一二两三四五六七八九十百]+)"
OVERDUE_WITHIN = (rf"(?:逾期|超期|拖欠)了?\s*{_CN_DAYS}\s*天(?:以内|之内|内)|(?:逾期|超期|拖欠)(?:还)?(?:不到|不超过|少于|未满|没超过)\s*"
                  rf"{_CN_DAYS}\s*天|overdue (?:by )?(?:less than|under|fewer than|at most|no more than|up to) (\d+) days|"
                  r"(?:less than|under|fewer than) (\d+) days (?:overdue|past due|late)")
# "逾期30到60天", "30 to 60 days overdue": both ends count
OVERDUE_RANGE = (rf"(?:逾期|超期|拖欠)(?:了)?\s*{_CN_DAYS}\s*(?:天)?\s*(?:到|至|-|~)\s*{_CN_DAYS}\s*天|(?:between )?(\d+) (?:to|and|-) "
                 r"(\d+) days (?:overdue|past due|late)|overdue (?:by )?(?:between )?(\d+) (?:to|and) (\d+) days")


def _days(said: str) -> int:
    return int(said) if said.isdigit() else chinese_to_int(said) or 0


def _overdue_days(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    """"逾期超过60天": overdue, and due more than 60 days ago (not a 60-day window); "逾期30天以内", "逾期30到60天"."""
    if m := q.search(OVERDUE_RANGE):
        q.take(*m.span())
        low, high = sorted(_days(g) for g in m.groups() if g)
        q.found.setdefault("filters", []).extend([
            Filter("flag", "eq", "overdue"), Filter("due_date", "gte", (today - timedelta(days=high)).isoformat()),
            Filter("due_date", "lte", (today - timedelta(days=low)).isoformat())])
        q.found.setdefault("flag_entities", []).append("payment")
        return
    if m := q.search(OVERDUE_WITHIN):
        q.take(*m.span())
        days = _days(next(g for g in m.groups() if g))
        strict = bool(re.search(r"不到|少于|未满|less than|under|fewer than", m.group(0)))
        q.found.setdefault("filters", []).extend([Filter("flag", "eq", "overdue"), Filter(
            "due_date", "gt" if strict else "gte", (today - timedelta(days=days)).isoformat())])
        q.found.setdefault("flag_entities", []).append("payment")
        return
    if m := q.search(OVERDUE_DAYS):
        q.take(*m.span())
        days = _days(next(g for g in m.groups() if g))
        q.found.setdefault("filters", []).extend([
            Filter("flag", "eq", "overdue"), Filter("due_date", "lt", (today - timedelta(days=days)).isoformat())])
        q.found.setdefault("flag_entities", []).append("payment")


# "在谈判阶段卡了28天以上", "stuck in proposal for more than 30 days": days in the current stage, not a window.
# Only the duration is taken; a stage named in between ("卡在方案阶段30天") is left for the value step.
STAGE_DAYS = (r"(?:卡了|卡在[^，,。？?]{0,8}?|停留了?|待了|停了|呆了)\s*((超过|超|多于|至少|已经)?\s*(\d+)\s*天(以上|多)?)|"
              r"(?:stuck|sitting|been)(?: in [a-z ]{1,30}?)? (for (more than|over|at least) (\d+) days)")


# "进入当前阶段不到3天", "谈判阶段停了10到20天": fewer days, or a range of days, in the current stage
STAGE_DAYS_OTHER = (r"(?:卡了|卡在[^，,。？?]{0,8}?|停留了?|待了|停了|呆了|进入当前阶段|进入该阶段|在当前阶段|进阶段)\s*(?:(不到|不足|少于|"
                    r"未满)\s*(\d+)\s*天|(\d+)\s*天(以内|之内|内)|(\d+)\s*(?:到|至|-|~)\s*(\d+)\s*天)")


def _stage_days(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if m := q.search(STAGE_DAYS_OTHER):
        q.take(*m.span())
        if m.group(5):
            bounds = [Filter("days_in_stage", "gte", float(m.group(5))), Filter("days_in_stage", "lte", float(m.group(6)))]
        else:
            bounds = [Filter("days_in_stage", "lt" if m.group(1) else "lte", float(m.group(2) or m.group(3)))]
        q.found.setdefault("filters", []).extend([*bounds, Filter("flag", "eq", "open")])
        q.found.setdefault("flag_entities", []).append("opportunity")
        return
    if m := q.search(STAGE_DAYS):
        zh = m.group(1) is not None
        q.take(*m.span(1 if zh else 5))
        if not zh or m.group(0).startswith(("卡了", "停留", "待了", "停了", "呆了")):
            q.take(m.start(), m.start() + (len(m.group(0).split()[0]) if not zh else m.start(1) - m.start()))
        word, days, tail = (m.group(2), m.group(3), m.group(4)) if zh else (m.group(6), m.group(7), None)
        op = "gt" if word in ("超过", "超", "多于", "more than", "over") and not tail else "gte"
        # days in the current stage mean something only while the deal is open
        q.found.setdefault("filters", []).extend([Filter("days_in_stage", op, float(days)), Filter("flag", "eq", "open")])
        q.found.setdefault("flag_entities", []).append("opportunity")


def _budget_flag(q: Question, today: date, names: NameIndex, caller_id: int | None) -> None:
    if m := q.search(r"(因为|由于)(无|没有?)预算|(无|没有?)预算(而)?(?=丢|输)|预算不足(?=丢|输|而)"
                     r"|\bfor lack of budget\b"):
        q.take(*m.span())  # "因为没预算丢掉的单子": the loss reason, before 预算 is read as the lead budget
        q.found.setdefault("values", []).append(("loss_reason", "no_budget"))
        q.found.setdefault("value_words", []).append((m.group(0), ("loss_reason",)))
    for pattern, code in ((BUDGET_NOT, "budget_unconfirmed"), (BUDGET_FLAG, "budget_confirmed")):
        while m := q.search(pattern):
            q.take(*m.span())
            q.found.setdefault("filters", []).append(Filter("flag", "eq", code))
            q.found.setdefault("flag_entities", []).append("opportunity")


STEPS = (_shown, _list_order, _missing_field, _age_rank, _last_activity, _collection_rate, _overdue_days, _stage_days, _response_hours, _duration, _only_once, _counted_related_words, _share, _time, _team_region, _names, _from_lead, _follow_up, _mine, _unassigned, _top_n, _budget_flag, _comparison, _first_contact_window, _measure, _added_figure,
         _time_field,
         _flags, _group_by, _sent_verb, _values, _entity, _order, _second_window)
