"""Question -> `QueryPlan` (or a clarifying question, or a refusal), by slot filling over the semantic layer.

Each recogniser finds its words in the normalised question and marks their characters as understood: time
windows, names from the database, "not followed up", enumerated values, flags, measures, entities, group-bys,
top-N and amount comparisons. Whatever meaningful text is left over means the question says something we did not
understand, and the answer is a clarifying question rather than a guess. A question with no entity and no
measure, asked after an earlier one, is a follow-up that refines the previous plan.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date, timedelta

from sql.names import MUNICIPALITIES, NameIndex
from sql.numbers import chinese_to_int
from sql.plan import (
    OPPOSITE_FLAGS,
    Clarification,
    Filter,
    FollowUp,
    QueryPlan,
    Refinement,
    Refusal,
    TimeWindow,
    records_behind,
)
from sql.question import Question, compiled, longest_first, normalise
from sql.recognisers import EN_NUMBERS, FIELDS_ASKED_EN, STEPS, fields_listed
from sql.remarks import clauses, is_break, is_remark_candidate
from sql.semantic import (
    DIMENSIONS,
    ENTITIES,
    FLAG_ENTITY,
    FLAGS,
    MEASURES,
    SHOWN_ATTRIBUTES,
    TIME_DIMENSIONS,
    TIME_GROUPS,
    record_aggregate,
)
from sql.shorthand import expand
from sql.timewords import _d, is_future, period_before, side_by_side, year_before
from sql.vocabulary import (
    EVER_WORDS,
    EXAMPLES,
    FILLER_EN,
    FILLER_ZH,
    UNASSIGNED_WORDS,
    WRITE_WORDS,
    known_words,
)

MAX_QUESTION_CHARS = 500
# Words that point back at an earlier answer ("其中", "of them"): without one, the question cannot be answered.
ANAPHORA = (r"^(其中|这里面|这里头|里面|里头|那么?(?!些)|只看|只要|只算|换成|改成|再看|再按|去掉|排除|除去|按.{1,6}(拆|分)一下\s*[?？。]?$)|(其中|这其中|这些|那些|他们|它们)"
            r"(里|中|当中|之中)|^(这些|那些|这几家|这几个|这几条|这几单)(医院|客户|商机|单子|线索|合同|门店|经销商|回款)(里|中|当中|之中|里面)|^(what about|how about|and |only |just |same )|\b(of them|of those|among them|"
            r"among those|of these|of that|out of that|is that|was that|are those|were those|(does|did|do) (that|those|this) "
            r"(represent|include|cover|come to|make up))\b"
            r"|^(what'?s |what is |what are |how much is |how many of |show |list )?(their|those ones|them)\b")
# A person the question points at without naming: left after `_pronoun` has put in the rep it can tell.
FIRST_PLACE = r"第一名|排第一的|排名第一的|\b(the top one|number one)\b"
PERSON = rf"(?<![其吉利])[他她](?![们人])|\b(he|she|his|him|her)\b|{FIRST_PLACE}"
TOP_ONE_ALONE = r"^(那|那么)?(第一名|排第一的|排名第一的)(是谁|是哪位|是哪个|是哪家|呢)?\s*[?？]?$"
# "and the week before?" after last week's figure: the same figure one period earlier.
BEFORE_THAT = (r"^(?:and |what about |how about |then )?(?:for )?the (?P<en>week|month|quarter|year) before(?: that)?\s*[?？.]?$"
               r"|^(?:那|那么)?(?:再)?(?:往)?前一(?:个)?(?P<zh>周|星期|月|季度|年)(?:呢|的呢|怎么样)?\s*[?？]?$")
NO_PREVIOUS = Clarification("这个问题接着前面的问题，但还没有可以接着的问题。请完整地问一次 / This refers to an earlier "
                            "question, and there is none to refer to. Please ask in full.", EXAMPLES, "no_previous")
# A record of an earlier answer, named only by pointing at it: without an earlier answer it is asked back.
EARLIER_RECORD = r"\b(that|this) (customer|account|client|hospital|deal|opportunity|contract|rep)\b(?! (named|called)\b)" \
                 r"|\b(on|about|for|with|of|to) it\s*[?？.]?$|这(家|个|份|笔)(客户|医院|商机|单子|合同)(?!名)"
# "官网来的里面有几条还没联系": some of the previous answer's records, named by what they are
AMONG_THEM = r"^[^，,。]{1,12}的(里面|里头|当中)"
# How follow-ups start: they refine the previous question even when they name its records again.
FOLLOW_UP_START = (r"(那|那么|其中|这里面|这当中|这其中|只要|只看|只算|换成|改成|改为|再|再看|按|去掉|排除|不算|除去|what about|how about|and |only|"
                   r"just|same|except|excluding|per |by |"
                   r"now |instead|break it|break (the |these |those )[a-z]+( [a-z]+)? down|split it|make it|switch (it )?to|swap to|change it to|add (the |a |their )?|"
                   r"also (show|add|include) )")


def parse(question: str, *, today: date, names: NameIndex, previous: QueryPlan | None = None,
          caller_id: int | None = None, caller_team: int | None = None
          ) -> QueryPlan | Refinement | Clarification | Refusal:
    raw = normalise(question)
    # the columns a list asks for stay as typed: shorthand would read "contract number" or "how much has been paid" as
    # parts of the question
    bare = re.sub(r"[,，\s]*\b(pls|plz|please|thanks|thx)\b[.!]?\s*$", "", raw)  # "… - deal name and quote total pls"
    said = re.search(SORT_AFTER_COLUMNS, bare)
    listed = fields_listed(bare[:said.start()] if said else bare) or (
        re.search(FIELDS_ASKED_EN, bare[:said.start()]) if said else None)  # "…with their annual revenue, largest first"
    raw = bare if listed else raw
    head, tail = (raw[:listed.start()], raw[listed.start():]) if listed else (raw, "")
    if listed and said:
        # "…，列名称、金额和负责人，金额从大到小排": the order is no column; it is read with the rest of the question
        tail = raw[listed.start():said.start()]
        head = f"{head.rstrip('，, ')}，{_sort_clause(said, tail)}"
        tail = tail if re.match(r"[，,:：;；]", tail) else f"，{tail}"
    text, corrected = expand(head, known_words(names))
    text += tail
    if not text or not re.search(r"[\w\u4e00-\u9fff]", text):
        return Clarification("请输入一个关于客户、商机、线索、跟进或回款的问题 / Please ask about accounts, deals, leads, "
                             "follow-ups or receivables.", EXAMPLES, "empty")
    if len(text) > MAX_QUESTION_CHARS:
        return Refusal(f"问题太长（{len(text)} 字），请控制在 {MAX_QUESTION_CHARS} 字以内 / The question is too long "
                       f"({len(text)} characters); keep it under {MAX_QUESTION_CHARS}.")
    refining = previous is not None and bool(re.match(FOLLOW_UP_START, text))
    # writes are judged on the words as typed too: shorthand may drop the "把" of "把……改回……"; a write is refused
    # even when it points at an earlier answer ("帮我把那几条无效线索删掉")
    if any(compiled(w).search(t) for w in WRITE_WORDS for t in (raw, text)) and not (
            refining and re.match(r"(改成|改为|换成|改到)", text)):
        return Refusal("我只能查询数据，不能修改或删除 / I can only read data; I never change or delete it.")
    if previous is None and re.search(ANAPHORA, text):
        return NO_PREVIOUS
    if previous is None and re.search(EARLIER_RECORD, text):  # "Who are the contacts at that customer?"
        return NO_PREVIOUS
    if caller_team is None and previous is not None and re.search(r"组里|组内|本组|这个组|该组|\b(the|that) team\b", text):
        # "组里每个人分别多少" after "华东1组本季度的赢单金额": the team just asked about
        caller_team = next((int(str(x.value)) for x in previous.filters if x.dimension == "team" and x.op == "eq"), None)
    if previous is not None:
        text = _days_again(_sibling_team(_pronoun(text, previous, names), previous, names), previous)
    if previous is not None and previous.window is not None and (m := re.match(BEFORE_THAT, text)):
        unit = m.group("en") or {"周": "week", "星期": "week", "月": "month", "季度": "quarter", "年": "year"}[m.group("zh")]
        before = period_before(previous.window, unit)
        if before is not None:
            return Refinement(window=before)
    text = _manager_of(text, names)
    context = (today, names, previous, caller_id, caller_team)
    result = _understand(text, corrected, *context)
    if isinstance(result, Clarification) and result.reason == "unknown_words":
        result = _contact_named(text, corrected, names, context) \
            or _without_remarks(text, corrected, *context) or _spaced_clauses(raw, names, context) \
            or _two_changes(text, corrected, context) or result
    if isinstance(result, Refinement) and previous is not None and previous.top_n and not previous.group_by \
            and previous.measure is None and result.measure not in (None, "count") and result.group_by is None \
            and not (result.filters or result.window or result.top_n or result.as_list or result.related):
        # "它们的平均金额" after the ten biggest deals: a figure over those ten records, never over all of them
        # (which the top-N would leave as one row)
        # "它们的平均金额" after the ten biggest deals of any stage: the average of those ten, not of won deals
        over = next((code for code in (result.measure, *MEASURES) if _over_records(code, previous) and MEASURES[
            code].expr == MEASURES[str(result.measure)].expr), None)
        if over is not None:
            return replace(previous, measure=over, total_of_groups=True)
        return Clarification("这个数字只能按全部记录算，不能只算这几条；请换个问法 / That figure cannot be worked out over just "
                             "these records; please rephrase.", (), "over_ranked")
    if isinstance(result, Refinement) and previous is not None and previous.top_n and not previous.group_by \
            and previous.measure is None and previous.entity == "opportunity" and result.group_by == ("loss_reason",) \
            and not (result.filters or result.window or result.measure not in (None, "count")):
        # "都输在什么原因" after the five biggest lost deals: each one's reason, not a breakdown of other deals
        return Refinement(show=("o.loss_reason",))
    if isinstance(result, Refinement) and previous is not None and previous.top_n and previous.group_by \
            and result.measure not in (None, previous.measure) and result.top_n is None and re.search(
                r"它们|他们|她们|这(几|[两二三四五六七八九十\d]+)(个|位|家|条)|那(几|[两二三四五六七八九十\d]+)(个|位|家|条)|"
                r"\b(they|them|these|those|their)\b", text) and not re.search(
                r"\b(re-?rank|rank|sort|order)\b|排名|排序|重新排|排一下", text):
        # "它们各自的4小时响应率" after the top three sources: the same three, which a plan cannot pin down; re-ranking
        # by the new figure would show other groups
        return Clarification("请直接写出这几个的名称再问一次 / Please name them and ask again.", (), "ranked_groups")
    if isinstance(result, QueryPlan | Refinement) and re.search(PERSON, text) and not re.search(TOP_ONE_ALONE, text) \
            and not any(f.dimension in ("rep", "contact") and f.op == "eq" for f in (
                *result.filters, *(previous.filters if previous and isinstance(result, Refinement) else ()))):
        # "他上周跟进了几次" after "谁的赢单金额最高": the person is in the previous answer's rows, not its conditions
        # (the pipeline names the rep at the top of a ranking); dropping the word would answer for everyone
        return Clarification("“他/她”或“第一名”指的是哪位业务员？请写出名字 / Who do you mean by 'he', 'she' or 'the top "
                             "one'? Please give the name.", (), "who")
    if isinstance(result, QueryPlan) and previous is not None:
        result = _same_customer(result, previous, f"{raw} {text}")  # "全公司" is dropped from the expanded text
    if isinstance(result, QueryPlan) and previous is not None and previous.measure is None and not previous.group_by \
            and not previous.top_n and result.entity == previous.entity and result.measure is not None and not (
                result.filters or result.window or result.group_by or result.top_n or result.follow_up
                or result.having or result.of_records) and not re.search(WHOLE_BOOK, f"{raw} {text}"):
        # "合同总额多少" right after "西北区今年签的合同": the total of the records just listed, not of every contract
        return replace(previous, measure=result.measure, also=result.also, sort=None, order=None, show=())
    return result


# Words that widen a question beyond the customer talked about just before.
WHOLE_BOOK = r"全公司|整个公司|公司|全部|所有|整体|总体|全国|大家|每家|各家|哪些|哪几|哪家|谁|\b(all|every|overall|company|whole|which|who)\b"


def _same_customer(plan: QueryPlan, previous: QueryPlan, text: str) -> QueryPlan:
    """"上次拜访是什么时候" right after "合肥市骨科医院的逾期金额": a question that names no customer, place or person of
    its own goes on about the one customer the conversation is about, not the whole book."""
    named = [x for x in previous.filters if x.dimension == "account" and x.op == "eq"]
    if len(named) != 1 or plan.of_records is not None or "account" not in _carried_dims(plan.entity) \
            or plan.entity == "account" or any(x.dimension in WHOSE_DIMS for x in plan.filters) \
            or plan.group_by or re.search(WHOLE_BOOK, text):
        return plan
    return plan.with_filters(named[0])


# "吴凯的直属领导是谁", "Who is 吴凯's manager?": the manager of that rep's team
MANAGER_OF = (r"^(?P<zh>[\u4e00-\u9fff]{2,4})的(直属)?(领导|上级|经理|主管|老板|组长)(是谁|是哪位)?\s*[?？]?$"
              r"|^(who is|who's|who are) (?P<en>[\u4e00-\u9fff]{2,4})\s*'?s? (manager|boss|supervisor|team lead)\s*\??$")


def _manager_of(text: str, names: NameIndex) -> str:
    m = re.match(MANAGER_OF, text)
    entries = names.reps.get(m.group("zh") or m.group("en"), []) if m else []
    places = names.rep_places.get(entries[0][0], ()) if len(entries) == 1 else ()
    team = next((p for p in places if p in names.teams), None)
    return f"{team}的销售经理是谁" if team else text


def _contact_named(text: str, corrected: tuple[str, ...], names: NameIndex, context: tuple) -> QueryPlan | None:
    """"潘倩是哪家客户的": a word not understood that is a contact's full name, and no rep's, is read as that contact.
    Contact names are ordinary people's names, so this is tried only for the words the question was asked back on."""
    today, _names, _previous, caller_id, caller_team = context
    q = _recognised(text, corrected, today, names, caller_id, caller_team)
    leftover = _meaningful_leftover(q) if isinstance(q, Question) else ""
    for m in re.finditer(r"[\u4e00-\u9fff]{2,3}", leftover):
        for n in (3, 2):
            for at in range(m.start(), m.end() - n + 1):
                name = m.string[at:at + n]
                start = text.find(name)
                if name in names.contacts and name not in names.reps and start >= 0 and "联系人" not in text:
                    again = _understand(f"{text[:start]}联系人{text[start:]}", corrected, *context)
                    return again if isinstance(again, QueryPlan) else None
    return None


# An order said after the columns of a list: "，金额从大到小排", "，从高到低", ", largest first", "; sorted by amount".
PHONE_WORDS = ("电话", "phone", "电话号码", "手机", "手机号")
SORT_TIMES = r"签约时间|创建时间|关闭时间|到期日期|到期日|回款时间|到账时间|首次联系时间|跟进时间|拜访时间|报价时间|入职日期|预计成交日期|时间"
SORT_AFTER_COLUMNS = (r"(?:[，,;；。.]|\s[-–—]+|\s)\s*(?:(?:按|以)?(?P<field>金额|年营收|年收入|预算|标价|价格|合同金额|应收金额|"
                      rf"{SORT_TIMES})?(?P<dir>从大到小|从高到低|"
                      r"从小到大|从低到高|由高到低|由大到小|由低到高|从早到晚|从晚到早|从新到旧|从旧到新|降序|升序|倒序|正序)(?:排(?:序|列|一下)?)?"
                      # "…，按签约时间排", "…，最新的排前面", "…，金额大的在前"
                      rf"|按(?P<time>{SORT_TIMES})(?:排序|排列|排一下|排)|(?P<first>(?:最|金额最?)?(?:新|近|晚|早|旧|大|小))的?(?:排|放|在)"
                      r"(?:最)?前(?:面|头|边)?|(?P<en>(?:(?:sorted|ordered) by "
                      r"[a-z ]+?(?:,? (?:desc|descending|asc|ascending|high to low|low to high|largest first|biggest first))?|"
                      r"(?:largest|biggest|highest|newest|latest|oldest|smallest|most recent)(?: [a-z]+)? first)))\s*[。.!！]?\s*$")
SORT_FIELDS_SAID = ("金额", "年营收", "年收入", "预算", "标价", "合同金额", "应收金额")


def _sort_clause(said: re.Match[str], columns: str) -> str:
    """The order as a clause of its own; a Chinese order without its field sorts by the first figure among the
    columns ("名称和年营收，从高到低": by annual revenue)."""
    if said.group("en"):  # "highest first", "largest amount first": the words the list order knows
        return re.sub(r"^(largest|biggest|highest|newest|latest|oldest|smallest|lowest|most recent)(?: [a-z]+)? first$",
                      lambda m: f"{'largest' if m.group(1) == 'highest' else m.group(1)} first", said.group("en"))
    if said.group("first"):
        return f"{said.group('first')}的排前面"
    if said.group("time"):
        return f"按{said.group('time')}排"
    field = said.group("field") or next((w for w in SORT_FIELDS_SAID if w in columns), "金额")
    way = {"倒序": "降序", "正序": "升序"}.get(said.group("dir"), said.group("dir"))
    return f"按{'标价' if field == '价格' else field}{way}排"


def _spaced_clauses(raw: str, names: NameIndex, context: tuple) -> QueryPlan | Refinement | None:
    """"今天要去催款 我有哪些逾期的应收款": on a phone a space often ends a clause. Spaces between Chinese words are
    dropped as keyword typing ("输单原因 分布 今年"); when that leaves words not understood, the spaces are read as
    commas instead, so that a remark on its own clause can be left out: only the first or the last clause, since a
    word in the middle ("华东 要催款 的客户") is more likely a condition typed apart than a remark."""
    if not re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", raw):
        return None
    text, corrected = expand(re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "，", raw), known_words(names))
    result = _without_remarks(text, corrected, *context)
    parts = [p.strip() for p in clauses(text) if p.strip() and not is_break(p)]
    skipped = re.fullmatch(r"略过“(.*)” \(remarks skipped\)", result.notes[-1]) if result and result.notes else None
    if result is None or skipped is None or not all(s in (parts[0], parts[-1]) for s in skipped.group(1).split("”“")):
        return None
    return result


# Where a follow-up making two changes is cut: a comma, "and"/"then", 然后/再/并.
TWO_CHANGES = r"\s*(?:[，,；;]\s*(?:and |then |然后|再|并且?)?|\s(?:and|then)\s|然后|并且|再)\s*"


def _two_changes(text: str, corrected: tuple[str, ...], context: tuple) -> Refinement | None:
    """"add the owner and sort by amount", "加上来源和预算，按预算从高到低排": two changes to the previous answer in one
    follow-up, each understood on its own and neither setting what the other sets."""
    if context[2] is None:
        return None
    for cut in re.finditer(TWO_CHANGES, text):
        first, second = text[:cut.start()], text[cut.end():]
        if not first.strip() or not second.strip():
            continue
        a, b = (_understand(part, corrected, *context) for part in (first, second))
        if isinstance(a, Refinement) and isinstance(b, Refinement) and (both := _merged(a, b)) is not None:
            return both
    return None


def _merged(a: Refinement, b: Refinement) -> Refinement | None:
    """One refinement making the changes of both, or None where both change the same thing differently."""
    changes: dict[str, object] = {}
    for f in fields(Refinement):
        x, y, empty = getattr(a, f.name), getattr(b, f.name), getattr(Refinement(), f.name)
        if f.name in ("notes", "show", "filters", "also"):
            changes[f.name] = tuple(dict.fromkeys((*x, *y)))
        elif x != empty and y != empty and x != y:
            return None
        else:
            changes[f.name] = y if x == empty else x
    return Refinement(**changes)  # type: ignore[arg-type]


def _pronoun(text: str, previous: QueryPlan, names: NameIndex) -> str:
    """"这个月他上门拜访了哪些客户" after a question about one rep: that rep, by name (a name two reps share is then
    asked back like any other)."""
    accounts = [x.value for x in previous.filters if x.dimension == "account" and x.op == "eq"]
    if len(accounts) == 1 and (called := names.label("account", accounts[0])):
        # "它今年的成交额呢" after "天津润泽电器商城是谁的客户": that customer, by name
        named = re.sub(r"^(那|那么)?它(的)?", lambda m: called + (m.group(2) or ""), text, count=1)
        if named != text:  # a question of its own about the customer now, not a change to the last one
            return re.sub(r"呢\s*([?？]?)$", r"\1", named)
    reps = [x.value for x in previous.filters if x.dimension == "rep" and x.op == "eq"]
    name = names.label("rep", reps[0]) if len(reps) == 1 else None
    if name is None:
        return text
    text = re.sub(r"^[他她]的?(?=这些|那些|这几|那几)", "", text)  # "他这些线索…": those records, still a follow-up
    text = re.sub(r"(?<![其吉利])[他她](?![们人])", name, text, count=1)
    text = re.sub(r"\b(he|she)\b", name, text, count=1)
    return re.sub(r"\b(his|her)\b(?= \w)", name + "'s", text, count=1)


# "那超过90天的呢" after "逾期超过30天的应收": the same count of days, changed; never a 90-day window
DAYS_AGAIN = re.compile(r"^(?:那|那么|换成|改成|改为)?(?:超过|多于|大于|过了|超)\s*(\d+|[一二两三四五六七八九十百]+)\s*天(?:以上)?(?:的)?(?:呢)?"
                        r"\s*[?？]?$|^(?:what about |and |now )?(?:more than|over) (\d+) days(?: then)?\s*\??$")


def _days_again(text: str, previous: QueryPlan) -> str:
    said = DAYS_AGAIN.match(text)
    if said is None:
        return text
    days = said.group(1) or said.group(2)
    dims = {x.dimension for x in previous.filters}
    if "due_date" in dims and Filter("flag", "eq", "overdue") in previous.filters:
        return f"逾期超过{days}天的呢" if said.group(1) else f"what about overdue more than {days} days"
    if "days_in_stage" in dims:
        return f"卡了超过{days}天的呢" if said.group(1) else f"what about stuck for more than {days} days"
    return text


def _sibling_team(text: str, previous: QueryPlan, names: NameIndex) -> str:
    """"2组呢" after a question about 华东1组: 华东2组, the team of the same region with that number."""
    said = re.match(r"^(?:那|那么)?([1-9一二三四五六七八九])组(呢|的呢|怎么样|的情况)?\s*([?？]?)$", text)
    teams = [x.value for x in previous.filters if x.dimension == "team" and x.op == "eq"]
    named = names.label("team", teams[0]) if said and len(teams) == 1 else None
    if said is None or named is None:
        return text
    sibling = re.sub(r"[1-9]组$", f"{chinese_to_int(said.group(1)) or said.group(1)}组", named)
    return f"{sibling}呢{said.group(3)}" if sibling in names.teams and sibling != named else text


def _understand(text: str, corrected: tuple[str, ...], today: date, names: NameIndex, previous: QueryPlan | None,
                caller_id: int | None, caller_team: int | None) -> QueryPlan | Refinement | Clarification:
    q = _recognised(text, corrected, today, names, caller_id, caller_team)
    if isinstance(q, Clarification):
        return q
    return _assemble(q, today, previous, caller_id)


def _recognised(text: str, corrected: tuple[str, ...], today: date, names: NameIndex, caller_id: int | None,
                caller_team: int | None) -> Question | Clarification:
    q = Question(text, [False] * len(text), _is_english(text))
    q.found["caller_team"] = caller_team
    q.found["notes"] = list(corrected)
    for step in STEPS:
        result = step(q, today, names, caller_id)
        if isinstance(result, Clarification):
            return result
    return q


