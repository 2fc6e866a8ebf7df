"""Time windows as questions say them, relative to a reference date `today`.

上周/last week is the previous calendar week (Monday 00:00 to Monday 00:00); 本周, 本月, 上月, 本季度, 今年 are
calendar periods up to now; 近N天/过去N天/last N days is the rolling window [today - N days, now]. Windows are
half-open [start, end); end None means "up to now".
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from sql.numbers import chinese_to_int
from sql.plan import TimeWindow

D = TypeVar("D", date, datetime)

NUM = r"(\d+|[零一二两三四五六七八九十百]+)"


def _d(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _month_start(day: date, offset: int = 0) -> date:
    m = day.year * 12 + day.month - 1 + offset
    return date(m // 12, m % 12 + 1, 1)


def _quarter_start(day: date, offset: int = 0) -> date:
    first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return _month_start(first, 3 * offset)


def _int(text: str) -> int:
    return int(text) if text.isdigit() else (chinese_to_int(text) or 0)


def _rolling(days: int, label: str, today: date) -> TimeWindow:
    return TimeWindow(_d(today) - timedelta(days=days), None, label, rolling=True)


def _fixed(today: date) -> list[tuple[str, TimeWindow]]:
    monday = today - timedelta(days=today.weekday())
    m0, q0, y0 = _month_start(today), _quarter_start(today), date(today.year, 1, 1)
    return [
        (r"上上周|the week before last", TimeWindow(_d(monday - timedelta(days=14)), _d(monday - timedelta(days=7)),
                                               "上上周")),
        (r"上周|上个?星期|上个?礼拜|last week|previous week|prior week", TimeWindow(
            _d(monday - timedelta(days=7)), _d(monday), "上周")),
        (r"本周|这周|这个?星期|本星期|this week", TimeWindow(_d(monday), None, "本周",
                                                          _d(monday + timedelta(days=7)))),
        (r"下周|下个?星期|next week", TimeWindow(_d(monday + timedelta(days=7)), _d(monday + timedelta(days=14)),
                                            "下周")),
        (r"上上个?月", TimeWindow(_d(_month_start(today, -2)), _d(_month_start(today, -1)), "上上月")),
        (r"上个?月|上月份|last month|previous month|prior month", TimeWindow(_d(_month_start(today, -1)), _d(m0),
                                                                              "上月")),
        (r"(?:by )?the end of this month|本月底前?|月底前|本月|这个?月|当月|this month|month to date|mtd", TimeWindow(_d(m0), None, "本月",
                                                                      _d(_month_start(today, 1)))),
        (r"下个?月|next month", TimeWindow(_d(_month_start(today, 1)), _d(_month_start(today, 2)), "下月")),
        (r"上个?季度|上一季度|last quarter|previous quarter", TimeWindow(_d(_quarter_start(today, -1)), _d(q0),
                                                                      "上季度")),
        (r"本季度|这个?季度|当季|this quarter|quarter to date|qtd", TimeWindow(_d(q0), None, "本季度",
                                                                           _d(_quarter_start(today, 1)))),
        (r"下个?季度|next quarter", TimeWindow(_d(_quarter_start(today, 1)), _d(_quarter_start(today, 2)), "下季度")),
        # "去年同期": last year up to the same day (today a year ago, inclusive)
        (r"去年同期|上年同期|(?:the )?same (?:period|time) (?:last year|a year ago)", TimeWindow(
            _d(date(today.year - 1, 1, 1)), _d(_year_ago(today) + timedelta(days=1)), "去年同期")),
        (r"去年(?:全年|一整年|整年)?|上一年|(?:all of |the whole of )?last year|previous year", TimeWindow(_d(date(today.year - 1, 1, 1)), _d(y0), "去年")),
        (r"今年|本年度?|this year|year to date|ytd", TimeWindow(_d(y0), None, "今年",
                                                            _d(date(today.year + 1, 1, 1)))),
        (r"明年|next year", TimeWindow(_d(date(today.year + 1, 1, 1)), _d(date(today.year + 2, 1, 1)), "明年")),
        (r"今天|今日|today", TimeWindow(_d(today), None, "今天", _d(today + timedelta(days=1)))),
        # "周一到现在", "since Monday": this week so far
        (r"(?:本周一|这周一|周一)(?:到现在|以来|至今|开始|起|到今天)|since (?:mon|monday)\b", TimeWindow(
            _d(monday), None, "本周", _d(monday + timedelta(days=7)))),
        (r"上个?周末|(?:over |on |at )?(?:the |this past |last )?weekend|周末", TimeWindow(
            _d(monday - timedelta(days=2)), _d(monday), "上周末")),
        (r"昨天|昨日|昨儿|yesterday", TimeWindow(_d(today - timedelta(days=1)), _d(today), "昨天")),
        (r"(?<!大)前天|the day before yesterday", TimeWindow(_d(today - timedelta(days=2)), _d(today - timedelta(days=1)),
                                                         "前天")),
        (r"大前天", TimeWindow(_d(today - timedelta(days=3)), _d(today - timedelta(days=2)), "大前天")),
        *_weekdays(monday),
    ]


def _year_ago(day: D) -> D:
    return day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else day.replace(year=day.year - 1, day=28)


def year_before(w: TimeWindow, today: date) -> TimeWindow:
    """The same period a year earlier (去年同期); one that runs up to now ends on today's date a year ago, inclusive."""
    assert w.start is not None
    end = w.end if w.end is not None else _d(today + timedelta(days=1))
    return TimeWindow(_year_ago(w.start), _year_ago(end), f"{w.label}(去年同期)")  # a datetime keeps its time


PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def period_before(w: TimeWindow, unit: str) -> TimeWindow | None:
    """The calendar week, month, quarter or year just before a window that starts on one ("and the week before?"
    after last week); None when the window does not start where such a period ends."""
    if w.start is None or w.start.time() != datetime.min.time():
        return None
    end = w.start.date()
    if unit == "week":
        if end.weekday() != 0:
            return None
        start = end - timedelta(days=7)
        return TimeWindow(_d(start), _d(end), f"{start:%m-%d}起的一周")
    months = PERIOD_MONTHS[unit]
    if end.day != 1 or (end.month - 1) % months:
        return None
    start = _month_start(end, -months)
    label = {"month": f"{start.year}年{start.month}月", "quarter": f"{start.year}年Q{(start.month + 2) // 3}",
             "year": f"{start.year}年"}[unit]
    return TimeWindow(_d(start), _d(end), label)


def _weekdays(monday: date) -> list[tuple[str, TimeWindow]]:
    """One day of last or this week: "上周五", "这周二", "上个星期天" (longer than "上周", so it wins at the same start)."""
    out = []
    for prefix, base, label in ((r"上周|上个?星期|上个?礼拜", monday - timedelta(days=7), "上周"),
                                (r"本周|这周|这个?星期|这个?礼拜", monday, "本周")):
        for i, ch in enumerate("一二三四五六日"):
            day = base + timedelta(days=i)
            # "上周一共", "上周一次都没跟进": 一 there is a count, not Monday
            # "这周三甲医院": the 3A hospitals this week, not Wednesday's 甲医院; likewise 二甲
            name = "(?:日|天)(?!气|数)" if ch == "日" else "一(?![共起直样下些点次个定切般单条家笔周天整])" if ch == "一" else \
                f"{ch}(?![甲乙])" if ch in "二三" else ch
            out.append((rf"(?:{prefix}){name}", TimeWindow(_d(day), _d(day + timedelta(days=1)), f"{label}{ch}")))
    return out


ROLLING = (
    (re.compile(r"(?:近|最近|过去|前|超过|超|already|over|more than)\s*" + NUM + r"\s*(?:天|日)(?:以上)?"), 1),
    (re.compile(r"(?:for )?(?:over|more than|at least) (\d+) days"), 1),
    (re.compile(NUM + r"\s*天(?:之内|以内|内)"), 1),
    (re.compile(r"(?<![超过\d])" + NUM + r"\s*天(?=(?:都|还|也)?(?:没|未))"), 1),  # "7天没跟进": none in the last 7 days
    (re.compile(r"within (?:the last )?(\d+) days"), 1),
    (re.compile(r"in (?:the last |the past )?(\d+) days"), 1),
    (re.compile(r"(?:近|最近|过去)\s*" + NUM + r"\s*(?:个)?(?:周|星期|礼拜)"), 7),
    (re.compile(r"(?:近|最近|过去)\s*" + NUM + r"\s*个?月"), 30),
    (re.compile(r"(?:last|past|previous|in the last|within the last)\s+(\d+|one|two|three|seven|thirty|ninety)\s+"
                r"days?"), 1),
    (re.compile(r"(?:last|past|previous)\s+(\d+|two|three|four|six)\s+weeks?"), 7),
    (re.compile(r"(?:last|past|previous)\s+(\d+|two|three|six|twelve)\s+months?"), 30),
)
EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "seven": 7, "twelve": 12, "thirty": 30, "ninety": 90}
# The days ahead, for dates that lie ahead (due dates, expected close dates): "两周内到期" (after 两周 became 14天),
# "未来30天", "due in the next 14 days". Other records have no future; is_future asks back.
FORWARD_RE = re.compile(r"(?:未来|接下来|今后|往后)\s*" + NUM + r"\s*(?:天|日)(?:之内|以内|内)?|" + NUM
                        + r"\s*天(?:之内|以内|内)(?=\s*(?:就|将|会|要)?\s*(?:到期|截止))|\b(?:in |within )?the (?:next|coming) "
                        r"(\d+) days\b")