def _without_remarks(text: str, corrected: tuple[str, ...], today: date, names: NameIndex,
                     previous: QueryPlan | None, caller_id: int | None, caller_team: int | None
                     ) -> QueryPlan | Refinement | None:
    """The question without the clauses that are remarks ("早上好", "…，今天去催一下", "heading there this
    afternoon"): only when the rest is understood in full and each dropped clause names nothing the rest does not
    (a condition said only in a remark is never dropped)."""
    parts = clauses(text)
    content = [i for i, p in enumerate(parts) if not is_break(p) and p.strip()]
    remarks: list[int] = []
    for i in (i for i in content if is_remark_candidate(parts[i])):
        others = _join([p for j, p in enumerate(parts) if j != i and j not in remarks])
        said = _conditions(parts[i], corrected, today, names, caller_id, caller_team)
        kept = _conditions(others, corrected, today, names, caller_id, caller_team) if others else None
        if said is not None and kept is not None and said <= kept:
            remarks.append(i)
    if not remarks:
        return None
    rest = _join([p for i, p in enumerate(parts) if i not in remarks])
    again = _understand(rest, corrected, today, names, previous, caller_id, caller_team)
    if not isinstance(again, QueryPlan | Refinement):
        return None
    skipped = "”“".join(parts[i].strip() for i in remarks)
    return replace(again, notes=(*again.notes, f"略过“{skipped}” (remarks skipped)"))


def _join(parts: list[str]) -> str:
    """Clauses back into one question, without a break left at either end or two breaks in a row."""
    out: list[str] = []
    for p in parts:
        if is_break(p) and (not out or is_break(out[-1])):
            continue
        out.append(p)
    return "".join(out).strip(" ，,。；;！!-–—")


def _conditions(text: str, corrected: tuple[str, ...], today: date, names: NameIndex, caller_id: int | None,
                caller_team: int | None) -> set[str] | None:
    """What a piece of a question asks for: its names, values, flags, measure and related records. A window of the
    asker's own day (今天, 明天) in a remark is their plan, not a condition."""
    q = _recognised(text, corrected, today, names, caller_id, caller_team)
    if isinstance(q, Clarification):
        return None
    f = q.found
    out = {repr(x) for x in f.get("filters", [])} | {repr(v) for v in f.get("values", [])}
    out |= {f"{k}={f[k]!r}" for k in ("measure", "absence", "follow_up_kinds", "top_n") if f.get(k)}
    window = f.get("window")
    if window is not None and window.label not in ("今天", "明天", "后天", "today", "tomorrow"):
        out.add(f"window={window.label}")
    return out


# -- recognisers -------------------------------------------------------------------------------------------------


def _is_english(text: str) -> bool:
    """English grammar (head noun first) even when Chinese names are quoted: "Overdue payments on 谢强's contracts"."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return True
    # "高文博's open deals with stage and amount": a name said first, then English
    return bool(re.match(r"(?:[\u4e00-\u9fff0-9]{2,12}(?:'s)?\s+)?[a-z]", text)) and len(re.findall(r"[a-z]{2,}", text)) >= 3


def _assemble(q: Question, today: date, previous: QueryPlan | None,
              caller_id: int | None) -> QueryPlan | Refinement | Clarification:
    f = q.found
    if f.get("measure") in ("response_rate_4h", "avg_response_hours") and f.get("follow_up_done") is True \
            and not f.get("absence") and re.search(r"\bcontacted\b|联系(上|过)", q.text):
        del f["follow_up_done"]  # "leads contacted within 4 hours", "that have been contacted": the measure itself
    if re.search(PER_GROUP_TOP, q.text):
        return Clarification("暂不支持“每组各取第一”：可以按组看合计，或问某一组里最大的记录 / The top record within each group "
                             "is not supported yet; ask for totals by group, or for the largest in one group.", EXAMPLES,
                             "per_group_top")
    if re.search(BEST_ACCOUNTS, q.text) and not re.search(
            r"\bby (won|revenue|amount|sales|deals?|collected|collections|payments?|number|count|value|size|contract)|"
            r"按(金额|赢单|回款|合同|营收|销售额|业绩|数量|成交)|(金额|赢单|回款|合同|营收)(最|前)", q.text):
        return Clarification("“最好/大客户”按什么算？/ Best by which measure?", (
            "按赢单金额 / by won amount", "按回款金额 / by collected amount", "A类客户 / class A accounts"), "vague")
    if re.search(r"(?<![前\d一二两三四五六七八九十])大单", q.text) and not f.get("top_n") and not any(
            x.dimension == "amount" for x in f.get("filters", [])):
        # "今年的大单一共有多少": how big is big? Counted with no size it would be every deal
        return Clarification("“大单”是多大金额？/ How large is a big deal?", (
            "今年赢单里100万以上的有几个 / won deals over 1M this year", "500万以上的在跟商机 / open deals over 5M",
            "今年赢单金额前十的商机 / the ten largest won deals this year"), "vague")
    if f.get("measure") == "collection_rate" and not f.get("rate_basis"):
        return Clarification("“回款率”按什么算？/ A collection rate of what?", (
            "已到期应收的回款率（按金额）/ collection rate by amount on installments already due",
            "10月到期的应收回款率 / collection rate on installments due in October"), "vague")
    if f.get("window") is None and re.search(VAGUE_RECENT, q.text):
        return Clarification("“最近”是指多长时间？/ How recent do you mean?", ("近7天 / last 7 days", "近30天 / last 30 days",
                                                                          "本月 / this month"), "vague_period")
    if re.search(FORECAST, q.text):
        return Clarification("预测暂不支持：我只回答数据里已有的记录。可以问在跟商机金额，或预计下月成交的商机 / Forecasts are not "
                             "supported: I answer from the records there are. Ask for the open pipeline, or the deals "
                             "expected to close next month.", EXAMPLES, "forecast")
    if previous is not None and previous.entity in SHOWN_ATTRIBUTES["account"] and (
            asked := re.fullmatch(ACCOUNTS_OF_RECORDS, q.text)):
        return _accounts_of_records(previous, asked)
    if previous is not None and previous.entity in SHOWN_ATTRIBUTES["account"] and not previous.group_by and (
            asked := re.fullmatch(ACCOUNTS_COUNTED, q.text)):
        return replace(_accounts_of_records(previous, asked), measure="count")
    unknown = _unknown_organisation(q)
    if unknown:
        return Clarification(f"没有找到名为“{unknown}”的客户，请核对名称 / No account named '{unknown}' was found; "
                             "please check the name.", tuple(q.found.get("near_names", ())) or EXAMPLES, "unknown_name")
    if f.get("follow_up_done") and not f.get("absence") and re.search(r"几次|多少次|次数|how many times|how often", q.text) \
            and not re.search(r"[\u4e00-\u9fff]{2,}", _meaningful_leftover(q)):  # a name not understood is asked back
        # "黑龙江省中医院近30天被拜访过几次": the visits themselves, counted
        f["values"] = list(f.get("values", [])) + [("activity_type", k) for k in f.get("follow_up_kinds", ())]
        f.pop("follow_up_done")
        f["measure"] = "count"
        return _plan(q, today, "activity", [], caller_id)
    account_said = f.get("entities") == ["account"] or (not f.get("entities") and any(
        c in ACCOUNT_VALUES for c, _v in f.get("values", [])))
    if f.get("measure") == "count" and account_said and any(c == "activity_type" for c, _v in f.get("values", [])):
        if re.search(r"(几|多少)家|how many (different |distinct )?(accounts|customers|clients|hospitals|distributors|"
                     r"stores|schools|labs)", q.text) \
                and "follow_up_done" not in f:
            # "上周拜访了几家客户": the accounts visited, each once, not the visits
            f["follow_up_done"] = True
            f["follow_up_kinds"] = tuple(v for c, v in f["values"] if c == "activity_type")
            f["values"] = [(c, v) for c, v in f["values"] if c != "activity_type"]
            f["value_words"] = [w for w in f.get("value_words", []) if w[1] != ("activity_type",)]
        elif f.get("entities") == ["account"]:
            f["entities"] = ["activity"]  # "我上周拜访了几次客户", "number of customer visits": the visits, counted
    elif f.get("measure") == "count" and "activity" in f.get("entities", []) and set(f["entities"]) <= {"account", "activity"} \
            and ("account" in f["entities"] or any(c in ACCOUNT_VALUES for c, _v in f.get("values", []))) \
            and "follow_up_done" not in f and not f.get("absence") and re.search(
                r"(跟进|联系)(了|过)(几|多少)家|(几|多少)家[^，,。？?]{0,6}(被)?(跟进|联系)(了|过)", q.text):
        f["entities"] = ["account"]  # "许晓东这个月跟进了几家客户": the accounts followed up, each once
        f["follow_up_done"] = True
    buyers = set(f.get("entities", [])) <= {"account"} and not f.get("follow_up_done")
    if f.get("measure") == "count" and buyers and any(
            x.dimension in ("product", "product_line") for x in f.get("filters", [])) and (
            sold := q.search(r"\b(did|have|has|do)( we| i| you| they| he| she)( ever)? (sold|sell)\b|\bsold\b")
            or _said_around(q, r"\b(did|have|has|do) (our |the |my |all |your )?", r"(buy|bought|purchase|purchased|sell|sold)\b")):
        q.take(*sold.span())  # "how many A100s did we sell", "did South China buy": units, not deals
        f["measure"] = "units_sold"
        f["entities"] = []  # "how many CRM seats did our 上海 accounts buy": the accounts are who bought
    elif f.get("measure") == "count" and not f.get("entities") and any(
            x.dimension == "product" for x in f.get("filters", [])) and f.get("values") == [("stage", "closed_won")] \
            and re.search(r"^how many\b.*\b(have|did|has) ([^ ]{1,12}) (sold|sell)\b", q.text):
        f["measure"] = "units_sold"  # "How many M8 monitors have we sold this year?": units on the won deals
        f["values"], f["value_words"] = [], []
    if f.get("measure") == "count" and not f.get("count_strong") and f.get("entities") == ["payment"] and re.search(
            r"应收(?!.{0,3}(笔|期|条))", q.text) and re.search(r"(一共|总共|合计|加起来)多少(?![笔期条个])", q.text):
        f["measure"] = "amount_due"  # "12月份到期的应收一共多少": receivables are money; 多少笔 would count them
    if not f.get("entities") and any(w == "报价" for w, _c in f.get("value_words", [])) and not re.search(
            r"报价阶段|阶段|商机|单子|项目|deal|opportunit", q.text):
        f["entities"] = ["quote"]  # "高娜的报价有哪些": quotes; "报价阶段的商机" names the stage
        f["values"] = [v for v in f.get("values", []) if v != ("stage", "proposal")]
    if (m := re.search(PRICE_RANK, q.text)) and not set(f.get("entities", [])) - {"product"} and (
            "product" in f.get("entities", []) or ("product",) in f.get("group_candidates", [])):
        # "标价最贵的三个产品", "top 3 products by list price": products by their own price, not a price loss reason
        f["entities"] = ["product"]
        f["group_candidates"] = [g for g in f.get("group_candidates", []) if g != ("product",)]
        f["values"] = [v for v in f.get("values", []) if v != ("loss_reason", "price")]
        f["value_words"] = [w for w in f.get("value_words", []) if w[1] != ("loss_reason",)]
        q.take(*m.span())
        f["aggregate"], f["top_n"] = "sum", f.get("top_n") or _ranked_count(q, m) or 1
        f["order"] = "asc" if re.search(r"便宜|最低|cheapest|least expensive|lowest", m.group(0)) else "desc"
    if f.get("owner_flag"):  # "已离职销售名下还挂着哪些客户": the accounts, whose owner has left
        listed = [g[0] for g in f.get("group_candidates", []) if g[0] in ENTITIES and g[0] != "rep"]
        if not set(f.get("entities", [])) - {"rep"} and listed:
            f["entities"] = [listed[0]]
            f["group_candidates"] = [g for g in f["group_candidates"] if g[0] != listed[0]]
        elif not set(f.get("entities", [])) - {"rep"} and any(DIM_ENTITY.get(c) == "account" for c, _v in f.get("values", [])):
            f["entities"] = ["account"]  # "已离职销售名下的医院": the hospitals, named by their type
        if set(f.get("entities", [])) - {"rep"}:
            f["entities"] = [e for e in f["entities"] if e != "rep"]
            f["group_candidates"] = [g for g in f.get("group_candidates", []) if g != ("rep",)]
    counted = f.get("count_threshold")
    if counted is not None and counted.op in ("lt", "lte", "eq"):
        _related_count(q)  # "fewer than 10 follow-ups" includes none at all, which a total per group cannot show
    grouped = _per_group_total(q)
    if grouped is not None:
        return _account_follow_up(_plan(q, today, *grouped, caller_id))
    _related_count(q)
    _counted_related(q)
    if f.get("count_threshold"):
        return Clarification("按记录个数筛选（如“至少2个商机的客户”）暂不支持，请改问数量排名或列出明细 / Filtering by how many "
                             "records something has (e.g. 'accounts with at least 2 deals') is not supported yet; ask "
                             "for a ranking by count or for the list instead.", EXAMPLES, "count_threshold")
    if previous is not None and previous.group_by and _additive(previous.measure) and not previous.total_of_groups \
            and not previous.count_groups and re.search(TOTAL_FOLLOW_UP, q.text):
        if previous.top_n or previous.having:  # "这五个人加起来多少" after a top five: one figure for all five
            return replace(previous, total_of_groups=True)
        return replace(previous, group_by=(), order=None)  # "合计呢" after a breakdown: the overall figure
    if previous is not None and not previous.group_by and previous.measure is None and previous.top_n \
            and re.search(TOTAL_FOLLOW_UP, q.text) and (summed := _sum_of_sorted(previous)) is not None:
        return replace(previous, measure=summed, total_of_groups=True)  # "这十单加起来多少钱" after the ten biggest
    leftover = _meaningful_leftover(q)
    entities: list[str] = f.get("entities", [])
    measure = f.get("measure")
    if leftover:
        return Clarification(f"我没能理解“{leftover}”。您可以换个说法，或从下面的例子中选择 / I did not understand "
                             f"'{leftover}'. Rephrase, or pick one of these:", EXAMPLES, "unknown_words")
    inferable = any(c in DIM_ENTITY for c, _v in f.get("values", [])) or any(
        x.dimension in ("city", "province", "account", "team") for x in f.get("filters", [])) or any(
        len({DIM_ENTITY.get(d) for d in dims} - {None}) == 1 or (dims[0] in SELF_DIMS and re.search(WHICH, q.text))
        for dims in f.get("group_candidates", []))
    refining = previous is not None and bool(re.match(FOLLOW_UP_START, q.text) or re.search(
        r"呢[?？。!！]?$|呢[，,]|^(and |what about|how about)|" + AMONG_THEM, q.text) or re.search(ANAPHORA, q.text)
        or re.match(r"(这些|那些|这几个|这几家|这几单|these |those )", q.text)) and all(
        e == previous.entity or e in GROUPABLE_MENTIONS for e in entities)
    same_records = previous is not None and measure not in (None, "count") and set(entities) <= {previous.entity} \
        and not (f.get("window") or f.get("filters") or f.get("values") or f.get("group_candidates")
                 or f.get("top_n") or f.get("superlative")) and MEASURES[measure].entity == previous.entity
    if same_records:
        refining = True  # "合同金额加起来多少" right after "执行中的合同有多少份": the same contracts, another figure
    others = [e for e in [*entities, *(x for x in f.get("flag_entities", []) if x)]
              if e != previous.entity and e not in GROUPABLE_MENTIONS] if previous else []
    if measure not in (None, "count") and previous is not None and MEASURES[measure].entity not in (previous.entity, "*"):
        others.append(MEASURES[measure].entity)
    bare = not (entities or f.get("filters") or f.get("values") or f.get("group_candidates") or f.get("window")
                or f.get("top_n") or f.get("superlative") or "follow_up_done" in f)
    if previous is not None and measure not in (None, "count") and not entities \
            and MEASURES[measure].entity not in (previous.entity, "*") \
            and not (f.get("filters") or f.get("values") or f.get("group_candidates")) and (
                (previous.measure is not None and re.search(ANAPHORA + r"|呢[?？]?$|看看$|\bby\b|\binstead\b|^(switch|swap|change)\b", q.text))
                or (previous.measure is None and bare and previous.filters)):
        # "回款了多少" right after "宁夏省人民医院签了哪些合同": the same records' money, not everyone's
        return _switch_measure(previous, measure, f.get("window"))
    owing = previous.follow_up if previous is not None and previous.entity == "account" else None
    if owing is not None and owing.done and owing.target in ("overdue_payment", "unpaid_payment") \
            and measure in ("outstanding_amount", "overdue_amount", "collected") and not entities \
            and not (f.get("filters") or f.get("values") or f.get("window")) and previous is not None:
        # "which ones, and how much does each owe?" after "how many distributors have overdue payments": each of
        # those accounts, with what it owes
        owed = "overdue_amount" if owing.target == "overdue_payment" else "outstanding_amount"
        return replace(previous, entity="payment", measure=owed, group_by=("account",), follow_up=None, also=(),
                       top_n=None, order=None, sort=None, count_groups=False, notes=())
    named = [x for x in previous.filters if x.dimension in WHOSE_DIMS and x.dimension in _carried_dims(others[-1])] \
        if previous is not None and others else []
    if previous is not None and others and named and not f.get("filters") and not f.get("values") \
            and re.fullmatch(r"(那|那么)?[\u4e00-\u9fff]{1,4}呢[?？]?|(and |what about )?(the |their )?[a-z]+\??", q.text):
        # "合同呢" after "嘉兴市中心医院的在跟商机": that customer's contracts (the deals' own conditions stay behind);
        # after "华东张伟的商机", East China's and 张伟's
        f["filters"] = named
        f["entities"] = entities = [e for e in entities if e != previous.entity] or entities
        previous = None
    if previous is not None and others and re.search(
            ANAPHORA + r"|这些|那些|他们|她们|these|those|them|那家|这家|[这那]几(家|所|个客户)|该客户|\bthat (customer|account|client|hospital|company)\b",
            q.text):
        # "这些客户的决策人": other records of the same accounts; only a plain list of them can be carried over
        carried = [x for x in previous.filters]
        if previous.measure not in (None, "count") or previous.top_n or previous.follow_up or previous.window \
                or not all(x.dimension in _carried_dims(others[-1]) for x in carried):
            return Clarification("无法把上一个问题的结果直接换成另一种记录，请完整地问一次 / I cannot turn the previous answer "
                                 "into another kind of record; please ask in full.", EXAMPLES, "followup")
        f["filters"] = carried + list(f.get("filters", []))
        entities = [e for e in entities if e != previous.entity] or entities
        f["entities"] = entities
        previous = None
    if previous is not None and previous.measure is not None and not previous.group_by and measure is None \
            and set(entities) == {previous.entity} and not (f.get("filters") or f.get("values") or f.get("window")
                                                             or f.get("group_candidates") or "follow_up_done" in f) \
            and re.search(r"^(请|帮我|麻烦)?(列一下|列出|列个|显示|看看|给我)|^(show|list|give) (me )?(the |those |these )?", q.text):
        # "列一下合同号" after how many contracts: those contracts, not every contract
        return Refinement(as_list=True)
    fresh_accounts = previous is not None and previous.entity != "account" and "account" not in previous.group_by \
        and bool(re.match(r"(哪些|哪几家)(客户|医院)|which (accounts|customers|hospitals)\b", q.text))
    if previous is not None and (refining or (not entities and measure in (None, "count"))) and not fresh_accounts \
            and not f.get("stale") and ("follow_up_done" not in f or f.get("absence") or re.search(ANAPHORA, q.text)
                                         or re.match(r"(哪些|哪几|有几|多少|which|how many)", q.text)
                                         or re.search(AMONG_THEM, q.text)
                                         or (previous.follow_up is not None and refining and not entities)
                                         or (previous.entity == "lead" and not entities and not f.get("window"))):
        return _refinement(q, today, previous)  # "哪些上周没跟进": which of the previous answer's records
    if not entities and measure in (None, "count") and not f.get("stale") and "follow_up_done" not in f \
            and f.get("aggregate") is None and not inferable and not f.get("entity_hint") \
            and not f.get("flag_entities"):
        if previous is not None:
            return _refinement(q, today, previous)
        return Clarification("请说明要查询的对象（客户、商机、线索、跟进、合同、回款……）/ Which records do you mean "
                             "(accounts, deals, leads, follow-ups, contracts, payments)?", EXAMPLES, "no_entity")
    # "西南区业绩怎么样": how good is a judgement, not a figure, whatever region or period it names
    judged = re.search(r"(业绩|表现|做得|卖得)\s*(怎么样|如何|好不好|咋样)", q.text)
    if f.get("vague") and (measure is None or judged or not (f.get("window") or f.get("filters") or f.get("values")
                                                              or f.get("group_candidates"))):
        return Clarification("您想看哪个指标？/ Which figure do you want?", (
            "本月赢单金额 / won amount this month", "本月各业务员赢单金额 / won amount by rep this month",
            "本季度赢单率 / win rate this quarter", "逾期回款金额 / overdue receivables"), "vague")
    entity, group_by = _choose_entity(q, entities, measure)
    if entity is None:
        return Clarification("这个问题涉及的对象不止一种，请说明要看哪一种 / The question names several kinds of "
                             "record; which one should I list?", tuple(ENTITIES[e].label_zh for e in entities),
                             "entity")
    return _plan(q, today, entity, group_by, caller_id)


def _dates_measure(time_field: str | None, measure: str | None, entity: str) -> bool:
    """Whether the question's window dates the records themselves: their own time said, or the measure's."""
    if time_field is not None:
        return TIME_DIMENSIONS[time_field].entity == entity
    dated = MEASURES[measure].time if measure in MEASURES else None
    return dated is not None and TIME_DIMENSIONS[dated].entity == entity


def _related_count(q: Question) -> None:
    """How many follow-ups a deal, account or rep has, compared ("只跟进过一次的在跟商机", "拜访超过5次的客户",
    "这个月跟进不到10次的业务员"): a condition on the records' follow-ups, counted; ``q.found`` is rewritten."""
    f = q.found
    counted: Filter | None = f.get("count_threshold")
    entities = list(f.get("entities", []))
    said = "activity" in entities or "follow_up_done" in f or any(c == "activity_type" for c, _v in f.get("values", []))
    heads = {e for e in [*entities, *(x for x in f.get("flag_entities", []) if x)] if e != "activity"}
    if not heads and any(c in ACCOUNT_VALUES for c, _v in f.get("values", [])):
        heads = {"account"}  # "本季度拜访超过2次的经销商": accounts named by their type
    if counted is None or not said or f.get("absence") or len(heads) != 1 or not heads <= {"opportunity", "account", "rep"}:
        return
    kinds = tuple(f.get("follow_up_kinds", ())) + tuple(v for c, v in f.get("values", []) if c == "activity_type")
    f["values"] = [(c, v) for c, v in f.get("values", []) if c != "activity_type"]
    f["value_words"] = [w for w in f.get("value_words", []) if w[1] != ("activity_type",)]
    f["entities"] = [e for e in entities if e != "activity"] or list(heads)
    f.pop("follow_up_done", None)
    f["related_count"] = (counted.op, int(str(counted.value)), tuple(dict.fromkeys(kinds)))
    f["count_threshold"] = None


def _ranked_count(q: Question, m: re.Match[str]) -> int | None:
    """How many a ranking word asks for, right after it ("最贵的三个") or right before it ("the 3 most expensive")."""
    if after := re.match(r"的?\s*(前)?(\d+|[一二两三四五六七八九十]+)\s*(个|款|种)?", q.text[m.end():]):
        q.take(m.end(), m.end() + after.end())
        raw = after.group(2)
    elif before := re.search(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten) $", q.text[:m.start()]):
        q.take(*before.span())
        raw = before.group(1)
    else:
        return None
    return int(raw) if raw.isdigit() else chinese_to_int(raw) or EN_NUMBERS.get(raw)


def _said_around(q: Question, before: str, after: str) -> re.Match[str] | None:
    """``before`` and ``after`` free, with at most three understood words between them ("did South China buy"): the
    two are taken and the match returned."""
    for m in re.finditer(f"(?P<a>{before})(?P<mid>(?:[^ ]+ ){{0,3}}?)(?P<b>{after})", q.text):
        if q.free(*m.span("a")) and q.free(*m.span("b")) and not q.leftover()[m.start("mid"):m.end("mid")].strip():
            q.take(*m.span("a"))
            return m
    return None


def _counted_related(q: Question) -> None:
    """How many deals or contracts an account or rep has, compared ("有3个以上在跟商机的客户", "customers with at least
    2 open deals", "签过两份以上合同的医院"): a condition on the holder's related records, counted, none included;
    ``q.found`` is rewritten."""
    f = q.found
    counted: Filter | None = f.get("count_threshold")
    if counted is not None and f.get("follow_up_done") is True and f.get("absence") in (
            "won", "opportunity", "open_opportunity", "contract", "active_contract") and not f.get("more_related"):
        # "今年赢过3单以上的业务员": the related records were already said ("赢过"); now how many
        f.update(absence_count=(counted.op, int(str(counted.value))), count_threshold=None)
        return
    if counted is None or f.get("absence") or "follow_up_done" in f:
        return
    entities = list(f.get("entities", []))
    values = list(f.get("values", []))
    holders = {e for e in entities if e in ("account", "rep")} or (
        {"account"} if any(c in ACCOUNT_VALUES for c, _v in values) else set())
    facts = {e for e in (*entities, *(x for x in f.get("flag_entities", []) if x)) if e in ("opportunity", "contract")}
    if f.get("counted_won") and not facts:
        facts = {"opportunity"}  # "赢过3单以上的业务员"
    if len(holders) != 1 or len(facts) != 1:
        return
    fact = facts.pop()
    filters = list(f.get("filters", []))
    target = fact
    if fact == "opportunity" and Filter("flag", "eq", "open") in filters:
        target, filters = "open_opportunity", [x for x in filters if x != Filter("flag", "eq", "open")]
    elif fact == "opportunity" and (f.get("counted_won") or ("stage", "closed_won") in values):
        target, values = "won", [v for v in values if v != ("stage", "closed_won")]
    elif fact == "contract" and ("contract_status", "active") in values:
        target, values = "active_contract", [v for v in values if v != ("contract_status", "active")]
    if any(c in ("stage", "contract_status", "loss_reason") for c, _v in values) or any(
            x.dimension == "flag" and FLAG_ENTITY.get(str(x.value)) == fact for x in filters):
        return  # a further condition on the counted records, which the count cannot carry: asked back
    f.update(filters=filters, values=values, absence=target, absence_count=(counted.op, int(str(counted.value))),
             follow_up_done=True, count_threshold=None, entities=[e for e in entities if e not in ("opportunity", "contract")]
             or sorted(holders))
    f["value_words"] = [w for w in f.get("value_words", []) if set(w[1]) & {"account_type", "hospital_grade",
                                                                            "customer_class", "region", "industry"}]


# Whose records a question is about (the customer, where, whose): what "合同呢" keeps when it switches records.
WHOSE_DIMS = frozenset({"account", "region", "city", "province", "account_type", "industry", "hospital_grade",
                        "customer_class", "rep", "team", "team_region"})


def _carried_dims(entity: str) -> set[str]:
    """Conditions and breakdowns that other records of ``entity`` can take over: its own, and the account."""
    linked = entity in ("opportunity", "activity", "contract", "payment", "contact", "quote")
    return _applicable_dims(entity) | ({"account"} if linked else set())


# "是哪几家医院", "which hospitals?" right after a figure or list of deals, contracts, payments or follow-ups: the
# accounts they belong to (the account word may narrow them to one type).
ACCOUNTS_OF_RECORDS = (r"(那|那么)?(这些|那些)?(都|分别)?(是|来自|在)?(哪几家|哪些|哪家)(?P<zh>医院|客户|公司|经销商|门店|学校|实验室)"
                       r"(的|呢|啊)?[?？。]?|(and )?(which|what) (?P<en>accounts|customers|clients|hospitals|distributors|stores|"
                       r"schools|labs)( (are|were) (they|those|these|those deals))?( then)?\??")
# How many accounts the previous records belong to: "涉及几家客户", "how many accounts is that spread across?"
ACCOUNTS_COUNTED = (r"(那|那么)?(这些|那些)?(一共|总共)?(涉及|分布在|来自|是|有)?(几家|多少家)(?P<zh>医院|客户|公司|经销商|门店|学校|实验室)"
                    r"(呢|啊)?[?？。]?|(and )?how many (?P<en>accounts|customers|clients|hospitals|distributors|stores|schools|"
                    r"labs) (is that|are those|are they|does that|do those)( spread (across|over)| cover| involve| come from|"
                    r" belong to| with| by| across)?\??")
# One receipt's size ("单笔回款超过80万") compares what was paid, unless the installment's due or owed side is named.
SINGLE_RECEIPT = r"单笔.{0,12}(回款|实收|到账|收款)|(回款|实收|到账|收款).{0,6}单笔"
OWED_SIDE = r"应收|应付|到期|逾期|欠|未收|待收|没付|未付|分期|期款"
# Accounts asked for, with deals as their condition: "A类医院里，哪几家的在跟商机做过POC", "hospitals that have a deal in
# negotiation". The deals' own conditions stay on the deals.
_ACCOUNT_NOUN_ZH = r"(医院|客户|门店|经销商|学校|实验室|公司|药房|超市)"
ACCOUNTS_WITH_DEALS = (rf"{_ACCOUNT_NOUN_ZH}(里|中|当中|里面)[，,]?\s*(有)?(哪些|哪几家|哪家)(有|的)[^，,。]*(商机|单子)"
                       rf"|(哪些|哪几家|哪家){_ACCOUNT_NOUN_ZH}?的(在跟)?(商机|单子)"
                       r"|\b(accounts|customers|clients|hospitals|distributors|stores|schools|labs)( [a-z0-9]+){0,3} (that|which|who) "
                       r"(have|has|had|currently have|still have)"
                       r" (a|an|any|some|open)? ?(open )?(deals?|opportunit(y|ies))\b")
# A list whose last noun is the account: "…合同的医院有哪些", "…有电话跟进的经销商"; in English the noun said first
ACCOUNTS_NAMED_LAST = (rf"的[\u4e00-\u9fff]{{0,4}}?{_ACCOUNT_NOUN_ZH}(有哪些|是哪些|有哪几家|都有哪些|都是哪些|都有谁|有谁|是谁|"
                       r"有几家)?\s*[?？。]?$|^(which |list |show( me)?( the| all)? |all |any )?(the )?(accounts|customers|clients|"
                       r"hospitals|distributors|stores|schools|labs)\b(?! (with|that have|who have) no\b)(?!'s| (deals?|opportunit|contracts?|"
                       r"payments?|quotes?|follow|activit|visits?|calls?|leads?|installments?)\b)")
ACCOUNT_TYPE_WORDS = {"医院": "hospital", "经销商": "distributor", "门店": "store", "学校": "school", "实验室": "lab",
                      "hospitals": "hospital", "distributors": "distributor", "stores": "store", "schools": "school",
                      "labs": "lab"}


def _accounts_of_records(previous: QueryPlan, asked: re.Match[str]) -> QueryPlan:
    kind = ACCOUNT_TYPE_WORDS.get(asked.group("zh") or asked.group("en") or "")
    filters = (Filter("account_type", "eq", kind),) if kind else ()
    return QueryPlan("account", filters=filters, of_records=records_behind(previous))


# Related records with an amount of their own (deals, contracts), which a number in the question may compare.
AMOUNT_TARGETS = ("won", "opportunity", "open_opportunity", "contract", "active_contract")


def _switch_measure(previous: QueryPlan, measure: str, window: TimeWindow | None) -> QueryPlan | Clarification:
    """"换成回款看看" after "今年赢单金额最高的5个业务员": the same breakdown, ranking and period for a figure of
    other records. Every condition must carry over to them; one that cannot is never dropped silently."""
    entity = MEASURES[measure].entity
    dims = _carried_dims(entity)
    owed = previous.follow_up
    if owed is not None and owed.done and owed.window.start is None and owed.amount is None and owed.count is None \
            and {"overdue_payment": "overdue_amount", "unpaid_payment": "outstanding_amount"}.get(owed.target) == measure:
        previous = replace(previous, follow_up=None)  # "逾期金额一共多少" after "有逾期的合同": what those owe is the figure
    if previous.follow_up or previous.having or previous.count_groups or (previous.time_field and previous.window) \
            or any(x.dimension not in dims for x in previous.filters) or any(g not in dims for g in previous.group_by):
        return Clarification("无法把上一个问题的条件直接用到另一种记录上，请完整地问一次 / The previous question's conditions "
                             "do not carry over to these records; please ask in full.", EXAMPLES, "followup")
    return replace(previous, entity=entity, measure=measure, window=window or previous.window, also=(), sort=None,
                   notes=(), time_field=None if previous.window is None else previous.time_field)


# Sums of money: what a record can be filtered by (HAVING: "赢单金额过千万的业务员"), and what "how much of that is in
# East China" keeps after one of them.
TOTAL_MEASURES = ("won_amount", "pipeline_amount", "collected", "overdue_amount", "outstanding_amount",
                  "contract_amount", "opportunity_amount", "lead_budget", "line_revenue", "units_sold", "units_by_line")
FIELD_TOTAL = {"amount_paid": "collected", "unpaid": "outstanding_amount"}
# "各有几个", "and how many each": each group's count shown, not the number of groups
EACH_COUNT = r"各(有|是)?(几|多少)|分别(有|是)?(几|多少)|各自(有)?(几|多少)|\bhow many (each|apiece)\b|\band how many\b"
# "华南区每个销售的在跟金额，只列超过1800万的": a bar on the totals of the breakdown just asked for
BAR_ON_GROUPS = (r"[，,]\s*(只|仅)(列|看|显示|保留|要)(出)?[^，,。？?]{0,4}(超过|大于|高于|不少于|至少|不到|低于|小于|少于|在)[^，,。？?]{1,14}?"
                 r"的?(人|那些|组|区域|行业)?\s*[?？。]?$")
# The records a total is per, as the question names them: the head noun, or a "which months" word.
GROUP_HEAD_ZH = r"(哪几个月|哪些月份?|哪个月|几个月)"
GROUP_HEAD_EN = (r"^(which|what|list|show( me)?( the)?|how many|name the|find)\s+([\w-]+ ){0,3}?(?P<g>reps|salespeople|sales reps|"
                 r"accounts|customers|clients|hospitals|regions|teams|months|quarters|industries|account types|lead sources|"
                 r"contracts|labs|distributors|stores|schools|cities|provinces|loss reasons|stages|product lines|products)\b|\b(?P<h>reps|salespeople|accounts|"
                 r"customers|clients|hospitals|labs|distributors|stores|schools|regions|contracts|industries|teams|lead sources|"
                 r"cities|provinces|loss reasons|stages|product lines|products) (in (north|south|east|west|central|northeast|northwest|"
                 r"southwest|southeast) china )?(who|that|with|whose|where|sitting on|holding|carrying)\b")
EN_GROUP = {"reps": "rep", "salespeople": "rep", "sales reps": "rep", "accounts": "account", "customers": "account",
            "clients": "account", "hospitals": "account", "regions": "region", "teams": "team", "months": "month",
            "quarters": "quarter", "industries": "industry", "account types": "account_type", "lead sources": "lead_source",
            "contracts": "contract", "labs": "account", "distributors": "account", "stores": "account",
            "schools": "account", "cities": "city", "provinces": "province", "loss reasons": "loss_reason", "stages": "stage",
            "products": "product", "product lines": "product_line"}


def _per_group_total(q: Question) -> tuple[str, list[str]] | None:
    """A comparison on a total per record ("今年赢单金额过千万的销售有几个", "customers with at least 2 open deals").

    Rewrites ``q.found`` into a grouped measure with a HAVING condition and returns (entity, group_by) for
    ``_plan``; None, with ``q.found`` untouched, when the question is not of that shape."""
    f = q.found
    amounts = [x for x in f.get("filters", []) if x.dimension in ("amount", "amount_paid", "unpaid")]
    counted: Filter | None = f.get("count_threshold") or None
    group = _group_head(q)
    amounts = _range_as_one(amounts)
    if group is None or (counted is None and len(amounts) != 1):
        return None
    if counted is None and group == "contract" and f.get("amount_entities", [])[-1:] == ["contract"]:
        return None  # "合同额超过八十万的合同今年回款多少": each contract's own size, not what came in on it
    if counted is not None:
        things = {e for e in [*f.get("flag_entities", []), *f.get("entities", [])] if e and e != group}
        if len(things) != 1:
            return None
        measure, entity, having = "count", things.pop(), counted
    else:
        total = _total_measure(f, amounts[0], q.text)
        if total is None or MEASURES[total].entity in (group, "*"):
            return None
        measure, entity, having = total, MEASURES[total].entity, Filter("value", amounts[0].op, amounts[0].value)
        if amounts[0].op == "between":
            amounts = [x for x in f.get("filters", []) if x.dimension == amounts[0].dimension]
        if measure == "units_sold" and group in ("product", "product_line"):
            measure, entity = "units_by_line", "line"  # "今年销量1.2万以上的产品": each product's own lines
    # every entity that has an account's city belongs to one account, so it can be totalled per account
    per_account = {"account"} if "city" in _applicable_dims(entity) else set()
    if group not in ("month", "quarter") and group not in _applicable_dims(entity) | per_account:
        return None
    implied = ("overdue", "unpaid") if measure in ("overdue_amount", "outstanding_amount") else ()
    f["filters"] = [x for x in f.get("filters", []) if not (x in amounts or (x.dimension == "flag" and x.value in implied))]
    f["having"] = having
    f["count_groups"] = f.get("measure") == "count" and bool(re.search(
        r"几个|几位|几家|多少(个|位|家)|how many|(客户|医院|公司|经销商|门店|业务员|销售)(数|数量|个数)(?!据)", q.text)) \
        and not (re.search(EACH_COUNT, q.text) and not re.search(r"每(个|一个)?[\u4e00-\u9fff]{1,4}各", q.text))
    f["measure"] = measure
    if measure == "won_amount":  # the measure counts won deals only
        f["values"] = [v for v in f.get("values", []) if v != ("stage", "closed_won")]
        f["value_words"] = [w for w in f.get("value_words", []) if w[1] != ("stage",)]
    f["entities"] = [e for e in f.get("entities", []) if e not in (group, entity)]
    f["count_threshold"] = None
    return entity, [group]


def _account_follow_up(plan: QueryPlan | Clarification) -> QueryPlan | Clarification:
    """"accounts with more than 10M in open pipeline but no follow-up in the last 30 days": the rows are accounts
    picked by their deals' total, so the follow-up asked about is the account's (any activity on it), not each
    deal's own."""
    if isinstance(plan, QueryPlan) and plan.entity == "opportunity" and plan.group_by == ("account",) \
            and plan.follow_up is not None and plan.follow_up.target == "activity":
        return replace(plan, follow_up=replace(plan.follow_up, on="account"))
    return plan


def _range_as_one(amounts: list[Filter]) -> list[Filter]:
    """"应收余额在5万到80万之间的客户": the two ends of one range on the same figure, as one "between" condition."""
    amounts = [x for x in amounts if not (x.op == "gt" and x.value == 0)]  # "回款" alone: paid something, no bar
    if len(amounts) != 2 or amounts[0].dimension != amounts[1].dimension:
        return amounts
    low = [x for x in amounts if x.op in ("gt", "gte")]
    high = [x for x in amounts if x.op in ("lt", "lte")]
    if len(low) != 1 or len(high) != 1:
        return amounts
    return [Filter(low[0].dimension, "between", (low[0].value, high[0].value))]


def _total_measure(f: dict, amount: Filter, text: str) -> str | None:
    """The total a comparison is about: the question's measure, or what the compared amount names."""
    if f.get("measure") in TOTAL_MEASURES or f.get("measure") in ("avg_deal_size", "avg_contract_amount"):
        return str(f["measure"])  # "客单价大于80万的行业": each industry's average, compared
    if "line" in f.get("amount_entities", []):
        return "line_revenue"  # "明细金额过两千万的产品"
    if f.get("aggregate") == "avg" and amount.dimension == "amount" and set(f.get("amount_entities", [])) <= {"opportunity"} \
            and any(x == Filter("flag", "eq", "open") for x in f.get("filters", [])) and re.search(
                r"平均[^，,。？?]{0,6}(金额|单额)|\baverage (open )?(deal|opportunity)? ?(amount|size|value)\b", text):
        return "avg_opportunity_amount"  # "industries with an average open deal amount above 1.5M"
    if f.get("aggregate") == "avg" and amount.dimension == "amount" and set(f.get("amount_entities", [])) <= {"opportunity"} \
            and not any(x.dimension == "flag" for x in f.get("filters", [])):
        # "industries with an average deal size over 1.5M": each industry's mean won deal (or contract, when said)
        return "avg_contract_amount" if re.search(r"合同|\bcontracts?\b", text) else "avg_deal_size"
    if re.search(r"(在跟|在手)的?(商机)?总?金额", text) and any(x.dimension == "flag" and x.value == "open"
                                                     for x in f.get("filters", [])):
        return "pipeline_amount"  # "在跟金额过400万的三甲医院": each hospital's open deals together
    if f.get("aggregate") == "sum" and amount.dimension == "amount" and "opportunity" in f.get("flag_entities", []) \
            and Filter("flag", "eq", "open") in f.get("filters", []):
        return "pipeline_amount"  # "在跟商机合计超过1000万的客户": the open deals added up
    if any(x.dimension == "flag" and x.value == "overdue" for x in f.get("filters", [])):
        return "overdue_amount"
    if amount.dimension == "amount" and not f.get("amount_entities") and re.search(
            r"(?<!annual )(?<!line )\brevenue (of |is |was )?(over|above|more than|greater than|exceeding|at least|under|"
            r"below|less than|between)\b", text) and not re.search(
                r"\b(accounts?|customers?|clients?|hospitals?|schools?|distributors?|stores?|labs?|companies)\b", text):
        # "which months this year had revenue over 20M": the won deals, added up (an account's revenue is its own)
        return "won_amount"
    if amount.dimension in FIELD_TOTAL:
        return FIELD_TOTAL[amount.dimension]
    if ("stage", "closed_won") in f.get("values", []):
        return "won_amount"
    if ("stage", "closed_lost") in f.get("values", []) and re.search(r"输单金额|丢单金额|\blost (deal )?(value|amount)\b", text):
        return _amount_measure("opportunity", "sum")  # "哪些输单原因输单金额超过2.5亿": each reason's lost deals together
    if f.get("amount_entities"):
        return _amount_measure(f["amount_entities"][-1], "sum")
    return None


def _group_head(q: Question) -> str | None:
    """What a per-record total is per: the question's head noun when it is a rep, account, region or month."""
    if q.en:
        m = re.search(GROUP_HEAD_EN, q.text)
        return EN_GROUP[m.group("g") or m.group("h")] if m else None
    if re.search(r"(赢单|单子|商机|合同|回款)(里|中|当中)[，,]?\s*(超过|大于|高于|不到|低于|小于|在)", q.text):
        return None  # "今年三甲医院的赢单里，超过两百万的按区域统计金额": the deals' own size
    candidates = q.found.get("group_candidates", [])
    if re.search(BAR_ON_GROUPS, q.text) and len(candidates) == 1 and len(candidates[0]) == 1:
        return str(candidates[0][0])  # "华南区每个销售的在跟金额，只列超过1800万的": the reps' totals
    if re.search(GROUP_HEAD_ZH, q.text):
        return "month"
    if re.search(r"哪几个季度|哪些季度|哪个季度|几个季度", q.text):
        return "quarter"  # "今年哪几个季度签约额超过1.8亿": each quarter's total
    if re.search(r"哪(些|几个|个)(团队|小组)|的(团队|小组|组)(有哪些|是哪些|有哪几个|是哪几个)?[?？]?$", q.text) and (
            "team",) in q.found.get("group_candidates", []):
        return "team"  # "今年业绩过8000万的团队有哪几个": each team's total
    if re.search(r"哪(些|几个|个)(区域|大区|地区)|的(区域|大区|地区)(有哪些|是哪些|有哪几个|是哪几个)?[?？]?$", q.text):
        return "region"  # "今年哪些区域的赢单金额超过了1.2亿": each region's total
    if m := re.search(r"(?:的|是哪几个|是哪些|有哪些|有哪几个|哪几个|哪些)(行业|城市|省份|线索来源|来源|渠道|输单原因|客户类型)(有哪些|是哪些|有哪几个|是哪几个)?"
                      r"[?？]?$|^(?:今年|本季度|上季度|本月|上个?月|去年)?哪(?:些|几个)(输单原因|行业|城市|省份|线索来源|来源|渠道)", q.text):
        said = {"行业": "industry", "城市": "city", "省份": "province", "输单原因": "loss_reason", "客户类型": "account_type"}.get(
            m.group(1) or m.group(3), "lead_source")
        if any(said in c for c in q.found.get("group_candidates", [])):
            return said  # "在跟金额1.2亿以上的行业": each industry's total
    if m := re.search(r"哪(?:些|几个|个|几位|位)(业务员|销售|省份|省|城市|行业)(?=[^，,。？?]{0,8}(金额|业绩|回款|销售额|总额|签约额))",
                      q.text):
        said = {"业务员": "rep", "销售": "rep", "省份": "province", "省": "province", "城市": "city",
                "行业": "industry"}[m.group(1)]
        if any(said in c for c in candidates):
            return said  # "哪些业务员赢单金额超过五千万", "华中哪个省在跟金额过了五千万": each one's total
    entities = q.found.get("entities", [])
    if re.search(r"的(人)?(有谁|是谁|都有谁|是哪些人|有哪些人|有哪几个人|是哪几位)[?？]?$", q.text) and not entities:
        return "rep"  # "组里今年赢单金额超过两千万的有谁": each rep's total
    if not entities and any(c in ACCOUNT_VALUES for c, _v in q.found.get("values", [])):
        # "回款超过100万的医院"; but "超过50w的快消门店赢单" ends on the deals: each deal's own amount
        # "上个月门店单笔回款5万以上的有几笔" counts the records, each by its own amount
        return None if re.search(r"(赢单|输单|丢单|签单|单子|订单)\s*((一共|总共)?(有|是)?\s*(几|多少)(单|笔|个)|有哪些|是哪些|有哪几单|列表|清单)?\s*[?？]?$"
                                 r"|的(一共|总共)?(有)?(几|多少)笔\s*[?？]?$", q.text) \
            else "account"
    head = entities[-1] if entities else None
    if head == "product" and "line" in q.found.get("amount_entities", []):
        return "product"  # "今年明细金额过两千万的医疗产品": each product's line revenue
    if re.search(r"的产品线(有哪些|是哪些|有哪几条|是哪几条)?[?？]?$|^(which|what) product lines\b", q.text):
        return "product_line"  # "累计赢单金额超过5000万的产品线": each line's total
    if head is None and ("product",) in q.found.get("group_candidates", []) and re.search(r"的产品[?？]?$", q.text):
        return "product"  # "今年赢单金额不到3500万的产品": each product's won amount
    return head if head in ("rep", "account", "region", "contract", "product") else None