SINGLE = ((re.compile(r"(?:近|最近|过去)\s*一\s*(?:周|星期)|past week|last 7 days"), 7, "近7天"),
          (re.compile(r"(?:近|最近|过去)\s*一?\s*个月|past month|last 30 days"), 30, "近30天"))
YEAR_RE = re.compile(r"(?:in\s+)?(?<![\d.])(?<!\d,)(?<!under )(?<!below )(?<!above )(?<!over )(?<!than )(?<!低于)(?<!高于)(?<!超过)"
                     r"(?<!不到)(20\d\d)(?![\d.])(?!\s*(?:万|亿|千|百|元|块|w\b|k\b|m\b|million|yuan|rmb))\s*(?:年(?!\s*\d{1,2}\s*月)|(?![\s\d]*年?\s*\d{1,2}\s*月))")
HALF_RE = re.compile(r"(?:(?P<y1>20\d\d)\s*年?\s*|今年|本年|(?P<last>去年))?(?:上半年|下半年)|\bh[12]\b(?:\s*(?P<y2>20\d\d)\b)?"
                     r"|(?:the )?(?:first|second) half(?: of (?:this|the) year| of (?P<y3>20\d\d)\b)?")
EN_SINCE_RE = re.compile(r"since (january|february|march|april|may|june|july|august|september|october|november|"
                         r"december) (\d{1,2})(?:st|nd|rd|th)?(?:,? (20\d\d)\b)?")
SLASH_SINCE_RE = re.compile(r"(?:since\s+)?(1[0-2]|[1-9])/(3[01]|[12]\d|[1-9])(?!\d)\s*(?:以来|之后|以后|起|至今)?")
EN_BETWEEN_RE = re.compile(r"between (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2}) and "
                           r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})")
# "8月1号", "9月15日": one day (a month before today's is this year's, a later one last year's)
DAY_RE = re.compile(r"(?:(\d{4})\s*年\s*|(去年|今年)\s*)?(1[0-2]|[1-9])\s*月\s*(3[01]|[12]\d|[1-9])\s*(?:号|日)"
                    r"(?!\s*(?:以来|之后|以后|起|后|至今))")
# "今年前三个季度", "前两个季度", "今年前五个月" (a bare "前三个月" is the last three months, left to the rolling words)
FIRST_PERIODS_RE = re.compile(r"(今年|本年)?前\s*([一二两三四1-4])\s*个?\s*(季度)|(今年|本年)前\s*([一二两三四五六七八九十\d]{1,2})\s*个\s*(月)")
# A day written out: "2026-10-01", "2026/10/1", "Oct 1", "October 1st, 2026"; "2026年8月1日以来": since that day
ISO_DAY_RE = re.compile(r"(?<![\d.])(20\d\d)[-/.](1[0-2]|0?[1-9])[-/.](3[01]|[12]\d|0?[1-9])(?!\d)(?!\.\d)")
EN_DAY_RE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?"
                       r"(?:,? (20\d\d))?(?![\d/])(?![- ]?(hours?|h)\b)")  # not "September 4-hour response rate"