# The top record of each group ("每个区域在跟金额最大的那个商机", "the biggest deal in each region"): one query
# per group, which the plan does not express; asked back rather than answered with the overall top.
PER_GROUP_TOP = (r"(每个|每一个|各个?)(区域|大区|地区|业务员|销售|团队|组|客户|行业|月)[^，,。？?]{0,12}(最大|最高|最多|最早|最晚|最新|最久)"
                 r"的(那|一)(个|笔|单|家|条|份)|(每个|每一个|各个?)(区域|大区|地区|业务员|销售|团队|组|客户|行业|月)[^，,。？?]{0,12}"
                 r"(第一|排第一|排名第一)的|\b(largest|biggest|top|highest|latest|oldest) (deal|opportunity|contract|"
                 r"payment|account|lead) (in|for|of) (each|every) (region|rep|team|account|industry|month)\b")
WON_MEASURES = ("won_amount", "won_count", "avg_deal_size")
# A prediction, which no query over the records answers: "明年快消经销商能做多少", "how much will we sell in Q1".
FORECAST = (r"(能|会|可以|能够|大概能|预计能)(做|卖|签|赢|收|完成|达到|带来|拿到|拿下|进来)(到|下来|回来|进来)?(多少|几|最多|最少)|预测|\bforecast(s|ed|ing)?\b(?! close)"
            r"|\bhow much (will|can|could|would) (we|i|they|he|she)\b(?! (have )?(collected|won|sold|signed))")
# A question that lists accounts by their type: "在哪些医院", "which hospitals" (not "哪些医院的商机": the deals).
# The account a superlative ranks: "拜访次数最多的医院", "哪家医院被拜访的次数最多", "which hospital had the most visits".
RECORD_NOUNS = {**dict.fromkeys(("payments", "installments", "回款记录", "回款明细"), "payment"),
                **dict.fromkeys(("opportunities", "deals"), "opportunity"), "contracts": "contract", "quotes": "quote",
                **dict.fromkeys(("visits", "calls", "meetings", "demos", "follow-ups", "activities", "拜访记录", "跟进记录",
                                 "电话记录", "演示记录", "会议记录", "拜访明细", "跟进明细"), "activity")}
RECORDS_OF_ACCOUNTS_EN = (r"^(show( me)? |list |all |the |any )*(new |recent |open |our |won |lost )?(?P<noun>payments|installments|"
                          r"opportunities|deals|contracts|quotes|visits|calls|meetings|demos|follow-ups|activities)\b"
                          r"[^?]*?\b(from|for|at|with|to|of|on) (the |our |all )?[\w -]{0,30}?\b(customers|accounts|clients)\b")
RECORDS_OF_ACCOUNTS_ZH = r"客户的(上门)?(?P<noun>拜访记录|跟进记录|电话记录|演示记录|会议记录|拜访明细|跟进明细|回款记录|回款明细)"
# Each line of a group of product lines, one figure per line: "快消几条产品线各自的赢单率", "最高的两条快消产品线"
EACH_LINE_OF_GROUP = (r"各(快消|医疗|工业|教育)(类)?产品线|[两二三四五六七八九\d](条|个)(快消|医疗|工业|教育)(类)?产品线|"
                      r"(快消|医疗|工业|教育)(类)?(的)?(各|每)(条|个)?产品线|"
                      r"\b(top|bottom) (\d+|two|three|four|five) (fmcg|medical|industrial|education) (product )?lines?\b|"
                      r"\b(each|per|every) (fmcg|medical|industrial|education) (product )?line\b")
# "which 3 FMCG stores had the most follow-ups": accounts ranked by their records
WHICH_N_ACCOUNTS = (r"\bwhich (\d+|two|three|four|five|ten) ([a-z]+ ){0,2}(hospitals|stores|distributors|schools|labs|accounts|"
                    r"customers|clients)\b")
ACCOUNT_RANKED = (r"的(医院|客户|门店|经销商|学校|实验室|公司)(是哪家|是哪个|是谁)?[?？]?$|哪(一)?(家|个)(医院|客户|门店|经销商|学校|实验室|公司)"
                  r"|\bwhich (hospital|account|customer|client|store|distributor|school|lab)\b")
# Dates a list may be sorted by, beyond its amount and its own time
SORT_FIELDS = {"expected_close": {"opportunity": "o.expected_close_date"}, "closed": {"opportunity": "o.closed_at"},
               "due": {"payment": "p.due_date"}, "owed": {"payment": DIMENSIONS["unpaid"].column},
               "revenue": {"account": "a.annual_revenue"}, "paid": {"payment": "p.paid_at"},
               "first_contact": {"lead": "l.first_contact_at"}, "duration": {"activity": "x.duration_min"},
               "class": {"account": "a.customer_class"}, "grade": {"account": "a.hospital_grade"},
               "city": {"account": "a.city"}}
# A list put in order of amount, with no top-N: "在跟的商机按金额排一下", "open deals sorted by amount".
SORTED_BY_AMOUNT = (r"按(合同|商机|回款|应收|单子|订单)?(金额|额度|大小)(从高到低|从大到小|由高到低|由大到小|降序|从低到高|从小到大|升序)?"
                    r"(排序|排列|排一下|排个序|排|来排)|\b(sorted|ordered|sort|order|ranked|list(ed)?) by (amount|value|size|deal size)"
                    r"( descending| ascending| desc| asc)?\s*[?？]?$")
# "最近" / "lately" with no length: answering for all time would drop it ("各大区最近业绩怎么样"); "最近一次",
# "最近30天", "最近跟进时间" say what they mean.
VAGUE_RECENT = (r"最近(?!\s*(\d|[一二两三四五六七八九十几半](?!直)|一次|的一次|一笔|一条|这|几|(的)?(跟进|拜访|联系|沟通)?(时间|日期)))"
                r"|\b(recently|lately|of late)\b")
# Accounts called best or big with no measure: "who are our best customers? top 10", "大客户有哪些".
BEST_ACCOUNTS = (r"\b(best|biggest|most important|most valuable) (customers|accounts|clients|distributors|hospitals|stores)\b"
                 r"|最好的(客户|医院|经销商)|(?<![前\d一二三四五六七八九十])大客户|优质客户|核心客户")
# A ranking of products by their list price.
PRICE_RANK = (r"(标价|定价|目录价|牌价|单价|价格)?(最贵|最便宜)|(标价|定价|目录价|牌价|单价|价格)(最高|最低)|\b(most expensive|priciest|"
              r"cheapest|least expensive)\b|\b(highest|lowest) (list |unit )?prices?\b|\bby (list |unit )?price\b")
# The part of an installment still owed, said in words; and an installment's size, said in words.
OWED_WORDS = (r"没收|未收|没付|未付|没回|未回|欠|还差|剩|余额|逾期(金额|的钱|款)?\s*(超过|大于|高于|多于|不到|少于|低于|在|达到|不少于|至少)"
              r"|\b(unpaid|outstanding|owed|owing|still due|remaining|balance|left to pay|overdue by)\b")
# "还没收齐的分期里，应收金额在5万以下的": the size of each installment is compared, though 没收 names the flag
DUE_SIZE_COMPARED = (r"(应收金额|应付金额|分期金额|每期金额|单笔应收)\s*(在|是|为)?\s*(超过|大于|高于|多于|不到|少于|低于|达到|不少于|至少|"
                     r"[\d一二两三四五六七八九十])|(?<![未没])(?<!逾期)应收款?\s*(超过|大于|高于|多于|不到|少于|低于|达到|不少于|至少|[\d一二两三四五六七八九十]"
                     r"[^，,。]{0,5}(以上|以下|之间))")
DUE_SIZE_WORDS = (r"应收金额|应付金额|分期金额|每期金额|单笔应收|\b(amount|amounts) due\b|\binstall?ments? (amount|size)s?\b"
                  r"|\binvoice (amount|value)s?\b")
ACCOUNT_HEAD = (r"哪(些|几家|家)(医院|客户|门店|经销商|学校|实验室)(?!的?(商机|单|项目|订单|报价|合同))"
                r"|(医院|客户|门店|经销商|学校|实验室)(里|中|里面|当中)(有)?哪(些|几家|家)(?=(目前|现在|还|也)?有)"
                r"|^which (hospitals|accounts|customers|clients|stores|distributors|schools|labs)\b(?!'| deals?\b)")
SELF_DIMS = ("rep", "account", "region", "product")  # dimensions that are records a question can list
WHICH = r"\bwhich\b|哪些|哪个|哪几|哪家|哪位|\blist\b|列出"
# Products listed by the deals that carry them: "买过哪些产品", "which products are on the open deals at X".
WHICH_PRODUCTS = r"(哪些|哪几种|哪几个|哪几款|哪种|哪款|什么)(型号的?)?产品(?!线)|\b(which|what) products?\b(?! lines?)"
FACT_ENTITIES = ("activity", "opportunity", "lead", "payment", "contract", "contact", "quote")
GROUPABLE_MENTIONS = {"rep": "rep", "region": "region", "account": "account"}
MONEY_TOTALS = ("won_amount", "pipeline_amount", "opportunity_amount", "contract_amount")
DIM_ENTITY = {"account_type": "account", "hospital_grade": "account", "customer_class": "account",
              "account_status": "account", "city": "account", "province": "account", "stage": "opportunity",
              "loss_reason": "opportunity", "lead_source": "lead", "lead_status": "lead", "activity_type": "activity",
              "contract_status": "contract", "role": "rep", "payment_status": "payment", "quote_status": "quote"}


def _choose_entity(q: Question, entities: list[str], measure: object) -> tuple[str | None, list[str]]:
    """The entity the question is about, and group-bys implied by other entity words ("TOP5业务员")."""
    group_by: list[str] = []
    ranked = bool(q.found.get("top_n") or q.found.get("superlative"))
    m = MEASURES.get(str(measure)) if measure else None
    if q.found.get("stale"):
        return "opportunity", group_by
    distinct = list(dict.fromkeys(entities))
    if any(x.dimension == "contact" for x in q.found.get("filters", [])) and measure in (None, "count") \
            and "activity" not in distinct:
        return "contact", group_by  # "赵秀英是哪家客户的联系人": that contact, listed with its account
    if distinct == ["account"] and measure in (None, "count") and (
            (q.en and (m_head := re.match(RECORDS_OF_ACCOUNTS_EN, q.text)))
            or (not q.en and (m_head := re.search(RECORDS_OF_ACCOUNTS_ZH, q.text)))):
        # "payments received from Southwest China customers", "visits to class A accounts", "A类客户的拜访记录": the
        # records named first (English) or as the head noun (Chinese); the accounts are their condition
        return RECORD_NOUNS[m_head.group("noun")], group_by
    if "contact" in distinct and any(x.dimension == "flag" and x.value == "no_decision_maker"
                                                       for x in q.found.get("filters", [])):
        return "account", group_by  # "hospitals with no decision maker among their contacts": the accounts lack one
    if ("rep" in distinct or ("rep",) in q.found.get("group_candidates", [])) and "follow_up_done" in q.found and re.search(
            r"谁(都)?(还)?(没|未|从来没)|哪些(销售|业务员|同事)(?!的)|哪几(个|位)(销售|业务员|同事)(?!的)", q.text):
        # "华中2组的业务员这周谁还没跟进过客户", "最近7天有哪些销售打过电话跟进客户": the reps, not the accounts
        return "rep", group_by
    if not distinct and "follow_up_done" in q.found and re.search(r"谁(?!都)(还)?(一次|一条)?(都)?(没|未|从来没)", q.text):
        return "rep", group_by  # "我们组上周谁没跟进": the reps of the team, not their records
    if ranked and measure in (None, "count") and set(distinct) == {"activity", "opportunity"} and re.search(
            r"跟进(次数|得|的次数)?最(多|频繁|勤)|\bmost (follow[- ]?ups|activities|activity|touches)\b", q.text):
        return "activity", ["opportunity"]  # "本月跟进最频繁的3个在跟商机": each deal's follow-ups, counted
    if ranked and measure in (None, "count") and distinct == ["account"] and not q.en and re.search(r"谁(?!的)", q.text) \
            and any(c == "activity_type" for c, _v in q.found.get("values", [])):
        return "activity", ["rep"]  # "上周谁拜访客户最多": the reps' visits, counted; the accounts are what they visited
    if "share_at" in q.found and not q.en and measure is None and len(distinct) > 1:
        # "执行中的合同里，有逾期分期的占多大比例": the share is of the records named before 里/中
        cut = [m.start() for m in re.finditer(DIVIDER_ZH, q.text[:q.found["share_at"]])]
        whole = [c for at, c in q.found.get("entity_at", []) if cut and at < cut[-1]]
        if whole:
            return whole[-1], group_by
    if measure is None and len(distinct) > 1 and not q.en and re.search(r"的\s*[?？。]?$", q.text) and (
            m_in := re.search(r"(里|中|当中|里面|之中)[，,]", q.text)):
        whole = [c for at, c in q.found.get("entity_at", []) if at < m_in.start()]
        if whole:  # "A类客户里，有超过100万的在跟商机、但没有决策人的": the records before 里 are listed
            return whole[-1], group_by
    if measure == "count" and len(distinct) > 1 and not q.en and (
            m_in := re.search(r"(里|中|里面|当中|之中)[，,]?(有|一共有|总共有)?(几|多少)(个|条|家|单|笔|份)?(?!钱)", q.text)
            # "在跟商机里包含停售产品的有多少个": the deals are counted, the products are their condition
            or re.search(r"(里|中|里面|当中|之中)[，,]?[^，,。？?]{1,12}的(有|一共有|总共有)?(几|多少)(个|条|家|单|笔|份)?(?!钱)",
                         q.text)):
        counted = [c for at, c in q.found.get("entity_at", []) if at < m_in.start()]
        named_after = any(m_in.end() <= at <= m_in.end() + 1 for at, _c in q.found.get("entity_at", []))
        # "上周新建的商机里有几个涉及医疗产品": the deals are counted; not in "客户里有几个销售总监联系人" (the contacts are)
        if counted and not named_after:
            return counted[-1], group_by
    by_product = [d for dims in q.found.get("group_candidates", []) for d in dims if d in ("product", "product_line")]
    total_of_line = any(x.dimension == "product_line" for x in q.found.get("filters", [])) and not by_product \
        and re.search(r"一共|总共|合计|总计|\bin total\b|\btotal\b", q.text)
    if measure is None and not ranked and set(distinct) <= {"account", "opportunity", "product"} \
            and re.search(WHICH_PRODUCTS, q.text):
        return "product", group_by  # "X医院在跟的单子都涉及哪些产品": the products on those deals
    if measure == "units_sold" and total_of_line:
        return "line", []  # "诊断试剂产品线今年一共卖出去多少件": one total for the line
    if measure in ("units_sold", "line_revenue") and ("product" in distinct or by_product):
        # "销量最高的五个产品", "各产品线卖了多少台": units per product, counted over the deals' product lines
        ranked_by = [e for e in distinct if e in GROUPABLE_MENTIONS]
        if ranked and ranked_by and not by_product and (distinct[0] if q.en else distinct[-1]) in GROUPABLE_MENTIONS:
            return "line", [GROUPABLE_MENTIONS[ranked_by[0] if q.en else ranked_by[-1]]]
        if ranked and not by_product and q.found.get("group_candidates"):
            return "opportunity", []  # "快消产品销量最多的两个客户": the accounts ranked, by the units of those products
        return "line", ([] if by_product else ["product"])
    deals_ranked = "opportunity" in distinct and q.found.get("top_n_end") is not None and not re.match(
        r"\s*(家|个?医院(?!的?(项目|单子|商机|订单))|所|hospitals?(?! deals?)|accounts?|customers?)",
        q.text[q.found["top_n_end"]:])  # "金额最大的3个医院项目" ranks deals at hospitals
    end = q.found.get("top_n_end")
    deals_ranked = deals_ranked or (end is not None and q.text[end - 1:end] in ("份", "笔") and bool(distinct))  # "前五份"
    rep_head = (bool(distinct) and (distinct[0] if q.en else distinct[-1]) == "rep") or (
        ("rep",) in q.found.get("group_candidates", []))  # "拜访医院最多的五个销售": reps ranked, hospitals a filter
    region_head = any("region" in c for c in q.found.get("group_candidates", []))  # "top 3 regions by hospital win rate"
    if ranked and "account" not in distinct and any(c == "account_type" for c, _v in q.found.get("values", [])) \
            and not deals_ranked and not rep_head and not region_head:  # "华北医院在跟的商机里金额最大的前5个": deals
        # "which five hospitals had the largest won amount": ranked by account, the head noun in "which 3 hospitals"
        if q.en and re.search(WHICH_N_ACCOUNTS, q.text):
            distinct.insert(0, "account")
        else:
            distinct.append("account")
    if ranked and measure in (None, "count") and len(distinct) == 1 and distinct[0] in FACT_ENTITIES \
            and re.search(r"谁|\bwho\b", q.text) and not q.found.get("group_candidates"):
        return distinct[0], ["rep"]  # "上周谁跟进最勤？前三": reps ranked by how many follow-ups they logged
    implied_by = [e for e in (*q.found.get("flag_entities", []),
                              *[DIM_ENTITY.get(c) for c, _v in q.found.get("values", [])]) if e in FACT_ENTITIES]
    if ranked and measure is None and not distinct and len(set(implied_by)) == 1 and not q.found.get("group_candidates") \
            and re.search(r"谁|\bwho\b", q.text):
        # "谁手上在跟的金额最多", "who has won the most": reps ranked by their deals' amount (or number)
        if re.search(r"\bwon the most\b|赢(得|的)最多", q.text):
            q.found["measure"] = "won_amount"
        return implied_by[0], ["rep"]
    # The head noun: Chinese puts it last ("本月赢单金额TOP5业务员"), English first ("accounts owned by the rep X").
    head = (distinct[0] if q.en else distinct[-1]) if distinct else None
    if m is not None and m.entity == "payment" and ranked and distinct == ["contract"]:
        return "payment", ["contract"]  # "未收余额最大的前5份合同": each contract's installments, totalled and ranked
    if ranked and measure in (None, "count") and len(distinct) == 1 and distinct[0] in FACT_ENTITIES \
            and "rep" in q.found.get("flag_entities", []) and not q.found.get("group_candidates"):
        return distinct[0], ["rep"]  # "3 active reps with the fewest follow-ups": the reps, ranked by their records
    if m is not None and m.entity != "*":
        if ranked and not distinct and m.entity != "rep" and "rep" in q.found.get("flag_entities", []) \
                and not q.found.get("group_candidates"):
            return m.entity, ["rep"]  # "which 3 active reps have the lowest pipeline": the reps, ranked
        if ranked and not distinct and not q.found.get("group_candidates") \
                and re.search(r"是谁|有谁|^谁|哪位|哪个人|哪几个人|哪几位|哪些人|\bwho\b", q.text):
            return m.entity, ["rep"]  # "我们组今年赢单金额排前三的是谁": reps, ranked
        if ranked and any(e not in GROUPABLE_MENTIONS and e != m.entity for e in distinct):
            return None, group_by  # "top products by units": a ranking we cannot compute; ask rather than guess
        # "top reps by pipeline on hospital accounts", "今年快消客户回款最多的3个城市": the accounts qualify the records
        qualifier = head == "account" and q.found.get("group_candidates") and any(
            c in ("account_type", "industry", "customer_class", "hospital_grade") for c, _v in q.found.get("values", []))
        subject = q.en and re.search(r"\b(did|do|have|has) (the |our |all )?([a-z]+ ){0,2}?(reps|salespeople|sales reps)\b",
                                     q.text)
        if head in GROUPABLE_MENTIONS and head != m.entity and (ranked or head in ("rep", "region")) and not qualifier \
                and not subject:  # "how many minutes did reps spend on visits": one total, the reps are who spent it
            group_by.append(GROUPABLE_MENTIONS[head])
        return m.entity, group_by
    flag_entities = [e for e in q.found.get("flag_entities", []) if e]
    if q.found.get("absence") in AMOUNT_TARGETS and q.found.get("follow_up_done") and re.search(
            r"(多少|几)家|\bhow many (customers|accounts|clients|hospitals|distributors|stores|schools|labs)\b", q.text):
        return "account", group_by  # "有超过500万在跟商机的医院有几家": the hospitals, counted
    if distinct in ([], ["rep"]) and any(x.dimension == "team" for x in q.found.get("filters", [])) and re.search(
            r"都?有谁|哪些人|哪几个人|有几个人|多少人|成员|\bwho\b|\bmembers?\b|\bpeople\b", q.text) and not re.search(
            r"业务员|销售|\breps?\b|salespe|组员|带的|手下|下属|下面的人|reports? to|\bunder\b", q.text) \
            and all(x.dimension == "team" for x in q.found.get("filters", [])) and not any(
            q.found.get(k) for k in ("values", "window", "follow_up_done", "absence", "measure", "top_n")):
        q.found["whole_team"] = True
        return "rep", group_by  # "华中2组都有谁": the team's people, its manager included
    if any(x.dimension == "flag" and x.value == "decision_maker" for x in q.found.get("filters", [])):
        if "activity" in distinct or any(c == "activity_type" for c, _v in q.found.get("values", [])):
            return "activity", group_by  # "本月跟决策人的跟进次数", "拜访决策人拜访了多少次": follow-ups with them
        return "contact", group_by  # "医院客户的决策人": the people, not the hospitals
    if not distinct and flag_entities:
        return flag_entities[0], group_by
    dated = TIME_DIMENSIONS[q.found["time_field"]].entity if q.found.get("time_field") else None
    if distinct == ["account"] and dated in flag_entities and dated in FACT_ENTITIES:
        return dated, group_by  # "上海客户 逾期的应收": the receivables of those accounts
    if not distinct:
        owners = [DIM_ENTITY[code] for code, _value in q.found.get("values", []) if code in DIM_ENTITY]
        facts = [DIM_ENTITY[codes[0]] for _w, codes in q.found.get("value_words", [])  # "active" names two: not those
                 if len(codes) == 1 and DIM_ENTITY.get(codes[0]) in FACT_ENTITIES]
        # "今年医院丢单原因分布": a breakdown of other records (loss reasons are deals') at those hospitals
        grouped = [DIM_ENTITY[dims[0]] for dims in q.found.get("group_candidates", [])
                   if len(dims) == 1 and DIM_ENTITY.get(dims[0]) in FACT_ENTITIES]
        hinted = [h] if (h := q.found.get("entity_hint")) in FACT_ENTITIES and q.found.get("said_measure") else []
        if owners:  # "华北医院赢了几单", "demos at Central China hospitals": the deals or visits, not the hospitals;
            # "payments received from hospitals in October": the payments the measure words name
            return (facts or grouped or hinted or owners)[0], group_by
        for dims in q.found.get("group_candidates", []):
            if measure is None and dims[0] in SELF_DIMS and re.search(WHICH, q.text) and not (
                    ranked and q.found.get("entity_hint") in FACT_ENTITIES):  # "回款前五的客户是哪几家": ranked
                return dims[0], group_by  # "which reps haven't won a deal", "which products are in ...": those records
            owners = [DIM_ENTITY[d] for d in dims if d in DIM_ENTITY]
            if len(set(owners)) == 1:  # "输单原因分布": loss reasons belong to deals
                return owners[0], group_by
        if dated in FACT_ENTITIES and dated == q.found.get("entity_hint") and measure is None:
            return dated, group_by  # "南阳市城北区人民医院的应收明细": that account's installments
        if dated == "account" == q.found.get("entity_hint"):
            return "account", group_by  # "How many new accounts were created in 广西?": the accounts, dated
        if any(f.dimension in ("city", "province", "account") for f in q.found.get("filters", [])):
            return ("opportunity" if measure else "account"), group_by
        if "follow_up_done" in q.found and re.search(r"(的|哪些|哪个|哪几个|哪位|有谁)人(?!数)|^谁|(?<=[，,])谁", q.text):
            return "rep", group_by  # "西北团队这周有过跟进的人": the people who logged them
        return q.found.get("entity_hint"), group_by
    if distinct == ["account"] and measure == "count" and re.search(r"(多少|几)(单|笔)|单子", q.text) and any(
            DIM_ENTITY.get(c) == "opportunity" for c, _v in q.found.get("values", [])):
        return "opportunity", group_by  # "上个月快消客户丢了多少单": the deals of those customers, counted
    if len(distinct) == 1 and not (ranked and distinct[0] in GROUPABLE_MENTIONS and any(
            DIM_ENTITY.get(c) in FACT_ENTITIES for c, _v in q.found.get("values", []))):
        return distinct[0], group_by
    facts = [e for e in distinct if e in FACT_ENTITIES]
    implied_facts = [DIM_ENTITY[c] for c, _v in q.found.get("values", []) if DIM_ENTITY.get(c) in FACT_ENTITIES]
    if measure == "count" and not facts and implied_facts and set(distinct) <= {"account"}:
        return implied_facts[0], group_by  # "A类客户做了几次演示": demos (activities) at those accounts
    if measure == "count" and len(facts) == 1 and set(distinct) - set(facts) <= {"account"} and not ranked:
        return facts[0], group_by  # "这周拜访了几次客户": visits, counted
    implied = [DIM_ENTITY[c] for c, _v in q.found.get("values", []) if DIM_ENTITY.get(c) in FACT_ENTITIES]
    if not facts and implied and ranked and any(e in GROUPABLE_MENTIONS for e in distinct):
        facts = implied[:1]  # "拜访次数最多的客户": visits (activities) ranked by account
    others = [e for e in distinct if e in GROUPABLE_MENTIONS and e == head]
    if (measure in (None, "count") or q.found.get("aggregate")) and len(facts) == 1 and others and ranked:
        if ("rep",) not in q.found.get("group_candidates", []):  # "昨天谁跟进的客户最多" ranks the reps
            group_by.append(GROUPABLE_MENTIONS[others[0]])
        return facts[0], group_by
    # "客户的商机" (zh: the head noun comes last) / "opportunities of accounts" (en: first, but "rep's customers")
    possessive = q.en and re.search(r"\b(reps?|customers?|accounts?|hospitals?|deals?|opportunit\w*|leads?|"
                                    r"contracts?|teams?)('s|s') ", q.text)
    first_at = min((at for at, _e in q.found.get("entity_at", [])), default=0)
    if possessive and possessive.start() > first_at:
        possessive = None  # "overdue installments on my team's contracts": the installments come first
    return (distinct[0] if q.en and not possessive else distinct[-1]), group_by


def _plan(q: Question, today: date, entity: str, group_by: list[str],
          caller_id: int | None) -> QueryPlan | Clarification:
    f = q.found
    for g in _resolve_groups(f.get("group_candidates", []), entity):
        if g not in group_by:
            group_by.append(g)
    self_dim = {"rep": "rep", "account": "account", "region": "region", "product": "product"}.get(entity)
    if f.get("group_candidates") and not group_by and not all(self_dim in c for c in f["group_candidates"]):
        return Clarification(f"无法按该维度拆分{ENTITIES[entity].label_zh} / {ENTITIES[entity].label_en} cannot be "
                             "broken down that way.", EXAMPLES, "group")
    if f.get("bare_small_amount") is not None and entity in ("opportunity", "contract", "payment", "quote"):
        n = f["bare_small_amount"]
        return Clarification(f"金额{n:g}是指{n:g}元还是{n:g}万？/ Is the amount {n:g} yuan, or {n:g}万 (ten thousands)?",
                             (f"{n:g}元 / {n:g} yuan", f"{n:g}万 / {n:g}0k"), "unit")
    filters: list[Filter] = list(f.get("filters", []))
    values = f.get("values", [])
    if f.get("window") is not None and any(w == "新线索" for w, _c in f.get("value_words", [])):
        values = [(c, v) for c, v in values if (c, v) != ("lead_status", "new")]  # "本月新线索": created this month
    if entity == "quote" and any(w in ("报价", "quote", "quotes") for w, _c in f.get("value_words", [])):
        values = [(c, v) for c, v in values if (c, v) != ("stage", "proposal")]  # "发出去的报价": the quotes themselves
    filters += _value_filters(values, entity)
    applicable = _applicable_dims(entity)
    excluded = _excluded(f, applicable)
    if isinstance(excluded, Clarification):
        return excluded
    filters += excluded
    if entity == "payment":  # "fully paid installments": the installment's own status, not its contract's
        filters = [Filter("payment_status", "eq", "paid") if x == Filter("flag", "eq", "fully_paid") else x
                   for x in filters]
    for word, codes in f.get("value_words", []):
        if word in PHONE_WORDS and entity in SHOWN_ATTRIBUTES["phone"]:
            f = {**f, "show": [*f.get("show", []), "phone"]}  # "联系人电话都列给我": a contact's phone, not a phone call
            continue
        if not set(codes) & applicable:  # never drop a condition silently: a wrong answer is worse than a question
            return Clarification(f"“{word}”不适用于{ENTITIES[entity].label_zh}，请换个说法 / '{word}' does not apply to "
                                 f"{ENTITIES[entity].label_en}; please rephrase.", EXAMPLES, "inapplicable")
    if f.get("whole_team") and entity == "rep" and not any(x.dimension == "role" for x in filters):
        # "华中2组都有谁": the team's people, its manager included; but a team named by its manager or asked about by
        # him ("宋倩带的组", "我组里都有谁", "Who's on Su Zihan's team?") means the people under him
        by_manager = re.search(r"我(们)?组|咱们?组|我的组|我组|\b(my|our) team\b|'s team\b|带的|那组|手下|下面", q.text)
        filters.append(Filter("role", "eq", "rep") if by_manager else Filter("role", "in", ("rep", "manager")))
    if entity == "activity":  # "跟决策人的跟进": follow-ups with a decision-maker contact
        filters = [Filter("flag", "eq", "with_decision_maker") if x == Filter("flag", "eq", "decision_maker") else x
                   for x in filters]
    measure = f.get("measure")
    if measure == "count" and f.get("show") and re.search(r"分别|各自", q.text):
        measure = None  # "医学影像的几个产品标价分别多少": each product's price, not how many there are
    if entity == "payment" and measure in ("collected", "overdue_amount", "outstanding_amount") and "days_overdue" in \
            f.get("show", []) and not group_by and not re.search(r"一共|总共|合计|总计|加起来|\btotal\b", q.text):
        # "华东的逾期回款，各逾期多少天": the overdue installments, each with its days overdue, not one sum
        measure = None
        if Filter("flag", "eq", "overdue") not in filters:
            filters.append(Filter("flag", "eq", "overdue"))
    if entity == "payment" and measure == "count" and not f.get("count_strong") and re.search(
            r"还有多少(钱|应收|款)|多少(应收|欠款)(?![笔期条个])", q.text):
        measure = "outstanding_amount"  # "东北的医院客户还有多少应收没到期": money still owed, not how many installments
    if entity == "line" and measure == "units_sold":
        measure = "units_by_line"
    if measure in ("units_sold", "units_by_line") and Filter("flag", "eq", "open") in filters:
        entity, measure = "line", "units_open"  # "top products by quantity in open deals": those deals' units
    sort = None
    if entity == "payment":  # "installments that are still open": not yet paid in full, not the deal being open
        filters = [Filter("flag", "eq", "unpaid") if (x.dimension, x.value) == ("flag", "open") else x for x in filters]
    owing = {x.value for x in filters if x.dimension == "flag"} & {"overdue", "unpaid"}
    if entity == "account" and owing and measure is None and f.get("aggregate") == "sum" and not f.get("top_n"):
        entity = "payment"  # "医院客户逾期的钱有多少": what those accounts owe, on their installments
    if measure is None and f.get("aggregate") == "sum" and f.get("top_n") and not group_by:
        sort = _amount_column(entity)  # "金额最大的5个商机": the five largest deals, not a total
    elif measure is None and f.get("aggregate") == "sum" and not group_by and _amount_column(entity) and re.search(
            SORTED_BY_AMOUNT, q.text):
        sort = _amount_column(entity)  # "X在跟的商机按金额排一下": those deals, largest first, not their total
    elif measure is None and f.get("aggregate"):
        if re.search(r"小时|多少天|几天|\b(hours?|days)\b", q.leftover()):  # not "more than 30 days past due"
            return Clarification("这个时长不在可统计的指标里（可以问线索响应时长、商机在当前阶段的天数）/ That duration is not "
                                 "a measure I know (lead response hours and days in stage are).", EXAMPLES, "vague")
        measure = _amount_measure(entity, str(f["aggregate"]))
        if measure == "collected" and f.get("time_field") == "p.due_date" and not owing:
            measure = "amount_due"  # "total receivables due in December": what falls due, not what was paid
        if measure is None and entity in ("activity", "lead", "contact") and f["aggregate"] == "sum" and re.search(
                r"^(the )?total (number of )?(visits|calls|meetings|demos|follow[- ]?ups|activities|leads|contacts)\b", q.text):
            measure = "count"  # "total visits in October": how many; visits have no amount
        elif measure is None:
            return Clarification(f"{ENTITIES[entity].label_zh}没有金额可以汇总 / {ENTITIES[entity].label_en} has no "
                                 "amount to add up.", EXAMPLES, "no_amount")
    if entity == "payment" and f.get("amount_entities", [])[-1:] == ["contract"]:
        # "合同额超过八十万的合同今年一共回款多少": the contracts' size, not the installments'
        filters = [replace(x, dimension="contract_value") if x.dimension == "amount" else x for x in filters]
    if (measure == "collected" or f.get("said_measure") == "collected" or (entity == "payment" and re.search(
            r"\b(came|come|coming) in\b|到账|进账", q.text))) and any(x.dimension in ("amount", "amount_paid") for x in filters) \
            and not f.get("having"):
        # "Payments over 1.2M received this month": payments whose received amount is over 1.2M; "逾期金额超过10w的
        # 回款" compares what is still owed (below)
        owed_words = {x.value for x in filters if x.dimension == "flag"} & {"overdue", "unpaid"} and not re.search(
            r"实收|到账|已收|收到|回了|\bpaid\b|received|collected", q.text)
        if not owed_words and not re.search(DUE_SIZE_COMPARED, q.text):  # "应收金额超过250万的回款": the size due
            filters = [replace(x, dimension="amount_paid") if x.dimension == "amount" else x for x in filters]
        if measure != "count" and not re.search(r"多少|总|合计|一共|how much|total|\bsum\b|altogether", q.text):
            measure = None
    flags = {x.value for x in filters if x.dimension == "flag"}
    if entity == "payment" and flags & {"overdue", "unpaid"} and (measure in (None, "count") or (
            measure in ("overdue_amount", "outstanding_amount") and re.search(
                r"(逾期|未收|欠)(金额|款)?(超过|大于|高于|多于|不少于|至少|在)|\b(overdue|outstanding|unpaid) amount "
                r"(of )?(over|above|more than|at least)\b", q.text))) and (
            re.search(OWED_WORDS, q.text) or not re.search(DUE_SIZE_WORDS, q.text)) and not re.search(DUE_SIZE_COMPARED, q.text):
        # "逾期没收的超过5万的有哪几笔", "overdue installments over 500k": what is still owed; but "应收金额不到5k的逾期
        # 分期" compares what each installment is for, as it says
        filters = [replace(x, dimension="unpaid") if x.dimension == "amount" else x for x in filters]
    if entity == "payment" and flags & {"overdue", "unpaid"} and (
            (measure == "count" and not f.get("count_strong") and "多少" in q.text and "share_at" not in f
             and not re.search(r"多少(笔|个|条|份|次)|几笔", q.text))
            or (measure is None and re.search(r"^what'?s (still )?(unpaid|outstanding|owed)\b", q.text))):
        measure = "collected"  # "这个月到期的款里，还有多少没收回来？": the amount still owed, not how many
    overdue = "overdue" in flags or {"due_passed", "unpaid"} <= flags  # "已经到期但还没收齐" spells it out
    unpaid_heads = entity == "payment" and "unpaid" in flags and not overdue
    if entity in ("account", "payment") and (overdue or unpaid_heads) and measure is None and not group_by \
            and not f.get("top_n") and "follow_up_done" not in f \
            and (entity == "account" or re.search(r"哪些[^，,。？?有]{0,4}?(客户|医院|公司|经销商|学校|门店)|(客户|医院|公司|经销商|学校|门店|"
                                                      r"实验室)(有哪些|是哪些|有哪几家|是哪几家)[?？]?$|^有[^，,的]{0,6}款的[^，,]{0,8}"
                                                      r"(客户|医院|公司|经销商|学校|门店|实验室)\s*[?？]?$"
                                                      r"|(客户|医院|公司|经销商|学校|门店|实验室)(里面|里|中|当中)谁"
                                                      r"|\bwhich (of (our|my|the|their|my team's|our team's|the team's) )?"
                                                      r"(customers|accounts|clients|hospitals|distributors|"
                                                      r"dealers|stores|schools|labs)\b", q.text)):
        entity, group_by = "payment", ["account"]  # "Which South China customers have overdue payments?": by account
        if unpaid_heads:  # "Which distributors still have unpaid installments?": each one with what it still owes
            measure = "outstanding_amount"
            filters = [x for x in filters if not (x.dimension == "flag" and x.value == "unpaid")]
    if entity == "opportunity" and measure is None and not group_by and not f.get("top_n") \
            and "follow_up_done" not in f and re.search(ACCOUNT_HEAD, q.text):
        # "X5彩超在哪些医院处在报价或谈判阶段", "which hospitals have a deal at the proposal stage": the accounts
        # (with how many such deals), not the deals
        measure, group_by = "count", ["account"]
    if entity in ("contract", "account") and flags & {"overdue", "unpaid"} and measure is None and not group_by \
            and re.search(r"(里|中|当中|里面)[，,]?[^，,。]*的(回款|款项|分期|应收款?)(记录|明细)?(有哪些|是哪些|有哪几笔|明细)?[?？]?$",
                          q.text):
        entity = "payment"  # "执行中合同里已经逾期的回款有哪些": the installments themselves, of those contracts
    if entity in ("contract", "account") and flags & {"overdue", "unpaid"} and f.get("aggregate") and measure in (
            None, "contract_amount"):
        entity, measure = "payment", "collected"  # "孙秀英负责的合同逾期了多少钱": the contracts' overdue payments
    owed = "overdue" if "overdue" in flags else "unpaid" if "unpaid" in flags else None
    if entity in ("contract", "account") and owed and measure in (None, "count") and re.search(
            r"应收(款|账款)?.{0,6}多少|多少钱", q.text) and not re.search(r"多少(个|家|份|笔)|几(个|家|份|笔)", q.text):
        # "三甲医院合同的应收还剩多少没收": the money still owed on them, not how many contracts owe some
        entity, measure = "payment", _owed_measure(flags)
        filters = [x for x in filters if not (x.dimension == "flag" and x.value in ("overdue", "unpaid"))]
    if entity in ("contract", "account", "rep") and owed and measure in (None, "count") and not group_by \
            and f.get("absence") != f"{owed}_payment" and not f.get("top_n") and (not any(
                x.dimension in ("amount", "unpaid") for x in filters) or (
                entity == "contract" and f.get("amount_entities") == ["contract"] and re.search(r"合同(金)?额", q.text))):
        # "吴凯手上有逾期的合同", "有逾期的客户一共几家", "哪些合同还没收齐": the records with such an installment
        filters = [x for x in filters if not (x.dimension == "flag" and x.value in ("overdue", "unpaid"))]
        word = "逾期" if owed == "overdue" else "没收"
        at = q.text.find(word) if word in q.text else max(q.text.find(owed), 0)
        if "follow_up_done" in f:  # "有逾期款、这个月又没跟进过的客户": one more condition
            f["more_related"] = [*f.get("more_related", []), (f"{owed}_payment", True, (), (at, at + 2))]
        else:
            f = {**f, "absence": f"{owed}_payment", "follow_up_done": True, "related_span": (at, at + 2)}
    if measure == "collected" and flags & {"overdue", "unpaid"}:
        # "逾期的回款金额" / "unpaid amount": what is still owed, not what was paid
        measure = _owed_measure(flags)
        filters = [x for x in filters if not (x.dimension == "flag" and x.value in ("overdue", "unpaid"))]
    if measure in ("overdue_amount", "outstanding_amount") and not group_by and re.search(
            LIST_ASK + r"|拉出来|拉一下|都拉|哪几笔|(回款|分期|应收)(记录|明细|清单)", q.text) and any(
                x.dimension in ("amount", "unpaid") for x in filters):
        # "逾期未收金额五十万以上的回款都拉出来": those installments, not their total
        filters.append(Filter("flag", "eq", OWED_FLAG[measure]))
        measure = None
    if measure == "collected" and entity == "payment" and not group_by and not f.get("top_n") and any(
            x.dimension == "payment_status" for x in filters) and not re.search(
            r"多少|一共|总共|合计|总计|总额|加起来|金额|几笔|\btotal\b|\bhow (much|many)\b|\bsum\b|\bamount", q.text):
        measure = None  # "这个月华东已经付清的回款": those installments; a status names records, not money
    listed_at = f.get("fields_listed_at")
    if measure in LISTED_RECORDS and listed_at is not None and not group_by and not f.get("top_n") and not re.search(
            r"一共|总共|合计|总计|加起来|多少钱|\btotal\b|\bhow much\b|\bsum\b", q.text[:listed_at]):
        # "the payments we received this month? payment id, contract number, customer, …": those records, with the
        # columns asked for, not their total
        filters += [x for x in LISTED_RECORDS[measure] if x not in filters]
        measure = None
    if measure is not None and measure in AVG_OF and f.get("aggregate") == "avg":
        measure = AVG_OF[measure]
    if measure is not None and measure in RANKED_COLUMN and f.get("superlative") and not f.get("top_n") \
            and not group_by and re.search(SINGLE_RECORD, q.text):
        f = {**f, "top_n": 1}  # "预算最高的那条线索是哪家": the one record, not a total
    if measure is not None and measure in RANKED_COLUMN and f.get("top_n") and not group_by \
            and not re.search(EACH_LINE_OF_GROUP, q.text):
        # "年收入最高的十家医院", "预算最高的10条线索": the records themselves, sorted, not one total
        sort = RANKED_COLUMN[measure]
        measure = None
        if sort == "o.amount" and f.get("measure") == "won_amount":
            filters.append(Filter("stage", "eq", "closed_won"))
        if f.get("measure") == "pipeline_amount" and Filter("flag", "eq", "open") not in filters:
            filters.append(Filter("flag", "eq", "open"))  # "在跟金额最大的3个单子": the open deals, ranked
        if f.get("measure") in ("overdue_amount", "outstanding_amount"):  # "the 5 biggest overdue receivables"
            filters.append(Filter("flag", "eq", OWED_FLAG[f["measure"]]))
    if measure is None and sort is None and f.get("top_n") and not group_by and "overdue" in flags:
        sort = RANKED_COLUMN["overdue_amount"]  # "the 5 biggest overdue receivables": those installments, ranked
    elif measure is None and sort is None and (group_by or f.get("top_n") or f.get("superlative")) and "overdue" in flags \
            and not re.search(r"\bmost overdue (installments|instalments|payments|invoices)\b|笔数|最多笔", q.text):
        measure = "overdue_amount"  # "regions with the most overdue": ranked by the amount overdue
        filters = [x for x in filters if not (x.dimension == "flag" and x.value == "overdue")]
    elif measure is None and sort is None and group_by and "unpaid" in flags and re.search(r"款|钱|金额", q.text) \
            and not re.search(r"笔|几|多少(个|条|份)|记录|明细", q.text):
        measure = "outstanding_amount"  # "没收的款按到期月份汇总一下": the money still owed, month by month
        filters = [x for x in filters if not (x.dimension == "flag" and x.value == "unpaid")]
    share_of: tuple[Filter, ...] = ()
    share_follow_up = False
    if "share_at" in f and f.get("measure") == "collected" and measure in ("collected", "overdue_amount",
                                                                            "outstanding_amount") and not re.search(r"金额|钱|\bamount|\bvalue|\bmoney", q.text):
        measure = "count"  # "已经到期的回款里，逾期的占比": 回款 names the installments, not the money
    if "share_at" in f and not (measure in MEASURES and MEASURES[measure].kind == "rate"):
        shared = _share_of(q, f, filters, measure)
        if isinstance(shared, Clarification):
            return shared
        share_of, share_follow_up = shared
        filters = [x for x in filters if all(x is not y for y in share_of)]
        measure = "share"
    also: tuple[str, ...] = ()
    if f.get("both_figures"):
        amount = _amount_measure(entity, "sum")
        if measure not in (None, "count") or amount is None:
            return Clarification(f"{ENTITIES[entity].label_zh}只能同时统计数量和金额 / For "
                                 f"{ENTITIES[entity].label_en} I can show the count and the amount together.",
                                 EXAMPLES, "both_figures")
        measure, also = "count", (amount,)
    elif f.get("also") and measure == f.get("measure"):
        also = tuple(f["also"])  # "赢单金额和赢单数": both figures of the same deals
    elif f.get("also_tail") == "count" and measure not in (None, "count", "share") and group_by:
        also = ("count",)  # "Cash collected per month in Q3, and how many payments"
    elif f.get("also_tail") in ("sum", "avg") and measure in (None, "count") and group_by:
        amount = "avg_opportunity_amount" if (entity, f["also_tail"]) == ("opportunity", "avg") else _amount_measure(
            entity, f["also_tail"])
        if amount is not None:  # "Leads by source this month, with average budget": how many, and their mean
            measure, also = "count", (amount,)
    stages = {str(v) for x in filters if x.dimension == "stage"
              for v in (x.value if isinstance(x.value, tuple) else (x.value,))}
    if measure == "avg_deal_size" and (stages - {"closed_won"} or Filter("flag", "eq", "open") in filters
                                       or "stage" in group_by):
        # "average size of my open deals", "各阶段商机的平均金额": those deals, not the won ones
        measure = "avg_opportunity_amount"
        if stages and stages <= {"closed_won", "closed_lost"} and not f.get("time_field"):
            f = {**f, "time_field": "o.closed_at"}  # "average lost deal size this year": dated by closing, as won deals
    if measure in WON_MEASURES and stages - {"closed_won"}:
        return Clarification("赢单类指标只统计已赢单的商机，与所选阶段矛盾，请换个说法 / Won figures count won deals only, "
                             "which contradicts the stage asked for; please rephrase.", EXAMPLES, "contradiction")
    if measure is None and group_by:
        measure = "count"  # "Activities by type": a breakdown counts
    filters = _municipality_as_city(filters)
    if "hospital_grade" in group_by and all(x.dimension != "account_type" for x in filters):
        filters.append(Filter("account_type", "eq", "hospital"))  # only hospitals have a grade
    if "loss_reason" in group_by and all(x.dimension != "stage" for x in filters):
        filters.append(Filter("stage", "eq", "closed_lost"))  # loss reasons exist for lost deals only
    if f.get("sort_hint") == "days" and f.get("top_n") and not group_by and measure in (None, "avg_days_in_stage"):
        longest = {"opportunity": DIMENSIONS["days_in_stage"].column, "payment": DIMENSIONS["days_overdue"].column}.get(entity)
        if longest is None:
            return Clarification("“最久”是按哪段时间排？可以问商机在当前阶段的天数或逾期最久的回款 / Longest by which time? "
                                 "Ask for days in the current stage or the longest overdue payments.", EXAMPLES, "longest")
        measure, sort = None, longest
        f.pop("stale", None)  # "stuck in their stage the longest": how long in the stage, not idle for a week
        if entity == "payment" and not {x.value for x in filters if x.dimension == "flag"} & {"overdue", "unpaid"}:
            filters.append(Filter("flag", "eq", "overdue"))  # "逾期最久的3笔回款": a paid installment is overdue no more
        if entity == "opportunity" and not stages and all(x.dimension != "flag" or x.value != "open" for x in filters):
            filters.append(Filter("flag", "eq", "open"))  # "卡在当前阶段最久的3个商机": a closed deal is stuck no more
    elif measure is None and not sort and f.get("top_n") and f.get("sort_hint") and not group_by:
        sort = _amount_column(entity)  # "the 3 largest contracts": sorted by amount
    if f.get("list_sort") and measure is None and not group_by:
        field, order = f["list_sort"]  # "ordered by amount descending", "oldest first", "按创建时间从早到晚排"
        column = _amount_column(entity) if field == "amount" else (ENTITIES[entity].default_time or HIRED.get(entity)) \
            if field == "time" else SORT_FIELDS[field].get(entity)
        if column is None:
            return Clarification(f"{ENTITIES[entity].label_zh}不能按这一项排序 / {ENTITIES[entity].label_en} cannot be "
                                 "sorted that way.", EXAMPLES, "sort")
        sort, f = column, {**f, "order": order, "order_assumed": False}
    window: TimeWindow | None = f.get("window")
    time_field = f.get("time_field")
    if time_field == "p.due_date" and window is not None and re.search(
            r"还(有)?[^，,。？?]{0,8}(要|会|将)到期|\b(still|yet) to (come |fall )?due\b|\bstill (coming )?due\b", q.text):
        # "这个月还有哪些回款要到期": from today on, and not paid in full yet
        start = max(window.start or _d(today), _d(today))
        window = replace(window, start=start, end=window.end or window.period_end)
        filters.append(Filter("flag", "eq", "unpaid"))
    if time_field == "p.due_date" and window is not None and window.end is None and window.start is not None \
            and re.search(r"\b(have|has) (already )?come due\b|已经?到期|到期了的", q.text):
        # "本季度已经到期的分期": due so far, up to today, not the whole quarter
        window = replace(window, end=_d(today), period_end=None)
    if time_field == "c.signed_at" and entity == "opportunity" and window is not None and not re.search(
            r"合同|contract", q.text) and all(x.dimension != "stage" for x in filters):
        # "这周签下来的单子": a deal is signed by winning it
        time_field = "o.closed_at"
        filters.append(Filter("stage", "eq", "closed_won"))
    if time_field and TIME_DIMENSIONS[time_field].entity != entity and not (
            entity == "payment" and time_field == "c.signed_at"):  # "今年签的合同还有多少没收回来": the contracts' date
        if time_field not in GENERIC_TIME_FIELDS and window is not None and entity != "line":
            other = ENTITIES[TIME_DIMENSIONS[time_field].entity]
            return Clarification(f"这个时间说的是{other.label_zh}，不是{ENTITIES[entity].label_zh}；请换个问法 / That date belongs "
                                 f"to the {other.label_en}, not the {ENTITIES[entity].label_en}; please rephrase.",
                                 EXAMPLES, "time_of_other")
        time_field = None  # "created" said of leads means the lead's own creation time
    totals_of = re.search(r"\b(which|what) (reps|accounts|customers|regions|teams|salespeople)\b.*\b(have|has|with)\b.*"
                          r"\b(more than|over|at least|above|under|less than)\b|(超过|高于|大于|以上|不到|低于).{0,10}的"
                          r"(业务员|销售|客户|区域|团队)", q.text)
    if totals_of and measure not in (None, "count") and any(x.dimension == "amount" for x in filters):
        return PER_RECORD_TOTAL
    if any(e not in (entity, "contract" if entity == "payment" else entity) for e in f.get("amount_entities", ())) and any(
            x.dimension in ("amount", "amount_paid", "unpaid") for x in filters):
        # "签约额超过一千万的客户": a total per account (HAVING), which plans cannot express yet
        return PER_RECORD_TOTAL
    dated_by = time_field or (MEASURES[measure].time if measure in MEASURES else None)
    if window is not None and window.past_year and dated_by in FORWARD_FIELDS:
        window = _next_year(window)  # "due in December", asked in November: this December, not last year's
    if f.get("product_won") and entity == "opportunity" and all(x.dimension != "stage" for x in filters):
        filters.append(Filter("stage", "eq", "closed_won"))  # "今年签下A100的单子"
    if entity == "account" and any(x.dimension in ("product", "product_line") for x in filters):
        # "买过彩超X5的医院", "hospitals with an open deal for the M8": the account's deals include the product
        product = next(x for x in filters if x.dimension in ("product", "product_line"))
        filters = [x for x in filters if x is not product]
        deal_flags = {x.value for x in filters if x.dimension == "flag"} & {"open"}
        filters = [x for x in filters if not (x.dimension == "flag" and x.value in deal_flags)]
        if deal_flags and f.get("absence") in ("won", "opportunity"):
            # "有C300在跟商机、但从来没买过C300的客户": an open deal and no won one, two conditions on the deals; never
            # drop the first
            return Clarification("这里的产品条件和另一个条件都落在其他记录上，请分开问 / The product condition and the "
                                 "other condition are both on other records; please ask them separately.", EXAMPLES,
                                 "two_related")
        if f.get("absence") in ("won", "opportunity", "open_opportunity"):
            f = {**f, "deal_product": product}
        elif f.get("absence") is None and "follow_up_done" not in f:
            target = "won" if f.get("product_won") else "open_opportunity" if deal_flags else "opportunity"
            f = {**f, "absence": target, "follow_up_done": True, "deal_product": product}
        else:
            return Clarification("这里的产品条件和另一个条件都落在其他记录上，请分开问 / The product condition and the other "
                                 "condition are both on other records; please ask them separately.", EXAMPLES,
                                 "two_related")
    if f.get("absence") == "payment" and entity == "account" and "contract" in f.get("entities", []) \
            and not f.get("more_related") and f.get("follow_up_done") is False:
        # "签了合同、但一分钱都没回款的客户": a contract that exists, and no payment received
        at = next((a for a, e in f.get("entity_at", []) if e == "contract"), 0)
        q.found["more_related"] = [("contract", True, (), (at, at + 2))]
        f = {**f, "more_related": q.found["more_related"]}
    more: list[FollowUp] = []
    if f.get("extra_window") and not (f.get("more_related") and time_field is None):
        return Clarification("问题里有两个时间段，我只能把它们分别用在两个关于其他记录的条件上；请分开问 / The question names two "
                             "periods; I can only apply them to two conditions on other records. Please ask separately.",
                             EXAMPLES, "two_windows")
    if f.get("more_related"):
        extra = _more_related(q, entity, window, time_field)
        if isinstance(extra, Clarification):
            return extra
        more, window = extra
        amounts = [x for x in filters if x.dimension == "amount"]
        sized = [i for i, m in enumerate(more) if m.done and m.target in AMOUNT_TARGETS]
        if entity in ("account", "rep") and len(amounts) == 1 and len(sized) == 1 \
                and entity not in f.get("amount_entities", []):
            # "签过500万以上的合同、但一分钱都还没回款的客户": the number is the contract's, as in the first condition
            more[sized[0]] = replace(more[sized[0]], amount=amounts[0])
            filters = [x for x in filters if x is not amounts[0]]
    follow_up = None
    if f.get("related_count"):
        op, n, kinds = f["related_count"]
        own_time = _dates_measure(time_field, measure, entity) and op in ("gt", "gte")
        follow_up = FollowUp(window if window is not None and not own_time else TimeWindow(None, None, "从来"), True,
                             kinds, count=(op, n))
        window = window if own_time else None
    if entity == "opportunity" and f.get("absence") in ("contract", "active_contract") and re.search(
            r"客户|医院|经销商|\b(accounts?|customers?|clients?|hospitals?)\b", q.text):
        f = {**f, "absence": f"account_{f['absence']}"}  # "已签约客户身上在跟的商机": the account has signed
    if f.get("absence"):
        own_time = time_field is not None and TIME_DIMENSIONS[time_field].entity == entity
        rs, ws = f.get("related_span"), f.get("window_span")
        if rs and ws and ws[1] <= rs[0] and (re.search(r"从来|从没|从未", q.text[rs[0]:rs[1]]) or (
                f.get("time_field") in GENERIC_TIME_FIELDS and re.search(r"\bcreated\b|新建|新增|创建", q.text[:rs[0]]))):
            # "Accounts created this year that have never had a deal", "今年新建的客户里从来没有商机的": the
            # accounts' creation; "从来" says when the other records are missing
            own_time = True
        if rs and ws and ws[1] <= rs[0] and re.search(r"(里|中|当中|里面)[，,]", q.text[ws[1]:rs[0]]):
            own_time = True  # "上个月输掉的单子里，有几个是一份报价都没出过的": the window is said of the deals
        ever = TimeWindow(None, None, "从来")
        # "本月签的合同里还没有回款的": the window dates the contracts; else it is when nothing happened
        follow_up = FollowUp(ever if own_time or window is None else window, bool(f.get("follow_up_done")), (),
                             str(f["absence"]), product=f.get("deal_product"), count=f.get("absence_count"))
        amounts = [x for x in filters if x.dimension == "amount"]
        if entity in ("account", "rep") and follow_up.target in AMOUNT_TARGETS and len(amounts) == 1 \
                and entity not in f.get("amount_entities", []):
            # "有超过100万的在跟商机的客户": the number is the related record's, unless the question named the
            # account's own amount ("年营收过亿但从来没有过商机的客户")
            follow_up = replace(follow_up, amount=amounts[0])
            filters = [x for x in filters if x is not amounts[0] and not (
                follow_up.target == "open_opportunity" and x == Filter("flag", "eq", "open"))]
        window = window if own_time else None
        f = {k: v for k, v in f.items() if k != "follow_up_done"}
    if "follow_up_done" in f and not f["follow_up_done"] and entity == "lead":
        never = Filter("flag", "eq", "never_contacted")  # a lead's follow-up is its first contact
        if share_follow_up:  # "线索里从来没联系过的占比": the never-contacted leads are the part
            share_of, share_follow_up = (*share_of, never), False
        else:
            filters.append(never)
        f = {k: v for k, v in f.items() if k != "follow_up_done"}
    own_window = None
    if "follow_up_done" in f and window is not None and time_field is not None and time_field != "x.occurred_at" \
            and TIME_DIMENSIONS[time_field].entity == entity:
        # "上周新建的商机到现在还没跟进过的": the window dates the deals; no follow-up since, at any time
        own_window, window = window, TimeWindow(None, None, "从来")
    if "follow_up_done" in f and window is None and (any(w in q.text for w in EVER_WORDS)
                                                     or tuple(f.get("follow_up_kinds", ())) == ("demo",)):
        # a demo is a milestone, had or not had: "还没安排演示的商机", "deals with no demo scheduled yet"
        window = TimeWindow(None, None, "从来")
    if f.get("follow_up_done") is True and window is not None and not f.get("stale") and own_window is None \
            and f.get("measure") and _dates_measure(time_field, measure, entity):
        # "won amount this year on deals that had a demo": the window dates the won deals; the demo may be any time
        own_window, window = window, TimeWindow(None, None, "从来")
    if "follow_up_done" in f or f.get("stale"):
        if window is None:
            if f.get("stale"):
                window = TimeWindow(_d(today) - timedelta(days=7), None, "近7天")
            else:
                return FOLLOW_UP_WINDOW
        follow_up = FollowUp(window, bool(f.get("follow_up_done")), tuple(f.get("follow_up_kinds", ())))
        reps = [x for x in filters if x.dimension == "rep" and x.op == "eq"]
        if follow_up.done and entity == "account" and len(reps) == 1 and not re.search(
                r"'s\b|名下|手上|的客户|负责的|\b(owned by|owns|whose owner)\b", q.text):
            # "郭琳跟进过哪些客户": the accounts she followed up herself, whoever owns them
            follow_up = replace(follow_up, by=int(str(reps[0].value)))
            filters = [x for x in filters if x is not reps[0]]
        window = own_window
        quiet = entity == "opportunity" and not follow_up.done and own_window is None and not any(
            x.dimension in ("stage", "flag") for x in filters)
        if f.get("stale") and all(x.value != "open" for x in filters if x.dimension == "flag") or quiet:
            # "超过14天没跟进的商机", "我哪些商机一周都没动静了": a closed deal is not waiting for a follow-up
            filters.append(Filter("flag", "eq", "open"))
    if window is not None and window.label.startswith("未来") and "time_field" not in f and entity == "payment" \
            and measure in ("amount_due", "outstanding_amount"):
        f = {**f, "time_field": "p.due_date"}  # "未来90天的应收总额": what falls due then
    if window is not None and window.label.startswith("未来") and f.get("time_field") not in FORWARD_FIELDS:
        return Clarification(f"{window.label}还没有发生；只有预计成交日期和应收日期可以落在未来 / {window.label} has not "
                             "happened yet; only expected close dates and due dates lie ahead.", EXAMPLES, "future")
    if window is not None and is_future(window, today) and f.get("time_field") != "o.expected_close_date":
        if measure in ("won_amount", "won_count", "collected", "win_rate"):
            return Clarification(f"{window.label}还没有发生，无法统计实际数据。要看预计成交的商机吗？/ {window.label} has "
                                 "not happened yet. Do you want deals expected to close then?",
                                 (f"{window.label}预计成交的商机 / deals expected to close {window.label}",), "future")
        dated = f.get("time_field") or (MEASURES[str(measure)].time if measure in MEASURES else None) \
            or ENTITIES[entity].default_time
        if dated not in FORWARD_FIELDS:
            # "下周新建的商机", "which deals close next week" read as created: nothing can have happened then yet
            return Clarification(f"{window.label}还没有发生；只有预计成交日期和应收日期可以落在未来 / {window.label} has not "
                                 "happened yet; only expected close dates and due dates lie ahead.", EXAMPLES, "future")
    if f.get("mine"):
        if caller_id is None:
            return Clarification("“我的”是指哪位业务员？请用 --as 邮箱 提问 / Whose records do you mean by 'my'? "
                                 "Ask with --as EMAIL.", (), "who")
        filters.append(Filter("rep", "eq", caller_id))
    if f.get("age_order") and measure is None and not group_by:
        if ENTITIES[entity].default_time is None:
            return Clarification(f"{ENTITIES[entity].label_zh}没有创建时间，无法按新旧排序 / {ENTITIES[entity].label_en} has no "
                                 "date to sort by.", EXAMPLES, "sort")
        sort, f = ENTITIES[entity].default_time, {**f, "order": f["age_order"]}  # "5 oldest accounts": by when created
        if entity == "opportunity" and any(x.dimension == "stage" and x.value in ("closed_won", "closed_lost") for x in filters) \
                and not re.search(r"created|创建|录入|建档|进系统|新建", q.text):
            sort = "o.closed_at"  # "the 10 most recently closed won deals": by when they closed
    flag_values = {x.value for x in filters if x.dimension == "flag"}
    if any(pair <= flag_values for pair in OPPOSITE_FLAGS):
        return Clarification("两个相反的条件不能同时成立；要并排比较请分开问 / The question names two opposite conditions; "
                             "to compare them side by side, ask for each.", EXAMPLES, "opposites")
    if entity == "lead" and any(x.dimension == "account" for x in filters) and not re.search(
            r"渠道|来源|来的|转化|\bsources?\b|\bcame\b|\bcome from\b|\bconverted\b", q.text):
        # a lead's account is the one it converted into: only a question about where an account came from means that
        return Clarification("线索还不是客户：按客户名只能查它是从哪条线索转化来的。请换个问法 / A lead is not an account yet: "
                             "an account name only finds the lead it was converted from. Please rephrase.", EXAMPLES,
                             "lead_account")
    merged = _either(filters)
    if entity == "payment" and re.search(SINGLE_RECEIPT, q.text) and not re.search(OWED_SIDE, q.text):
        # "单笔过百万的回款记录": a receipt's size is what was paid, not the installment's amount due
        merged = tuple(Filter("amount_paid", x.op, x.value) if x.dimension == "amount" else x for x in merged)
    each = re.search(r"分别|各自|(?<=[\u4e00-\u9fff，,])各(?=是|回款|赢|签|卖|收|有|成交|完成|拿|多少|几|跟进|拜访|打了|联系|约了|新增|输|丢)|对比|比较|相比|"
                     r"respectively|\beach\b|\bvs\.?(?![a-z])|\bversus\b", q.text)
    if each and measure in ("units_sold", "units_by_line") and any(
            x.dimension in ("product", "product_line") and x.op == "in" for x in merged):
        # "A100和C300今年各卖了几台", "X5 vs P2 units sold": units per product, counted over the deals' lines
        entity, measure = "line", "units_by_line"
        dim = next(x.dimension for x in merged if x.dimension in ("product", "product_line") and x.op == "in")
        group_by.append(dim)
    if measure is not None and each:
        for x in merged:  # "许晓东和唐志强的赢单金额分别是多少": one figure per person
            if x.op == "in" and x.dimension in ("rep", "region", "city", "province", "team", "account", "activity_type",
                                                "stage", "lead_source", "industry", "account_type", "customer_class",
                                                "hospital_grade", "payment_status", "contract_status", "product",
                                                "product_line") \
                    and x.dimension not in group_by:
                group_by.append(x.dimension)
    for x in merged if measure is not None and not group_by else ():
        values = DIMENSIONS[x.dimension].values if x.dimension in DIMENSIONS else None
        if x.op == "in" and values and isinstance(x.value, tuple | list) and set(x.value) == set(values):
            group_by.append(x.dimension)  # "A类B类C类客户的平均年营收": every class named, so each one's figure
    if measure is not None and "product_line" not in group_by and any(
            x.dimension == "product_line" and x.op == "in" for x in merged) and re.search(EACH_LINE_OF_GROUP, q.text):
        group_by.append("product_line")  # "快消几条产品线各自的赢单率": one figure per line of the group
        if measure in ("units_sold", "units_by_line"):
            entity, measure = "line", "units_by_line"  # units per line count that line's own deal lines
    if f.get("rate_threshold") is not None:
        # "regions with win rate under 25%": each group's rate compared; a percentage anywhere else is asked back
        if measure not in MEASURES or MEASURES[measure].kind != "rate" or not group_by or f.get("having"):
            return Clarification("这个百分比比较的是什么？目前只支持按组比较比率，例如“赢单率低于25%的区域” / What does the "
                                 "percentage compare? Only a rate per group is supported, e.g. 'regions with a win rate "
                                 "under 25%'.", EXAMPLES, "percent")
        f = {**f, "having": f["rate_threshold"], "count_groups": f.get("groups_counted")}
    plan = QueryPlan(entity=entity, measure=measure, group_by=tuple(group_by), filters=merged,
                     follow_up=follow_up, more_related=tuple(more), share_of=share_of,
                     share_follow_up=share_follow_up and follow_up is not None, window=window,
                     time_field=time_field,
                     order=_worst_first(f.get("order"), measure, q.text), top_n=f.get("top_n"), sort=sort, also=also,
                     rank=f.get("rank"),
                     having=f.get("having"), count_groups=bool(f.get("count_groups")),
                     notes=tuple(f.get("notes", ())))
    if f.get("show"):
        shown = _shown_columns(plan, f["show"])
        if isinstance(shown, Clarification):
            return shown
        plan = replace(plan, show=shown)
    plan = _bar_shown(plan)
    if plan.measure is None and plan.top_n is None and f.get("superlative") and not plan.group_by \
            and plan.entity in ("opportunity", "contract", "quote") and re.search(
                r"\b(largest|biggest)\b|最大的?(那|一)?(个|笔|单|份|张)?(商机|单子|单|合同|报价)", q.text):
        # "What's the biggest open deal at 唐山天成生活超市?": that one record, by its amount
        plan = replace(plan, top_n=1, sort=_amount_column(plan.entity), order="desc")
    if plan.measure is None and plan.top_n is None and f.get("superlative") or (
            plan.measure is None and plan.top_n and not plan.sort and not plan.group_by and plan.of_records is None
            and plan.entity in ("account", "contact", "product", "rep", "region")) or (
            plan.measure == "count" and plan.group_by and re.search(r"最好|最差|最棒|最强|\b(best|worst)\b", q.text)
            and not re.search(r"最多|最少|数量|个数|几|多少|\b(most|fewest|number|count|many)\b", q.text)):
        # "哪个渠道的线索最好": best is no count of records
        # "咱们前十大客户是哪些": the first ten of what? Ranked by nothing, a top-N is just the first rows
        return Clarification("“最”是按什么排序？/ Best by which measure?", (
            "按赢单金额 / by won amount", "按商机数量 / by number of deals", "按回款金额 / by collected amount"),
            "superlative")
    one_account = [x for x in plan.filters if x.dimension == "account" and x.op == "eq"]
    if plan.entity == "account" and plan.measure is None and not plan.group_by and len(one_account) == len(plan.filters) == 1 \
            and plan.follow_up is not None and plan.follow_up.done and plan.follow_up.window.start is None \
            and plan.follow_up.target in ("open_opportunity", "opportunity") and plan.follow_up.amount is None \
            and plan.follow_up.count is None and not plan.more_related and re.search(r"吗[?？]?$|有没有|\bany\b", q.text):
        # "太原医科大学附属医院还有没关的商机吗": for one named customer, its open deals answer the question
        opened = (Filter("flag", "eq", "open"),) if plan.follow_up.target == "open_opportunity" else ()
        plan = QueryPlan("opportunity", filters=(*one_account, *opened), notes=plan.notes)
    if plan.entity in ("opportunity", "contract", "activity") and plan.measure is None and not plan.top_n \
            and not plan.group_by and not plan.sort and re.search(ACCOUNTS_NAMED_LAST, q.text):
        # "签过单笔200w以上合同的医院有哪些", "hospitals in 武汉 with deals in the proposal stage": the accounts are
        # what is asked for; the deals, contracts or follow-ups only qualify them
        plan = QueryPlan("account", of_records=plan, notes=plan.notes)
    if plan.entity == "opportunity" and plan.measure is None and not plan.top_n and re.search(ACCOUNTS_WITH_DEALS, q.text):
        # "华东区的门店里，哪些有单笔超过100万的在跟商机": the stores those deals belong to, not the deals
        plan = QueryPlan("account", of_records=plan, notes=plan.notes)
    if plan.entity == "account" and plan.measure is None and (paid := [
            x for x in plan.filters if x.dimension == "flag" and FLAG_ENTITY.get(str(x.value)) == "payment"]):
        # "逾期才付款的客户有哪些", "accounts that paid late in October": the accounts of those installments, dated
        # by the installments
        own = tuple(x for x in plan.filters if x not in paid)
        payments = QueryPlan("payment", filters=tuple(paid), window=None if plan.time_field else plan.window)
        plan = replace(plan, filters=own, of_records=payments,
                       window=plan.window if plan.time_field else None)
    if plan.having is not None and plan.group_by and plan.having.op in ("gt", "gte") and plan.measure in (
            *MONEY_TOTALS, "collected") and re.search(
                r"\b(a|any|one|at least one) (single )?(deal|opportunity|contract|order|win|payment)s? (over|above|of more "
                r"than|worth more than|bigger than|larger than)\b|单笔", q.text):
        # "Which regions had a deal over 10M closed won this year?", "有过单笔150万以上回款的客户": one deal or payment
        # passes the bar, not the group's total
        base = records_behind(plan)
        size = "amount_paid" if plan.measure == "collected" else "amount"
        plan = replace(plan, filters=(*base.filters, Filter(size, plan.having.op, plan.having.value)),
                       time_field=base.time_field, measure="count", having=None, also=())
    if plan.top_n and plan.measure and not plan.group_by and not plan.sort:
        # a top-N of one total is no ranking: "拜访次数最多的两家三甲医院" ranks the hospitals
        if plan.entity in FACT_ENTITIES and re.search(r"[两二三四五六七八九十\d]+\s*家|accounts|customers|hospitals", q.text):
            plan = replace(plan, group_by=("account",))
        elif re.search(r"[两二三四五六七八九十\d]+\s*(份|笔|张)", q.text) and _amount_column(plan.entity) \
                and MEASURES[str(plan.measure)].entity == plan.entity and MEASURES[str(plan.measure)].kind == "money":
            plan = replace(plan, measure=None, sort=_amount_column(plan.entity))  # "报价金额最高的5份报价": the quotes
        else:
            return Clarification("请说明按什么排名（例如按客户或按业务员）/ Ranked by what: accounts, reps, regions?",
                                 EXAMPLES, "ranking")
    if plan.having is not None and len(plan.group_by) == 1 and plan.group_by[0] in ("account", "rep") and re.search(
            r"的(客户|医院|公司|经销商|业务员|销售|人)(一共|总共)?(有|是)?(多少|几)(个|家|位)?[?？]?$|^how many (accounts|customers"
            r"|clients|hospitals|reps|salespeople)\b", q.text):
        plan = replace(plan, count_groups=True)  # "联系人至少4个的客户有多少": how many accounts pass, not each one
    if plan.group_by and not plan.count_groups and _additive(plan.measure) and not re.search(EACH_GROUP, q.text) and (
            (plan.top_n and re.search(TOTAL_OF_TOP, q.text)) or (plan.having and re.search(TOTAL_OF_PASSING, q.text))):
        plan = replace(plan, total_of_groups=True)  # "赢单金额前五的业务员加起来一共多少": one figure, not five
    if plan.measure and f.get("superlative") and not plan.top_n and not plan.group_by:
        # "这个月拜访次数最多的医院", "昨天谁跟进的客户最多": the top account or rep; one total would drop "最"
        if plan.entity in FACT_ENTITIES and re.search(ACCOUNT_RANKED, q.text):
            plan = replace(plan, group_by=("account",))
        elif re.search(r"谁|\bwho\b", q.text) and "rep" in _applicable_dims(plan.entity):
            plan = replace(plan, group_by=("rep",))
        else:
            return Clarification("请说明按什么排名（例如按客户或按业务员）/ Ranked by what: accounts, reps, regions?",
                                 EXAMPLES, "ranking")
    if plan.measure and not plan.group_by and not plan.top_n and not plan.having \
            and re.search(r"排名|排行|排个名|排一下名|\brank(ing|ings|ed)?\b|\bleaderboard\b", q.text):
        # "全公司本月业绩排名": a ranking of one total is no ranking; sales figures rank the reps, others are asked
        if plan.measure in ("won_amount", "won_count", "collected") and "rep" in _applicable_dims(plan.entity):
            plan = replace(plan, group_by=("rep",), order=plan.order or "desc")
        else:
            return Clarification("请说明按什么排名（例如按客户或按业务员）/ Ranked by what: accounts, reps, regions?",
                                 EXAMPLES, "ranking")
    if plan.measure and f.get("superlative") and not plan.top_n:
        named = plan.group_by and any(x.dimension == plan.group_by[0] and x.op == "in" for x in plan.filters)
        # "戴文博跟高文博，谁跟进得多": the named ones side by side, largest first, not only the winner
        plan = replace(plan, top_n=1 if plan.group_by and not named else None, order=plan.order or "desc")
    return plan