YEAR_SINCE_RE = re.compile(r"(20\d\d)\s*年\s*(1[0-2]|[1-9])\s*月\s*(3[01]|[12]\d|[1-9])\s*(?:号|日)\s*(?:以来|之后|以后|起|后|至今)")
# "10月1号到7号": the second day of the same month
DAY_TO = re.compile(r"\s*(?:到|至|-|~)\s*(3[01]|[12]\d|[1-9])\s*(?:号|日)")
SINCE_RE = re.compile(r"(1[0-2]|[1-9])\s*月\s*(3[01]|[12]\d|[1-9])\s*(?:号|日)\s*(?:以来|之后|以后|起|后|至今)")
# "since October", "from October onwards"; "leads from October" alone are October's (MONTH_RE)
SINCE_MONTH_RE = re.compile(r"(?:since\s+|from\s+(?=\w+\s+(?:onwards?|on|until now|to now|to date)\b))(january|february|march|"
                            r"april|may|june|july|august|september|october|"
                            r"november|december)(?!\s*\d)(?:\s+(?:onwards?|on|until now|to now|to date))?"
                            r"|(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?\s*(?:以来|起|开始|至今|到现在|之后|以后)")
MONTH_RE = re.compile(r"(?:(\d{4})\s*年\s*|(去年|今年|本年|前年)\s*的?\s*)?(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
                      r"(?:份)?(?!底|初)")
YEAR_WORD = {"去年": -1, "今年": 0, "本年": 0, "前年": -2, "明年": 1}
EN_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
QUARTER_RE = re.compile(r"(?:(\d{4})\s*年\s*|(去年|今年|本年|明年)\s*的?\s*)?(?:(?:第\s*|(?<![本上下这个一]))([一二三四1-4])\s*季度|"
                        r"(?<![a-z])q([1-4])(?!\d)|(?:the )?(first|second|third|fourth) quarter)"
                        r"(?:\s+(?:of\s+)?(last year|this year|next year|\d{4}\b))?")
EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "9月到11月", "August and September combined", "july through september": one window from the first to the second
RANGE_JOIN = re.compile(r"\s*(?:到|至|~|-|—|through|thru|to|until|and)\s*")
DAY_RANGE = re.compile(r"\s*(3[01]|[12]\d|[1-9])\s*(?:号|日)\s*(?:到|至|-|~)\s*(3[01]|[12]\d|[1-9])\s*(?:号|日)")


def _en_month(abbr: str) -> int:
    return [m[:3] for m in EN_MONTHS].index(abbr[:3]) + 1