def _share_of(q: Question, f: dict, filters: list[Filter], measure: str | None
              ) -> tuple[tuple[Filter, ...], bool] | Clarification:
    """The part a share is of: the conditions between "里/中" and "占比" ("华东区的客户里三甲医院占比"), or after
    "that/which" in English ("what share of trade-show leads converted"); without such a word, the condition said
    last. The part may be the condition on related records ("A类客户里签过合同的比例"): then the flag is True.
    A share of money, or with no part named, is asked back."""
    if measure not in (None, "count"):
        return Clarification("金额的占比暂不支持，可以问数量的占比或各组的金额 / A share of an amount is not supported yet; ask "
                             "for a share of the number of records, or the amounts by group.", EXAMPLES, "share")
    at = q.found["share_at"]
    placed: list[tuple[int, Filter]] = []
    # "what fraction are more than 120 days late": the days are the due-date condition, not the overdue flag again
    said = re.sub(r"\b\d+ days? (late|overdue|past due)\b", lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 1), q.text)
    for x in filters:
        if x.dimension == "flag":
            words = [w.lower() for w in (*FLAGS[str(x.value)][3], *FLAG_ALSO_SAID.get(str(x.value), ()))]
        elif x == Filter("payment_status", "eq", "paid"):  # "fully paid", said as the contract flag's words
            words = [w.lower() for w in FLAGS["fully_paid"][3]] + [
                w for w, codes in q.found.get("value_words", []) if x.dimension in codes]
        elif x.dimension == "owner_missing":  # "线索里没分配负责人的比例"
            words = list(UNASSIGNED_WORDS)
        elif x.dimension == "due_date":  # "what fraction are more than 120 days late", "逾期超过120天的"
            words = ["days late", "days overdue", "days past due", "天"]
        elif x.dimension == "payment_terms":  # "今年签的合同里账期180天的占几成"
            words = ["账期", "terms"]
        elif x.dimension in ("amount", "unpaid", "amount_paid", "probability") and x.op != "eq":
            # "今年赢的单子里，上千万的占百分之几": the amount is where its comparison is said
            words = [m.group(0) for m in re.finditer(COMPARISON_SAID, q.text)]
        else:
            words = [w for w, codes in q.found.get("value_words", []) if x.dimension in codes]
        text = said if x.dimension == "flag" else q.text
        spots = [text.rfind(w) for w in words if w and w in text]
        spots = [p for p in spots if q.en or p < at]
        if spots:
            # said before the divider too ("今年输掉的单子里，因为价格丢的", "of the deals we lost this year, what share
            # were lost on price"): a condition on all, repeated
            first = min(text.find(w) for w in words if w and w in text)
            between = r"\b(that|which|who|were|was|are|is)\b" if q.en else DIVIDER_ZH
            repeated = first < max(spots) and bool(re.search(between, q.text[first:max(spots)]))
            placed.append((first if repeated else max(spots), x))
    related = f.get("related_span") if (f.get("absence") or "follow_up_done" in f) else None
    if related is not None and not q.en and related[0] >= at:
        related = None
    if not placed and related is None:
        return Clarification("占比是指其中哪一部分？例如“本季度线索里已转化的占比” / A share of which part? For example 'the share of "
                             "this quarter's leads that converted'.", EXAMPLES, "share")
    divider = list(re.finditer(r"\b(that|which|who|were|was|are|is|have|has)\b" if q.en else DIVIDER_ZH,
                               q.text[:len(q.text) if q.en else at]))
    if divider:
        cut = divider[-1].end()
        part = tuple(x for p, x in placed if p >= cut)
        related_part = related is not None and related[0] >= cut - (len(divider[-1].group(0)) if q.en else 0)
        if part or related_part:
            return part, related_part
    if related is not None and (not placed or related[0] > max(p for p, _x in placed)):
        return (), True
    return (max(placed, key=lambda px: px[0])[1],), False


DIVIDER_ZH = r"(里面|里头|当中|之中|里|中)"
COMPARISON_SAID = r"超过|高于|大于|多于|不到|低于|少于|以上|以下|至少|不少于|\b(over|under|above|below|more than|less than|at least)\b"
# Where a share's part is said, for flags recognised by a phrase rather than by their listed words.
FLAG_ALSO_SAID = {"budget_confirmed": ("confirmed budget", "budget confirmed")}


def _shown_columns(plan: QueryPlan, asked: list[str]) -> tuple[str, ...] | Clarification:
    """The columns a list adds for what the question asks of each record; a figure already answers the question."""
    if (plan.measure is not None or plan.group_by) and "occurred" in asked:
        # "哪个销售给哪个客户做的、什么时候": each record's time cannot sit beside a count; asked back, not dropped
        return Clarification("要列出每一条记录的时间，还是按人、按客户统计次数？/ List each record with its time, or count "
                             "them per person or account?", ("列出每条记录 / list each record", "统计次数 / count them"),
                             "attribute")
    if plan.measure is not None or plan.group_by:
        return ()
    if plan.entity == "opportunity" and (Filter("flag", "eq", "open") in plan.filters or any(
            x.dimension == "stage" and x.value in ("initial_contact", "needs_analysis", "proposal", "negotiation")
            for x in plan.filters)):
        asked = ["expected_close" if a == "closed" else a for a in asked]  # an open deal's "close date" is still ahead
    columns = [SHOWN_ATTRIBUTES.get(a, {}).get(plan.entity) for a in asked if (a, plan.entity) != ("account", "account")]
    if None in columns:
        return Clarification(f"{ENTITIES[plan.entity].label_zh}没有这一项，请换个问法 / {ENTITIES[plan.entity].label_en} "
                             "records do not have that; please rephrase.", EXAMPLES, "attribute")
    shown = (ENTITIES[plan.entity].name_column, *ENTITIES[plan.entity].list_columns)
    return tuple(dict.fromkeys(c for c in columns if c and c not in shown))


def _more_related(q: Question, entity: str, window: TimeWindow | None, time_field: str | None
                  ) -> tuple[list[FollowUp], TimeWindow | None] | Clarification:
    """Further conditions on related records ("有逾期款、但这个月没人去拜访的客户"). The question's one time window
    belongs to the condition written nearest to it; the others hold at any time. Returns them and the window that
    is left for the first condition and the records themselves."""
    f = q.found
    spans = [f.get("related_span", (0, 0)), *(span for *_rest, span in f["more_related"])]
    placed: dict[int, TimeWindow] = {}
    own_time = time_field is not None and TIME_DIMENSIONS[time_field].entity == entity
    if window is not None and not own_time and "window_span" in f:
        said = [(window, f["window_span"]), *([f["extra_window"]] if f.get("extra_window") else [])]
        for when, at in said:
            nearest = min(range(len(spans)), key=lambda i: _distance(q.text, at, spans[i]))
            if nearest in placed:  # two periods for one condition: which one is meant is a guess
                return Clarification("两个时间段落在同一个条件上，请分开问 / Both periods fall on one condition; please "
                                     "ask separately.", EXAMPLES, "two_windows")
            placed[nearest] = when
    ever = TimeWindow(None, None, "从来")
    out = []
    for i, (target, done, kinds, _span) in enumerate(f["more_related"], start=1):
        when = placed.get(i)
        if when is None and target == "activity" and not any(w in q.text for w in EVER_WORDS):
            return FOLLOW_UP_WINDOW
        out.append(FollowUp(when or ever, done, kinds, target))
    return out, (window if own_time or window is None else placed.get(0))