def find_window(text: str, today: date) -> tuple[TimeWindow, tuple[int, int]] | None:
    """The first time expression in `text` (lower-cased question) and its span, or None; a range of two
    ("9月到11月", "这个月1号到15号") is one window from the start of the first to the end of the second."""
    hit = _find_one(text, today)
    if hit is None:
        return None
    first, (start, end) = hit
    one_day = first.start is not None and first.end is not None and first.end - first.start == timedelta(days=1)
    if one_day and (after := AFTER_EN.search(text[:start])):  # "created after 2026-09-01": from the next day on
        return TimeWindow(first.end, None, f"{first.label}之后", past_year=first.past_year), (after.start(), end)
    if one_day and (through := UP_TO_EN.search(text[:start])):  # "on or before 2026-12-15": that day included
        return TimeWindow(None, first.end, f"{first.label}及之前", past_year=first.past_year), (through.start(), end)
    if one_day and (since := FROM_DAY_EN.search(text[:start])) and not RANGE_JOIN.match(text, end):
        # "created on or after 2026-09-01", "from 2026-11-01 onward": that day and every one since
        up = UP_TO_NOW.match(text, end)
        return TimeWindow(first.start, None, f"{first.label}至今"), (since.start(), up.end() if up else end)
    before = BEFORE_EN.search(text[:start]) or BEFORE_ZH.match(text, end)
    if first.start is not None and before is not None:
        # "signed before September", "9月之前签的": everything up to the start of that period
        span = (before.start(), end) if before.end() <= start else (start, before.end())
        if re.match(r"今年|本年|\bthis year\b", text[start:]) and first.start.month > 1:
            # "今年6月份之前": from the start of this year, not every year before
            return TimeWindow(first.start.replace(month=1, day=1), first.start, f"{first.label}之前"), span
        return TimeWindow(None, first.start, f"{first.label}之前", past_year=first.past_year), span
    if first.start is not None and (d := DAY_RANGE.match(text, end)) and (first.end or first.period_end):
        day1, day2 = int(d.group(1)), int(d.group(2))
        base = first.start.date()
        if day1 < day2 and base.day == 1:
            return TimeWindow(_d(base.replace(day=day1)), _d(base.replace(day=day2)) + timedelta(days=1),
                              f"{first.label}{day1}日-{day2}日"), (start, d.end())
    if first.start is not None and first.end is not None and first.end - first.start == timedelta(days=1) \
            and (d := DAY_TO.match(text, end)) and int(d.group(1)) > first.start.day:
        try:  # "10月1号到7号": to the 7th of the same month, inclusive
            last: datetime | None = first.start.replace(day=int(d.group(1)))
        except ValueError:
            last = None
        if last is not None:
            return TimeWindow(first.start, last + timedelta(days=1), f"{first.label}-{d.group(1)}日"), (start, d.end())
    separately = re.search(r"对比|比较|相比|比一下|比比|分别|各自|各[^，,。？?]{0,4}?(多少|几)|compare|versus|(?<![a-z])vs(?![a-z])|"
                           r"respectively|\beach\b|side by side", text)
    if not separately and re.match(r"\s*(?:和|跟|与)", text[end:]) and not re.search(
            r"一共|总共|合计|加起来|加在一起|汇总|累计", text):
        separately = re.match(r"\s*(?:和|跟|与)", text[end:])  # "本月和上月各渠道的线索量": two periods, one figure each
    if separately and (j := SIDE_BY_SIDE.match(text, end)) and (nxt := _find_one(text[j.end():], today)) \
            and nxt[1][0] == 0 and (both := side_by_side(first, nxt[0])):
        # "我这个月跟上个月的业绩对比一下", "compare September vs October", "本周和上周": one figure each
        return replace(both[0], past_year=first.past_year and nxt[0].past_year), (start, j.end() + nxt[1][1])
    if first.start is not None and (up := UP_TO_NOW.match(text, end)):  # "上个月到现在": from then until now
        # "本月到目前" is still this month (a period that runs up to now keeps its calendar end)
        return TimeWindow(first.start, None, f"{first.label}至今", first.period_end if first.end is None else None), (
            start, up.end())
    if first.start is not None and first.end is not None and (since := SINCE_EN.search(text[:start])) \
            and not RANGE_JOIN.match(text, end):  # "since Q4 last year": from then until now
        return TimeWindow(first.start, None, f"{first.label}至今"), (since.start(), end)
    if (j := RANGE_JOIN.match(text, end)) and j.end() > end and not (separately and j.group(0).strip() in ("and", "和")):
        nxt = _find_one(text[j.end():], today)
        if nxt is not None and nxt[1][0] == 0 and first.start is not None and nxt[0].start is not None \
                and nxt[0].start > first.start:
            second = nxt[0]
            # "Dec through Feb" asked in November: a range that starts with a month still ahead is next one's
            return TimeWindow(first.start, second.end, f"{first.label}-{second.label}", second.period_end,
                              first.past_year), (start, j.end() + nxt[1][1])
    return hit


REST_RE = re.compile(r"(?:从)?(?:今天|现在)(?:到|至)(?:本|这个?)?(周末|月底|季度末|季末|年底)|(本周|这周|本月|这个?月|本季度?|这个?季度|今年|本年)"
                     r"(?:剩下|剩余)的?(?:几天|日子|时间)?(?:里|内)?|\b(?:the )?rest of (?:this|the) (week|month|quarter|year)\b"
                     r"|\b(?:between |from )?(?:now|today) (?:and|to|until|till|through) (?:the )?end of (?:this |the )?"
                     r"(week|month|quarter|year)\b")
REST_LABEL = {"week": "今天到周末", "month": "今天到月底", "quarter": "今天到季末", "year": "今天到年底"}
REST_UNIT = {"周末": "week", "本周": "week", "这周": "week", "月底": "month", "本月": "month", "这月": "month",
             "这个月": "month", "季度末": "quarter", "季末": "quarter", "本季": "quarter", "本季度": "quarter",
             "这季度": "quarter", "这个季度": "quarter", "年底": "year", "今年": "year", "本年": "year"}


def _rest_of(said: str, today: date) -> TimeWindow:
    unit = REST_UNIT.get(said, said)
    end = {"week": today + timedelta(days=7 - today.weekday()), "month": _month_start(today, 1),
           "quarter": _quarter_start(today, 1), "year": date(today.year + 1, 1, 1)}[unit]
    return TimeWindow(_d(today), _d(end), REST_LABEL[unit])


EARLIER_RE = re.compile(r"\bearlier (?:this|in the) (week|month|year)\b")
AGO_RE = re.compile(r"(?<![近过去最])(\d+)\s*天(?:前|以前|之前)(?!到|至)|\bolder than (\d+) days\b|\b(?:more than )?(\d+) days ago\b"
                    r"|\b(?:created|added|opened|came in) (?:more than|over) (\d+) days ago\b"
                    # "创建超过30天", "进系统已经超过30天": the record's age, not a 30-day window
                    r"|(?:创建|建档|录入|进系统|入库)(?:了|已经|已)?(?:超过|超|多于|大于)\s*(\d+)\s*天(?:以上)?"
                    r"|\b(?:more than|over) (\d+) days old\b")
UP_TO_NOW = re.compile(r"\s*(?:到现在|到今天|至今|到目前|以来|(?:up )?(?:un)?til now|to date|through today|onwards?\b|and later\b"
                       r"|or later\b)")
SINCE_EN = re.compile(r"\b(since|starting( from)?)\s+(the start of\s+)?$")
# before a written day only ("from October" alone is October's)
FROM_DAY_EN = re.compile(r"\b(from|starting on|on or after|no earlier than)\s+$")
AFTER_EN = re.compile(r"(?<!on or )\b(after|later than)\s+$")
UP_TO_EN = re.compile(r"\b(on or before|up to and including|no later than)\s+$")
BEFORE_EN = re.compile(r"\b(before|prior to|earlier than)\s+$")
BEFORE_ZH = re.compile(r"\s*(之前|以前)")
SIDE_BY_SIDE = re.compile(r"\s*(?:和|跟|与|及|比|对比|vs\.?|versus|and|against|compared (?:to|with))\s*")


def _whole_quarter(w: TimeWindow) -> bool:
    return w.start is not None and w.start.day == 1 and w.start.month % 3 == 1 and w.start.hour == 0 \
        and (w.end or w.period_end) is not None and 89 <= ((w.end or w.period_end) - w.start).days <= 92  # type: ignore[operator]


def side_by_side(a: TimeWindow, b: TimeWindow) -> tuple[TimeWindow, str] | None:
    """Two whole weeks, months, quarters or years, one right after the other, as one window with one figure each."""
    first, second = sorted((a, b), key=lambda w: w.start or datetime.min)
    if first.start is None or second.start != (first.end or first.period_end):
        return None
    for whole, unit in ((_whole_week, "week"), (_whole_month, "month"), (_whole_quarter, "quarter"),
                        (_whole_year, "year")):
        if whole(first) and whole(second):
            return TimeWindow(first.start, second.end, f"{first.label}、{second.label}", second.period_end,
                              per_month=unit == "month", per_quarter=unit == "quarter", per_year=unit == "year",
                              per_week=unit == "week"), unit
    return None


def _whole_week(w: TimeWindow) -> bool:
    return w.start is not None and w.start.weekday() == 0 and w.start.hour == 0 \
        and (w.end or w.period_end) is not None and ((w.end or w.period_end) - w.start).days == 7  # type: ignore[operator]


def _whole_year(w: TimeWindow) -> bool:
    return w.start is not None and (w.start.month, w.start.day, w.start.hour) == (1, 1, 0) \
        and (w.end or w.period_end) is not None and 365 <= ((w.end or w.period_end) - w.start).days <= 366  # type: ignore[operator]


def _whole_month(w: TimeWindow) -> bool:
    return w.start is not None and w.start.day == 1 and w.start.hour == 0 and (w.end or w.period_end) is not None \
        and 28 <= ((w.end or w.period_end) - w.start).days <= 31  # type: ignore[operator]