def _distance(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """How far a time word is from a condition; a clause break between them ("赢过单、但这季度一次都没跟进")
    counts for more than any distance inside one clause."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    between = text[lo:hi] if lo < hi else ""
    return abs(hi - lo) + (100 if re.search(r"[、，,；;。]|\bbut\b|但", between) else 0)


# Values that name accounts by kind ("医院", "三甲", "A类"): a question may mean the accounts without saying 客户.
ACCOUNT_VALUES = ("account_type", "hospital_grade", "customer_class")
# Two things compared in a follow-up: "跟官网的比一下", "跟上个月比一下", "compare with last month", "A vs B".
COMPARED = r"(跟|和|与).{1,10}(比|对比)|\bcompare(d)? (it |that |them )?(with|to)\b|\bvs\.?(?![a-z])|\bversus\b"

# Questions asked back in more than one place.
PER_RECORD_TOTAL = Clarification("按每个客户（或业务员）的合计金额筛选暂不支持，请改问排名 / Filtering by a total per account or rep "
                                 "is not supported yet; ask for a ranking instead.", EXAMPLES, "having")
FOLLOW_UP_WINDOW = Clarification("“未跟进”是指多长时间内？/ Not followed up within which period?",
                                 ("近7天 / last 7 days", "上周 / last week", "近30天 / last 30 days"), "window")

# Dimensions where a record has one value, so "深圳和广州的经销商" can only mean either city.
SINGLE_VALUED = ("city", "province", "region", "rep", "account", "team", "product", "product_line")


def _either(filters: list[Filter]) -> tuple[Filter, ...]:
    """Equality filters naming two values of one single-valued dimension become one IN filter."""
    out: list[Filter] = []
    for f in filters:
        prev = next((i for i, x in enumerate(out) if x.dimension == f.dimension and x.op in ("eq", "in")
                     and f.op == "eq" and f.dimension in SINGLE_VALUED), None)
        if prev is None:
            out.append(f)
            continue
        old = out[prev]
        values = old.value if old.op == "in" else (old.value,)
        out[prev] = Filter(f.dimension, "in", tuple(dict.fromkeys((*values, f.value))))  # type: ignore[misc]
    return tuple(out)


AVG_OF = {"lead_budget": "avg_lead_budget", "contract_amount": "avg_contract_amount",
          "opportunity_amount": "avg_opportunity_amount", "won_amount": "avg_deal_size",
          "activity_minutes": "avg_activity_minutes", "outstanding_amount": "avg_outstanding_amount",
          "overdue_amount": "avg_overdue_amount", "quote_amount": "avg_quote_amount"}
RANKED_COLUMN = {"annual_revenue": "a.annual_revenue", "lead_budget": "l.budget", "contract_amount": "c.amount",
                 "pipeline_amount": "o.amount",
                 "collected": "p.amount_paid",
                 "opportunity_amount": "o.amount", "won_amount": "o.amount",
                 "overdue_amount": DIMENSIONS["unpaid"].column, "outstanding_amount": DIMENSIONS["unpaid"].column,
                 "avg_days_in_stage": DIMENSIONS["days_in_stage"].column}  # "停留最久的3个商机": each deal's days
# A question about one record: "预算最高的那条线索是哪家", "which deal is the biggest".
SINGLE_RECORD = (r"哪(一)?(家|个|条|笔|单|位|份)|那(一)?(条|家|个|笔|单|份)|\bwhich (one|lead|deal|account|customer|contract|"
                 r"installment|opportunity)\b")
# The amounts still owed and the flag that selects their installments: overdue ones, or all unpaid ones.
OWED_FLAG = {"overdue_amount": "overdue", "outstanding_amount": "unpaid"}


def _municipality_as_city(filters: list[Filter]) -> list[Filter]:
    """Cities that are also provinces: "重庆和贵阳的三甲医院" names two cities, not the province of one and a city of
    another."""
    provinces = [x for x in filters if x.dimension == "province" and x.op in ("eq", "in")]
    cities = [x for x in filters if x.dimension == "city" and x.op in ("eq", "in")]
    if len(provinces) != 1 or len(cities) != 1:
        return filters
    said = provinces[0].value if isinstance(provinces[0].value, tuple | list) else (provinces[0].value,)
    if not set(said) <= set(MUNICIPALITIES):
        return filters
    named = cities[0].value if isinstance(cities[0].value, tuple | list) else (cities[0].value,)
    merged = Filter("city", "in", tuple(dict.fromkeys((*said, *named))))
    return [merged if x is cities[0] else x for x in filters if x is not provinces[0]]


def _owed_measure(flags: set[object]) -> str:
    """"逾期的回款金额" / "unpaid amount": what is still owed on the flagged installments, not what was paid."""
    return "overdue_amount" if "overdue" in flags else "outstanding_amount"
GENERIC_TIME_FIELDS = ("o.created_at", "a.created_at")  # "created", "新增": any record's own creation time
FORWARD_FIELDS = ("p.due_date", "o.expected_close_date")


def _next_year(w: TimeWindow) -> TimeWindow:
    shift = lambda d: d.replace(year=d.year + 1) if d is not None else None  # noqa: E731
    label = re.sub(r"20\d\d", lambda m: str(int(m.group(0)) + 1), w.label)  # every year named moves on
    return replace(w, start=shift(w.start), end=shift(w.end), label=label, past_year=False)


def _amount_column(entity: str) -> str | None:
    return {"opportunity": "o.amount", "contract": "c.amount", "payment": "p.amount_due", "lead": "l.budget",
            "account": "a.annual_revenue", "quote": "qt.total_amount", "product": "pr.list_price"}.get(entity)


def _amount_measure(entity: str, aggregate: str) -> str | None:
    if aggregate == "avg":
        return {"opportunity": "avg_deal_size", "contract": "avg_contract_amount", "lead": "avg_lead_budget",
                "product": "avg_list_price", "quote": "avg_quote_amount"}.get(entity)
    return {"opportunity": "opportunity_amount", "contract": "contract_amount", "payment": "collected",
            "lead": "lead_budget", "quote": "quote_amount"}.get(entity)


def _value_filters(values: list[tuple[str, str]], entity: str) -> list[Filter]:
    by_dim: dict[str, list[str]] = {}
    applicable = _applicable_dims(entity)
    own_values = {v for c, v in values if DIM_ENTITY.get(c) == entity}
    for code, value in values:
        if value in own_values and DIM_ENTITY.get(code) != entity:
            continue  # "active contracts": the contract's own status, not its account's
        if entity == "payment" and code == "account_status" and ("contract_status", value) in values:
            continue  # "active contracts with an overdue payment": the installment's contract is nearer than its account
        if code in applicable:
            by_dim.setdefault(code, [])
            if value not in by_dim[code]:
                by_dim[code].append(value)
    out = []
    for code, vals in by_dim.items():
        out.append(Filter(code, "eq", vals[0]) if len(vals) == 1 else Filter(code, "in", tuple(vals)))
    return out


def _excluded(f: dict, applicable: set[str]) -> list[Filter] | Clarification:
    """Values the question leaves out ("不含已流失的", "excluding the churned ones"); asked back when they do not
    apply to the records asked about, never dropped."""
    negated = f.get("negated_values", [])
    if any(code not in applicable for code, _v in negated):
        return Clarification("要排除的条件不适用于这些记录，请换个说法 / What is to be left out does not apply to these "
                             "records; please rephrase.", EXAMPLES, "inapplicable")
    return [Filter(code, "neq", value) for code, value in negated]


def _applicable_dims(entity: str) -> set[str]:
    account_dims = {"region", "rep", "team", "industry", "account_type", "hospital_grade", "customer_class",
                    "account_status", "province", "city", "annual_revenue"}
    return {
        "account": account_dims,
        "opportunity": account_dims | {"stage", "loss_reason", "expected_close_date", "product", "product_line"},
        "lead": {"region", "rep", "team", "industry", "lead_source", "lead_status", "phone", "budget"},
        "activity": account_dims | {"activity_type", "duration"},
        "contract": account_dims | {"contract_status", "payment_terms"},
        "payment": account_dims | {"payment_status", "contract_status", "contract", "payment_terms", "contract_value"},
        "contact": account_dims | {"phone", "email", "title", "department"},
        "quote": account_dims | {"quote_status", "stage"},
        "rep": {"region", "team", "role"},
        "product": account_dims | {"stage", "loss_reason", "product_line"},  # but for its line: of the deals carrying it
        "region": set(),
        "line": account_dims | {"product", "product_line", "stage"},
    }[entity]


# "再加一个金额" after a count: the amount of those records
AMOUNT_OF = {"opportunity": "opportunity_amount", "contract": "contract_amount", "lead": "lead_budget"}


def _added_measure(f: dict, previous: QueryPlan) -> str | None:
    """The figure "再加一个…" adds beside the previous one, when it is of the very same records."""
    code = f.get("measure") or (AMOUNT_OF.get(previous.entity) if f.get("added_amount") else None)
    if not f.get("added_figure") or not previous.group_by or previous.measure in (None, "share") \
            or code in (None, previous.measure, "share") or f.get("filters") or f.get("values") or f.get("window"):
        return None
    if code == "count":
        return "count"
    other, shown = MEASURES[str(code)], MEASURES[str(previous.measure)]
    if previous.measure == "count":  # "再加一个预算合计" after new leads per region: the same leads' budget
        return str(code) if other.entity == previous.entity and not other.where else None
    return str(code) if other.entity == shown.entity and tuple(other.where) == tuple(shown.where) else None


def _refinement(q: Question, today: date, previous: QueryPlan) -> Refinement | Clarification:
    f = q.found
    filters = list(_either(list(f.get("filters", [])) + _value_filters(f.get("values", []), previous.entity)))
    excluded = _excluded(f, _applicable_dims(previous.entity))
    if isinstance(excluded, Clarification):
        return excluded
    filters += excluded
    owing = {x.value for x in (*previous.filters, *filters) if x.dimension == "flag"} & {"overdue", "unpaid"}
    if previous.entity == "payment" and owing and re.search(OWED_WORDS, q.text) and not re.search(DUE_SIZE_COMPARED, q.text):
        # "其中没收回来的超过20万的呢" after overdue installments: what is still owed on each, as a new question reads it
        filters = [replace(x, dimension="unpaid") if x.dimension == "amount" else x for x in filters]
    unknown = [c for c, _v in f.get("values", []) if c not in _applicable_dims(previous.entity)]
    if unknown and not filters:
        return Clarification("这个条件不适用于上一个问题的对象 / That condition does not apply to the previous "
                             "question's records.", EXAMPLES, "followup")
    resolved = _resolve_groups(f.get("group_candidates", []), previous.entity)
    group_by = tuple(resolved) if resolved else None
    compared = re.search(COMPARED, q.text)
    if compared:
        # "跟官网的比一下" after the trade-show conversion rate: both, side by side
        for i, x in enumerate(filters):
            old = next((p for p in previous.filters if p.dimension == x.dimension and p.op == "eq" and x.op == "eq"
                        and p.value != x.value), None)
            if old is not None:
                filters[i] = Filter(x.dimension, "in", (old.value, x.value))
                group_by = tuple(dict.fromkeys((*previous.group_by, x.dimension)))
    over_time = bool(group_by) and set(group_by or ()) <= set(TIME_GROUPS) and not set(previous.group_by) & set(TIME_GROUPS)
    # "按区域拆一下" after new leads month by month: each month, region by region
    over_time = over_time or bool(group_by) and bool(previous.group_by) and set(previous.group_by) <= set(TIME_GROUPS) \
        and not set(group_by or ()) & set(TIME_GROUPS)
    if group_by and previous.group_by and (re.search(r"\b(as well|also|too|in addition|further)\b|同时|也按|再按|再加上?|加上", q.text) or (
            over_time and re.search(r"拆开|拆分|细分|再拆|拆一下|拆成|\bbreak (it |that |this |them )?down\b|\bsplit\b", q.text)
            and not re.search(r"\binstead\b|换成|改成|改为|不按", q.text))):
        # "split that by stage as well"; "按月拆开看" after regions: each region month by month (but "按客户类型拆一下"
        # after regions is another breakdown instead)
        group_by = tuple(dict.fromkeys((*previous.group_by, *group_by)))
    window: TimeWindow | None = f.get("window")
    if window is not None and window.label == "去年同期" and previous.window is not None \
            and previous.window.start is not None:
        window = year_before(previous.window, today)  # "去年同期呢" after "本季度…": this quarter a year ago
    if compared and window is not None and previous.window is not None and (both := side_by_side(previous.window, window)):
        # "跟上个月比一下" after this month's figure: the two months, one figure each
        window, unit = both
        group_by = tuple(dict.fromkeys((*(group_by or previous.group_by), unit)))
    for word, codes in f.get("value_words", []):
        if not set(codes) & _applicable_dims(previous.entity):  # never drop a condition silently
            return Clarification(f"“{word}”不适用于上一个问题的{ENTITIES[previous.entity].label_zh} / '{word}' does not "
                                 f"apply to the previous question's {ENTITIES[previous.entity].label_en}.", EXAMPLES,
                                 "followup")
    added = _added_measure(f, previous)
    if added is not None:
        return Refinement(also=(added,))  # "再加一个赢单数" after won amount per industry: both, side by side
    bars = [x for x in filters if x.dimension == "amount"]
    if previous.group_by and previous.measure in MONEY_TOTALS and not previous.top_n and len(bars) == len(filters) == 1 \
            and not re.search(r"单|商机|合同|回款|分期|笔|份|\b(deals?|opportunit\w*|contracts?|payments?|installments?)\b",
                              q.text):
        # "只看超过200万的" after won amount per rep: the reps whose total passes, not their deals over 2M
        return Refinement(having=Filter("value", bars[0].op, bars[0].value))
    measure = "count" if f.get("count_strong") or (f.get("measure") == "count" and re.search(
        r"笔数|个数|数量|次数|家数|条数|\b(number|count)\b", q.text)) else None  # "是多少" keeps the measure; "几个", "笔数" count
    specific = MEASURES.get(str(f.get("measure"))) if f.get("measure") not in (None, "count") else None
    if specific is not None:
        if specific.entity != previous.entity:
            return Clarification(f"{specific.label_zh}不适用于上一个问题的{ENTITIES[previous.entity].label_zh}，请完整地问一次 / "
                                 f"{specific.label_en} does not apply to the previous question; please ask in full.",
                                 EXAMPLES, "followup")
        measure = str(f["measure"])  # "赢单率呢": the same records, another figure
        if measure in AVG_OF and f.get("aggregate") == "avg":
            measure = AVG_OF[measure]  # "平均时长呢" after how many follow-ups: the average, not the total
        if measure == "outstanding_amount" and previous.measure == "overdue_amount" and not re.search(
                r"没到期|未到期|不管|包括|全部|换成|换为|改成|改为|改看|\bnot (yet )?due\b|\ball\b|\bin total\b|\binstead\b"
                r"|^(switch|swap|change)\b", q.text):
            measure = "overdue_amount"  # "how much does each of them owe?" after their overdue: still what is overdue
    listing = re.search(LIST_ASK, q.text) and f.get("top_n")  # "金额最大的五个是哪些": ranked records, not a sum
    # "其中金额最大的三个" after a list of records: the largest of them, not one total
    listing = listing or (f.get("top_n") and f.get("sort_hint") == "amount" and previous.measure is None
                          and not previous.group_by and group_by is None)
    # "按金额排个前三" after won amount per region: the regions ranked by that amount, not by their deals' amount
    ranks_groups = f.get("top_n") and previous.group_by and previous.measure in TOTAL_MEASURES \
        and MEASURES[str(previous.measure)].kind == "money"
    if measure is None and f.get("aggregate") and not listing and not ranks_groups and not (
            f["aggregate"] == "sum" and previous.measure in TOTAL_MEASURES
            and re.search(r"\b(of that|out of that|of it|of those)\b|其中|这里面|这当中", q.text)):
        measure = _amount_measure(previous.entity, str(f["aggregate"]))  # "金额一共多少": now the amount
        flags = {x.value for x in (*previous.filters, *filters) if x.dimension == "flag"}
        if measure == "collected" and flags & {"overdue", "unpaid"}:  # "一共多少钱" after "我的逾期回款": still owed
            measure = _owed_measure(flags)
        elif measure == "collected" and previous.measure in ("overdue_amount", "outstanding_amount"):
            measure = previous.measure  # "一共逾期多少钱" after the accounts with overdue money: still owed
    if group_by is None and previous.group_by and (f.get("aggregate") == "sum" or measure not in (None, "count")) \
            and re.search(r"一共|总共|合计|总计|加起来|\bin total\b|\baltogether\b|\badd up\b|\boverall\b", q.text):
        group_by = ()  # "一共逾期多少钱" after overdue per account: one total, not the breakdown again
    owing = {x.value for x in filters if x.dimension == "flag"} & {"overdue", "unpaid"}
    if previous.measure == "collected" and measure in (None, "collected") and owing and not re.search(LIST_ASK, q.text):
        # "and how much is still outstanding?" after what an account paid: what it still owes, not what it paid
        measure = _owed_measure(owing)
        filters = [x for x in filters if not (x.dimension == "flag" and x.value in owing)]
    if measure == "count" and previous.measure in COUNT_OF and not any(c == "stage" for c, _v in f.get("values", [])):
        # "what about the number of deals" after the won amount: count the same deals, not all of them
        measure, carried = COUNT_OF[previous.measure]
        filters += [Filter("flag", "eq", c) for c in carried]
    said_stages = {str(v) for x in (*previous.filters, *filters) if x.dimension == "stage"
                   for v in (x.value if isinstance(x.value, tuple) else (x.value,))}
    if measure == "avg_deal_size" and (said_stages - {"closed_won"} or "stage" in (group_by or previous.group_by) or any(
            x == Filter("flag", "eq", "open") for x in (*previous.filters, *filters))):
        measure = "avg_opportunity_amount"  # "what about the average amount?" after open deals: theirs, not won ones
    stages = [x for x in filters if x.dimension == "stage"]
    if measure is None and previous.measure in WON_ONLY and stages and all(x.value != "closed_won" for x in stages):
        # "那输了多少" after "上周华南赢了多少钱": the lost deals' amount, not a won amount of lost deals
        measure = WON_ONLY[str(previous.measure)]
    if group_by is None and not previous.group_by and f.get("superlative") and "rep" in _applicable_dims(previous.entity) \
            and re.search(r"^谁|是谁|哪位|\bwho\b", q.text):
        group_by = ("rep",)  # "谁拜访得最多" after this month's visits: the rep with the most
    singular = re.search(r"哪(个|一个|家|位)(?!.*哪些)|^谁|是谁|\bwhich (one|region|rep|team|source|industry|month)\b", q.text)
    top_n = f.get("top_n") or (1 if f.get("superlative") and (not group_by or singular) else None)  # "哪个大区最慢"
    if top_n is None and group_by and previous.top_n and previous.group_by and re.search(
            r"(换成|改成|改为)按.{1,6}排|^(rank|ranked) (them |it )?by\b", q.text):
        top_n = previous.top_n  # "换成按销售排" after the five accounts owing most: the five reps owing most
    if window is not None and is_future(window, today) and previous.time_field not in FORWARD_FIELDS and not (
            f.get("time_field") in FORWARD_FIELDS and TIME_DIMENSIONS[f["time_field"]].entity == previous.entity):
        # ("只看下周要成交的" after open deals: their expected closing, which is ahead)
        return Clarification(f"{window.label}还没有发生，无法统计实际数据 / {window.label} has not happened yet.", EXAMPLES,
                             "future")
    if previous.top_n and (filters or "follow_up_done" in f) and not top_n and re.search(
            r"其中|这些|这里面|这当中|当中|\b(of them|of those|among them|among those|which of)\b", q.text):
        # "其中哪些是三甲医院" after a top 10: a filter inside the ranking, which re-ranking would silently change
        return Clarification(f"暂不支持在前{previous.top_n}名里再筛选；要看符合条件的重新排名，请完整地问一次 / Filtering within "
                             f"the previous top {previous.top_n} is not supported yet; ask in full for a new ranking.",
                             EXAMPLES, "within_top_n")
    having = None
    bars = [x for x in filters if x.dimension in ("amount", "amount_owed")]
    # "逾期总额超过20万的" after the overdue amount per account: the figure shown per group is what is compared,
    # unless the records are named ("只看超过100万的单子")
    shown_money = bool(previous.group_by) and MEASURES.get(str(previous.measure)) is not None \
        and MEASURES[str(previous.measure)].kind == "money" and not re.search(
            r"单子|[一每小大的]单|商机|合同|笔|分期|\bones with\b|\b(deals?|opportunit\w*|contracts?|payments?|installments?)\b", q.text)
    if (previous.having is not None or shown_money) and len(bars) == 1 and group_by is None:
        having = Filter("value", bars[0].op, bars[0].value)  # "and how many have at least 30?": the group's total
        filters = [x for x in filters if x is not bars[0]]
    related = None
    if f.get("more_related"):  # a follow-up carries one condition on other records; never drop the second
        return Clarification("一个追问里有两个关于其他记录的条件，请完整地问一次 / This follow-up sets two conditions on other "
                             "records; please ask in full.", EXAMPLES, "followup")
    if "follow_up_done" in f and not f["follow_up_done"] and previous.entity == "lead" and not f.get("absence"):
        filters.append(Filter("flag", "eq", "never_contacted"))  # "how many of those haven't been contacted"
        f = {k: v for k, v in f.items() if k != "follow_up_done"}
    if "follow_up_done" in f and previous.follow_up is not None and window is not None and not f.get("absence") \
            and not f.get("follow_up_kinds") and bool(f["follow_up_done"]) == previous.follow_up.done \
            and previous.follow_up.target == "activity" and re.search(r"呢[?？。!！]?$", q.text):
        f = {k: v for k, v in f.items() if k != "follow_up_done"}  # "超过30天没动的呢" after stale deals: the window
    if "follow_up_done" in f:  # "which of them have open deals", "其中哪些最近30天没跟进": with or without related ones
        if previous.follow_up is not None:
            return Clarification("上一个问题已经有一个“有/没有…”的条件，请完整地问一次 / The previous question already has a "
                                 "'with/without' condition; please ask in full.", EXAMPLES, "followup")
        if window is None and not f.get("absence"):
            return FOLLOW_UP_WINDOW
        related = FollowUp(window or TimeWindow(None, None, "从来"), bool(f.get("follow_up_done")),
                           tuple(f.get("follow_up_kinds", ())), str(f.get("absence") or "activity"))
        window = None
    # "which of those are over 1M", "其中合作中的有哪些": the records behind the figure, not the figure again
    as_list = bool(re.search(LIST_ASK, q.text)) and measure is None and previous.measure is not None \
        and not f.get("group_candidates") and not (f.get("superlative") and previous.group_by)  # "which one is the worst?"
    sort = None
    if (as_list or previous.measure is None) and top_n and not previous.group_by and group_by is None \
            and (f.get("sort_hint") or f.get("aggregate") == "sum"):
        # "金额最大的五个是哪些" after a figure, "金额最大的1份" after a list: the largest records
        sort = _amount_column(previous.entity)
    if f.get("top_n") and previous.measure == "count" and not previous.group_by and group_by is None \
            and measure is None and sort is None:
        # "top 3 of them" after a count of deals: the largest; accounts have no one measure to rank by
        sort = {"opportunity": "o.amount", "contract": "c.amount", "quote": "qt.total_amount"}.get(previous.entity)
        if sort is None:
            return Clarification(f"前{top_n}按什么排？例如金额、赢单金额或跟进次数，请完整地问一次 / Top {top_n} by what? "
                                 "For example amount, won amount or follow-ups; please ask in full.", EXAMPLES, "followup")
        as_list = True
    if top_n and not previous.group_by and group_by is None and measure in (None, previous.measure) and sort is None \
            and not as_list and not previous.top_n and previous.measure in (
                "opportunity_amount", "pipeline_amount", "contract_amount", "won_amount", "quote_amount"):
        # "前五个是谁", "biggest 3?" after a total: the largest records behind it, not the one total again
        sort, as_list, measure = _amount_column(previous.entity), True, None
    if f.get("list_sort") and previous.measure is None and not previous.group_by and sort is None:
        field, said_order = f["list_sort"]  # "按金额从大到小排", "sort by amount, biggest first" after a list
        sort = _amount_column(previous.entity) if field == "amount" else ENTITIES[previous.entity].default_time \
            if field == "time" else SORT_FIELDS[field].get(previous.entity)
        if sort is None:
            return Clarification(f"{ENTITIES[previous.entity].label_zh}不能按这一项排序 / {ENTITIES[previous.entity].label_en} "
                                 "cannot be sorted that way.", EXAMPLES, "sort")
        f = {**f, "order": said_order}
    shown: tuple[str, ...] = ()
    if f.get("show"):  # "负责人是谁" after a list: the same records, with their owners
        if previous.group_by:
            return Clarification("上一个问题是分组的数字，不是记录列表；请完整地问一次 / The previous answer is a breakdown, "
                                 "not a list of records; please ask in full.", EXAMPLES, "followup")
        as_list = as_list or (previous.measure is not None and measure is None)  # "show their owners" after a count
        columns = _shown_columns(replace(previous, measure=None), f["show"])
        if isinstance(columns, Clarification):
            return columns
        shown = columns
    if as_list and previous.measure == "last_activity" and not previous.group_by and not top_n:
        top_n, sort = 1, "x.occurred_at"  # "是谁跟进的" after the last follow-up's time: that one follow-up
    if previous.measure is None and not previous.group_by and not group_by and top_n and measure in RANKED_COLUMN \
            and sort in (None, RANKED_COLUMN[measure]) and not re.search(TOTAL_OF_TOP, q.text):
        sort, measure = RANKED_COLUMN[measure], None  # "只要金额前十的" after a list: those records, the largest ten
    if not (filters or group_by or window or top_n or f.get("order") or measure or related or as_list or f.get("show")
            or having or sort):
        return Clarification("请补充您想怎样调整上一个问题 / How should I change the previous question?", EXAMPLES,
                             "followup")
    own_field = f.get("time_field") if f.get("time_field") and TIME_DIMENSIONS[
        f["time_field"]].entity == previous.entity else None
    if window is not None and window.past_year and (own_field or previous.time_field) in FORWARD_FIELDS:
        window = _next_year(window)  # "just the ones expected to close in December", asked in November
    # "only the ones hired this year" after "reps with no visit last week": the reps' own date, not the visits'
    to_records = previous.follow_up is None or (own_field is not None and own_field not in GENERIC_TIME_FIELDS)
    # "有几家" after "蒋建华这个月跟进了哪些客户" (follow-ups by account): how many accounts, not each one's count
    groups_counted = bool(previous.group_by) and group_by is None and previous.group_by[0] in ("account", "rep") \
        and bool(re.search(r"^(一共|总共)?(有|是)?(几|多少)(家|个|位)(客户|人)?[?？]?$|^(其中|这里面|这些里)(有)?(几|多少)(家|个|位)"
                           r"(?!.*(商机|单|回款|跟进|拜访|合同))|^how many (accounts|customers|reps|of them|of those|of these"
                           r"|are there)\b(?!.*\b(deals?|visits?|follow[- ]?ups?|payments?|contracts?)\b)", q.text))
    return Refinement(filters=tuple(filters), group_by=group_by, related=related, as_list=as_list, sort=sort,
                      time_field=own_field,
                      window=window if to_records else None,
                      follow_up_window=None if to_records else window,
                      top_n=top_n, rank=f.get("rank") if top_n == f.get("rank") else None,
                      order=_worst_first(f.get("order"), measure or previous.measure, q.text), measure=measure,
                      count_groups=groups_counted, show=shown, having=having)


# Words that add up a ranking's figures; "各自"/"each" keeps one figure per group.
# "合同金额加起来最高的三家客户": the words before a superlative say how each group's figure is made
TOTAL_OF_TOP = (r"(加起来|合起来|加在一起|加总|总和)(?!\s*(最|排|前))|合计(是|有)?多少|(一共|总共|总计|共计)[^，,。?？]{0,4}多少|\bcombined\b|"
                r"\bin total\b|\baltogether\b|\badd(ed|s)? up\b|\btogether\b|\bsum of the top\b|"
                r"^(what is |what's )?(the )?total\b[^,]{0,30}\b(by|of|from) (the |our )?top \d+\b")
# A follow-up asking only for a ranking's figures added up ("这五个人加起来多少", "what's that in total").
TOTAL_FOLLOW_UP = (r"^(那|那么)?(这|那|前)?[几两二三四五六七八九十\d]*(个|位|家|名|单|笔|条|份)?(人|业务员|销售|客户|医院|产品|区域|团队)?的?"
                   r"(金额|业绩|赢单金额|回款)?(加起来|合起来|加在一起|加总|总和|合计|一共|总共|总计)(一共|总共|是|有)?(多少|是多少)?钱?呢?[?？。]?$"
                   r"|^(and |so )?(how much |what('s| is| are| do| does)? )?(is |are )?(that|those|these|them|they|the top \w+|those \w+|"
                   r"these \w+)?( all)?( \w+)? ?(add up to|in total|combined|altogether|together|total)\??$")
# The same for the groups passing a bar, where "in total" belongs to the bar ("stores with over 1M in total won")
# "逾期金额加起来超过三百万的客户" says how each one's total is compared, not that the passing ones are added up
TOTAL_OF_PASSING = r"(加起来|合起来|加在一起|加总)(?!\s*(超过|超|大于|高于|多于|不到|少于|低于|在|达到|过|至少|不少于))|合计(是|有)?多少|(一共|总共|总计|共计)[^，,。?？]{0,4}多少|\badd(ed|s)? up\b"
EACH_GROUP = r"各自|分别|每(个|位|家)|\beach\b|\brespectively\b|\bper\b"


# Figures where more is worse: the worst region on overdue money is the one owing the most.
HIGHER_IS_WORSE = ("overdue_amount", "outstanding_amount", "avg_outstanding_amount", "avg_overdue_amount",
                   "avg_response_hours", "avg_days_in_stage", "disqualified_rate")


def _worst_first(order: str | None, measure: str | None, text: str) -> str | None:
    """"which region's the worst?" on overdue amounts: the highest, where "worst" elsewhere means the lowest."""
    if order == "asc" and measure in HIGHER_IS_WORSE and re.search(r"最差|垫底|\bworst\b", text):
        return "desc"
    return order


HIRED = {"rep": "s.hired_on"}  # "newest hire first": people are sorted by when they joined


# A list compared on a figure its columns do not show: the figure is shown beside each record.
BAR_COLUMNS = {("account", "annual_revenue"): "a.annual_revenue", ("lead", "amount"): "l.budget",
               ("payment", "unpaid"): DIMENSIONS["unpaid"].column}


def _bar_shown(plan: QueryPlan) -> QueryPlan:
    """"华东区年营收不到500万的A类客户", "leads with a budget over 1M": each record's figure beside it, so that the bar
    can be checked."""
    if plan.measure is not None or plan.group_by:
        return plan
    extra = [c for x in plan.filters if (c := BAR_COLUMNS.get((plan.entity, x.dimension))) and c not in plan.show]
    return replace(plan, show=(*plan.show, *dict.fromkeys(extra))) if extra else plan


def _over_records(measure: str | None, records: QueryPlan) -> bool:
    """Whether ``measure`` can be worked out over a ranked list's records alone: one aggregate of the records' own
    column, with no condition of its own that would pick other records."""
    m = MEASURES.get(measure or "")
    return m is not None and m.entity == records.entity and record_aggregate(measure) is not None


def _sum_of_sorted(records: QueryPlan) -> str | None:
    """The measure adding up the column a top-N list is ranked by (the ten biggest deals: their amount), if one
    adds it up over every such record with no condition of its own."""
    return next((code for code, m in MEASURES.items() if m.entity == records.entity and not m.where
                 and m.expr == f"SUM({records.sort})"), None)


def _additive(measure: str | None) -> bool:
    """Whether a measure's figures may be added across groups: sums and counts, not rates or averages."""
    return measure in MEASURES and re.match(r"(SUM|COUNT)\(", MEASURES[measure].expr) is not None \
        and MEASURES[measure].kind in ("money", "count")


# A figure's records, listed with columns asked for: the conditions the figure carries.
LISTED_RECORDS: dict[str, tuple[Filter, ...]] = {
    "won_amount": (Filter("stage", "eq", "closed_won"),), "pipeline_amount": (Filter("flag", "eq", "open"),),
    "collected": (), "contract_amount": (), "amount_due": (), "overdue_amount": (Filter("flag", "eq", "overdue"),),
    "outstanding_amount": (Filter("flag", "eq", "unpaid"),)}
LIST_ASK = (r"^(是|都是)?哪(个|些|几个|几家|家)[?？]?$|^(which|what) (companies|ones|accounts|customers|deals|reps)\??$|^name them\b|哪些|哪几(?!个?(区|组|月|类|个行业))|哪一(份|笔|单|条|家)|有谁|列出|列一下|列个|名单|明细|\bwhich (of|ones?|are|were|is)\b|\blist\b|"
            r"show me (the )?(ones|them|those)|^(show|give|list)( me)? (the |those |these )?[\w -]{1,30}? ones\b|\bwhat are they\b|"
            r"\bwho are they\b")


# Counting the records a measure adds up: (counting measure, flags carrying the measure's own conditions).
# Figures of won deals only, and the same figure of any deals: for a follow-up that names another stage.
WON_ONLY = {"won_amount": "opportunity_amount", "avg_deal_size": "avg_opportunity_amount", "won_count": "count"}
COUNT_OF = {"won_amount": ("won_count", ()), "avg_deal_size": ("won_count", ()), "pipeline_amount": ("count", ("open",)),
            "overdue_amount": ("count", ("overdue",)), "outstanding_amount": ("count", ("unpaid",))}

ORG_RE = re.compile(r"([\u4e00-\u9fff]{2,14}?)(人民医院|医院|卫生院|卫生服务中心|保健院|公司|超市|便利店|购物广场|学校|"
                    r"学院|中学|实验室|检验所|检验中心|百货|药房)")
SINGLE_OK = set("的市区省里家些个在和与及有是给请把所从款")  # "有逾期款的医院": 款 is the money, not a name


def _unknown_organisation(q: Question) -> str | None:
    """An organisation name in the question that matched no account ("南昌市中新医院"): never drop it silently."""
    if any(f.dimension == "account" for f in q.found.get("filters", [])):
        return None
    for m in ORG_RE.finditer(q.text):
        # the name is the run of not-understood characters right before 医院/公司 ("上周去拜访过的华北区二甲医院" has none)
        prefix_start = m.end(1)
        while prefix_start > m.start(1) and not q.used[prefix_start - 1]:
            prefix_start -= 1
        rest = q.text[prefix_start:m.end(1)]
        for w in longest_first(FILLER_ZH):
            if len(w) >= 2:
                rest = rest.replace(w, "")
        rest = "".join(ch for ch in rest if ch not in SINGLE_OK)
        if rest in ("去", "跑", "对", "到", "在", "给", "向", "往", "进", "跟", "和", "与", "为"):
            continue  # "去医院上门拜访", "对医院的跟进": a verb or preposition before the type word, not a name
        if len(rest) >= 2 or (rest and m.end(1) - prefix_start <= 2):
            return q.text[prefix_start:m.end()]
    return None


def _meaningful_leftover(q: Question) -> str:
    rest = q.leftover()
    for w in longest_first(FILLER_EN if q.en else FILLER_ZH + FILLER_EN):
        if w not in rest:
            continue
        if w.isascii():
            rest = compiled(re.escape(w), True).sub(" ", rest)
        else:
            rest = rest.replace(w, " ")
    rest = re.sub(r"[\s\W_]+", " ", rest).strip()  # digits stay: a number we did not place is not noise
    return rest


def _resolve_groups(candidates: list[tuple[str, ...]], entity: str) -> list[str]:
    allowed = _applicable_dims(entity) | set(TIME_GROUPS)
    if entity in ("opportunity", "activity", "contract", "payment", "contact", "quote"):
        allowed |= {"account"}
    out: list[str] = []
    self_dim = {"rep": "rep", "account": "account", "region": "region", "product": "product"}.get(entity)
    for dims in candidates:
        if self_dim in dims:
            continue  # "which reps ..." asks for reps, not a breakdown of reps
        own = [d for d in dims if DIM_ENTITY.get(d) == entity]  # "activities by type": the activity's own type
        pick = next((d for d in own + list(dims) if d in allowed), None)
        if pick and pick not in out:
            out.append(pick)
    return out