def _find_one(text: str, today: date) -> tuple[TimeWindow, tuple[int, int]] | None:
    """The first time expression in `text` (lower-cased question) and its span, or None."""
    best: tuple[TimeWindow, tuple[int, int]] | None = None

    def offer(w: TimeWindow, span: tuple[int, int]) -> None:
        nonlocal best
        if best is None or span[0] < best[1][0] or (span[0] == best[1][0] and span[1] > best[1][1]):
            best = (w, span)

    for rx, days, label in SINGLE:
        if m := rx.search(text):
            offer(_rolling(days, label, today), m.span())
    if m := FORWARD_RE.search(text):
        n = _int(next(g for g in m.groups() if g))
        if n:
            offer(TimeWindow(_d(today), _d(today + timedelta(days=n)), f"未来{n}天"), m.span())
    for rx, unit in ROLLING:
        if m := rx.search(text):
            n = EN_NUM.get(m.group(1), None) or _int(m.group(1))
            if n:
                offer(_rolling(n * unit, f"近{n * unit}天", today), m.span())
    for pattern, window in _fixed(today):
        if m := re.search(pattern, text):
            offer(window, m.span())
    if m := REST_RE.search(text):  # "从今天到月底", "the rest of this month": from today to the end of the period
        offer(_rest_of(next(g for g in m.groups() if g), today), m.span())
    if m := EARLIER_RE.search(text):  # "came due earlier this month": from the start of the period up to today
        start = {"week": today - timedelta(days=today.weekday()), "month": today.replace(day=1),
                 "year": today.replace(month=1, day=1)}[m.group(1)]
        offer(TimeWindow(_d(start), _d(today), f"earlier this {m.group(1)}"), m.span())
    if m := AGO_RE.search(text):  # "30天前创建的", "older than 30 days": everything up to that day
        n = int(next(g for g in m.groups() if g))
        offer(TimeWindow(None, _d(today - timedelta(days=n)), f"{n}天前"), m.span())
    if m := YEAR_RE.search(text):
        year = int(m.group(1))
        offer(TimeWindow(_d(date(year, 1, 1)), _d(date(year + 1, 1, 1)), f"{year}年"), m.span())
    if m := HALF_RE.search(text):
        first = bool(re.search(r"上半年|h1|first half", m.group(0)))
        named = m.group("y1") or m.group("y2") or m.group("y3")  # "H1 2026", "2025年上半年", "去年下半年"
        year = int(named) if named else today.year - 1 if m.group("last") else today.year
        start, end = (date(year, 1, 1), date(year, 7, 1)) if first else (date(year, 7, 1), date(year + 1, 1, 1))
        offer(TimeWindow(_d(start), _d(end), m.group(0)), m.span())
    if m := EN_SINCE_RE.search(text):
        month = EN_MONTHS.index(m.group(1)) + 1
        day = int(m.group(2))
        year = int(m.group(3)) if m.group(3) else today.year if (month, day) <= (today.month, today.day) else \
            today.year - 1
        offer(TimeWindow(_d(date(year, month, day)), None, f"since {m.group(1)} {day}"), m.span())
    if m := SLASH_SINCE_RE.search(text):
        month, day = int(m.group(1)), int(m.group(2))
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        offer(TimeWindow(_d(date(year, month, day)), None, f"{month}/{day}以来"), m.span())
    if m := EN_BETWEEN_RE.search(text):
        m1, d1 = _en_month(m.group(1)), int(m.group(2))
        m2, d2 = _en_month(m.group(3)), int(m.group(4))
        year = today.year if (m1, d1) <= (today.month, today.day) else today.year - 1
        offer(TimeWindow(_d(date(year, m1, d1)), _d(date(year, m2, d2)) + timedelta(days=1), m.group(0),
                         past_year=_ahead(date(year, m1, d1), today)), m.span())
    if m := FIRST_PERIODS_RE.search(text):  # "今年前三个季度", "前两个季度": from January for that many periods
        said, period = (m.group(2), m.group(3)) if m.group(3) else (m.group(5), m.group(6))
        n = _int(said)
        months = n * (3 if period == "季度" else 1)
        if 0 < months <= 12:
            start = date(today.year, 1, 1)
            offer(TimeWindow(_d(start), _d(_month_start(start, months)), f"今年前{n}个{period}"), m.span())
    for rx in (ISO_DAY_RE, EN_DAY_RE):
        if m := rx.search(text):
            written = _written_day(m, rx is EN_DAY_RE, today)
            if written is not None:  # a day with no year, taken from last year, is next to come for a due date
                offer(TimeWindow(_d(written), _d(written + timedelta(days=1)), written.isoformat(),
                                 past_year=rx is EN_DAY_RE and not m.group(3) and _ahead(written, today)),
                      m.span())
    if m := YEAR_SINCE_RE.search(text):
        try:
            offer(TimeWindow(_d(date(int(m.group(1)), int(m.group(2)), int(m.group(3)))), None,
                             f"{m.group(1)}年{m.group(2)}月{m.group(3)}日以来"), m.span())
        except ValueError:
            pass
    if m := DAY_RE.search(text):
        month, day = int(m.group(3)), int(m.group(4))
        year = int(m.group(1)) if m.group(1) else today.year + YEAR_WORD[m.group(2)] if m.group(2) else (
            today.year if (month, day) <= (today.month, today.day) else today.year - 1)
        try:
            one: date | None = date(year, month, day)
        except ValueError:  # "2月30号": not a day
            one = None
        if one is not None:
            offer(TimeWindow(_d(one), _d(one + timedelta(days=1)), f"{year}年{month}月{day}日",
                             past_year=not (m.group(1) or m.group(2)) and _ahead(one, today)), m.span())
    if m := SINCE_RE.search(text):
        month, day = _int(m.group(1)), _int(m.group(2))
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        offer(TimeWindow(_d(date(year, month, day)), None, f"{month}月{day}日以来"), m.span())
    if m := SINCE_MONTH_RE.search(text):
        month = EN_MONTHS.index(m.group(1)) + 1 if m.group(1) else _int(m.group(2))
        year = today.year if month <= today.month else today.year - 1
        offer(TimeWindow(_d(date(year, month, 1)), None, f"{year}年{month}月以来"), m.span())
    if m := MONTH_RE.search(text):
        month = _int(m.group(3))
        said_year = m.group(1) or m.group(2)
        year = int(m.group(1)) if m.group(1) else today.year + YEAR_WORD[m.group(2)] if m.group(2) else (
            today.year if month <= today.month else today.year - 1)
        start = date(year, month, 1)
        offer(TimeWindow(_d(start), _d(_month_start(start, 1)), f"{year}年{month}月",
                         past_year=not said_year and _ahead(start, today)), m.span())
    for i, name in enumerate(EN_MONTHS, start=1):
        prefix = r"\bin\s+" if name == "may" else r"\b(?:in\s+)?"
        if m := re.search(rf"{prefix}{name}(?:\s+(\d{{4}})|\s+(?:of\s+)?(last year|this year))?\b", text):
            year = int(m.group(1)) if m.group(1) else today.year - (m.group(2) == "last year") if m.group(2) else (
                today.year if i <= today.month else today.year - 1)
            start = date(year, i, 1)
            offer(TimeWindow(_d(start), _d(_month_start(start, 1)), f"{year}-{i:02d}",
                             past_year=not (m.group(1) or m.group(2)) and _ahead(start, today)), m.span())
    if m := QUARTER_RE.search(text):
        q = _int(m.group(3)) if m.group(3) else int(m.group(4)) if m.group(4) else EN_ORDINAL[m.group(5)]
        year = int(m.group(1)) if m.group(1) else today.year + YEAR_WORD[m.group(2)] if m.group(2) else today.year
        if m.group(6) and m.group(6).isdigit():  # "Q1 2027", "the first quarter of 2027"
            year = int(m.group(6))
        elif m.group(6):  # "Q4 last year", "Q1 next year"
            year = today.year - (m.group(6) == "last year") + (m.group(6) == "next year")
        start = date(year, 3 * (q - 1) + 1, 1)
        offer(TimeWindow(_d(start), _d(_month_start(start, 3)), f"{year}年第{q}季度"), m.span())
    return best


def _ahead(day: date, today: date) -> bool:
    """A month or day named without a year that, for due dates and expected closing, means the next one to come:
    one still ahead this year is taken from last year by the other fields ("12月", asked in November), and one early
    next year reads as this year's ("January", "1月15号", asked in November)."""
    return day.year < today.year or (day.month < today.month and (day.month - today.month) % 12 <= 3)


def _written_day(m: re.Match[str], english: bool, today: date) -> date | None:
    """The day an ISO or English date names; with no year, this year's unless that day is still ahead."""
    if english:
        month, day, said_year = _en_month(m.group(1)), int(m.group(2)), m.group(3)
    else:
        said_year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    year = int(said_year) if said_year else today.year if (month, day) <= (today.month, today.day) else today.year - 1
    try:
        return date(year, month, day)
    except ValueError:  # "Feb 30": not a day
        return None


def is_future(w: TimeWindow, today: date) -> bool:
    return w.start is not None and (w.start >= _d(today) + timedelta(days=1) or w.label.startswith("未来"))
