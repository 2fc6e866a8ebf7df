"""Chat shorthand and misspelt words, rewritten before parsing: "won amt this yr", "hosptials", "超500w".

Managers type on phones. Abbreviations from a fixed table are expanded; an English word the parser does not know
is replaced by the one known word within one edit (two for words of nine letters or more) that starts and ends
like it, and only when exactly one fits and the word has six letters or more, so a real unknown word ("quota",
"scores") still makes the parser ask back. Every correction is reported, so the interpretation line
shows what was read.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import cache

from rapidfuzz.distance import Levenshtein

from sql.needles import Sieve
from sql.numbers import chinese_to_int

EN_SMALL: dict[str, int] = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10}


EN_DAYS = {"two": 2, "three": 3, "five": 5, "seven": 7, "ten": 10, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
           "sixty": 60, "ninety": 90}


# English business terms inside a Chinese question ("华南region下面overdue的invoice", "这个月新建的东北deal"): the Chinese
# words the parser knows. English questions keep their own words.
CODE_SWITCHED = {"key accounts": "a类客户", "key account": "a类客户", "lead source": "线索来源", "conversion rate": "转化率",
                 "disqualification rate": "无效率", "expected close date": "预计成交日期", "average deal size": "平均单额", "deal size": "平均单额",
                 "loss reason": "输单原因", "response rate": "响应率", "trade show": "展会", "product line": "产品线",
                 "follow up": "跟进", "follow-up": "跟进", "region": "区域", "invoices": "应收款", "invoice": "应收款",
                 "overdue": "逾期", "deals": "商机", "deal": "商机", "leads": "线索", "lead": "线索", "accounts": "客户",
                 "account": "客户", "budget": "预算", "demo": "演示", "visit": "拜访", "meeting": "会议", "owner": "负责人",
                 "churned掉": "流失", "churned": "流失", "lost掉": "输掉", "revenue": "赢单金额", "units": "件", "reps": "业务员",
                 "rep": "业务员", "sales": "业务员", "industry": "行业", "wechat": "微信", "negotiation": "商务谈判",
                 "collect回来": "回款", "collect": "回款", "open着": "在跟", "opportunities": "商机", "opportunity": "商机",
                 "products": "产品", "product": "产品", "stage": "阶段",
                 "touch": "跟进", "contact过": "联系过", "contact 过": "联系过"}
_CODE_SWITCHED = re.compile("(\\s*)(?<![a-z])(" + "|".join(re.escape(w) for w in sorted(CODE_SWITCHED, key=len, reverse=True))
                            + ")(?![a-z])(\\s*)")


def _switched(w: re.Match[str]) -> str:
    """The Chinese word, joined to the Chinese word before it ("哪些 account" is 哪些客户) and to a 过 or 了 after it
    ("没 contact 过"); other spaces stay, since a space may end a clause ("在跟deal 阶段+金额")."""
    text, (start, end) = w.string, w.span()
    before = "" if start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]) else w.group(1)
    after = "" if end < len(text) and text[end] in "过了" else w.group(3)
    return before + CODE_SWITCHED[w.group(2)] + after


def _code_switched(m: re.Match[str]) -> str:
    """Only a Chinese sentence with English words in it; an English one naming 华东 keeps its English."""
    text = m.group(0)
    touching = re.search(r"[a-z][\u4e00-\u9fff]|[\u4e00-\u9fff][a-z]", text)  # "华南region", "lead，转"
    mostly = len(re.findall(r"[\u4e00-\u9fff]", text)) >= 2 * len(re.findall(r"[a-z]+", text))
    chinese = touching is not None or (re.match(r"[\u4e00-\u9fff]", text) is not None and mostly)
    return _CODE_SWITCHED.sub(_switched, text) if chinese else text


def _weeks(word: str) -> int:
    return int(word) if word.isdigit() else EN_SMALL.get(word) or chinese_to_int(word) or 1


# English words for Chinese record words in an English question (code-switching).
CODE_SWITCH = {"经销商": "distributors", "医院": "hospitals", "客户": "customers", "门店": "stores", "学校": "schools",
               "实验室": "labs", "商机": "deals", "线索": "leads", "合同": "contracts", "回款": "payments"}

# (pattern, replacement) over the normalised, lower-case question; word boundaries keep "wk" out of "wkday".
FORMAL_DIGITS = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
TENTHS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# A ranking said before a question that repeats it ("…最大的三家客户是哪三家？逾期多少？"): the repeat adds nothing.
_RANKED_BEFORE = re.compile(r"(最|前)[^，,。？?]{0,8}?([两二三四五六七八九十]|\d+)\s*(个|家|位|名)|前\s*([两二三四五六七八九十]|\d+)")
EN_DIGITS = {w: str(i) for i, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                               "nine", "ten"))}
ABBREVIATIONS = (
    # "三个半小时", "an hour and a half", "一个半月", "过去半年": halves, in whole smaller units
    (r"(\d+|[一二两三四五六七八九十])个半小时", lambda m: f"{_half_count(m.group(1)) * 60 + 30}分钟"),
    (r"\b(an|one) hour and a half\b|\b(one|1) and a half hours\b", "90 minutes"),
    (r"\b(two|2) and a half hours\b", "150 minutes"), (r"\b(three|3) and a half hours\b", "210 minutes"),
    (r"(\d+|[一二两三四五六七八九十])个半月", lambda m: f"{_half_count(m.group(1)) * 30 + 15}天"),
    (r"(过去|近|最近|这)半年(?!度)", "近6个月"),
    # "未来两周", "接下来3周": the days ahead, as the forward windows count them
    (r"(?:未来|接下来|往后)的?\s*(\d+|[一二两三四五六七八九十])\s*(?:个)?(?:周|星期)",
     lambda m: f"未来{_half_count(m.group(1)) * 7}天"),
    # "单笔 2M 及以上", "年营收 50M 以上": a space typed around a number does not split it from its comparison
    (r"(?<=[\dkmwn])\s+(?=及?(?:以上|以下|以内|之间))", ""),
    (r"(?<![a-z])([a-d])\s+(?=类)", r"\1"),
    (r"(?<=[\u4e00-\u9fff])\s+(?=[\d.]+\s*(?:[kmw]|million|mil)?\s*及?(?:以上|以下|以内))", ""),
    (r"\ba million and a half\b|\bone and a half million\b", "1.5m"), (r"\bnot more than\b", "at most"),
    (r"\b(?:of )?up to (?=[\d.]+\s*(?:[kmw]|million|mil)?\b)", "at most "),
    (r"标成无效|标为无效|标记为无效|标记成无效", "判无效"), (r"(?<![a-z])(谁|哪个业务员|哪位)响应(得)?最快", r"\1接线索最快"),
    (r"\b(?:who'?s|who is) (?:our|the) fastest responder\b", "which rep responds to leads fastest"),
    (r"具体(是|都是|有)哪(几个|些|几家|几笔|几单)[?？]?$", "有哪些"),  # "谈判阶段的具体是哪几个": list them
    # "概率三成五以上", "成交把握五成以上": a deal's probability in percent
    (r"(?<!成交)(?<!赢单)(?<!win )概率", "成交概率"), (r"成交把握", "成交概率"),
    # "25%到45%之间", "70% probability or higher", "at 10% probability": both ends said as comparisons
    (r"成交概率(?:在|为)?\s*(\d+)\s*%?\s*(?:到|至|-|~)\s*(\d+)\s*%(?:之间)?", r"成交概率不低于\1%、不超过\2%"),
    (r"\b(?:win )?probability (?:of |is )?between (\d+)\s*%? and (\d+)\s*%", r"probability at least \1% and at most \2%"),
    (r"\b(\d+)\s*% (?:win )?probability or (?:higher|more|above|greater|better)\b", r"probability at least \1%"),
    (r"\b(\d+)\s*% (?:win )?probability or (?:lower|less|below|under)\b", r"probability at most \1%"),
    (r"\b(?:win )?probability (?:of |is |at )?(\d+)\s*% or (?:higher|more|above|greater|better)\b",
     r"probability at least \1%"),
    (r"\b(?:win )?probability (?:of |is |at )?(\d+)\s*% or (?:lower|less|below|under)\b", r"probability at most \1%"),
    (r"\b(?:at|with) (?:a )?(\d+)\s*% (?:win )?probability\b|\b(?:with )?(?:a )?(?:win )?probability (?:of |at )(\d+)\s*%"
     r"(?! or)", lambda m: f"with probability at least {m.group(1) or m.group(2)}% and at most {m.group(1) or m.group(2)}%"),
    (r"(?<![\d一二三四五六七八九十])([一二三四五六七八九])成([一二三四五六七八九])?(?=以上|以下|及以上|及以下|或以上|或以下|左右|的)",
     lambda m: f"{chinese_to_int(m.group(1))}{chinese_to_int(m.group(2)) if m.group(2) else 0}%"),
    # "本月谁接线索最快？前五名": the reps by their average response time
    (r"谁?接线索(最快|最慢)", lambda m: "线索平均响应时长" + ("最短" if m.group(1) == "最快" else "最长") + "的业务员"),
    # "lost bc of no budget", "lose … bc the customer never made a decision": the loss reason
    (r"\b(?:bc|because|since|due to) the customer never made a decision\b", "no decision"), (r"\bbc(?: of)?\b", "because of"),
    # "with their titles pls", "把负责人也带上" after a list: columns added to it
    (r"^with (?:their|the) (?=[a-z])", "show their "), (r"^把(.{1,8}?)也?(?:带上|加上|列上)[吧]?(?=\s*[?？。]?$)", r"加上\1"),
    (r"钟头", "小时"),  # "平均几个钟头能联系上"
    (r"\b(?:ended up|end up) converting\b", "converted"),
    (r"\b(?:been )?sitting (?:there|in (?:that|this|the) stage) (?=over|more than|longer than|for)", "been stuck "), (r"(?<=stuck )(over|more than|longer than) an? (week|day)\b", r"\1 one \2"),
    (r"\bstuck (?:there|in (?:that|this) stage) ", "stuck "), (r"\b(\d+)\s*\+\s*(days|weeks|months)\b", r"more than \1 \2"),
    (r"\s*(?:^|(?<=\s))1[.、]\s*([^\d]+?)\s+2[.、]\s*(.+)$", r"\1，\2"),  # "华中在跟的 1.几个单 2.一共多少钱"
    # "which 3 customers owe us the most right now (outstanding, due or not)": what is still owed
    (r"\b(owe|owes) us the most\b", "have the largest outstanding amount"), (r"\s*\((outstanding, )?due or not\)", ""),
    # "去年签的合同有几份，金额多少", "今年赢了几单 多少钱": how many, and their total
    (r"(有)?(几|多少)个?(份|个|笔|单|条|家)[，,\s]*(总)?(金额|钱)?(是|一共|总共)?多少(钱)?(?=\s*[?？]?$)", r"有\2\3，合计多少"),
    # "到今天为止逾期没收回来的钱": as of today, not a window of today ("从上周一到今天" keeps its range)
    (r"^(到|截[至止]到?)(今天|今日)(为止)?[，,]?", "截至目前"),
    (r"(?<=[区域组队省市])卖得最好", "赢单金额最高"),  # "这个月哪个区卖得最好": the most won, not the most units
    # "9月份打了超过半小时的电话": calls that long, not the phone numbers
    (r"(打了)?(超过|不到|多于|少于|大于|小于)(\d+|[一二两三四五六七八九十]+|半)(个)?(分钟|小时)的电话(?!号)",
     r"\2\3\4\5的电话跟进"),
    (r"([一二两三四五六七八九])成半", lambda m: f"{TENTHS[m.group(1)] * 10 + 5}%"),  # "两成半": 25%
    (r"应收(账款)?余额(一共|总共)?(还有)?多少没(收|收回来)", r"应收余额\2多少"), (r"应收账款余额", "应收余额"),
    (r"(\d+|[一二两三四五六七八九十])个亿", r"\1亿"),
    # "drop the ones that converted" in a follow-up: leave those out (nothing is deleted)
    (r"\b(drop|remove) the ones (that|which|who) (are |were |have |has |got )?(been )?", "excluding "),
    # "再把已经流失的去掉", "除了华东，其他区域…", "9月以来就没再上门拜访过", "这周还没出去拜访过", "A类合作客户"
    (r"把([^，,。？?]{1,10}?)(去掉|排除|剔除)", r"\2\1"), (r"(除了[^，,。？?]{1,8}?)[，,]\s*([^，,。？?]{0,6}?)其他(的)?(城市|省份|区域|大区|地区)?", r"\1以外\2"),
    (r"(线索[^，,。？?]{0,4}?)(算是|算|是)有效的(?=\s*[?？]?$)", r"\1是有效线索"), (r"\bhaven'?t (i|we) (called|phoned)( (them|it))?( yet)?", "have not been called yet"),
    (r"^compare (the )?(?=.{3,60}? across )", ""), (r"\bleads (did|have) (we|you|i) (receive|get|got|gotten)\b", "new leads"),
    # code-switched wording: "哪些distributor有overdue", "上周没follow的三甲", "东北二组", "各成员", "月度走势"
    (r"(?<=[\u4e00-\u9fff])\s*overdue(?![a-z])", "逾期"), (r"没(有)?\s*follow(\s*up)?(?![a-z])", "没跟进"),
    (r"(?<=[东西南北中华][东西南北部])([一二三四五六七八九])组", lambda m: f"{chinese_to_int(m.group(1))}组"),
    (r"(?<=[\u4e00-\u9fff])\s*distributors?(?![a-z])", "经销商"), (r"(?<=[\u4e00-\u9fff])\s*hospitals?(?![a-z]|\s*(grade|level|tier))", "医院"),
    (r"(各|每个|每位)(成员|组员)", "各业务员"),
    # "联系人电话给我一下", "联系人都有谁，什么职位", "昨天打的电话记录", "是谁去的", "还差一万以上没收齐", "emails sent yesterday"
    (r"联系人(和|的|及)?(电话|手机)(号码?)?(给我一下|发我一下|是多少|有哪些|都有哪些)?(?=\s*[?？]?$)", "联系人，带上电话"),
    (r"[，,]\s*(什么|啥)职位(是什么)?(?=\s*[?？]?$)", ""), (r"打的电话(记录)?", "电话跟进"), (r"是谁去的", "是谁跟进的"),
    (r"还差([\d.一二两三四五六七八九十百千万亿wk]+(?:万|亿|w|k)?)(以上)?(没|未)收(齐|回来)?", r"未收金额\1以上"),
    (r"(?<=[\u4e00-\u9fff])(管着|在管)(?=哪些|哪几)", "负责"), (r"\b(handles|covers|looks after)\b(?= (in|at)\b|\s*$|\?)", "owns"),
    (r"\bwhich (rep|salesperson|sales rep|person) (owns|is responsible for|handles|covers)\b(?! (the )?(most|fewest|least|\d))", "who owns"),
    (r"\b(by|per|for each|across) (fmcg|medical) product lines?\b", r"per product line for \2 products"),
    (r"\b(other than|except( for)?|excluding|not counting) (the ones|those) (in|from|at)\b", r"\1"),
    (r"\bhow well did (.{3,40}?) convert\b", r"conversion rate of \1"), (r"\b(is|are) running an? (?=(win|conversion|response) rate\b)", "have a "),
    (r"(?<![上谁])在跟的金额(?=[^最]*$)", "在跟商机金额"),
    (r"\bdebtors\b", "accounts"), (r"没有任何逾期记录", "没有逾期回款"), (r"没有?被判(为|成)?无效", "不是无效"),
    (r"预计能?(close|关单|成交|签下来?)的", "预计成交的"), (r"^团队(?=每个人|各人|里每)", "我的团队"), (r"\bfewer than\b", "less than"),
    (r"^(ok,? |okay,? )?make it (top )?(\d+|two|three|four|five|ten)\s*[.?!]?$", r"top \3"),
    (r"\b(placed|made|put in) (an? |any )?orders?\b", "won a deal"),
    (r"\b(did|have|has) (we|i|you|he|she|they) (visit|visited) (the )?most\b", "had the most visits"),
    (r"\bemails? sent\b", "email follow-ups"), (r"(?<=按)([\u4e00-\u9fff]{2,4}(时间|日期))(从早到晚|从晚到早|从新到旧|从旧到新)(?=\s*[?？。]?$)", r"\1\3排"), (r"(每(份|个|一份)合同(各|分别)?|各合同(的)?)(?=[^，,。？?]{0,6}(逾期|回款|未收|应收|欠))", "按逐份合同"),
    (r"按合同(?=(拆|分|汇总|列|看))", "按逐份合同"), (r"的?(月度|每月|逐月)(走势|趋势|变化)", "按月"),
    (r"就没再", "没"), (r"没出去(?=拜访|跑|见)", "没"), (r"合作客户", "合作中的客户"),
    # "这个月至少拜访过三次的客户": so many visits or more
    (r"至少(拜访|跟进|联系|回访)(过|了)?(\d+|[一二两三四五六七八九十])次", r"\1过\3次以上"),
    # How the ask is wrapped: "老板要…", "我想知道…", "quick q:", "my boss wants to know…", "…, do you know?" carry no
    # condition, so they go before anything else is read.
    (r"^(老板|领导|经理|总监|老大)(想|要|让我|等着)?(看|要|查)?(一份|一下|一个|个)?(?=[^的])", ""),
    (r"^我想(知道|了解|看看|看一下|问一下|问问|查一下|查查)", ""), (r"^(帮我|麻烦)?(算下|算一下|算算)", ""),
    (r"[，,。]?\s*(能|可以)?(帮我|麻烦)?(算算|算一下|弄一下|出一下|整理一下|拉一下|做一下)(吗|呢)?[?？。]?$", ""),
    (r"[，,。？?]\s*(说一下就行|(老板|领导)等着要|我想挨个[^，,。]*|明天开会要用)[。!！]?$", ""), (r"(给我)?看一眼", "看看"),
    (r"^(quick q|quick question|qq)\s*[:：,-]?\s*", ""),
    (r"(?<=[\u4e00-\u9fff])\s*[（(]\s*[a-z][a-z -]*\s*[)）]", ""),  # "挂了商机(deal)的": the English gloss of a word said
    (r"^.*[\u4e00-\u9fff].*$", _code_switched), (r"\bkey account (hospitals|customers|distributors|stores|schools)\b", r"class a \1"),
    (r"\bclass a key accounts?\b", "class a accounts"), (r"(?<!class a )\bkey accounts?\b", "class a accounts"), (r"\breps on the (华北|华东|华南|华中|西南|西北|东北) teams?\b", r"\1团队业务员"), (r"(区域)下面的?", r"\1的"), (r"每个q(?![a-z0-9])", "每个季度"), (r"各种(?=\S)", "各"),
    (r"转(成)?客户的比例(有多高|是多少|多少)?", "转化率"), (r"(?<=跟进)做得(?=最多|最少)", ""),
    (r"\bhalf a million\b", "500k"), (r"\ba quarter (of a )?million\b", "250k"),  # before "X or more" reads "a" as X
    (r"^(my boss|the boss|my manager|the vp|my vp|the ceo)( wants| needs| is asking for| asked for| would like)( to know| to see)?\s*",
     ""),
    (r"^(any idea|do you know|do we know|can you tell me|could you tell me|could you check|can you check|just wondering|"
     r"i wonder|i'm wondering|i need to know|i need|i'd like to know|i'd like|i want to know|i want)\s*[,:]?\s*", ""),
    (r"^for (the|my|our) (board deck|catalogue cleanup|catalog cleanup|forecast call|finance sync|review|qbr|meeting|report)"
     r"\s*,?\s*(i need |i want |can you |could you )?", ""),
    (r"[,.]?\s*(for the|for my|for our) (board deck|forecast call|finance sync|review|qbr|meeting|report|deck)\.?$", ""),
    (r"[,.]?\s*before my (visit|meeting|call|trip)\.?$", ""), (r"[.?]?\s*just need the list\.?$", ""),
    (r"[.?]?\s*names,? please\.?$", ""), (r"[.?,]?\s*just curious\.?$", ""), (r"[.?,]?\s*prepping for [^.?]*\.?$", ""),
    (r"[,]?\s*do you know\??$", ""), (r"^do we have a breakdown of\b", "breakdown of"),
    # "do we have any open deals for X?": those deals, not accounts that have one
    (r"^(do|did) (we|i) (have|get|got) (any )?(?=((open|new|won|lost|overdue|unpaid|active|big|large) )*(deals|opportunities|"
     r"leads|contracts|payments|installments|quotes)\b)", ""),
    (r"^the (\d+|two|three|four|five|six|seven|eight|nine|ten) (?=((open|won|lost|overdue|unpaid|active|biggest|largest|"
     r"oldest|newest|latest|stale) )*(deals|opportunities|leads|accounts|contracts|payments|installments|reps|customers|"
     r"hospitals)\b)", r"top \1 "),
    (r"\b(that |which )?(have|has|with) (a )?due dates? (?=(this|next|last|in|before|after)\b)", "due "),
    (r"各占(了)?(几|多少)(单|个|笔|条)", r"分别\2\3"),
    (r"(主任|院长|经理|总监|科长|处长|采购|关键人|决策人)(都)?有哪些人", r"\1有哪些"),
    # "在跟的商机里有多少比例已经安排了演示", "展会来的线索有多大比例最后转成客户了": the part said after the ratio word
    (r"(里面|里头|当中|之中|里|中)[，,]?\s*有(多少|多大)的?比例(是|已经|最后|最终)?(.+?)了?\s*[?？]?$", r"\1\4的占比"),
    (r"^([^里中，,]+?)有(多少|多大)的?比例(是|已经|最后|最终)?(.+?)了?\s*[?？]?$", r"\1里\4的占比"),
    (r"(里面|里头|当中|之中|里|中)[，,]?\s*有百分之(几|多少)(是|已经)?(.+?)了?\s*[?？]?$", r"\1\4的占比"),
    (r"^(.+?)占(所有|全部|总|整体)?的?(.+?)的(百分之多少|百分之几|多少比例|比例|比重)\s*[?？]?$", r"\3里\1的占比"),
    (r"占(了)?(百分之几|百分之多少|多少比例|多大比例|多少比重)\s*[?？]?$", "的占比"), (r"关单的(?=商机|单子)", "关闭的"),
    (r"跌破(了)?", "低于"), (r"4\s*小时内(有)?(响应|联系|回应)(的)?(占比|比例|比率)", "4小时响应率"),
    (r"\b(that|which) (had|have|has) a demo scheduled\b", "with a demo scheduled"),
    # the way an analyst specifies a query ("strictly greater than", "(role rep)", "the first 10", "in the city of X")
    (r"\btogether with\b", "with"), (r"\b(have|has) (at least one|a|any) decision[- ]maker contacts?\b", "have a decision maker"),
    (r"\bthe (\d+|ten|five|three) most recently (closed|signed|created|won|accepted)\b", r"the \1 newest \2"),
    (r"\b(where|with|and) the loss reason (was|is|being) (\w+) or (\w+)\b", r"lost to \3s or on \4"),
    (r"(?<=payment terms )longer than", "over"), (r"(?<=payment terms )shorter than", "under"),
    (r"(输单|丢单)原因是(\S{1,4}?)或(\S{1,4}?)的(?=商机|单子)", r"因为\2或\3\1的"), (r"\bstrictly (greater|more|less|fewer|higher|lower) than\b", r"\1 than"),
    (r"\s*\(role rep\)", ""), (r"\bin the city of\b", "in"), (r"\bproduct lines\b", "product line"),
    (r"[（(]\s*(含|含两端|包含两端|inclusive|both inclusive|含首尾)\s*[）)]", ""), (r"\bexceeded\b", "over"),
    (r"\b(give me |show |list )?the first (\d+|three|five|eight|ten)\b(?! days of)", r"top \2"),
    (r"\b(give|show|list|name)( me)? the (\d+|two|three|four|five|ten) (\w+(?: types?)?) with the (most|highest|largest|biggest)\b",
     r"top \3 \4 with the \5"),
    (r"[,]?\s*limited to the (\d+|three|five|ten) (largest|biggest|highest)\b", r", top \1"),
    (r"\bthe (\d+|ten|five|three) with the (largest|biggest|highest) (\w+)", r"top \1 by \3"),
    (r"\bmost recently (closed|signed|created|won|accepted)\b", r"latest \1"), (r"^latest (\d+|ten|five) ", r"the \1 newest "),
    (r"\b(\d+|three|four|five) most common (loss reasons|reasons|sources|lead sources|industries|stages)\b", r"top \1 \2"),
    (r"\breports? (an )?annual revenue\b", "with annual revenue"),
    (r"\bno contact (is )?(flagged|marked|listed|tagged) as (a )?decision[- ]makers?\b", "no decision maker"),
    (r"\b(q[1-4]),? (january|april|july|october) (through|to) (march|june|september|december)\b", r"\1"),
    (r"\b(have|has) an expected close date (next|this) (week|month|quarter)\b", r"expected to close \2 \3"),
    (r"\bby (creation|created) date\b|\bby date created\b", ""), (r"首次联系上", "首次联系"),
    (r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?=20\d\d-)", ""),
    (r"[，,]\s*(已流失|流失)的(不要|不算|去掉|排除)$", r"，不包括\1的"),
    (r"最近(?=签的|新建的|创建的|赢的|成交的)(?=\S{0,4}?\s*(\d+|[一二两三四五六七八九十]+)\s*(份|个|条|笔|单|家))", "最新"),
    (r"头(?=[\d一二两三四五六七八九十]+\s*(名|个|位|家))", "前"), (r"(还)?差(\S{1,8}?)(以上|多)没收(回来|回)?的", r"未收金额\2\3的"),
    (r"\btops\b", "is over"), (r"\bmaking (at least|over|more than|under|less than) (.+?) a year in revenue\b",
                                 r"with annual revenue \1 \2"),
    (r"\bin the (\S+?)\s*[~-]\s*(\S+) range\b", r"between \1 and \2"),
    (r"(金额|单数|回款|业绩|赢单率)第一(名)?(的)?是谁", r"\1最高的业务员是谁"), (r"([\d一二两三四五六七八九十]+)张(报价|合同)", r"\1份\2"),
    (r"\bpaying (customers|accounts|clients)\b", r"\1"), (r"\bsingle (biggest|largest|smallest)\b", r"\1"),
    (r"\b(\d+|three|five|ten) most active (reps|salespeople)\b", r"top \1 \2"),
    (r"^(\d+|two|three|four|five|six|seven|eight|nine|ten) (?=.*\bwith the (biggest|largest|highest|most)\b)", r"top \1 "),
    (r"\b(past|last) (two|three|five|seven|ten|fourteen|fifteen|twenty|thirty|sixty|ninety) days\b",
     lambda m: f"{m.group(1)} {EN_DAYS[m.group(2)]} days"),
    (r"怎么分布的?|如何分布", "分布"), (r"(平均)?(每次)?花(了)?多长时间", "平均时长"), (r"拿下(了)?(多少|几)(单|个)", r"赢了\2\3"),
    (r"(按(?!分钟|小时|天|件|台)[^，,。]{1,6}?)(?<!预)算(?=平均|总|合计|$)", r"\1"), (r"\beach (team )?member\b", "each rep"), (r"\bdid ((?:\w+ ){0,2}\w+) add\b(?! up)", r"in \1"),
    (r"标(了|为|成)?决策人的联系人", "是决策人的联系人"), (r"已经执行完毕", "执行完毕"),
    (r"\b(logged|held|done) (last week|this week|this month|yesterday|today) with\b", r"\1 \2 at"),
    (r"(医院|门店|经销商|学校)客户(?=\S{0,6}(赢单|赢了|成交|签单))", r"\1"),
    (r"报了哪些价", "报价有哪些"),  # "上周报了哪些价 金额多少"
    (r"(是哪些|有哪些|是哪几个)(?:[，,？?]\s*|\s+)(标价|金额|预算|价格)(各|分别)?(是)?多少[?？]?$", r"\1"),
    (r"[，,]\s*把(公司名|名字|名称|名单)列出来$", ""), (r"^再加一个条件[，,]\s*", ""), (r"手上(?=有几个|在途|在跟)", ""),
    (r"(华东|华北|华南|华中|西南|西北|东北)区?的?(两个|三个|几个|各个|每个)(组|小组|团队)(各自|分别)?的?", r"\1团队各团队的"),
    (r"(华东|华北|华南|华中|西南|西北|东北)区?的(业务员|销售)[，,]?\s*(每人|每个人|各人)", r"\1团队每个业务员"),
    (r"手下的(业务员|销售|人)[，,]?\s*((?:这个月|本月|上个月|上月|今年|本季度|这周|本周|上周)?)各", r"团队每个业务员\2"),
    # loss reasons as the breakdown: "都输在什么原因上，各多少个", "输单原因按大区拆开看看", "输单原因按丢单金额排前三"
    (r"(输单|丢单)原因按(大区|区域|行业|团队|业务员|月份?|季度)(拆开|拆分|分)(看看|看一下|一下)?", r"按\2和输单原因统计"),
    (r"(输单|丢单)原因按(丢单|输单)金额排前", "按输单原因的输单金额前"),
    # (a list asking why each was lost, "丢了哪些单，都是什么原因", keeps its records)
    (r"^(?!.*(哪些|哪几))(.*?)(主要|都)?(是|输在|丢在)什么原因(上)?[，,？?\s]*((按原因|按输单原因)(分|拆|统计)(一下)?)?[，,\s]*(各|分别)?"
     r"(有)?(几个|多少个|多少单|几单)?", r"\2按输单原因各多少单"),
    (r"\bamounts\b", "amount"), (r"\b(still )?(don'?t|doesn'?t) have a confirmed budget\b", "budget not confirmed"),
    (r"\b(don'?t|doesn'?t) have (a|any) decision[- ]makers?( on file)?\b", "have no decision maker"),
    (r"\b(haven'?t|have not|has not|hasn'?t) collected a single (yuan|cent|penny|rmb)( yet| so far)?\b", "with nothing collected"),
    (r"去了?(几家|多少家)(医院|客户)拜访", r"拜访了\1\2"), (r"去(?=(三甲|二甲|医院|客户)[^，,。]{0,8}拜访)", ""),
    (r"跟(哪些|哪几个)联系人沟通过", r"跟进过\1联系人"),
    (r"^(\S{2,3})跟(\S{2,3})比[，,]?\s*谁的(.+?)(高|低|多|少|大|小)[?？]?$", r"\1和\2的\3分别是多少"),
    (r"(本月|这个月|本季度|这个季度|今年|本周|这周)跟(上个月|上月|上季度|上个季度|去年|上周)比[，,]\s*", r"\1和\2对比，"),
    (r"买(\S{2,12}?)最多的是哪家客户", r"\1销量最多的客户"), (r"(一共|总共)买了多少(个|台|件|盒|箱)", "销量是多少"),
    (r"不是(已经)?(离职|停售|流失)了吗[，,]\s*(她|他|它)?(还)?", ""), (r"^不是(.{2,6}?)来的线索", r"除了\1以外的线索"),
    (r"(在)?这个阶段(待|停留|呆)", r"在当前阶段\2"), (r",? based on (the )?(payment|paid|close|closing|signing) date\b", ""),
    (r"从我们这(里|儿)?", ""),
    (r"按负责的?(业务员|销售|人)", r"按\1"), (r"最多的是哪(两|三|四|五|几)个", r"最多的前\1个"),
    (r"\bby each (north|south|east|west|central|northeast|northwest|southwest)( china)? rep\b", r"per rep, from \1 china reps"),
    (r"\b(with|brought in|generated|produced) the most cash\b", "with the most collected"), (r"\bclass a, b,? and c\b", "class a, class b and class c"),
    (r"\bhave (open )?deals been sitting in each stage\b", r"in stage of \1deals by stage"),
    (r"(那边|那里)?我们认识哪些人", "的联系人"), (r"\b(overdue|unpaid|outstanding) (installments|payments|invoices) owed (by|from)\b", r"\1 \2 of"),
    (r"\breps on the (north|south|east|west|central|northeast|northwest|southwest)( china)? teams?\b", r"reps in \1 china"),
    (r"(从来)?没(有)?接触过", r"\1没跟进过"), (r"从头到尾", "从来"), (r"预算(也)?(还)?没(有)?确认", "预算未确认"),
    (r"(?<=[\u4e00-\u9fff])(?<![发做给开])出的(?=报价)", "的"), (r"拿下的(?=(医院|客户|门店|经销商|学校)(?!单|商机|项目))", "有赢单的"),
    (r"(月份?)建的(?=商机)", r"\1新建的"), (r"关掉的(?=商机|单子)", "关闭的"), (r"\bdeals opened\b", "deals created"),
    (r"\bwhat revenue did (.+?) generate\b", r"revenue of \1"), (r"未收部分", "未收金额"),
    (r"\btop (\w+) busiest (months|weeks|days)\b", r"top \1 \2"),
    # follow-up wording: "前三又是谁", "同一个月", "限定医疗行业", "时间换成上季度", "改按…排序", "上周一整周"
    (r"(?<=[\u4e00-\u9fff])又(?=是)", ""), (r"(快消|医疗|工业|教育)几条产品线(今年)?各自?的?", r"\2各\1产品线的"),
    (r"([\d一二两三四五六七八九十]+)所(?=学校)", r"\1家"), (r"来得(最多|最少)", r"\1"), (r"[，,]\s*其他各", "，各"),
    (r"在(\S{2,6}?)身上拿了", r"在\1的"), (r"^(那)?(要是|如果)(改)?按", "按"),
    (r"^(?!.*(每|各))(.*?)(金额|预算)(最大|最高)的(是哪一|那一?)(份|笔|单|个|条|家)", r"\2\3\4的1\6"), (r"同一个?(月|季度|周|时期|时间段)(的)?", ""), (r"^限定", "只看"),
    (r"^时间(换成|改成|改为)", r"\1"), (r"^改按", "按"), (r"(上|这|本)周一整周", r"\1周"),
    (r"\b(those|these) (two|three|four|five|ten|\d+)\b(?! (days|weeks|months|years)\b)", r"\1"),
    (r"^(so )?how does it look for\b", "what about"), (r"^(and )?(the )?number of (\w+) instead\??$", "count instead"), (r"贡献了?多少$", "贡献了多少呢"),
    (r"\bhave (a|an) contract that'?s (currently |still )?active\b", "have an active contract"),
    # wording met in the sixteenth session's sets
    (r"(转化|转)成了(?=客户)", r"\1成"),
    (r"(账期)(是|有)?(多少|几)天", r"\1"),
    # wording met in the seventeenth session's sets
    (r"正在(合作|执行)(中)?(的)?", r"\1中的"), (r"带(了|着)(?=[^，,。？?]{0,8}(停售|产品))", "包含"),
    (r"卖出去(的)?(台数|件数|数量|箱数|套数)", "销量"), (r"\bby quantity\b", "by units"),
    (r"^(the |which )?(\d+|two|three|four|five|ten) (?=[\w -]{0,40}\b(stuck|sitting|sat)\b[\w ]{0,25}\blongest\b)", r"top \2 "),
    (r"(?<=[上多])没(动静|动作|人跟进|人跟|人管)(了)?", "没跟进"), (r"单(期|笔)应收(金额)?", "应收金额"), (r"赢面", "成交概率"),
    (r"(?<=[\u4e00-\u9fff])(商机|单子)(还)?没关(闭|掉)?(的)?(?=[?？。]?$)", r"未关闭的\1"), (r"卖进(过|了)?(?=哪)", "卖给过"),
    (r"各条产品线", "各产品线"),
    (r"(丢掉|输掉|丢)的(金额|钱)", "输单金额"),
    (r"\b(lost the most|cost us the most) (money|value|deal value|revenue)\b", "with the highest lost deal value"),
    (r"已经确认(是)?有效的", "已确认的"), (r"(?<=客户)已经接受(了)?的", "接受了的"),
    (r"^(\d+|two|three|four|five|ten) (active |current )?(reps|salespeople)\b(?= (with|who))", r"top \1 \2\3"),
    (r"(?<=[组区])(现在|目前)?(一共|总共)?(有)?几个人[?？]?$", "有几个业务员"),
    (r"预算(也|都)?(已经)?确认了(的)?", "预算已确认的"), (r"[，,]?\s*到没到期都算", ""), (r"咱们组|咱组", "我们组"),
    (r"\b(does|do) each rep (on|in) (.+?) hold\b", r"does each rep on \3 have"),
    (r"的应收款?(都)?是哪天到期[?？]?$", "的应收款有哪些"), (r"(?<=[\u4e00-\u9fff])在我们这(里|边)?(?=成交|签|买)", ""),
    (r"去([\u4e00-\u9fffA-Za-z]{2,8}?)那(里|边|儿)?拜访的记录", r"\1的拜访记录"),
    (r"\bby (expected close|expected closing|expected-close) month\b", "expected to close by month"),
    (r"转化成(了)?客户(?=最多|最少)", "转化"),
    (r"\b(have|did) we spen[dt] the most (follow[- ]up )?(minutes|time) on\b", "got the most follow-up minutes"),
    (r"(?<=[组区])(都)?有哪些组员", "的业务员有哪些"), (r"(?<=[\u4e00-\u9fff])组员", "业务员"), (r"\bteam members?\b", "reps"),
    (r"新招(进来)?的(?=业务员|销售|人)", "新入职的"), (r"都卖哪些产品", "有哪些产品"),
    (r"(?<=[\d万亿])以上(还)?没关单的大?(项目|单子|商机)", "以上未关闭的商机"), (r"还没关单的大?(项目|单子)", "未关闭的商机"),
    (r"(?<=[额绩])破(?=\d|[一两二三四五六七八九十])", "超过"), (r"(?<=金额)上(?=\d|[一两二三四五六七八九十])", "超过"),
    (r"上千万的大?单", "超过1000万的单子"), (r"有几所", "有几家"),
    (r"\b(at least|over|more than|under|less than|below|above) an? (\d+)% (win )?probability\b", r"probability \1 \2%"),
    (r"\blisted (under|over|below|above|at)\b", r"priced \1"), (r"\bwechat messages?\b", "wechat"),
    (r"\bthat we'?re actively (working with|doing business with|selling to)\b", "that are active"),
    (r"(在当前阶段|在这个阶段)?待得最久", "停留最久"), (r"拿到的(?=线索)", "来的"),
    (r"^(已经?)?停售(的)?产品还挂在哪些(在跟的?)?(商机|单子)上", r"包含停售产品的在跟商机有哪些"),
    (r"^(已经|钱)?回了多少(钱)?[?？]?$", "回款多少"),
    (r"\b(don'?t|doesn'?t|do not|does not) have (a single|any|one|a) contacts? (who is |that is |that's )?(flagged|marked|tagged|listed) "
     r"as (a |the )?decision makers?\b", "have no decision maker"),
    (r"^what'?s (still )?overdue (on|for|from)\b", r"how much is overdue \2"),
    (r"超过(\d+|[一两二三四五六七八九十]+)天(才|后才)(联系上|联系|跟进|响应)",
     lambda m: f"超过{_weeks(m.group(1)) * 24}小时才联系上"),  # "超过三天才联系上": after 72 hours
    (r"\b(that have been |that've been |been )?(sitting|stuck|sat) (there |in (that|this|the|their) stage |in stage )?(for )?"
     r"(more than|over|at least) (\d+) days\b", r"stuck in stage for \6 \7 days"),
    (r"(?<!stuck )(?<!sitting )(?<!sat )\bin (proposal|negotiation|needs analysis|initial contact) (stage )?for (more than|over|at "
     r"least) (\d+) days\b",
     r"in \1 stuck in stage for \3 \4 days"),
    (r"\bthe first (\d+|ten|five|seven) days of (january|february|march|april|may|june|july|august|september|october|"
     r"november|december)\b", lambda m: f"between {m.group(2)} 1 and {m.group(2)} {_weeks(m.group(1))}"),
    (r"的(业务员|销售|组员)((?:这个月|本月|上个?月|上周|这周|本周|今年|上季度|本季度|近\d+天)?)(各自|分别)(?=(拜访|打|跟进|做|约))", r"每个业务员\2"),
    (r"(?<=前[一二两三四五六七八九十\d])的组员", "的业务员"), (r"(?<=[前后][一二两三四五六七八九十\d])的?组员", "的业务员"),
    (r"^(今年|本月|本季度|上个?月|上季度|去年)?每(个|一个|款)(快消|医疗|工业|教育)(类)?产品的", r"按产品看\1\3产品的"),
    (r"^只留(下)?", "只看"), (r"^前([一二两三四五六七八九十\d])条线[?？]?$", r"前\1条产品线"),
    (r"^how many of them (work|are) (at|in|for) (hospitals|stores|distributors|schools|labs)\??$", r"how many of them are at \3"),
    (r"预计(本月|这个月|下个?月|本季度|这个季度|下季度|本周|这周|下周|今年)(能|可以|可能)?签(下来|掉)?的", r"预计\1成交的"),
    (r"账期(是|为)?半年", "账期180天"), (r"账期(是|为)?(一|1)年", "账期360天"),
    (r"二级(医院)(?![^，,。？?]*(分别|各自))", "二甲和二乙医院"), (r"三级(医院)(?![^，,。？?]*(分别|各自))", "三甲和三乙医院"),
    (r"按科室", "按部门"), (r"有人(去)?(?=拜访|跟进)", ""),
    (r"^(which|what) products (belong to|are in|make up) (the )?(?P<l>.+?) (product )?line\??$", r"products in the \g<l> line"),
    (r"\b(that )?we('ve| have)? lost as (customers|clients|accounts)\b", "that churned"),
    (r"^who (bought|purchased|ordered) (.+?) from us\b", r"which customers \1 \2"),
    (r"\bthe (north|east|south|central|northeast|northwest|southwest|southeast)( china)? [a-z]+ [a-z]+ \(([\u4e00-\u9fff]{2,3})\)",
     r"\3 in \1 china"),
    (r"(跟客户|和客户)?沟通时长", "跟进时长"),
    (r"^(\d+|two|three|four|five|ten) (industries|regions|reps|sources|lead sources|teams|products|stages) (with|by) the "
     r"(best|highest|lowest|worst|most|fewest)\b", r"top \1 \2 \3 the \4"),
    (r"\b(stages|regions|teams|reps) hold(s)? the most\b", r"\1 have the most"),
    (r"签了多少钱的单", "赢单金额是多少"),
    (r"(\d+|[一两二三四五六七八九十]+)(天|周|个月)以上(都)?(没|没有|未)(人)?(跟进|联系|动静)(过)?", r"超过\1\2没跟进"),
    (r"^what('s| is) (?P<n>[\u4e00-\u9fff]{2,3})'s (phone( number)?|title|job title|email)\??$", r"contact \g<n> with \3"),
    (r"跑(?=[\u4e00-\u9fff]{1,8}?(的)?次数)", "拜访"), (r"(?<=线索|客户|商机|单子)(进得|来得|进来得)(?=最多|最少)", ""),
    (r"[（(]\s*按(销量|件数|台数|箱数|数量)(算|排)?\s*[)）](?=[?？。]?$)", "，按销量"), (r"[，,]?\s*按(箱数|箱|套数|套)(算|计)?(?=[?？。]?$)", ""),
    (r"按合作状态", "按客户状态"), (r"(?<=[\u4e00-\u9fff])业绩最好的(?=[两二三四五六七八九十\d]+个)", "赢单金额最高的"),
    (r"\bwhere none of (the|their|its) contacts (is|are) (flagged as |marked as )?(a )?decision makers?\b", "with no decision maker"),
    (r"^(它们|这些单子?|这几单)?(都|分别|各自)?(是)?(输在|丢在|因为)(什么|哪些|啥)原因(上)?(输的|丢的)?[?？]?$", "显示输单原因"),
    (r"^who owns (them|those|these|it),? and (which|what) (customer|account|client)s?( (are|is) (they|it) (with|at|for|from))?\??$",
     "show the owner and account name"),
    (r"^(please |can you |could you )?(add|sum|total) (them|those|these|it|that|those \w+|these \w+) up( for me)?( please)?[?.!]?$",
     "what's that in total"),
    (r"^(那|那么|这些|它们)?(加起来|合起来|加在一起)(是|有)?多少[?？]?$", r"\2一共多少钱"),
    (r"哪(种|类|一类)(类型的)?客户(.+?)(最多|最少|最高|最低)[?？]?$", r"\3\4的客户类型"),
    (r"(商机|单子)(里|中)出现(的)?次数最多的", r"\1数量最多的"), (r"(\d+|[一两二三四五六七八九十])张报价单", r"\1份报价"),
    (r"销售代表", "业务员"), (r"\bthinnest\b", "smallest"), (r"^(same thing|same question|same)( but)?,? (only|just)\b", r"\3"),
    (r"\bresponse rate within (4|four) hours\b", "4-hour response rate"),
    (r"手机号码?|联系电话|电话号码|手机(?=是多少|多少)", "电话"), (r"(?<=[\u4e00-\u9fff])的?(头衔|职务)", "的职位"),
    (r"(?<=[\u4e00-\u9fff])(?<!之间)(?<!以上)(?<!以下)(?<!分钟)([，,]|的|[，,]?(和|及))(职位|电话)(是什么|是啥|是多少|多少|呢)?[?？]?$",
     r"，显示\3"),
    (r"跟([\u4e00-\u9fff]{2,3})沟通(过)?(几|多少)次", r"跟\1跟进过\3次"),
    (r"\b(how many times|how often) have we been in touch with\b", "how many follow-ups with"),
    (r"\bwhich (customer|account|hospital|company|client) (does|is) (?P<n>[\u4e00-\u9fff]{2,3}) (work for|work at|at|with|from)"
     r"(?P<t>,? and what('s| is) (her|his|the|their) (job )?title)?\??$", lambda m: f"contact {m.group('n')}" + (
        " with title" if m.group("t") else "")),
    (r"[买卖](的|了的|出去的|掉的)?(台数|件数|数量|箱数|套数)(最多|最少)", r"销量\3"), (r"(?<=[\u4e00-\u9fff])的(台数|件数|箱数|套数)(?=最多|最少)", "销量"),
    (r"谁是(拍板|做主|说了算)的(人)?", "谁是决策人"), (r"(跟进|拜访|联系|做)了些(啥|什么)", r"\1了哪些"),
    (r"\bno touch(es)?\b", "no follow-ups"), (r"\b(\d+|two|three|four|five) (people|guys|folks) (in|on|from)\b", r"\1 reps \3"),
    (r"\bbrought in the most (cash|money)\b", "collected the most"), (r"\bsmall (wins|deals)(?= (under|below|less than)\b)", r"\1"),
    (r"(\d{4})年(及|和|或)?(以后|之后)(?=入职|加入|入司|签|创建|成立)", r"\1年以来"),
    (r"(演示|demo)(还|都)?(没有|没|未)(约|安排)(过)?(?=的|[，,])", "还没约演示"),
    (r"没人上门(?!拜访)", "没有拜访"), (r"\bin[- ]person (visits?|meetings?)\b", r"\1"),
    (r"(?<=客户|商机|线索|合同|医院|门店)(当中|之中)(?=[，,]?)", "里"),
    (r"(?<=[率额])(不到|低于|高于|超过|不足)(一半|50%)的是哪(个|几个|些)区([?？])?$", r"\1 50%的是哪\3大区"),
    (r"的是哪(个|几个|些)区([?？])?$", r"的是哪\1大区"),
    (r"([一两二三四五六七八九])分之([一二三四五六七八九])",  # "赢单率不到四分之一": below 25%
     lambda m: f"{round(100 * TENTHS[m.group(2)] / TENTHS[m.group(1)], 2):g}%"),
    (r"(?<![\d.])(\d+|[一两二三四五六七八九十])个半(亿|千万|百万|万)",  # "一个半亿": 1.5亿
     lambda m: f"{(int(m.group(1)) if m.group(1).isdigit() else TENTHS.get(m.group(1), 10)) + 0.5:g}{m.group(2)}"),
    (r"(金额)?(是|为|在)?(五|六|七|八|九)位数(的)?",  # "金额是五位数的": from 10,000 to 99,999
     lambda m: f"金额在{10 ** (TENTHS[m.group(3)] - 1)}到{10 ** TENTHS[m.group(3)] - 1}之间的"),
    (r"\b(five|six|seven|eight|nine)[- ]figure (deals?|contracts?|opportunities|wins?|losses)\b",
     lambda m: (f"{m.group(2)} between {10 ** (EN_SMALL[m.group(1)] - 1)} and {10 ** EN_SMALL[m.group(1)] - 1}")),
    (r"\bin the (\S+) (to|-) (\S+) range\b", r"between \1 and \3"),
    (r"\b(leads?) (that )?(nobody|no one|no-one) (has been|is|was|got|has) (been )?assigned( to)?\b", r"unassigned \1"),
    (r"\b(emails?|calls?|visits?|messages?) (went out|were sent|got sent|sent out|were made)\b", r"\1"),
    (r"的?(那)?(几|[两二三四五六七八九十\d]+)(个|份|单)(在跟的?)?(商机|单子|合同|项目)(现在)?(分别|各自)(都)?(在|处于|是|到了?)?(什么|哪个|哪一个)"
     r"(阶段|状态)(了)?", lambda m: f"的{m.group(4) or ''}{'商机' if m.group(5) == '项目' else m.group(5)}有哪些"),
    (r"\baveraged (more than|over|above|less than|under|below) (\S+) (per|a) (won )?deal\b", r"average deal size \1 \2"),
    (r"^(which |what )?(reps|salespeople)( .+?)? (are|is) still (active|employed|with us)\??$", r"active \2\3"),
    (r"\b(visits|calls|meetings|demos) (to|with|at) (the )?(accounts|customers|clients)( in\b)?", r"\1 in"),
    (r"(?<=[额率数量])最高的是哪个(区|大区|区域)$", "最高的区域"),  # not a follow-up "最高的是哪个区"
    (r"^(the )?(two|three|four|five|ten) (?=[a-z]+( [a-z]+)? with the (highest|most|largest|biggest)\b)", r"top \2 "),
    (r"^(the )?(two|three|four|five|ten) (?=[a-z]+( [a-z]+)? with the (lowest|fewest|smallest)\b)", r"bottom \2 "),
    (r"\bconverts? leads (the )?best\b", "has the highest lead conversion rate"),
    (r"(?<=上周|本周|这周|下周)四(?=小时)", "4"), (r"(?<=率)(的)?变化(趋势|情况)?", "走势"), (r"介于", "在"),
    (r"千万级(的)?", "1000万以上的"), (r"第一名的(大区|区域)", "最多的1个区域"), (r"第一名的(团队|小组)", "最多的1个团队"),
    (r"[壹贰叁肆伍陆柒捌玖拾佰仟]+(?=[万亿元千百块])|[壹贰叁肆伍陆柒捌玖]?[拾佰仟][壹贰叁肆伍陆柒捌玖拾佰仟]*",
     lambda m: m.group(0).translate(FORMAL_DIGITS)),  # "伍拾万元": the numerals written on cheques
    (r"\b(above|below|under|over) an? (?=\d+(\.\d+)?%)", r"\1 "), (r"\b4[- ]hour response\b(?! rate)", "4-hour response rate"),
    (r"\bowned by (the )?(reps|salespeople|people) (of|in|on|from) (the )?(?=[\u4e00-\u9fff])", "owned by "),
    (r"\b(deals|opportunities) (did|do|have) we (open|opened)\b", r"\1 were created"),
    (r"(?<=新建的商机里)(已经)?推进到(了)?", "已经在"),
    (r"\b(installments|payments|invoices) (that |which )?(belong|belongs) to\b", r"\1 of"),
    (r"\b(that )?we('re| are) (currently |still )?(working|doing business) with\b", "that are active"),
    (r"\bconverts? (the )?best\b", "have the highest conversion rate"), (r"^how well do (.+?) convert\??", r"\1 conversion rate"),
    (r"卖了多少钱", "赢单金额多少"),
    (r"(?<=金额|数量|个数)分布(情况)?", ""), (r"(?<=[东南西北中])(两|三|几)个(大)?区(?=的)", ""), (r"放(在)?一起(看|比)", "对比"),
    (r"\bhow long on average have (.+?) been (sitting|stuck|sat|staying) in (the )?([a-z ]+?) stage\b",
     r"average days in the \4 stage for \1"),
    (r"第一名是(哪位|谁|哪个人)", r"最多的业务员是\1"), (r"\bwho('s| is) number one (in|for|on)\b", r"which rep has the most"),
    (r"\b(team|rep|region|month|stage|source|industry)-by-\1\b", r"by \1"), (r"\bwin rates\b", "win rate"),
    (r"(?<=低于|高于|超过|不到|不足|达到|大于|小于)([一两二三四五六七八九])成([一二三四五六七八九])(?![员交本])",
     lambda m: f"{TENTHS[m.group(1)] * 10 + TENTHS[m.group(2)]}%"),  # "超过一成五": above 15%
    (r"(?<=低于|高于|超过|不到|不足|达到|大于|小于)([一两二三四五六七八九])成(?![员交本])",
     lambda m: f"{TENTHS[m.group(1)] * 10}%"),  # "低于两成": below 20%
    (r"\b(\d+(?:\.\d+)?) (days|hours|weeks|months) (or more|or longer|and up|and above|\+)", r"at least \1 \2"),
    (r"\bpayment terms of (more than|over|at least|at most|less than|under|longer than|shorter than)\b", r"payment terms \1"),
    # typed in a hurry: fillers, thanks, "i mean" corrections, chat shorthand
    (r"^(嗯+|呃+|额+)[\s,，]*", ""), (r"^(那个|请问|hey|so|um+|uh+)[\s,，]+", ""),
    (r"[，,\s]*(谢谢|谢啦|多谢|thx|thanks|thank you|lol)[!！。.~～]*\s*$", ""), (r"[（(]元[)）]", ""),
    (r"^.*?(\.\.+|,)\s*i mean\s+", ""), (r"\bthru\b", "through"), (r"\bh([12]) (this|of this) (yr|year)\b", r"h\1"),
    (r"\bwhos\b", "who is"), (r"\bwhats\b", "what is"), (r"\bmgr\b", "manager"), (r"在根(?=的|商机|中)", "在跟"),
    (r"(?<![才刚])(已经)?进入(了)?(?=(商务谈判|谈判|方案报价|需求分析))", "在"),
    (r"\b(are |is )?priced (under|below|over|above|at least|at most|less than|more than)\b", r"with a list price \2"),
    (r"卖出(的)?(台数|件数|数量|箱数|套数)", "销量"), (r"(一共|总共)?买了多少(台|件|箱|套)", "销量是多少"),
    (r"买(得|的)最多的(?=[\d一二两三四五六七八九十]*(个|家)?(客户|医院|经销商|门店|区域|城市))", "销量最多的"),
    (r"\b(seats|licen[cs]es|pieces|pcs) sold\b", r"\1 units sold"),
    (r"(?<!units )\bsold by (account type|region|city|industry|province)\b", r"units sold by \1"),
    (r"\bwent to (a |the )?competitors?\b", "lost to competitors"),
    (r"^((?:and )?(?:show|with|include|add)\b.*?)\s+(too|as well|also)\s*([.?!]*)$", r"\1\3"),
    (r"^(and )?with how much is (still )?(unpaid|owed|outstanding)( on| for)?( each| them| each one)?\s*\??$",
     "with the unpaid balance"), (r"^(显示|带上|加上|附上)(负责人|金额)和客户$", r"\1\2和客户名称"),
    (r"\s*\binstead of (the )?[^,?.]{2,24}(?=[?.,]|$)", ""),
    (r"(a\s*[、/,，]\s*b\s*[、/,，]\s*c)\s*(各|三|3)类", r"\1类"), (r"各类(客户)(?=.{0,20}a\s*[、/,，]\s*b\s*[、/,，]\s*c)", r"\1"),
    (r"\b(have|has) never been (in|part of|on|logged in) any (activit(y|ies)|follow[- ]?ups?)\b", r"\1 never been followed up"),
    (r"\bstale (\d+)\s*(d|days?)\+?(?![a-z])", r"stale for more than \1 days"),
    (r"\b(that|which|who) already (have|has) (a|an|any) won\b", r"\1 \2 \3 won"),
    (r"(还)?带着(?=[^，,。？?]{0,6}产品)", "包含"), (r"\b(are|is) (still )?flagged as\b", r"\1"),
    (r"\beven though (they|it) (have|has)\b", r"that \2"),
    (r"\b(haven'?t|hasn'?t|have not|has not) (collected|received) any payments?( yet)?\b", "with no payment received"),
    (r"(已经|已)分配了?(负责人|人|销售)", "已分配的"),
    (r"[，,]?\s*但(其实|实际上)", "、但"), (r"(还)?挂在(.{2,6}?)(哪些|哪几个)(?=在跟|未关闭|商机|单子)", r"在\2\3"),
    (r"(?<=商机|单子|项目)上[？?]?$", ""), (r"存在(?=逾期|未|没)", "有"), (r"\b(deals|opportunities) (sit|sitting|sits) on\b", r"\1 on"),
    (r"\b(belong|belonging|belongs) to (contracts?|accounts?)\b", r"on \2"), (r"\bstill marked as\b", "that are"),
    (r"\breps who have left( the company)?\b", "inactive reps"),
    (r"(没|没有)(写|录|记|填)(过)?跟进(记录)?", r"\1跟进"), (r"一条跟进(记录)?都没(写|录|记|填)(过)?", "一次都没跟进"),
    (r"\bhaven'?t (i|we) (touched|contacted|followed up( on)?)\b", "have not been followed up"),
    (r"\bhaven'?t (i|we) visited\b", "have not been visited"),
    (r"\bwhat (were|was|are|is) (my|our|his|her|their) sales\b", r"what \1 \2 revenue"), (r"^整个", ""),
    (r"到期(的)?\s*回款([?？]?)$", r"到期的回款有哪些\2"), (r"\s+#\s*$", " count"),
    # "今年赢下来的单子里，超过五百万的是哪几个": the records said before, not people
    (r"(单子|商机|合同|订单|项目|回款|线索)(里|中|当中|里面)([，,])?([^，,。？?]{1,12}?)的(是|有)?哪几(个|单|份|笔|条)[?？]?$", r"\1\2\3\4的有哪些"),
    (r"(?<=[万亿千百\dwk])的(是|有)?(哪几个人|哪些人|哪几位|哪几个|谁)[?？]?$", "的业务员有哪些"),
    (r"\b(have|has|did) (i|we|he|she|they) (sold|sell) the most (units )?of\b", "have the most units sold"),
    (r"(线索)?响应最慢的", "线索平均响应时长最长的"), (r"(线索)?响应最快的", "线索平均响应时长最短的"),
    (r"\bon (the )?first (contact|response|touch)( with (their |the )?leads)?\b", "by lead response time"),
    (r"最(高|多|大|少|低)的产品线(?![前后\d一二三四五])", r"最\1的1个产品线"), (r"第一(名)?的产品线", "最高的1个产品线"), (r"(?<=[万千百亿w])(块钱|块|元)", ""), (r"(?<=\d)块(钱)?", "元"),
    (r"(赢单率|赢率|转化率|响应率|胜率)(高不高|怎么样|如何|咋样)", r"\1"), (r"\bgot a (response|reply) within\b", "contacted within"),
    (r"\bhow is (.{2,12}?) doing on (win rate|revenue|collections|pipeline)\b", r"\1 \2"),
    (r"\b(where|in which|on which|that) we (provided|gave|did|ran) (a |an )?pocs?\b", "with a poc"),
    (r"\b(in|on|from) the (northeast|northwest|southwest|north|east|south|central) (china )?teams\b", r"\1 the \2 china team"),
    (r"\bis (number one|no\.? ?1|#1) (for|in|on|by)\b", r"is top for"),
    (r"(?<=拜访|跟进|电话|通话)(没有|没)(挂|关联)(?=(商机|单子))", "未关联"),
    (r"\b(that |which )?(nobody|no one|no-one) (has |have )?worked( on)?( them| it)?( yet)?\b",
     "never contacted"),
    (r"\bbecause (there was|there's|there is|they had|of) (no|zero) budget\b", "due to no budget"),
    (r"\b(20\d\d)\s*q([1-4])\b", r"q\2 \1"),
    (r"\bthe (largest|biggest|smallest) (contract|deal|opportunity|installment|payment|quote)\b(?!s)(?![- ](amount|value|size|total|sum))"
     r"(?!.*\b(each|every|per)\b)",
     r"the 1 \1 \2s"),
    (r"进账(了)?(?=(多少|几)(笔|次)?(回款|钱|款))", "到账"),
    (r"\bpaid (an |any |a |their |some )?(installments?|payments?|invoices?) late\b", "paid late"),
    (r"(付款|回款|付钱)(时间)?(晚于|迟于|晚过)(应收日期|到期日|到期日期|应收日|约定日期)", "逾期才付款"),
    (r"(已经|已)?(收到|收回来|收回)(了)?(多少钱|多少(?![条个家份笔次位张单]))", "回款多少"),
    (r"\b(month|quarter|year)[- ]to[- ]date\b", r"this \1"), (r"\bwhy (are|did|do) we (losing|lose|lost) (deals|opportunities)\b", "lost deals"),
    (r"出了(多少|几)(份|个|张)报价", r"\1\2报价"), (r"(给我们|给咱们|给公司)?回了(多少|几多)(钱|款)", "回款多少"),
    (r"叫什么(名字)?", "是谁"), (r"谁(负责|管理|在管|手上|名下)的(?=[^，,。]{1,6}最(多|少))", "谁的"), (r"哪(个|位)联系人(能|可以)拍板", r"哪\1联系人是决策人"), (r"(谁|哪位)(能|可以)拍板", "决策人是谁"),
    (r"(?<=组)的?(组长|老大|leader|负责人)", "的经理"), (r"\bwho (manages|leads|runs) (?=\S*组)", "who is the manager of "),
    (r"这个\s*sku|\b(this|the) sku\b", ""), (r"(?<=组)管的", "负责的"), (r"是(\S{2,4})在管$", r"是\1负责的"),
    (r"\baccount owner\b", "owner"), (r"\bwhich rep (covers|handles|looks after) ", "who owns "), (r"(今年|去年|本季度|这个月|上个月|本月|上月)上了", r"\1买了"), (r"\b(than|under|over|below|above) (\S+) still owed\b", r"\1 \2 owed"), (r"(?<=线索)(已经)?分给(了)?(销售|业务员|人)(了)?", "已分配"),
    (r"\b(which|what) (installments|payments) did we (receive|recieve|get|collect) (money|cash|payment|anything) (for|on)\b",
     r"\1 \2 had money come in"),
    (r"(?<=[\u4e00-\u9fff])\s+数\s*$", "数量"),  # "近7天 新建商机 数": how many
    # keyword-style typing ("输单原因 分布 今年"): a space between two Chinese words separates nothing
    (r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", ""),
    # "the overdue amount owed by hospitals": who owes it, not a breakdown by hospital
    (r"\b(owed|owing|paid|bought|purchased) by (?=(the |our |all )?(hospitals|distributors|stores|schools|labs|customers|"
     r"accounts|clients)\b)", r"\1 from "),
    (r"\byrs?\b", "year"), (r"今年\s*ytd(?![a-z])", "今年"), (r"(?<![a-z])ytd(?![a-z])", "this year"), (r"\bmtd\b", "this month"), (r"\bwks?\b", "week"),
    (r"\bqtrs?\b", "quarter"), (r"\bmos?\b(?=\s|$)", "month"), (r"\bamt\b", "amount"), (r"\baccts?\b", "accounts"),
    (r"\bw/o\b", "without"), (r"\bw/(?=\s)", "with"), (r"\bw(?= open\b| any\b)", "with"), (r"\bhrs?\b", "hours"),
    (r"\b(\d+)\s*d\b", r"\1 days"), (r"\bsept?\b", "september"), (r"\boct\b", "october"), (r"\bnov\b", "november"),
    (r"\bdec\b", "december"), (r"\bjan\b", "january"), (r"\bfeb\b", "february"), (r"\baug\b", "august"),
    (r"\bopps?\b", "opportunities"), (r"\breps'", "reps"), (r"\bcurrent (quarter|month|year|week)\b", r"this \1"),
    (r"超(?=\s*\d)", "超过"), (r"本季(?!度)", "本季度"), (r"上季(?!度)", "上季度"), (r"赢的(?=单)", "赢单的"),
    (r"拜方", "拜访"), (r"跟近", "跟进"), (r"愈期", "逾期"), (r"在根(?=的|商机)", "在跟"), (r"汇款", "回款"),
    (r"\b(aren|isn|wasn|weren|haven|hasn|hadn|don|doesn|didn|won|can)t\b", r"\1't"),  # typed without the apostrophe
    (r"款项|款子", "款"), (r"丢(掉|了)(?=(的)?(医院|客户)?(的)?(哪些|哪几个|几个|多少)?(的)?(单|商机|项目))", "输掉"),
    (r"跟(医院|客户|经销商|门店)(?=签)", r"\1"), (r"都还没赢(过)?", "都没赢过"),
    (r"应收(账)?款", "应收"),  # "收款" alone is the collected amount
    (r"连(个|一个|一位)([^，,。？?都]{1,6})都(没有|没)(?!\S*(过|跟|拜访|联系|签|赢|回|收))", r"没有\2"),  # "连个决策人都没有"
    (r"\bclass-([abc])\b", r"class \1"), (r"(?<![a-z])abc\s*(三|3)?\s*(类|级)?(?=各|分别|分布|都)", "a、b、c类"),
    (r"^(?!.*合同)(.*?)平均一单", r"\1平均每单"),
    (r"\bonly count\b(?! of\b)(?!.*\binstead\b)", "only"),  # "only count installments over 90 days late": include
    (r"(?<![上这本])跟了(?=几次|多少次)", "跟进了"), (r"(前任|上一任|之前的同事)(留给|交给|转给)我的|接手(过来)?的(?=客户)", "我名下的"),
    (r"(?<!\d)(\d{1,2})\s*[-~～]\s*(\d{1,2})\s*月", r"\1月到\2月"),  # "7-9月"
    (r"([一二两三四五六七八九十]{1,3})点([零一二三四五六七八九]{1,2})(?=\s*(个)?(万|亿|w|百万|千万))",
     lambda m: f"{chinese_to_int(m.group(1))}.{''.join(str(chinese_to_int(c) or 0) for c in m.group(2))}"),
    (r"(转化|转换)成功|成功(转化|转换)", "已转化"),  # "转化成功的线索"
    (r"[，,]?\s*(没到期|未到期|还没到期|没有到期)的(也|都)?(要)?(算上|算进去|算在内|包括在内|包括进去|包含在内)", ""),  # still owed, due or not
    (r"\b(from|on|in|of) single (payments|installments|deals|contracts)\b", r"\1 \2"),
    (r"\bevery (rep|salesperson|sales rep|region|team|account|customer)('s|s')(?= [a-z -]{0,20}(count|amount|total|revenue|"
     r"pipeline|rate|number|sum)\b)", r"each \1's"),  # "every rep's follow-up count": one figure per rep
    (r"\bhow many minutes( in total)? (have|has|did|do) (we|they|you|i|the team|the reps|[a-z]+) (spend|spent)\b",
     "total minutes spent"),  # "how many minutes in total did the team spend on demos"
    (r"(欠[^，,。？?]{0,10}?)(还)?没(有)?(付|给|还|结)(清)?(?=[?？。]?$)", r"\1"),  # "还欠我们多少钱没付": what is owed
    (r"(各|每)(一)?类(型)?(的)?客户", "各客户类型"),
    (r"比一比|比比看", "对比"), (r"(?<![\w.])>\s*(\d+)\s*(days?)\b", r"over \1 \2"), (r">\s*(\d+)\s*天", r"超过\1天"),  # "stale deals >30 days"
    (r"\bacross all (regions|teams|reps)\b|\bcompany-wide\b|\bcompanywide\b", ""),
    # "deals were created in the last 30 days", "did the team create last week": created is their own date anyway
    (r"\b(were|was|got|been) created\b(?! (date|time|at)\b)(?!.*\b(follow|activit|visit|call|never|without|no)\b)", r"\1"),
    (r"\bcreate\b(?= (last|this|in|on|since|during|yesterday|today)\b)", ""),
    (r"\bnew (deals|opportunities|leads|accounts|customers) created\b", r"new \1"),
    (r"赢单(?=\s*(前\s*[一二两三四五六七八九十\d]|top\s*\d|排名|排行))", "赢单金额"),  # "赢单前三的销售": by won amount
    (r"平均(要)?(多少|几个?)小时(才)?(能)?(联系上|联系到|响应)", "平均响应时长"),  # "各类客户今年的赢单金额": by account type, not by account
    (r"(没|没有|未)回过款", "没有回款"), (r"倒数后|倒数最后", "倒数"), (r"\beach open stage\b", "each stage"),
    (r"(?<=拜访|跟进|联系)得(?=最(多|少|勤)(?!的))", ""),  # "谁拜访得最多"
    (r"^(那|and )?(都是|主要是|都)?(为什么|为啥|因为啥|因为什么|什么原因|啥原因)(会)?(丢|输)(的|了|掉)?(这些|那些)?(单子?|商机)?(呢)?[?？]?$"
     r"|^(那|这些|那些)?(单子?)?(都是|主要是)?(因为啥|因为什么|什么原因|啥原因)(丢|输)(的|了|掉)(呢)?[?？]?$|^(and )?why (did|do) we lose (them|those|these)"
     r"( deals)?\??$", "按丢单原因"),
    # "our A accounts": a class letter before a plural noun is no article
    (r"\b(our|my|the|all|any|his|her|their|which) ([abc]) (?=(accounts|customers|clients|hospitals|distributors)\b)",
     r"\1 class \2 "),
    # "成交额不低于200万的单子": the won deal's own amount, compared, like "赢单金额超过…"
    (r"(成交|签单)金?额(?=\s*(超过|不低于|不少于|大于|高于|达到|至少|低于|不到|小于|少于|在\s*[\d一二三四五六七八九十两]))", "赢单金额"),
    # an English question with a Chinese record word in it ("how many 经销商 have overdue payments"): the English word,
    # so the question is read as English throughout
    # "top 5 reps by 回款 this month", "monthly 回款 since July": the money collected, said between English words
    (r"(?:(?<=\bby )|(?<=\bmonthly )|(?<=\bweekly )|(?<=\bquarterly ))回款(?=\s+[a-z]|\s*[?.]?$)", "collected amount"),
    (r"(?<=[a-z] )(经销商|医院|客户|门店|学校|实验室|商机|线索|合同|回款)(?= [a-z])", lambda m: CODE_SWITCH[m.group(1)]),
    (r"^(那)?每(一)?家(?=(分别|还|都)?欠)", "各"),  # "每家欠多少" after accounts with overdue money
    (r"\b(are|is|were|was)n'?t\b(?= (hospitals?|labs?|distributors?|stores?|schools?|fully|yet|paid|closed|won|lost|"
     r"active|in\b))", r"\1 not"),  # "customers that aren't hospitals", "still aren't fully paid"
    (r"\bby (customers|accounts|clients|hospitals|reps) (that|who|which)\b", r"for \1 \2"),  # not a breakdown
    # colloquial typing: sentence-final particles, "三个亿", counters and verbs of speech
    (r"(?<=[\u4e00-\u9fff])\s*(呗|哈|啊|呀|嘛|啦|哦|喔|哟)(?=[\s?？。!！~～]*$)", ""),
    (r"(?<=[一二两三四五六七八九十\d])个亿", "亿"), (r"(多少|几)张(?=[?？。]?$)", r"\1份"),
    (r"\bgimme\b", "show me"), (r"\bno more than\b", "at most"), (r"\bno less than\b", "at least"),
    (r"\bhow many (different|distinct|unique) ", "how many "),
    (r"\bpriced (under|below|over|above|at most|at least)\b", r"with list price \1"), (r"(?<!客)单价(?=过|超过|高于|低于|不到|在|\d|[一两二三四五六七八九十])", "目录价"),
    (r"\bowes? (me|us) the most\b", "has the most"),
    (r"(?<=[天周月])(我|我们)?(收到|收)了?(?=(哪|几)[^，,]{0,3}(回款|款))", lambda m: (m.group(1) or "") + "的"),
    # "上周我收到了哪几笔回款": the payments received
    (r"(?<![记登])录了(?=哪些|几条|多少)", "有"),
    (r"(没|未|还没)(收回|收|回)(来)?的(部分|那部分|金额|钱)", "未收金额"),
    (r"^(那)?(今年|本月|这个月|上个月|本季度)?(主要)?(都)?输在(了)?(什么原因|啥原因|哪)(上|里)?[?？]?$", r"\2按丢单原因"),
    (r"\b(which|top|the|first|last|bottom) (seven|eight|nine)\b", lambda m: f"{m.group(1)} {EN_SMALL[m.group(2)]}"),
    (r"收到的(?=回款|款)", ""), (r"(?<![新创])建了(?=多少|几)", "新建了"), (r"\b(demos?|visits?|calls?) given\b", r"\1"),
    (r"\bhave (we|you|they|i) (gotten|got|received)\b", ""), (r"\b(happened|took place|occurred)\b", ""),
    (r"贡献了?(?=多少)", ""), (r"\b(lead|deal) volume\b", r"number of \1s"), (r"\bwere opened\b", "were created"),
    (r"\bowes? (us )?money( that'?s| which is)? (already )?(past due|overdue)\b", "have overdue payments"),
    (r"\bcame in (through|via) ", "came from "), (r"(标成|标记为|标记成|标为)(?=决策人|关键人)", "是"),
    (r"[，,]\s*[^，,]{0,10}(要用|要看|用的)[。.!！]?$", ""),  # "…，月度经营分析要用": what it is for
    # "how many contacts did we follow up with last week": the contacts followed up, not the ones created then
    (r"\b(did|have|has) (we|you|they|i|he|she) (follow|followed)[- ]?up\b(?!( with| on)? (the )?(most|least|more|less)\b)( with| on)?\b",
     "were followed up"),
    (r"走了(?=多少|几)", "卖了"), (r"销量最好", "销量最多"), (r"各(个)?组员", "各业务员"),
    (r"(?<![\d.])(\d+)万(\d)(?![\d万千百.])", r"\1.\2万"),  # "8万5" is 85,000
    (r"\b(were|was|got) opened\b", "were created"), (r"\b(aren't|isn't) (yet )?due( yet)?\b", "are not due yet"), (r"前前后后|来来回回", ""),
    (r"\b(\d+|two|three|four|five|ten) (biggest|largest|highest)\b", r"\2 \1"),  # "3 biggest": as "biggest 3"
    (r"\b(\d+|two|three|four|five|ten) (slowest|best|busiest)\b", r"top \1 \2"),
    (r"\b(slowest|best|busiest) (\d+|two|three|four|five|ten)\b(?![- ]hours?\b)", r"top \2 \1"),
    (r"\btop (\d+|two|three|four|five|six|ten) (best (?!months\b|customers\b|accounts\b|clients\b)|busiest )", r"top \1 "),
    (r"\b(top \w+ \w+) for (won revenue|revenue|won amount)\b", r"\1 by \2"),
    (r"\b(lowest|worst|smallest) (\d+|two|three|four|five|ten)\b(?![- ]hours?\b)(?= [a-z]+ by\b)", r"bottom \2"),
    (r"\b(lowest|worst|smallest|fastest) (\d+|two|three|four|five|ten)\b(?![- ]hours?\b)", r"bottom \2 \1"),
    (r"(?<![a-z])abc\s*(三|3)?\s*(类|级)(客户)?", r"a、b、c类\3"), (r"(跟进|拜访)(得|的)最(勤快|勤)", r"\1最多"),
    (r"(?<!bottom )\b(\d+|two|three|four|five|ten) (lowest|worst|smallest|fastest)\b", r"bottom \1 \2"),
    (r"跑(得|的)最勤", "拜访最多"), (r"(\d+(?:\.\d+)?)个(亿|w|万)", r"\1\2"),  # "3个亿"
    (r"\bwhat did (we|i|you|they|he|she|[\u4e00-\u9fff]{2,4}) book\b", r"what won amount did \1"),
    (r"\b(has|have|had) booked\b", "won"), (r"\b(got|get|gets|had) a first contact within\b", "contacted within"),
    (r"要收的(?=分期|款|回款)", "到期的"), (r"报(过|了)?(几|多少)次价", r"有\2份报价"), (r"\b(did .{1,30}? )(take|took)\b", r"\1buy"),  # FMCG: "无糖茶走了多少箱"
    # remarks around the request: "……，我要一笔一笔催", "下午跟华南开会，先帮我把……列出来"
    (r"(?<=[?？])\s*(这周|今天|回头|然后)?我(要|想|得|准备|打算|会|好)[^，,。？?]{0,20}(催|过一遍|看看|跟进|打电话|复盘|汇报|开会)[^，,。？?]{0,8}[。!！]?$", ""),
    (r"[，,。;；]\s*(这周|今天|回头|然后)?我(要|想|得|准备|打算|会|好)[^，,。？?]{0,20}(催|过一遍|看看|跟进|打电话|复盘|汇报|开会)[^，,。？?]{0,8}[。!！]?$", ""),
    (r"^(下午|上午|晚上|明天|待会儿?|一会儿?|马上)?(要)?(跟[^，,。]{1,8})?(开会|复盘|汇报|准备[^，,。]{0,8}复盘)[，,]\s*(先)?", ""),
    (r"^准备[^，,。]{0,8}(复盘|汇报|开会)[，,]\s*", ""), (r"^(请|麻烦)?(先)?(帮我|给我)?(先)?把", ""),
    (r"卖(的|得)(最多|最好)", "销量最多"),
    (r"(本月|这个?月)初(?=以来|到现在|至今|开始)", "本月"), (r"(?<=本月)(以来|到现在|至今|开始)", ""),
    (r"(几|多少)场(?=\s*(产品)?(演示|拜访|会议|电话))", r"\1次"), (r"用了(?=多少|几)", ""),
    (r"(?<=原因)输(掉)?的", "输单的"), (r"(还)?挂在(?=[^，,。？?]{0,8}名下)", ""), (r"名下(?=$|[？?。])", ""),
    (r"现在?归谁(负责|管|跟)?", "的负责人"), (r"合同(加起来|一共|总共)?(还)?欠(了)?多少(钱)?", "合同未收金额"),
    # what a customer still owes, due or not yet due: "还欠我们多少钱", "欠款最多的客户", "accounts owing us over 500k"
    (r"欠款(?=最多|最高|最大|排名|排行|前|金额|总额|多少|超过|在|介于|大于|小于|不到|低于|高于|$|[？?])", "未收金额"),
    (r"(加起来|一共|总共)?(还)?欠(着|了)?(我们|咱们|我司|公司)?(的)?(钱)?(?=超过|多于|大于|不止|\d)", "未收金额"),
    (r"(加起来|一共|总共)?(还)?欠(着|了)?(我们|咱们|我司|公司)?(多少钱|多少)", "未收金额"),
    (r"\b(amount|money) (still )?(owed|owing)\b|\bstill owed\b", "outstanding amount"),
    (r"\bowing( us)?( money)?\b", "with outstanding amount"), (r"(?<=[a-z])'ve\b", " have"),
    (r"\b(how much (has|have|did) .{1,30}? )(closed|close|booked|book)\b(?! (and|or) lost)(?![- ]lost)", r"\1won"),  # sales talk: closed = won
(r"(一共|总共|还)欠(了)?(?=多少)", r"\1"),
    (r"\b(owned by|belonging to|managed by|handled by|assigned to) the (sales ?rep|rep|salesperson)\b", r"\1"),
    (r"(^|(?<=本月|本周|上周|今年|这周|上月))团队(?=\s|逾期|回款|上周|本月|这个?月|今年|的|业绩|赢单|商机|客户|线索)", "我们团队"),
    (r"逾期(未付|没付)(的)?(?=回款|款|的款)", "逾期"), (r"逾期(未付|没付)(?=的)", "逾期"), (r"逾期(未付|没付)的?(?=款)", "逾期的"),
    (r"(有)?多大比例(在)?(?=4)", ""), (r"(?<!\d)4\s*小时(之内|以内|内)(完成了?)?(首次|第一次)(联系|响应)(上|到)?", "4小时响应率"), (r"卖(的|得)(最少|最差)", "销量最少"),
    (r"没人?去(?=拜访|拜会|上门)", "没"), (r"(?<=[周天月])去(?=拜访|上门)", ""), (r"(?<!现)还?在执行(?=的)", "执行中"), (r"多久能", "多久"),
    (r"汇总(?=(的)?(金额|总额))", ""), (r"(?<![0-9一二三四五六七八九十])(本月|这个?月)?月初(到现在|至今|以来|开始)", "本月"),
    (r"(?<![上下这本每])(\d+|[一二两三四五六七八九十])\s*(个)?(周|星期|礼拜)(?=以上|以内|之内|内|没|未|都没|还没)",
     lambda m: f"{_weeks(m.group(1)) * 7}天"),
    (r"(?<=卡了|超过|停了|待了)\s*(\d+|[一二两三四五六七八九十])\s*(个)?(周|星期|礼拜)", lambda m: f"{_weeks(m.group(1)) * 7}天"),
    # "一周多没跟进": more than a week
    (r"(?<![上下这本每])(\d+|[一二两三四五六七八九十])\s*(个)?(周|星期|礼拜)多", lambda m: f"超过{_weeks(m.group(1)) * 7}天"),
    (r"\b(\d+|two|three|four|five|six|eight) weeks\b", lambda m: f"{_weeks(m.group(1)) * 7} days"),
    (r"\b(more than|at least|over|fewer than|less than|under|above|below) (one|two|three|four|five|six|seven|eight|nine|"
     r"ten)\b", lambda m: f"{m.group(1)} {EN_SMALL[m.group(2)]}"),
    (r"\bno pocs? (scheduled|booked|set up|done|held)\b|\bno demos? (done|held)\b", lambda m: "no "
     + m.group(0).split()[1].rstrip("s")),
    (r"\bno demos? (booked|set up)\b", "no demo scheduled"),  # the deal's demo flag, as "no demo scheduled"
    # a demo "scheduled" is the deal's demo flag, not a demo follow-up logged
    (r"\b(never had|never got|without) (a |any )?demos? (scheduled|booked)\b|\bno demos? (was|were|has been|had been|"
     r"have been)( ever)? (scheduled|booked)\b", "no demo scheduled"),
    (r"\b(a )?demos? (was|were|has been|is|got)( ever)? (scheduled|booked)\b|\b(a )?demos? booked\b", "demo scheduled"),
    (r"\b(did|have|has|had) (we|you|they|i) (add|added)\b|(?<=\w )added\b(?= (in|last|this|since|during|over|to)\b)", ""),
    (r"(?<=[\u4e00-\u9fff、，, ])[又却](?=没|一单|一笔|一个|一条|有人)", ""),
    (r"\b[a-z]+ ?[(（]([\u4e00-\u9fff]{2,12})[)）]", r"\1"),  # "Kunming (昆明)": the Chinese name
    # how records were entered says nothing about them: "上周录了多少条跟进", "9月份建的线索"
    (r"(?<=[周天月年份号])(录入|录|记|登记)了?(?=多少|几)", ""), (r"(?<=一共|总共|全部|大家)(录入|录|登记|记录)了?(?=多少|几)", ""), (r"(录入|录|登记|记录)了(?=多少|几)", "有"),
    (r"录过(?=跟进)", "有过"), (r"(?<=跟进|记录)(都|也)(还)?没(录|记)", r"\1\2没有"), (r"(?<![创新])(录入|录|建|登记)的(?=(无效|有效)?(跟进|线索|联系人))", ""),
    (r"[，,。？?]\s*(我)?想(给|跟|让|找)(他们|她们|他|她|大家|这些人)[^，,。？?]{0,12}[。!！]?$", ""),
    (r"[，,]\s*(开会|周会|例会|晨会)(点名|表扬|通报)?(用|要用)?[。!！]?$", ""),
    (r"(?<=客户|医院|合同|商机|线索)(身上|上面)", "的"), (r"回款回了(?=多少)", "回款"), (r"(?<=[\u4e00-\u9fff])压着(?=多少)", ""),
    (r"\bzero (follow[- ]?ups?|activit(y|ies)|visits?|calls?)\b", r"no \1 at all"), (r"\bwith nothing (logged|recorded|entered) (against|on|for) (them|it)\b", "with no activity"),
    (r"\b(logged )?against (them|it)\b", ""),
    (r"\bnever had a single\b", "never had a"), (r"\btied up in\b", "in"), (r"\bbecause of\b|\bdue to\b(?= (price|timing|"
     r"budget|competitor|a competitor|product fit|relationship|no budget|no decision))", ""),
    (r"\b(haven'?t|hasn'?t|have not|has not) collected (a (single )?cent|anything|any money)( yet)?\b|\bwhere nothing "
     r"has been (collected|paid)( yet)?\b", "with no payment received"),
    (r"[，,]\s*(qbr|周会|月会|例会|复盘|汇报|开会)(上)?要用[。!！]?$", ""),
    (r"(超过|高于|低于|不到|多于|少于|大于|小于)了(?=\s*[\d一二两三四五六七八九十百千万亿])", r"\1"),
    (r"(?<=[\u4e00-\u9fff\s])跑了(?=几|多少)", "拜访了"), (r"(?<=[卡停待放拖])得(?=最)", ""), (r"\bowes? us(?= the most\b)", "have"),
    (r"\b(\d+(?:\.\d+)?) million\b", r"\1m"),
    (r"合同(编)?号(分别)?(是)?(多少|什么|哪个|哪些)", "合同有哪些"), (r"合同(编)?号(码)?(就行|就好|即可)?", "合同"), (r"\bcontract numbers?( for)?\b", "contracts"),
    (r"[，,]\s*(周一|每周|本周|例行|每周一)[^，,。]{0,6}(清理|检查|盘点|过一遍)[。!！]?$", ""),
    (r"[，,。]\s*(赶紧|赶快|快|马上)(看看|看一下|处理一下|处理|跟进一下|跟进)[。!！]?$", ""),
    (r"\b([abc])[- ]class\b|\bclass ([abc])\b", lambda m: f"{m.group(1) or m.group(2)}类"),
    (r"\bsince the (start|beginning) of the (quarter|month|year)\b", r"this \2"),
    (r"\bsince the (quarter|month|year|week) (started|began|start)\b", r"this \1"), (r"\bsince the (start|beginning) of\b", "since"), (r"\b(cash|money) (came|come|coming) in\b", "collected"),
    # everyday wording for words the parser knows
    (r"平均每(份|笔|个|家|条|位|次|期)", "平均"), (r"\bneeds-analysis\b", "needs analysis"),
    # "lost because the customer had no budget": the loss reason, said as a reason
    (r"\b(because|as) (the customer|the client|the account|they|customers|clients) (had|have|has|didn'?t have) no budget\b"
     r"|\b(because of|due to) (no|a lack of|lack of) budget\b", "for lack of budget"),
    (r"\b(lost|lose|losses)\b(.{0,30}?) (due to |because of |to |for |over |on )?(no|a lack of|lack of) budget\b",
     r"\1\2 for lack of budget"),
    (r"(因为|由于)(客户|对方|医院)(没有|没)预算", "因为没预算"),
    (r"\b(has|have|was|were) already been\b", r"\1 been"),
    (r"^(and |so )?what (are|were|is|was) (they|those|these|it|that|those deals|these deals|they all) (all )?worth\b",
     r"how much are \3 worth"), (r"(已经)?确认(为)?合格", "合格"),
    (r"(只|仅)?(到账|回款|回|付)了一部分", "是部分到账"),
    (r"(客户|医院|门店|经销商|学校|公司)(中|里)[，,]\s*有商机(卡在|停在|在|处于)(.+?)阶段的?$", r"\1\2，哪些有\3\4阶段的商机"),
    (r"买走了?", "买了"), (r"(已经)?出现(了)?逾期", "有逾期"), (r"(?<=[\u4e00-\u9fff])(两|三|几)地(?=[，,]|的)", ""),
    (r"买得最多", "销量最多"), (r"[，,]?\s*按(件数|件|数量|台数)算", ""), (r"(?<=以上的)大(?=合同|单|商机)", ""),
    (r"\btop (\d+|two|three|four|five|ten) (north|south|east|west|central|northeast|northwest|southwest)( china)? (cities|provinces)\b",
     r"top \1 \4 in \2\3"),
    (r"^what did (.+?)'s team (win|close)\b", r"how much did \1's team win"),  # a team's wins: their total (dev123, dev176)
    (r"^what did (.+?) win\b(?!.*\b(by|per)\b)", r"which deals did \1 win"), (r"\bwith (medical|fmcg|healthcare|retail|education) (accounts|customers)\b",
     r"at \1 \2"), (r"归(哪个|哪位|谁)(销售|业务员)?(管|负责|跟)", "是谁负责"),
    (r"\bwhich (deals|opportunities) (is|are) (.+?) (currently |still )?working on( right now| currently| now| at the "
     r"moment)?(?=\?|$)", r"which open \1 of \3"),
    (r"哪([两二三四五六七八九十\d]+)条(产品线|线)", r"哪\1个产品线"), (r"卖出去?的(数量|量)", "销量"),
    (r"(丢单|输单)最常见的([\d一二两三四五六七八九十]+)(个|大)原因", r"输单数最多的\2个输单原因"),
    (r"跟进(花|用)的时间", "跟进时长"), (r"(数量|金额|单率|单数)上(?=哪)", r"\1"),
    (r"哪([两二三四五六七八九十\d]+)个(行业|区域|大区|团队|产品|产品线|来源|城市|业务员|客户)领先", r"最多的\1个\2"),
    (r"\b(that |which )?(produced|generated|brought in|delivered)\b", "with"), (r"阶段就(?=超过|已经|有|达到|大于)", "阶段"),
    (r"\b(what (were|are|was|is) )?the (\w+) (main|top|biggest|most common|leading) reasons? (why )?(we lost deals|we lost|for "
     r"losing deals|deals were lost|for lost deals|we lose deals)\b", r"top \3 loss reasons by deals lost"),
    (r"\bwhere (is|are) (the )?(.+?) (most )?concentrated\b", r"\3"),
    (r"\b(that|which|who) (nobody|no one|no rep) (has been|is|was|got) assigned to( yet)?\b", "that are unassigned"),
    (r"\bin the (north|south|east|west|central|northeast|northwest|southwest|southeast)( china)? region\b", r"in \1 china"),
    (r"\b(for )?everything (signed|created|won|closed|received|paid)\b", r"\2"), (r"\b(overdue|outstanding) balances\b", r"\1 balance"),
    (r"\bhow does (our |the )?([a-z0-9-]+ )?(win rate|conversion rate|response rate|rate) look (on|for|in|across)\b", r"\2\3 of"),
    (r"\bhow does (our |the )?(.+?) vary (across|by|between|among|with)\b", r"\2 by"),
    (r"\bappeared in the most\b", "with the most"), (r"\bon (our|the) books\b", ""), (r"\bwon \$", "won amount"),
    (r"\b(province|city|region|team|rep|industry|stage|source) by \1\b", r"by \1"), (r"ü", "v"),
    (r"\b(any )?single (payments?|deals?|contracts?|orders?|installments?)\b", r"\2"),
    (r"(\d+(\.\d+)?\s*(m|k|w|万|mil|million)?)\s*plus\b", r"at least \1"),
    (r"^(the )?same (thing|question|numbers?|figures?|again) (for|in|but for|but in)\b", "what about"),
    (r"^((which|what|who) (are|were|is|was) |which |rank |name |list |show( me)? |give me )?the (\d+|two|three|four|five|six|seven|eight|nine|ten) (\w+) with the (most|highest|biggest|largest)\b",
     r"top \5 \6 with the \7"),
    (r"\b(\w+) best[- ]selling (products|items)\b", r"top \1 \2"), (r"\bbest[- ]selling\b", "top"),
    # "账期超过120天": days of payment terms compared, never a window of the last 120 days
    (r"(?<=账期)长于", "超过"), (r"(?<=账期)短于", "少于"),
    (r"(账期|payment terms)\s*(超过|大于|多于|少于|不到|低于|over|above|under|below|more than|less than|longer than|shorter than|"
     r"of more than|of over|of under|of less than)\s*(\d+)\s*(天|days?)", r"\1 \2 \3"), (r"眼下|当下", "目前"),
    (r"(没|没有)(有过|过|录过|写过|记过|填过|登记过|提交过|参与过)(一条|任何|一次)?(的)?跟进(记录)?", "没有跟进"),
    (r"没给(他们|客户|人家|对方)?(做|安排)过", r"没\2过"),
    (r"(快消|医疗|工业|教育)类?的产品", r"\1类产品"),
    (r"\bsoftware (?=(companies|company|firms?|vendors?|customers?|accounts?|clients?)\b)", "saas "),
    (r"这条(产品)?线(下面|下边|底下|下|里面|里)?(都|一共)?(卖|有|包括)?(?=(哪些|哪几个|哪几款|什么)产品)", "产品线有"),
    (r"各家(医院|客户)的(?=院长|主任|科主任|联系人|采购|关键人|决策人)", r"\1的"), (r"销售(小组|团队)(?!长)", "团队"), (r"(?<=率)(有)?多高", "是多少"),
    # "应收余额（含未到期的）": what is still owed already counts installments not yet due
    (r"(余额|未收金额|待收金额)((分别)?(是|有)?(多少)?)\s*[（(]\s*(含|包括|包含|连同)(未到期|没到期|还没到期)的?(部分)?\s*[）)]", r"\1\2"),
    (r"\bhow (are|is) (.+?) spread (across|over|among|between)\b", r"\2 by"), (r"\bspread (across|over|among)\b", "by"),
    (r"\b(kinds?|sorts?) of (follow[- ]?ups?|activit(y|ies))\b", "activity type"), (r"\btotals\b", "total"),
    (r"\bhow often do(es)? (we|i|they|you|he|she) win\b", "win rate of"),
    (r"\b(installments?|payments?) (scheduled|planned|falling due)( for)?\b", r"\1 due"), (r"还?剩(下|余)?(?=多少|几)", ""), (r"各自", "分别"), (r"到账(?=多少)", "回款"),
    (r"截[至止](今天|今日|目前|当前|现在|到现在)[,，]?", ""),
    (r"(今年|本年|本季度|这个?季度|本月|这个?月|本周|这周)(以来|至今)", r"\1"), (r"全公司(的)?", ""),
    (r"(今年|本年|去年)(的)?(第[一二三四1-4]季度)", r"\1\3"), (r"每一位", "每位"),
    (r"\bsales teams?\b", "teams"), (r"\bfour[- ]hour\b(?= response)", "4-hour"), (r"\bfour hours\b", "4 hours"), (r"\b(fall(s)?|fell|falling|came) due\b", "due"),
    (r"\baverage size of\b", "average deal size of"), (r"\bas of (today|now)\b", ""),
    (r"\bowed to us by\b", "of"), (r"\b(currently )?owed to us\b", ""), (r"^(?!.*\btop\b)(.*?)\bcombined\b", r"\1total"),
    (r"\bcredited to\b", "of"), (r"\bcontract numbers\b", "contracts"), (r"\bin (my|our) own pipeline\b", ""),
    (r"\b(have |has )?gone (more than |over )?(\d+) days without (any |a )?(follow[- ]?ups?|activity|contact)",
     r"no follow-up in the last \3 days"), (r"收到了?(?=多少)", ""),
    # a purpose clause around the request ("…，以评估各渠道的获客效果", "为便于季度复盘对比…，"): not a condition
    (r"[，,]?\s*(以评估|以便|为便于|为了便于|供(?!应|货)|作为)[^，,。？?；;]*(对比|评估|参考|复盘|基数|分析|效果)[^，,。？?；;]*[，,]?", ""),
    # courtesy and context around the request: "……，谢谢", "上周回款多少，急用", "QBR要用，", "For the QBR deck:", "hi,"
    (r"[，,。!！\s]*(谢谢|多谢|辛苦了?|急用|急|在线等)[!！。.]?$|[，,.!]?\s*\b(thx|thanks|thank you|ty)[!.]?$", ""),
    (r"^(hi|hey|hello|quick one|quick question|qq)\b[,:：!]?\s*", ""), (r"^(你好|您好|在吗|麻烦问下)[，,!！]?\s*", ""),
    (r"^[^，,:：。]{0,12}(qbr|复盘|汇报|deck|老板要看|领导要看|老板让|领导让|盘点|audit|报给)[^，,:：。]{0,8}[，,:：]\s*", ""),
    (r"(列出来|[，,。])\s*我(要|想|得|好|来)?(一笔一?笔|一个一?个|挨个)?(催|打电话)[。!！]?$", ""),
    # "（收没收的都算）", "（不管收没收）", "paid or not": every installment, whether paid or not
    (r"[（(]?((不管|无论)(收没收|付没付|收了没收|付了没付|是否收到)的?(都算)?|(收没收|付没付|收了没收|付了没付)的?都算)[）)]?"
     r"|[,，]?\s*\b(paid or (not|unpaid)|whether paid or not)\b", ""),
    (r"(?<=合同)号(?=发|列|拉|[，,]|$)", ""),
    (r"[？?。，,]\s*[^，,。？?]{0,10}(要|得|准备|打算|需要)[^，,。？?]{0,10}(复盘|打招呼|提前约|找关键人|汇报|开会)[。!！]?$", ""),
    (r"\s*[-–—,]\s*(i )?(need|needed) (the list|it|this|them)? ?(for|before) [^,.?]{0,40}$", ""), (r"(帮忙|帮我|麻烦)?(发我|发给我|发一下|发下)(一下)?", ""),
    (r"(麻烦|帮忙|帮我)?(算|计算|拉)一下", ""), (r"(?<=率)(咋样|怎么样|如何|怎样)(了)?(?=[?？]?$)", ""),
    (r"\b(?:for )?(?:each|every) ((?:north|south|east|west|northeast|northwest|southwest|southeast|central)(?: china)?) "
     r"team\b", r"by team for \1 teams"),
    (r"(?<=[\u4e00-\u9fff])\s*[（(][a-z &/'-]+[)）]", ""), (r"\blost \(churned\)", "churned"),
    (r"(\d+(?:\.\d+)?)\s*kw(?![a-z])", r"\1千万"), (r"多少(盒|箱|瓶|支|套)", "多少件"), (r"(?<=台)/(盒|箱|件)", ""),
    # a demonstrative after what it points at: "医学影像这两条线", "检验实验室这类客户", "嘉禾这几条线索"
    (r"(?<=[\u4e00-\u9fff\w])这(两|几|三|四|一)?(条|类|个|家|种|笔|份)(?=客户|医院|线索|商机|单子|合同|回款)", ""),
    # "in the past week" is the last seven days; "last week" stays the calendar week
    (r"\b(in|over|during|within) the (last|past) week\b", "in the last 7 days"),
    # what is still owed, said as a shortfall: "一共还差多少钱没收回来", "还差多少"
    (r"(还)?差多少(钱)?(没(有)?(收|回)(回来|上来|齐)?)?", "还有多少钱没收回来"), (r"(?<=哪几)期(?=款)", "笔"),
    (r"(还)?没关的(?=单子|商机|项目|单)", "未关闭的"), (r"\b(company|team)[- ]wide\b|\bacross the (company|board)\b|全公司", ""),
    (r"[,，]?\s*\b(due or not|whether due or not|overdue or not)\b", ""),
    (r"\b(don'?t|doesn'?t|do not|does not) have a poc( yet)?\b", "no poc yet"), (r"\b(on|from) my (phone|mobile)\b", ""),
    (r"\b(don'?t|doesn'?t|do not|does not) have a demo scheduled( yet)?\b", "no demo scheduled yet"),
    # emphasis that adds nothing: "压根没人联系过", "根本没跟进"
    (r"(压根(儿)?|根本)(?=没|不|未)", ""),
    # month and year ends: "closing before the end of the month", "月底前要收的款"
    (r"\b(before|by) (the )?end of (the |this )?month\b", "this month"),
    (r"\b(before|by) (the )?(end of (the |this )?year|year[- ]end)\b", "this year"), (r"(本月|这个月)?月底(之前|前|以前)", "本月"),
    # packaging words count units: "how many cases of the milk powder", "total boxes of the glucose test kit"
    (r"\b(boxes|cases|cartons|packs|bottles|pieces|sets|seats|licen[cs]es) of\b", "units of"),
    (r"\bhow much did (.{1,40}?) pay( us)?\b", r"how much was collected from \1"), (r"\bvia\b", "from"),
    (r"\bnational(ly)?\b|\bnationwide\b", ""), (r"\b(receivables?|ar) balance\b", r"\1"),
    (r"\bwith a due date (?=this|next|last|in\b)", "due "), (r"\b(?!(?:minutes?|mins?|hours?|hrs?)\b)(\S+) or more\b", r"at least \1"), (r"\b(\S+) (or|and) (higher|above|up)\b", r"at least \1"), (r"\ba single (visit|follow[- ]?up|call)\b", r"a \1"),
    (r"[？?。，,]\s*我(想|要)(接|抢|拿)[^，,。？?]{0,8}过来[。!！]?$", ""),
    (r"(连)?一个决策人(联系人)?(都|也)没(有)?", "没有决策人"), (r"((已经)?确认(是|为))?(已确认的?)?有效(的)?线索", "已确认线索"),
    # lead-desk words: "官网留资的线索", "被判成无效的", "没人处理过的", "the unassigned leads in the queue"
    (r"留资(?=的?线索)|(?<=官网|网站|微信)留资", ""), (r"(已经)?被(我)?(判成|判为|判定为|定为|标成|标为|标记成|标记为)(?=无效)", ""),
    (r"(还)?没(有)?人处理(过)?", "未处理"), (r"\b(sitting )?in the queue\b", ""), (r"(?<=线索)的分布", "数量"),
    (r"\bpicked up\b(?= in| on| this| last| since| during)", "assigned"),
    (r"(分别|各自)(是)?(谁在(跟|跟进|负责|管)|归谁(负责|管|跟)?)(?=[?？]?$)", ""),  # each one's owner is a column of the list
    (r"逾期(没|未)(收回来|收回|收到|收|付)的?钱", "逾期金额"),
    (r"\bhow much is (overdue|past due)\b", "overdue amount"),
    (r"\b(which|what|all|the|our|of|in|are) ([23][ab])(?= hospitals?\b)", r"\1 grade \2"),  # "which 3a ...": no top 3
    (r"\b(have |has )?gone stale\b", "stale"), (r"\b(never|didn'?t|did not|haven'?t) (provide|provided|do|did|run|ran|give|"
     r"gave|done|given) (a |any )?pocs?\b", "no poc"), (r"\buntouched\b", "never contacted"), (r"\bcounted by\b", "count by"),
    (r"\ba single (demo|meeting)\b", r"a \1"),
    (r"\b(were|was|are|is|been) (marked|flagged|set) (as )?(?=[a-z])", r"\1 "), (r"(?<=产品线)下面", ""),
    (r"[（(]?(不管|无论)(到没到期|是否到期|有没有到期|到期没到期)[）)]?", ""),
    (r"\bwhat'?s the history with (.{2,40}?)\?\s*", r"\1 "), (r",? and why\??$|,? and the reason for each\b", ""),
    (r"[，,]\s*(是)?什么原因[?？]?$|[，,]\s*原因是(什么|啥)[?？]?$", ""),
    (r"(现在)?(都)?(走|推进|推)?(到|在|是)?(哪一步|哪个阶段|什么阶段)(了)?(?=[?？]?$)", ""),
    (r"(?<=[\u4e00-\u9fff])(那|这)几(个|家|条|笔|份|单)(?=单子|商机|合同|客户|医院|线索|回款|分期|订单)", "的"),
    (r"部分回款|(只)?回了一部分(款)?|只付了一部分(款)?", "部分付款"),  # the status, before 回款 is read as money collected
    (r"(?<=[\u4e00-\u9fff])的?(那|这)几(期|笔)(?=$|[，,。？?]|分期)", ""),
    (r"\s*[-–—]\s*anything (still )?open( there)?\??$", " open deals"),
    (r"(因为|由于)没(有)?预算", r"\1无预算"),
    # remarks after the question: "…? want to set up intro calls", "…，我想先约他们聊聊", "…，我看看哪个区最能打"
    (r"[?.!]\s+(i )?(want|need|wanna|finance|my boss|the boss|so i can|trying)\b[^?]{0,80}$", "?"),
    (r"[，,。？?]\s*我(想|要|得|先|来)?(想|要)?(看看|约|先约)[^，,。？?]{0,12}(聊聊|聊一聊|谈谈|最能打|最强|心里有数)[。!！]?$", ""),
    (r"^(刚来|新来的?|刚到|刚接手(?!(华东|华南|华北|华中|西南|西北|东北)))[^，,:：]{0,10}[，,:：]\s*(先)?(熟悉一下[^，,:：]{0,6}[，,:：])?\s*", ""),
    (r"[，,]?\s*(按|以)(小时|分钟)(算|计)$|[，,]\s*(单位)?(分钟|小时)$|\bin (hours|minutes)\b|\((min|mins|minutes|hrs|hours)\)", ""),
    (r"(跟进|拜访|电话|微信)(数|量|次数)?(才|只有|只)?个位数", r"\1不到10次"),
    (r"\bhow much (does|do|did) (.{1,40}?) (still )?owe( us)?\b", r"outstanding amount of \2"),
    # how the answer should look: names or ids only
    (r"[，,]?\s*(列|只要|给我)?(下|个)?(名字|id)(就行|就好|即可|就可以)", ""),
    (r"[,(-]?\s*\b(just )?(the )?(\w+ )?ids( only| pls| please)?\)?\s*$|\bids only\b", ""),
    (r"(?<=谁)去(?=跟|拜访|见|看)", ""), (r"跟进得(最)?多", "跟进最多"), (r"用得最多", "最多"), (r"谁最勤快", "谁跟进最勤"),
    (r"(?<=[\u4e00-\u9fff])压了(?=多少)", ""), (r"\bcounts\b", "count"), (r"\bdeal amounts\b", "deal amount"),
    (r"\bwhat did (.{1,20}?) log\b", r"activities logged by \1"), (r"进(来)?的(?=线索)", "的"),
    (r"\btop (\d+) on my team\b", r"top \1 reps on my team"), (r"(?<=[那这])单(?![子据号数价])", "个单子"),
    (r"没人?跟过", "没跟进过"), (r"(?<=谁)跟过", "跟进过"), (r"(?<=在跟的|在谈的)单(?![子据号数价])|(?<=[赢丢输]的)单(?![子据号数价])", "单子"),
    # examples in brackets are not a filter: "按方式(拜访/电话/微信这些)统计"
    (r"[(（][^()（）]{1,30}(这些|等等|等|之类|什么的|\.\.\.|…+|\betc\.?|\be\.g\.?)[)）]", ""),
    (r"[(（](e\.g\.|such as|like) [^()（）]{1,30}[)）]", ""),
    (r"还(要|得|需要|有)收(多少钱|多少)|还有多少(钱)?没收(回来|到|齐)?", "未收金额多少"),
    (r"\b(less than|more than|over|under|at least|above|below) (\S+) (still )?(owed|outstanding|unpaid)\b", r"unpaid \1 \2"),
    (r"(?<![a-z])ar(?![a-z])(?=.*[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])ar(?![a-z])", "应收"),
    (r"\b(total |overdue )?ar\b", lambda m: f"{m.group(1) or ''}receivables"),
    (r"\bbtw (?=(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)", "between "), (r"^#\s*", "number of "),
    (r"\bw/\s*", "with "), (r"\bthis wk\b", "this week"), (r"\blast wk\b", "last week"),
    (r"\b(at least (one|1)|one or more|1 or more) (?=(follow[- ]?up|activit|visit|call|demo|meeting|touch|decision[- ]maker|contact))", "a "),
    (r"\bhow many minutes did (the |our |all )?(reps|salespeople|sales reps|we|they) spend (on|in|doing)\b", "total minutes"),
    (r"\bhow many minutes did (.{1,40}?) spend (on|in|doing)\b", r"total minutes \1"),
    (r"\b(total )?(minutes|time) (spent|spend)\b", "total minutes"), (r"^(ok|okay|alright)[,.]?\s+", ""),
    (r"\breach(ed)? within (4|four) hours\b", "contacted within 4 hours"), (r"\ba single payment\b", "a payment"),
    (r"既(?=没)", ""), (r"\b(avg|average) contract size\b", "average contract value"),
    (r"\boutstanding balances?\b", "outstanding amount"), (r"\b(are )?(carrying|sitting on|holding) the (most|largest|biggest) "
     r"(overdue|past[- ]due) (money|amounts?|balances?|receivables?)\b", r"with the most overdue amount"),
    (r"\bhow much (have|has) (.{1,30}?) paid( us)?\b", r"how much was collected from \2"), (r"(?<=没收|未收)的部分", "的"),
    (r"部分回款(?=的分期|的回款)", "部分付款"), (r"一期(都|也)(还)?没(付|收到|回款)", "一分钱都没付"), (r"\b(for )?each of (my|our) (reps|team members|people)\b", r"\2 reps by rep"),
    (r"\beach of (my|our) (accounts|customers|clients)\b", r"\1 each account"), (r"\b(currently )?owes? us (overdue|past[- ]due) (money|amounts?|payments?)\b",
     "have overdue payments"), (r"\brecieve", "receive"), (r"\bbehind on (payments?|paying)\b", "overdue"),
    (r"[？?。]\s*[^，,。？?]{0,12}(要|得|需要)[^，,。？?]{0,6}(核|核对|确认|对)一下[。!！]?$", ""),
    (r"(的)?合同号是多少", "的合同"), (r"^(?!how many\b)(.*?)\b(and )?what (are|is) (they|it|each( one)?) worth\b", r"\1"), (r"[两三四五]份(?=合同(加起来|一共|总共|合计|未收))", ""), (r"\bar outstanding\b", "outstanding receivables"),
    (r"\brn\b", "now"), (r"[-–—,]?\s*(want|wanna|going) to chase (them|it)[^,.?]{0,20}$", ""),
    (r"(?<=\d)\s*w(?=[?？]?$)", "万"), (r"多少w(?=[?？]?$)", "多少"), (r"\bactve\b", "active"),
    (r"[，,]?\s*(做|画)(个)?(趋势图|图表|图)(用)?[。]?$", ""), (r"在手(的)?(?=商机)", "在跟"), (r"(在跟|在手|未关闭)的?商机(的)?(总金额|总额|金额合计|合计金额|金额加起来)", "在跟商机金额"),
    (r"\b(have|has|with) (more than|over|at least|less than|under) (\S+) (sitting |tied up |locked up )?in (open deals|"
     r"(the |their |open )?pipeline|open opportunities)\b", r"\1 open pipeline \2 \3"),
    (r"\b(totalling|totaling|adding up to|that add up to|summing to)\b", "total"), (r"(标记|标注)(为|成)(?=[^，,。？?的]{1,8}的[\u4e00-\u9fff])", ""),
    (r"\bpl[sz]\b", "please"), (r"\bended up\b", ""), (r"\bby volume\b", ""), (r"\bmoved the most units\b",
     "sold the most units"), (r"最勤快", "最勤"), (r"小单", "单"), (r"(?<=\d[wk万千])\s+(?=以上|以下|以内|及以上)", ""),
    (r"(?<=\d)\s+(?=[wk万千亿](?![a-z]))", ""),
    (r"\bhow big is\b", "how much is"), (r"(?<!year )(?<!month )(?<!quarter )\bto date\b", ""), (r"\bthrough(?= (the |our )?(website|web|referrals?|wechat|"
     r"trade[- ]shows?|cold calls?|events?))", "from"), (r"\bdid (.{1,30}) receive\b", r"were received by \1"),
    # chat shorthand mixed into Chinese, and slips the fuzzy matcher cannot see (short words, a dropped last letter)
    (r"(这个|这|本|当)\s*q(?![a-z0-9])", "本季度"), (r"上个?\s*q(?![a-z0-9])", "上季度"), (r"win\s*率|胜率|营单率", "赢单率"),
    (r"\bwin\s*%", "win rate"), (r"营单", "赢单"), (r"消售", "销售"), (r"(?<=\d)\s*hrs?\b", " hour"),
    (r"\bconv\.? rate\b", "conversion rate"), (r"\bdisqual(ification)? rate\b", "disqualification rate"),
    (r"\byday\b", "yesterday"), (r"(?<= )r(?= [a-z])", "are"), (r"\bthe co\b(?![-.])", "the company"),
    (r"\bbuget", "budget"), (r"\brevenu\b", "revenue"), (r"\bquater", "quarter"),
    (r"(?<=[\d一二两三四五六七八九十]个)区(?!域)", "大区"), (r"(?<=的)\s*sales\b(?![a-z])", "销售"),
    (r"(?<![a-z0-9])h([12])(?![a-z0-9])(?=.*[\u4e00-\u9fff])", lambda m: "上半年" if m.group(1) == "1" else "下半年"),
    (r"(销量.*?)\s*[，,]?\s*按销量(排|算|排名|来排|来算)?$", r"\1"),  # "卖得最好的3个产品 按销量": said twice
    (r"\bwhat did (.{1,20}?) close\b", r"won deals of \1"),
    (r",? including (the |their )?(team )?manager\b", ""),  # a team's members include its manager
    (r"成交了?多少(钱)?(?![单个笔件家次台条份])", "成交金额多少"),  # "今年成交了多少": money; "成交了多少单" counts
    # an account's owner said other ways: "which reps cover distributors in Guangxi", "hospitals 黄勇 is responsible for"
    (r"\b(is|are) (responsible for|in charge of)\b", "own"), (r"\b(responsible for|in charge of|covering)\b", "owning"),
    (r"\b(cover|covers|covered)\b", "own"),
    (r"(?<=客户|医院|门店|学校)(的)?合同(都|也)?(已经)?签(了|过)|(?<=经销商)(的)?合同(都|也)?(已经)?签(了|过)", "签了合同"), (r"[，,]\s*可(?=到现在|至今|现在|还|一)", "，但"),
    (r"没人认领|无人认领|没认领", "没分配"), (r"\bunclaimed\b", "unassigned"), (r"(?<=组)下面(?=有|的)", ""),
    (r"[，,]?\s*(把)?名字(都|全)?(列出来|列一下|列给我|给我列一下|给我)", ""), (r"\bwhat (products )?do we sell\b", "which products"),
    (r"收了(?=多少条|几条)|收到了?(?=几笔|多少笔)", ""), (r"应收到期", "到期应收"), (r"\bstacks? up (against|to|with)\b", "vs"),
    (r"(一个)?(决策人|关键人)(都|也)(还)?(没|没有)(录|登记)(过)?", "没有决策人"), (r"(没|没有|未)(录|登记)(过)?(决策人|关键人)", "没有决策人"),
    (r"\bclosed[- ]won\b|\bwon-won\b", "won"), (r"\bpast-due\b", "past due"), (r"没有决策人(录|登记)(过)?", "没有决策人"),
    (r"^(这里面|这当中|这其中)", "其中"), (r"(?<=[月度年周])(比|对比)(呢|看看|下)?(?=[?？]?$)", "比一下"),
    (r"^(and )?compare (it |that |them |this )?(with|to|against) ", "vs "),
    (r"\bwhat'?s (still )?(outstanding|owed|unpaid|left to collect) on\b", "outstanding amount of"),
    (r"(?<=\d)\s*(这个|这份|该)(?=合同)", ""),
    # units bought or sold: the verb before the count says nothing more than the units do ("买了几台X5")
    (r"(?<![能会够以要])(买|卖|采购|进|出|订)(了|过|掉|出去|出)?(?=(一共|总共)?(几|多少)(台|件|盒|套|支|箱|瓶))", ""),
    (r"卖(了|出|出去)?(几|多少)(?=单|笔|个单)", r"赢了\2"),  # "卖了几单": won deals, not units
    (r"\b(have|has) never been (part|involved) (of|in|with) (any |an? )?(activit(y|ies)|follow[- ]ups?)\b",
     r"\1 never been followed up"),
    # what an account bought is products: "What has X bought from us?", "X都买过啥"
    (r"\bwhat (has|have|did) (.{2,40}?) (actually |ever )?(bought|buy|purchased|purchase)\b", r"which products has \2 bought"),
    (r"(买过|采购过|买了)(些)?(什么|啥)(产品|东西)?", r"\1哪些产品"),
    (r"^(\d+|two|three|four|five|ten) (accounts|customers|reps|deals|hospitals|regions|teams|products)\b(?=.*\b(most|highest|"
     r"biggest|largest|fewest|least|lowest)\b)", r"top \1 \2"),
    (r"(合格|qualified)(的)?[、，,]?\s*(但|但是|而且)?(还|尚)?(没|未)(有)?转化(的)?", r"\1\2"),
    (r"\b(but|and) (haven'?t|have not|hasn'?t|has not|not)( yet)? (been )?converted( yet)?\b", ""),
    (r"\b(on average )?how long have (.{1,40}?) been (stuck |sitting |sat )?(in|at) (that|this|the|their current|their) stage\b",
     r"average days in stage of \2"),
    # a lead's conversion denied: the status left out ("合格但未转化" above keeps its own reading)
    (r"(?<![都也])(还|尚)?(没有|没|未)(被|能)?(转化|转换)(成客户|成功)?(?!率)", "不含已转化"),  # not "一条都没转化的业务员"
    (r"\b(did not|didn't|haven't|hasn't|have not|has not|never|not yet|not)( yet)? (been )?(convert|converted)\b( yet)?(?! (a|any|one|the)\b)"
     r"|\bunconverted\b", "not converted"),
    (r"新(加|添加|录入|录|建档)(?=了|的)", "新增"),  # "最近30天新加了哪些联系人": created
    (r"(?<![未没有已经])(分配|派发|指派|派)了?(?!的|出去|状态)(?=[^，,。？?]{0,12}线索)", "分给"),  # "这周派了多少条线索给销售": assigned
    (r"(?<=线索)(给|分给)(销售|业务员|大家|下面)(?=[?？。]?$)", ""),
    # "去医院上门拜访", "跑医院拜访最多", "对医院的跟进": the going, not a name
    (r"(?<![过回失面相])(去|跑|对)(?=(医院|客户|门店|经销商|学校|实验室)(上门)?(的)?(拜访|跟进|上门))", ""),
    (r"(^|[\s,，])(um+|uh+|erm+|hmm+)\b[,，]?\s*", r"\1"),  # spoken fillers typed out
    (r"(?<=[\dkmw万亿])\s*(cny|rmb)\b|\b(in )?(cny|rmb)\b", ""),  # amounts are in yuan anyway
    (r"\b(top|the|biggest|largest) (\w+ )?(hospital|distributor|store|school|lab|customer|account)s? wins\b",
     r"\1 \2won deals at \3s"),  # "top ten hospital wins": won deals, not hospitals
    (r"\b(at this point|as of (now|today)|right now|at the moment)\b", ""),
    # "逾期时间最长的5笔应收款，各逾期多少天": the longest overdue, which shows its days overdue anyway
    (r"逾期(的)?(时间|天数)最(长|久|多)", "逾期最久"), (r"(?<=逾期最久)(.{2,20}?)[，,]\s*(各|分别|都)?逾期(了)?(多少|几)天[?？]?$", r"\1"),
    (r"(每个|每一个|各个)(销售|业务)?(团队|小组|组)(?!长|员)", "各团队"), (r"^(本|我)?团队(?=本|这|今|上|的)", "我们团队"),
    (r"\b(that |which |who )?(haven't|hasn't|have not|has not) been (assigned|allocated)( to anyone)?( yet)?\b",
     "that are unassigned"),
    # "这个月的线索量跟上个月比一下": the two periods side by side, as "这个月跟上个月的线索量对比" says it
    (r"^(这个月|本月|这周|本周|本季度|这个季度|今年)的?([^，,。？?]{1,12}?)(跟|和|与)(上个月|上月|上周|上个星期|上季度|上个季度|去年)"
     r"(的)?(比一下|比较一下|对比一下|对比|比较|相比|比)", r"\1\3\4的\2对比"),
    (r"\b(\w+ )?losses\b(?= by\b)", r"\1lost deals"),  # "QTD losses by loss reason"
    (r"\bwith an expected close date (?=(this|next|in|before|by)\b)", "expected to close "),
    (r"\b(deals|opportunities|opps|ones) (that |which )?close (?=(next|this|in|by|before|within)\b)", r"\1 closing "),
    (r"\b(sized|valued|worth) (between|over|under|above|below|at least|at most)\b", r"with amount \2"),
    (r"\b(closed[- ])?won business\b", "won deals"),
    (r"\b(are|is|were|was) (behind|late) on (their |its )?(payments|paying)\b", "have overdue payments"),
    (r"(?<=谁)(还)?有逾期(欠款|的欠款|款|的钱|未付|未收金额)", "有逾期款"),
    (r"(跟进|拜访|联系)了(?=(哪些|哪几位|哪几个|几个|多少个?|几位)联系人)", r"\1过"),
    # spoken northern words: 礼拜 is 星期 ("这礼拜", "上礼拜五"), 仨/俩 are three/two ("最多的仨客户")
    (r"礼拜(?!堂)", "星期"), (r"(?<![咱你我他她])俩(?!个)", "两个"), (r"仨(?!个)", "三个"),
    # "本月接线索最多的业务员", "周永刚接的展会线索": the leads a rep owns; "进线索" / "进来的线索": leads created
    (r"(?<![直连迎])接了(?=(多少|几)(条|个)?[^，,。？?]{0,6}线索)", "有"), (r"(?<![直连迎])接(的)?(?=[^，,。？?]{0,6}线索)", r"\1"),
    (r"(?<![引])进(来)?的?(?=[^，,。？?]{0,4}线索)", "新建的"), (r"(?<=预计)能(成|成交|签|赢)(?=的)", "成交"),
    (r"(?<![\d.])(?<![\d.]\s)\bw\b(?=\s+[a-z\u4e00-\u9fff])", "with"),  # "A class accts w no open deals"; not "50 w"
    (r"平均成交(单额|金额)", "赢单平均单额"), (r"平均每单赢(了)?(多少钱|多少)", "赢单平均单额是多少"),
    (r"谁(手上|手里|名下|手头)(的)?", "谁的"),  # "谁手上的停滞商机最多": whose
    # "what's in 戴芳's pipeline right now?": the open deals themselves; "how much" asks for the amount
    (r"^what('s| is) (currently )?(in|on) (.{1,40}?)('s|s') pipeline\b", r"list \4's open deals"),
    (r"^what('s| is) (currently )?(in|on) (the|our) pipeline\b", "list open deals"),  # "谁手上的停滞商机最多": whose
    # "下午去海口市第三人民医院，先看看他们的联系人": the place being visited is who "他们" are
    (r"^(今天|明天|后天|下午|上午|晚上|待会儿?|一会儿?|等下|等会儿?|下?周[一二三四五六日天])*(我)?(要)?(去|拜访|见)(一下|一趟)?"
     r"(?P<place>[^，,。\s]{4,30}?)[，,。]\s*(?P<rest>[^，,。]*?)(他们|她们|它们?)(那边|那里|家)?(的)?",
     r"\g<rest>\g<place>的"),
    (r"^(帮我)?把(?P<what>.{2,40}?)(发给我|给我|拉给我|列给我|找给我|调出来|拉出来|列出来|找出来)(看看|看一下)?[?？。]?$", r"\g<what>"),
    # "蒋建华今年都卖了哪些产品", "萧春艳以前卖过哪些产品", "What did 孙秀英 sell this year?": products on their won deals
    (r"(以前|之前|历史上|过去)?(都)?(卖|卖出|卖出去)(了|过)(哪些|什么|啥|哪几款|哪几种)(产品)?", "赢单涉及哪些产品"),
    (r"^what (did|has|have) (.{1,40}?) (sell|sold)\b", r"which products did \2 win"),
    (r"[?？,，.]?\s*\b(products only|just the products|only the products)\b", ""),
    # "卖得最好的三个产品，按销售额排": the best sellers by won amount, as said, not by units
    (r"销量最多的([^，,。]{1,10}?)[，,]\s*按(销售额|金额|赢单金额|业绩)(来)?(排|排序|排名)?", r"赢单金额最高的\1"),
    (r"\bpipe\b", "pipeline"), (r"\bunpaid balances?\b", "outstanding amount"), (r"\bend(ed)? up\b", "are"),
    (r"\bin terms of\b", "by"), (r"\b(that|which) (involve|include)s?\b|\binvolving\b", "with"),
    (r"\btop (\d+|two|three|four|five|six) best months\b", r"top \1 months"), (r"\bmonths for collections\b", "months by collections"),
    (r"\b(didn't|did not|haven't|hasn't|have not|has not) (log|logged|record|recorded|do|make|made|enter|entered) "
     r"(a single|any|one|a) (follow[- ]?ups?|activit(y|ies)|visits?|calls?)\b", r"have no \4"),
    (r"\bdid (.{1,20}?) convert\b", r"did \1 have converted"),
    (r"(还)?没(有)?付(?=的(分期|款|应收|账款|回款|钱))", "未付清"), (r"占(几|多少)成", "占比"), (r"签(合同)?(的)?(合同)?份数", "合同数"),
    (r"[，,]?\s*(怎么|为什么|为啥|咋)(这么|那么)(低|高|差|少|多|慢|快)(啊|呀)?(?=[，,]|$)[，,]?", "，"),
    (r"这条(产品)?线(下面|下|里面|里)?(都)?有(啥|什么|哪些)产品", "产品线有哪些产品"),
    (r"[，,]?\s*(不限时间|不限日期|所有时间|全部时间)", ""), (r"[，,]?\s*(做个|做一个|出个)?交叉表", ""),
    (r"(每个?月|按月|逐月)(.{0,12}?)(的)?(走势|趋势)(图)?", r"\1\2"), (r"(的)?(走势|趋势)(图)?", "按月"),
    (r"在手的?(?=pipeline|商机|单子)", "在跟的"), (r"^(那)?它的", "那"), (r"^(那)?(笔数|条数|个数|数量)(呢|是多少)", "那有多少笔"),
    (r"[，,]?\s*看(一)?下(产品)?结构", ""),
    # "When was X last visited?": said actively, as the last-follow-up question reads it
    (r"^when was (.{2,40}?) last (visited|called|contacted|followed up( on)?)(?=\s*[?？]?$)",
     lambda m: f"when did we last {dict(visited='visit', called='call').get(m.group(2), 'follow up with')} {m.group(1)}"),
    (r"^when was the last (visit|call|follow[- ]?up) (to|with|at|for) (.{2,40}?)(?=\s*[?？]?$)",
     lambda m: f"when did we last {dict(visit='visit', call='call').get(m.group(1), 'follow up with')} {m.group(3)}"),
    # "which region sold the most patient monitors": units of the product, not how many deals
    (r"\b(sells|sold|sell|has sold|have sold) the most (?!(units|deals?|opportunit\w*|contracts?|orders?|money|revenue|"
     r"value|amount|of)\b)", lambda m: f"{'sold' if m.group(1) in ('sells', 'sell') else m.group(1)} the most units of "),
    (r"^which (\d+|two|three|four|five|ten) (accounts|customers|clients|hospitals|distributors|stores|schools|labs) "
     r"spent the most (on|for) (.+?)(?=\s*[?？]?$)", r"top \1 \2 by won amount on \4"),
    (r"\b(cases|boxes|cartons|units) sold\b", "units sold"),
    (r"(总体|整体|全局|总的)(的)?(?=(赢单率|胜率|转化率|无效率|4小时响应率|响应率))", ""),
    (r"(?<=原因|类型|来源|等级|阶段|区域|行业)分部", "分布"),
    (r"在(各个|各|每个)(大区|区域|城市|省份|行业)的?分布", r"按\2分布"),
    (r"(分布|统计)[，,]\s*每(种|类|个|一类|一种)(各)?(有)?(多少|几)(家|个|条|单)?", r"\1"),
    (r"\b(marked|flagged|tagged|logged) (as )?(?=(not effective|ineffective|effective|won|lost))", ""),
    # "华东的线索占全部线索的比例": the share of all leads that are East China's
    (r"^(.{1,12}?)的?(线索|客户|商机|合同|跟进|回款)占(全部|所有|总|整体)(的)?\2(数)?的?(比例|占比|比重)",
     r"全部\2里\1的占比"),
    (r"(低于|高于|超过|不到|少于|大于|小于)一半", r"\g<1>50%"),
    # "what did we win last week, by region?": a breakdown is of amounts (alone, "what did we win" lists the deals)
    (r"^what did (we|i|you|they|he|she) win\b(?=.*\b(by|per) (region|rep|team|industry|month|quarter|source|type)\b)",
     r"how much did \1 win"),
    (r"[,，]?\s*\bwon (vs\.?|versus) lost\b", " by stage"),
    (r"卡在(当前|现在的?|目前的?|这个)阶段", "停留"),  # "卡在当前阶段最久的5个在跟商机": by days in stage
    (r"\s*\((avg|average|i\.e\.|ie|meaning) [^)]{1,40}\)", ""),  # "(avg hours to first contact)": said again
    (r"\b(slowest|longest|highest) (average )?response times?( on average)?\b", "highest average response hours"),
    (r"\b(fastest|shortest|quickest|lowest) (average )?response times?( on average)?\b", "lowest average response hours"),
    (r"\brespond(s)? to leads (the )?(fastest|quickest)\b", "have the lowest average response hours"),
    (r"\brespond(s)? to leads (the )?slowest\b", "have the highest average response hours"),
    (r"\b(did|have|do) (we|i|you|they) lose the most (money )?(on|with|at)\b", "by amount lost"),
    # numbers: "20~50w" (the unit belongs to both), "¥3,500,000", "half a million", "8 mil", "5M and up",
    # "30%以上", "三成以上", "百分之二十四", "不足"
    (r"(?<![\d.])(\d+(?:\.\d+)?)\s*[-~～至]\s*(\d+(?:\.\d+)?)\s*(w|万|k|m|亿|千万|百万)(?![a-z])", r"\1\3到\2\3"),
    (r"[¥￥]\s*(?=\d)", ""), (r"(?<=\d),(?=\d{3}(?!\d))", ""),
    (r"\bhalf a million\b", "500k"), (r"\b(\d+(?:\.\d+)?)\s*(mil|mio|million)\b", r"\1m"),
    (r"\b(\d+(?:\.\d+)?\s*[mkw]?) and (up|above|over|more)\b", r"at least \1"),
    (r"(?<![\d一二三四五六七八九十])([一二三四五六七八九])成(?=以上|以下|左右|多|的|$)",
     lambda m: f"{(chinese_to_int(m.group(1)) or 0) * 10}%"),
    (r"百分之([一二三四五六七八九十]{1,3}|\d{1,3})",
     lambda m: f"{m.group(1) if m.group(1).isdigit() else chinese_to_int(m.group(1))}%"),
    (r"(\d+(?:\.\d+)?)\s*%\s*(以上|及以上)", r"不低于\1%"), (r"(\d+(?:\.\d+)?)\s*%\s*(以下|及以下)", r"低于\1%"),
    (r"\bnorth of\b(?=\s*[\d¥￥])", "over"), (r"(几|多少)张(?=[^，,。]{0,6}(报价|合同))|(?<=报价)(有)?(几|多少)张", "几个"),
    (r"不足(?=\s*[\d一二两三四五六七八九十百千万亿])", "不到"), (r"却(?=\s*(超过|大于|高于|不到|低于|少于|在\s*[\d一二两三四五六七八九十]))", ""), (r"却", "但"), (r"\bmore then\b", "more than"),
    (r"\binstalments?\b", "installments"),
    (r"\b(make|makes|making|earn|earns|earning) (more than|over|above|at least|under|less than) (\S+) a year\b",
     r"with annual revenue \2 \3"),
    (r"\bstill[- ]new (leads?)\b", r"\1 in new status"), (r"(?<=\d) wins\b", " won deals"),  # "reps with at least 18 wins this year"
    (r"^who'?s the (rep|owner|salesperson|sales rep|account manager|am) (on|for|of|covering) ", "who owns "),
    (r"(是)?哪(个|位)(销售|业务员|人)(在)?负责(的)?", "是谁负责的"), (r"\bdoes (.{2,30}?) (handle|manage|look after|cover)\b", r"does \1 own"),
    (r"\s*(,|and|with) (their|the|its) (titles|job titles|positions|roles)\b", ""),
    (r"业绩(?=\s*(过|超过|超|大于|高于|不到|低于|少于|在)\s*[\d一二两三四五六七八九十])", "赢单金额"), (r"\bfewest\b", "least"),
    (r"([丢输][^，,]{0,20})[，,]\s*(都|分别)?是(因为)?(什么|啥)原因[?？]?$", r"\1"),
    (r"谁的([^，,。]{1,10}?)(?<!最|更|较)(高|多|大)(?=[?？]?$)", r"谁的\1最\2"), (r"小单(子)?", "单子"), (r"是哪(两|三|几)个[?？]?$", ""),
    (r"\bfirst contact took more than (\d+) days\b", lambda m: f"first contact took more than {int(m.group(1)) * 24} hours"),
    (r"\bproduct mix\b\s*(in [a-z ]+? china\b)?\s*[-–:：]\s*", r"\1 "),  # "product mix in South China - …": a heading
    (r"\brev\b", "revenue"), (r"\bresp\b", "response"), (r"\b(\d+)h\b(?= response)", r"\1-hour"),
    # wording met in the eighteenth session's sets
    (r"\bamount (still )?(owed|owing)\b|\bamount still (outstanding|unpaid)\b", "amount outstanding"),
    (r"\b(open )?pipeline\b(?=[^?]{0,40}\b(count|number of (deals|opportunities)|how many)\b)", "open deals"),
    (r"\b(customers|accounts|clients|hospitals|distributors|companies) with revenues? (?=(above|over|of|below|under|greater|"
     r"less|more|exceeding)\b)", r"\1 with annual revenue "),
    (r"(?<=[\u4e00-\u9fff])分(出去|下去|给业务员)(了)?(?=的)", "分配"), (r"(线索[^，,。？?]{0,8}?)没人(接|认领|领|分)", r"\1未分配"),
    (r"发(了|出)?(多少|几)封", r"\2次"), (r"(多少|几)封(?=[^，,。？?]{0,4}邮件)", r"\1次"),
    (r"\bhow much cash\b(?! (is|are|was|were) (still )?(owed|outstanding|due|overdue))(?![^?]*\b(collect\w*|paid|pay|"
     r"receiv\w*|came in|come in|brought in|bring in)\b)", "how much collected"),
    (r"(现在|目前|当前)?所(处|在)的?(?=阶段)", ""), (r"按到期(日期?|时间)?的?月份?(?=汇总|统计|分|看|拆|列)", "到期按月"),
    (r"状态(还|仍然|仍|依然|一直)(是|为|停在|停留在)新建(的)?", "状态为新建的"),
    (r"\b(owes?|has|have) (us |me |my team |our team )?the most overdue( money| amount)\b|\bowes? (us |me |my team |our team )?"
     r"the most overdue\b", "have the highest overdue amount"),
    (r"\bowes? (us |me |my team |our team )?(the )?most( money)?\b", "have the highest outstanding amount"),
    (r"\bowes? (us )?(more than|over|above|at least|less than|under) ([\d.,]+\s*(k|m|w|万|亿|million)?)( in total)?( outstanding)?",
     r"have outstanding amount \2 \3"),
    (r"的小?组([?？])?$", "的团队"), (r"(?<=年)的?(四|4)个季度", "每个季度"), (r"哪(个|些|几个)区(?![域长划])", r"哪\1区域"),
    (r"^(the )?best (team|region|rep|salesperson|industry|lead source) by\b", r"which \2 has the highest"),
    (r"(快消|医疗)的?各条?产品线", r"各\1产品线"),  # the FMCG lines themselves (dev147, dev172), not lines sold to FMCG accounts
    (r"的那?几(个|笔|单)(单子|商机|项目)[?？]?$", r"的\2"),  # "X的几个单子现在都到哪一步了", once the stage words are read
    (r"\b(by|per) (current|present|their current|its current) (stage|status)\b", r"\1 \3"),
    (r"(?<=[\u4e00-\u9fff])各家(医院|客户|门店|经销商)(?=[^，,。？?]{1,10}的(人|联系人)[?？]?$)", r"\1"),
    # "leaving out deals under 50k": the ones kept are at least 50k (the corrected "leading" would drop the "out")
    (r"\b(leaving out|leave out|excluding|exclude|not counting|ignoring|ignore)( the| any)? ?(deals?|opportunities|ones|contracts|"
     r"leads|payments)? ?(under|below|less than|smaller than)\b", "for ones of at least"),
    (r"\b(leaving out|leave out|excluding|exclude|not counting|ignoring|ignore)( the| any)? ?(deals?|opportunities|ones|contracts|"
     r"leads|payments)? ?(over|above|more than|bigger than|larger than)\b", "for ones of at most"),
    (r"开过单(?!子)", "赢过单"),
    (r"^(那|那就)?(把)?(名字|名单)?列(一下|出来)(名字|名单)[?？]?$", "列一下"),
    (r"^(the )?(\d+|two|three|four|five|ten) (lead sources|sources|regions|industries|teams|account types|product lines|cities)"
     r"\b(?= (with|by) )", r"top \2 \3"),
    (r"(?<=上周)([一二三四五六日天])到(周|星期)(?=[一二三四五六日天])", r"\1到上周"),  # "上周一到周三": both ends last week
    (r"国庆(节)?(那几天|那七天|期间|假期|长假|那周)?(?=[^，,。]{0,4}\d+月\d+)", ""),
    (r"国庆(节)?(那几天|那七天|期间|假期|长假)", "10月1日到7日"),
    (r"(\d{1,2})月上半月", r"\1月1日到15日"),
    (r"(\d{1,2})月下半月", lambda m: f"{m.group(1)}月16日到{(31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[int(m.group(1)) - 1] if 1 <= int(m.group(1)) <= 12 else 30}日"),
    (r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)([a-z]*)\.? (\d{1,2})\s*[-–]\s*(\d{1,2})\b", r"\1\2 \3 to \1\2 \4"),
    (r"\blast (mon|tues|wednes|thurs|fri|satur|sun)day\b", lambda m: "上周" + {"mon": "一", "tues": "二", "wednes": "三", "thurs": "四",
                                                                           "fri": "五", "satur": "六", "sun": "日"}[m.group(1)]),
    (r"逾期着", "逾期"), (r"款(已经|都已经|都已|都)(全部)?收齐(了)?", "款已全部收齐"), (r"签单(金额|额)", "赢单金额"),
    # wording met in the nineteenth session's sets
    # "上次拜访浙江省人民医院是什么时候": the customer named between the visit and the "when"
    (r"(?:上|最近|最后)一?次(拜访|跟进|联系|回访)([^，,。？?\s]{3,30}?)(?:是)?(什么时候|啥时候|哪天|哪一天)", r"\2最近一次\1是\3"),
    (r"去了哪些(医院|客户|经销商|门店|药房|超市|实验室|学校)(上门)?拜访", r"拜访了哪些\1"),  # "董强这个月去了哪些医院拜访"
    # "今年去宝鸡大学附属第一医院拜访了多少次": going there is the visit
    (r"(?:(?<=[谁年月周天我他她们])|^)去(?=[^，,。？?\s]{3,30}?(拜访|走访))", ""),
    # "有几期款逾期了", "这个月到期的那期款", "哪一期逾期了": installments are payments
    (r"几期(?:款|回款)?(?=逾期|没付|未付|到期|还没)", "几笔回款"), (r"[那这]一?期款", "应收"), (r"哪一?期(?=逾期|没付|未付|到期|还没)", "哪些回款"),
    # "9月份赢的百万以上的单子": won, with the deal's size between
    (r"(?<![没未])赢的(?=[^，,。？?的]{1,12}的?(单子|商机|订单))", "赢下的"),
    # "逾期超过十万的那些分期", "installments with more than 30k overdue": what each one still owes past due
    (r"逾期(?=(超过|大于|高于|多于|不少于|至少|在)[\d.一二两三四五六七八九十百千万亿wk]+(万|亿|w|k)?(以上)?的(那些|这些)?(分期|期款|回款|款项|笔))",
     "逾期金额"),
    (r"\bwith (more than|over|above|at least) (\S+) (overdue|past due)\b(?! (installments?|instalments?|invoices?|payments?|"
     r"receivables?)\b)", r"with an overdue amount \1 \2"),
    # "上海的客户一共逾期多少": how much is overdue, not how many
    (r"(一共|总共|合计|总计)逾期(了)?多少(钱)?(?=\s*[?？]?$)", "逾期金额一共多少"),
    # "在跟商机加起来超过1500万的客户": the deals' amounts added up
    (r"(在跟|在谈|未关闭的?)?(商机|单子)加起来(?=(超过|大于|高于|不少于|至少|不到|低于|少于|(是|一共|总共)?多少))", r"\1\2金额加起来"),
    # "…有几个，合计多少", "有几笔、多少钱", "count and total", "how many and how much": the count and the amount
    (r"(?<=各)有几(个|份|单|笔)多少(钱)?(?=\s*[?？]?$)", "数量和金额"),
    (r"(有)?几(个|份|单|笔)[，,、\s]\s*(合计|总额|总共|一共|加起来)?(是)?多少(钱)?(?=\s*[?？]?$)", "数量和金额"),
    (r"\b(count and (total|amount|value)|how many and how much)\b(?=\s*[?.!？]?\s*$)", "count and amount"),
    # "近90天预算五百万以上的线索，按行业看分布": the breakdown is the distribution
    (r"(?<=[\u4e00-\u9fff])看(一下|一看)?(分布|分布情况)(?=\s*[?？。]?$)", "分"),
    (r"\b(more than|over|above|at least|under|less than) (\S+) (in )?annual revenue\b", r"annual revenue \1 \2"),
    # wording met in the twentieth session's sets
    (r"客护", "客户"), (r"商鸡", "商机"),  # slips of the pinyin keyboard
    # "预算还没确认的在跟商机 pipeline里的": in the pipeline is what is already said
    (r"\s*(在手)?(pipeline|pipline|pipe)里(面)?的(?=\s*[?？。]?$)", ""),
    (r"(?<=[我谁他她])跟了(?=哪些|哪几|几)", "跟进了"), (r"跟(得|的)最(勤|勤快|多)", "跟进最多"),
    (r"\b(due|scheduled|slated|supposed|set|going) to (close|be closed|land|be won)\b", "expected to close"),
    (r"\b(am i|i am|i'm|do i|i) (covering|cover|owning|looking after|look after)\b", "i own"),
    # "哪几家欠我钱最多", "蚌埠市骨科医院欠我多少": what the customer still owes
    (r"(还)?欠(着|了)?我(的)?(钱)?(?=最多|最高|最大)", "未收金额"), (r"(加起来|一共|总共)?(还)?欠(着|了)?我(的)?(钱)?(多少钱|多少)", "未收金额"),
    (r"^哪(几|些)家(?=[^，,。？?]{0,12}最(多|高|大|少|低))", "哪些客户"),
    (r"(?<![没未])赢的(?=最(大|贵|多)的?[一二两三四五六七八九十\d]+单)", "赢下的"),
    (r"(?<=阶段|在跟|在谈)那(几|些)(单|个单子|笔|个)(?=加起来|一共|总共|合计)", "的单子金额"),
    (r"(都)?(是)?(啥|什么)原因[，,\s]*(各|分别)?(有)?(几个|多少个|多少单)", "按输单原因各几个"),
    (r"客户(里|中|当中)(一共)?(有)?(?=(多少|几)个?(决策人|关键人|拍板人)?联系人)", ""),
    (r"\bwhat('s| is| are) in the (?=.{3,40}? line\b)", "products in the "),
    (r"[，,]\s*把(合同号|合同编号|合同|编号|名字|名称|名单|单号)(都)?列(一下|出来|下)?(?=\s*[?？。]?$)", ""),
    (r"[，,]\s*(做|放|用于|给)[^，,。？?]{1,12}(用|里|上)(?=\s*[?？。]?$)", ""),  # "…，做月度趋势页用": what it is for
    (r"\b(ne|nw|sw) china\b", lambda m: {"ne": "northeast", "nw": "northwest", "sw": "southwest"}[m.group(1)] + " china"),
    (r"\b(\d+)[- ]?(hrs?|hours)\b(?= (response|reply|contact))", r"\1-hour"),
    (r"\b(20\d\d)\s+(ytd|year to date|to date|this year)\b", r"\1"),
    (r"(还)?一单(都)?(还)?没(有)?开张", "一单都没赢过"), (r"(还)?没开张", "没赢过单"),
    (r"\bbooked (?=(more|over|above|less|under|at least|north of)\b)", "won "),
    (r"^(整个)?团队(?=现在|目前|今年|本月|这个月|本季度|上周|本周|这周|一共|总共|还)", "我们团队"),
    (r"\b(deals?|opportunities|business) (do )?(we have|we've got|have we got) going (with|at)\b", r"open \1 with"),
    (r"\baveraging (over|above|more than|under|below|less than) (\S+) (in )?(budget|deal size|amount)\b", r"with average \4 \1 \2"),
    (r"\bfor (a )?reasons? other than (\w+)\b", r"not because of \2"),
    (r"\b(sold|sell) (a single|one single|any|one) units?\b", r"\1"), (r"\bloose\b", "lose"),
    (r"(现在)?还开着的", "还在跟的"), (r"签下(了)?(?=哪些|哪几|几单|几个单)", "赢下了"),
    (r"(?<=线索)(还)?没(有)?分(出去|配|下去)", "未分配"),
    (r"\b(hasn'?t|haven'?t|has not|have not) (been )?(collected|paid|received)( in full| fully)\b", "not paid in full"),
    (r"那边(我们)?(都)?认识(谁|哪些人)[,，]?\s*(联系人)?(列一下|列出来)?", "的联系人"),
    (r"\b(nobody|no one|no-one) (on|in|from) (my|our) team (has|have)? ?(followed up|visited|called|contacted)\b",
     r"my team has not \5"),
    (r"\b(marked|mark|marked as|mark as) (disqualified|unqualified)\b|\bdisqualif(y|ied)\b(?! leads?)", "disqualified"),
    (r"(各[\u4e00-\u9fff]{1,3}?)(的)?分布(情况)?(?=\s*[?？。]?$)", r"\1数量"),  # "三甲医院各区分布": how many in each
    (r"(?<=[\d万亿千百wk])往上", "以上"), (r"(?<=[\d万亿千百wk])往下", "以下"), (r"不止(?=[\d一二两三四五六七八九十百千万])", "超过"),
    (r"逾期((没|未)收(回来|回)?的(部分|金额|钱)|未收金额)(?=超过|大于|高于|多于|不少于|至少|在)", "逾期金额"),
    (r"\ba[、/,，\s]*b[、/,，\s]*c\s*三?类", "a类b类c类"), (r"几个省(份)?(?=各|分别)", "各省"), (r"回款状态", "付款状态"),
    (r"(签单数|赢单数|签单|赢单|赢了|签了)(?=(超过|多于|大于|不少于|至少|少于|不到)[\d一二两三四五六七八九十]+单)", "赢过"),
    (r"(各)?(有)?多少(份|个|单|笔|家)[、，,\s]*(金额|总额|合计|总共|一共)?(是)?多少(钱)?(?=\s*[?？。]?$)", "数量和金额"),
    (r"(几|多少)(份|个)合同(正)?在执行(中)?", r"\1\2执行中的合同"), (r"欠着逾期(的)?(款|钱)(没还|没付|未还|未付)?", "有逾期款"),
    (r"(有(过)?逾期(款|的款|账款|欠款|未付款|回款|的钱)?的)(医院|经销商|诊所|超市|便利店|学校|企业)(?!客户)", r"\1\4客户"),
    (r"还有([\d.一二两三四五六七八九十百千万亿wk]+)(以上|多)没(收回来|收回|收齐|收|付)的(合同|客户)", r"未收金额在\1以上的\4"),
    (r"还有多少(钱)?没(付|给|还|结)(清)?(?=\s*[?？。]?$)", "未收金额多少"), (r"\bpayments received from\b", "payments from"),
    (r"\bback in\b", "in"),
    (r"\bno\. of\b", "number of"), (r"\b(number of|how many) (payments|installments) (that )?we('ve)? (received|got|collected)\b", r"\1 \2 received"),
    (r"\bcompletely paid( off)?\b|\bpaid off completely\b|\bpaid off in full\b", "fully paid"),
    (r"\bon everything that('s| has| is) (come|fallen|came|fell) due( so far)?\b", "of what has come due"),
    (r"\s*\bon (their|his|her|my|our) books\b", ""),
    (r"(?<=[\u4e00-\u9fff])\s*skus?(?![a-z])", "产品"), (r"(?<=线)下面(?=都?有哪些)", ""),
    (r"签(了)?单的(?=[^，,。？?]{0,10}(有几家|几家|哪几家|哪些家))", "赢过单的"),
    (r"卖(了|出)?([\d.一二两三四五六七八九十百千万]+)(箱|件|台|盒|套|支)(以上|以下)的", r"销量\2\4的"), (r"有(过)?成交(记录)?的", "赢过单的"), (r"丢的(?=单子|单|商机)", "输掉的"),
    (r"^(本周|这周|上周|今天|昨天|本月|这个月|上个?月|最近)(都)?跟进了(哪些|哪几家)([^，,。？?]{0,8}?)(客户|医院|经销商|门店|超市)"
     r"(?=\s*[?？。]?$)", r"\1跟进过的\4\5"),
    (r"[，,\s]*按(箱数|件数|台数|数量|销量)(算|来算|排)(?=\s*[?？。]?$)", "按销量"), (r"\bsell-?in\b", "won amount"),
    (r"\bwent quiet\b\s*[-–:,]?\s*(?=(no|with no|without)\b)", ""), (r"\bdid we move\b", "did we sell"),
    (r"签了(哪些|哪几)(?=[^，,。？?]{0,6}的?单)", r"赢下了\1"),
    (r"^(我)?(刚|刚刚)接手(了)?(?=(华东|华南|华北|华中|西南|西北|东北)[^，,。？?]{0,4}[，,])", ""), (r"(?<=名下)(现在)?(还)?挂(着|了)", "有"),
    (r"^i('ve| have)? just (took|taken|take) over [^,，]+[,，]\s*", ""), (r"\s+for me(?=\s*[?.!]?$)", ""),
    (r"\bhow much business (have we|did we|we've|we have) (closed|won|done)\b", "how much did we win"),
    (r"(?<=[\u4e00-\u9fff])(?<!哪)(两|三|四|五|这几|几)个(省|省份|城市)(?:各自|分别|各)的?", r"各\2的"),  # "华中三个省各自的赢单率"
    (r"(?<=[\u4e00-\u9fff])(?<!哪)(两|三|四|五|这几|几)个(省|省份|城市)(?=今年|本月|本季度|去年|各|分别|的)", ""),
    (r"\beach (north|south|east|central|northeast|northwest|southwest)( china)? (reps?|salesperson|sales reps?|team member|member)\b",
     r"each rep in \1 china"),
    (r"(跟|和|与)(我们|咱们|我司)(?=签|下过单|买|采购|成交)", ""),
    (r"(以前|之前|过去)?(跟|和)(我们|咱们)(做|签|下)过(哪些|什么)(单子|单|项目|生意)", "的所有商机"),
    (r"(?<=[、，,])\s*(金额|预算)?(又|还|都)(?=超过|大于|高于|在)", r"\1"), (r"[，,]\s*金额都在", "，金额在"),
    (r"\b(we )?(haven'?t|hasn'?t|have not|has not|never)( yet)? collected (a single|any|one|a) payments?\b",
     "we haven't received any payment"),
    (r"\b(customers|accounts|clients|hospitals) (that )?we (won|closed) (business|deals?) (from|with)\b", r"\1 with a won deal"),
    (r"\bdid we win (business|deals?|anything) (from|with)\b", "have a won deal"),
    (r"\b(is )?lagging( the)?( most)? on\b", "has the lowest"), (r"(?<!most )\bcash in\b(?! (hand|the bank|bank))", "cash collected"),
    (r"\b(had |with |got )?(zero|no) touch(es|points)?\b", "no follow-up"),
    (r"\bhow much (has|did) (.+?) (bought|buy|purchased|purchase) from us\b", r"how much did we win with \2"),
    (r"\s*[-–]\s*how much is (he|she) carrying\b", " amount"),
    (r"\b(who'?ve|who have|that have|that'?ve) done (>|more than|over|above) ?(\S+) with us\b", r"with won amount over \3"),
    (r"\b(that )?(nobody|no one)('s| has| is)? (been )?assigned( to)?( yet)?\b", "unassigned"),
    (r"\bconverted (the )?best\b", "have the highest conversion rate"), (r"\bconvertion\b", "conversion"),
    (r"\bstuck in \"?new\"? status\b", "in new status"), (r"\bcame in (under|over|above|below) (\S+) budget\b", r"with budget \1 \2"),
    (r"^(?=.*\bleads?\b)(.*?)\b(that|which) came in (?=(this|last|in|yesterday|today|since))", r"\1created "),
    (r"(转化|转换|成交|签)得最多", r"\1最多"),
    (r"\bslowest (\d+|three|five) reps at first contact\b", r"\1 reps with the longest average response time"),
    (r"\ba single (lead|deal|payment|visit|contract)\b", r"any \1"),
    (r"的是哪(几|些)个?(组|团队|区域|大区|省份?|城市|行业)(?=\s*[?？。]?$)",
     lambda m: "的" + ("团队" if m.group(2) == "组" else m.group(2))),
    (r"跟进次数(?=(不到|少于|低于|超过|多于|大于|不少于|至少)[\d一二两三四五六七八九十]+次)", "跟进"),
    (r"(?<!have )(?<!has )\bwith (over|more than|above|under|less than) (\S+) in (bookings|revenue|won deals|sales)\b",
     r"with \3 \1 \2"),
    (r"\bdid we collect\b", "were received"), (r"\bguys\b", "reps"), (r"里头", "里"),
    (r"(?<=[\u4e00-\u9fff])几家(?=医院|客户|经销商)(?=[^，,。？?]{2,8}的(联系人|设备科|科室|院长|主任))", ""),
    (r"^(把)?(个数|数量|件数|笔数|单数)也(列|加|带|显示)(一下|上|出来)?(?=\s*[?？。]?$)", "再加一个数量"),
    (r"^去掉离职的[，,]\s*", "在职的"), (r"还剩(谁|哪些人)(?=\s*[?？。]?$)", "有谁"),
    (r"不含(华东|华南|华北|华中|西南|西北|东北)[，,]\s*其他(的)?(大区|区域|地区)?", r"\1以外"),
    (r"(?<!医学)影像线", "医学影像产品线"), (r"(?<!医学)影像的(?=在跟|商机|单子)", "医学影像的"),
    (r"给(医院|客户|经销商)(报|发)(出去|出|过|了)?的?(?=[^，,。？?]{0,8}报价)", r"\1的"), (r"(?<=的)哪些报价", "报价"),
    (r"(医疗|快消)(这)?几条(产品)?线", r"各\1产品线"), (r"(?<=不到|低于|少于)([\d.一二两三四五六七八九十百千万wk]+)就(?=成交|赢)", r"\1"),
    (r"(现在)?走到(了)?([\u4e00-\u9fff]{2,6}?)(这一步|这步|这个阶段)(的)?", r"在\3阶段的"),
    (r"(?<![\d.])(\d+(?:\.\d+)?)(到|至|~)(\d+(?:\.\d+)?)(千万|万|亿|w|k)", r"\1\4\2\3\4"),  # "70到140万": both in 万
    (r"(?<![一二两三四五六七八九十\d个])半小时", "30分钟"), (r"(?<=[月周天])打了(?=超过|不到|多于|少于)", ""),
    (r"\breagent products\b", "诊断试剂 products"), (r"\b(that )?(ran|lasted|took|went)? ?(over|more than|longer than) (an|one) hour\b", r"\3 60 minutes"),
    (r"^loss reasons for (deals|opportunities) lost (.*)$", r"deals lost \2 by loss reason"), (r"\bwho do we know at\b", "contacts at"),
    (r"逾期款最多", "逾期金额最多"), (r"(没|没有)(拜访|走访)过?客户的(?=组员|业务员|销售|人)", r"\1\2过的"), (r"都还没打", "都没打"),
    (r"(\d+(?:\.\d+)?)kw\b", r"\1千万"), (r"(?<=[万亿\dwk])的组(?=有哪些|是哪些|\s*[?？。]?$)", "的团队"),
    (r"^months\b(?= (this|last|in) )", "which months"), (r"的区(?=\s*[?？。]?$)", "的区域"),
    (r"\bwhere (revenue|bookings|won amount|collections) (went|was|came in|got) (over|above|under|below|more than|less than)\b",
     r"with \1 \3"),
    (r"签(了|单)多少(?=\s*[?？。]?$)", "赢单金额多少"), (r"\s*\batm\b", ""), (r"\bon ([^,?]+?)'s plate\b", r"of \1"),
    (r"\bhow'?s ([^,?]+?) looking\b", r"\1"),
    (r"(组里|我们组|团队里|组员里|组员中)谁(手上|名下|的)?有逾期(没收回来的|没收的|未收的|的)?(款|账款|钱)", r"\1哪些业务员有逾期款"),
    (r"[？?，,]\s*把(名字|名单)列(一下|出来)?(?=\s*[?？。]?$)", ""),
    (r"新签(了)?合同的(?=客户|医院|经销商)", "签过合同的"), (r"\bzero (wins|won deals)\b", "no wins"),
    (r"(?<![没未])分(配了|给)人(但是|但|却|可)?", "已分配但"), (r"本(区域|地区|大区)(线索|客户|商机)里(?=各)", ""),
    (r"\b(don'?t|doesn'?t|do not|does not) have (any|a single|a|one) decision maker( contacts?)?\b", "without a decision maker"), (r"占本(区域|地区|大区|组|团队)(线索|客户|商机)?的?(比例|比重)", "的占比"),
    (r"等得最久(还|且)?(没|未)分配的(\d+|[一二三四五六七八九十])条线索", r"最早的\3条未分配线索"),
    (r"\b(\d+)\+ days\b", r"\1 days"), (r"\bno activity\b", "no follow-up"), (r"\bno money (received|collected|in)\b", "no payment received"),
    (r"(一个多?月|一月)没(跟进|动静|联系|动)(过)?", "30天没跟进"), (r"\ba single (decision maker|contact)\b", r"any \1"),
    (r"(走了|离职)(以后|之后)(她|他)?", ""), (r"\bunowned\b", "unassigned"), (r"\bmissing a decision maker\b", "without a decision maker"),
    (r"\bno-decision-maker (accounts|customers)\b", r"\1 without a decision maker"),
    (r"\b(have|has) had no follow-?ups? for (\d+) days\b", r"have no follow-up in \2 days"),
    (r"(?<=在跟的)前(\d+|[一二三四五六七八九十])大单", r"金额最大的前\1个单子"),
    (r"前(\d+|[一二三四五六七八九十])大单", r"金额最大的前\1个赢单"),
    (r"(是)?(过了到期日|逾期)(以后|之后|后)?才(付|回款|付款)(的)?(款)?(?=的|$|[，,？?])", "逾期才付款"),
    (r"\b(that are )?fully paid but (came in|paid|arrived) (after|past) the due date\b", "that are paid in full and paid late"),
    (r"\bwithout (a single|any) decision maker( contacts?)?\b", "without a decision maker"),
    (r"\b(have |has )?(sat|sitting|been sitting|been) in (\w+) for (more than|over) (\d+) days\b", r"stuck in \3 for more than \5 days"),
    (r"(组员|业务员|销售|每个人)(各自|分别)?有几个(停滞|在跟)的?(商机|单子)", r"各业务员\3商机数"),
    (r"\bwho has the most stale deals\b", "which rep has the most stale deals"),
    (r"\s*[-–]\s*follow[- ]?ups (this|last) (week|month)\??$", r" follow-up count \1 \2"), (r"胜率", "赢单率"),
    (r"[（(]所有关(掉)?的?单(子)?的?[)）]", ""), (r"\bquotes did we (issue|send|create)\b", "quotes were created"),
    (r"\bwhose owner is no longer with us\b|\b(owned by|owned for|of|for) reps who('ve| have) left\b", "of inactive reps"),
    (r"卖了多少[（(]销量[)）]", "销量"),
    # wording met in the twenty-first session's sets
    (r"^what(?:'s| is) (still )?(outstanding|owed)\b", r"how much is still \2"),
    (r"(?<=到期的)应收(款|账款)?(?=按[^，,。？?]{1,4}(汇总|合计|加总|分一下|拆一下|分开|拆开|统计))", "应收金额"),  # "12月到期的应收按大区汇总": the amounts
    # "上海的客户这个月都被谁跟进过": the follow-ups, by who made them (not the accounts' owners)
    (r"(?<=[户院商店单])(这个月|本月|上个月|上月|这周|本周|上周|今年|近\d+天|最近\d+天)?(?:都|分别)?(?:被|是)?谁(跟进|拜访)(?:过|的)[了吗呢]?(?=\s*[?？]?$)",
     r"\1的\2按业务员统计"),
    (r"^(?:total )?outstanding (by|for|per|at|of|on|in)\b", r"outstanding amount \1"),  # "outstanding by rep for 西南2组"
    (r"(?<=[户院商店])逾期了?多少(?:钱)?(?=\s*[?？]?$)", "逾期金额多少"),  # "天津的客户逾期了多少": the money
    # "武汉医科大学附属医院在跟的单子和金额", "which quotes got accepted, and for how much": the records with their amounts
    (r"的(单子|商机|合同|报价单?|项目)和(各自的|它们的|对应的)?金额(?=\s*[?？]?$)", r"的\1，列出金额"),
    (r"^(which|what) (.{3,80}?),? and for how much(?=\s*[?.]?$)", r"\1 \2, with the amount"),
    # "KA" is a key account, class A in the glossary: "华北流失的KA", "KA accts in Beijing"
    (r"(?<![a-z])ka\s*(?=(accts?|accounts?|customers?|clients?)\b)", "class a "), (r"(?<![a-z])ka(?![a-z])", "a类"),
    # "华东 谈判阶段opp", "华南在跟opp几个": a deal
    (r"(?<=[\u4e00-\u9fff])\s?opps?(?![a-z])|^opps?(?=\s?[\u4e00-\u9fff])", "商机"),
    (r"\b(w/o|without) a single (win|won deal|deal|contract)\b", r"without any \2"),  # "active reps w/o a single win this qtr"
    # hiring: "今年一共新招了几个业务员", "今年每个月各进了几个新人", "how many reps did we hire", "reps started since September"
    (r"(新)?招(了|进来了?|聘了)?(几|多少)(个|位|名)", r"入职了\3\4"), (r"(?<=[年月季周])(新)?招的", "入职的"),
    (r"进了(几|多少)(个|位|名)新人", r"入职了\1\2业务员"),
    (r"\bhow many (reps|salespeople|people|sales reps) (did|have) we hired?\b", r"how many \1 were hired"),
    (r"\b(reps|salespeople|people) (who )?(started|came on board|onboarded)\b", r"\1 hired"),
    # departed reps: "离职员工留下的客户", "open deals still sitting with reps who've left", "departed reps"
    (r"离职(的)?(员工|人员|的人|销售|业务员|同事)(留下来?|遗留|剩下)的", "已离职业务员名下的"),
    (r"(?<=[\u4e00-\u9fff]{2})走了?(以后|之后)?(留下来?|剩下)的", "名下的"),
    (r"\b(departed|former|ex-)\s?(reps|salespeople|employees|staff|sales reps)\b", "inactive reps"),
    (r"\b(people|employees|staff|colleagues|reps|salespeople) who('ve| have) left( the company)?\b", "inactive reps"),
    (r"(?<=[\u4e00-\u9fff]{2})(留下来?|剩下)的(?=客户|商机|单子|线索|合同)", "名下的"),
    (r"\b(still )?(sitting|parked|stuck) with (?=inactive reps|reps who)", "owned by "), (r"\bleft behind by\b", "owned by"),
    # "有效跟进率", "effective rate by activity type": the share of follow-ups marked effective
    (r"(跟进)?有效(跟进)?率", "有效跟进的占比"), (r"\beffective (follow[- ]?up |activity )?rate\b", "share of effective follow-ups"),
    (r"(总)?时长(一共|总共|累计)?(是)?(多少|几)(分钟|时间)|(累计|一共|总共)花了多少时间", "一共花了多少分钟"),  # "跟进总时长多少分钟"
    (r"(?<=次)的?(有|是)?(哪些|哪几个)人|(?<=次)的人(有哪些)?", "的业务员"),  # "上周跟进超过35次的有哪些人"
    (r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) or fewer\b",
     lambda m: f"at most {EN_DIGITS.get(m.group(1), m.group(1))}"),
    (r"(次数)?(还是|只有|才)?个位数", "少于10次"),  # "这个月跟进次数还是个位数的在职销售"
    (r"(?<=拜访|跟进|电话)次数(?=(不少于|不低于|超过|大于|多于|少于|不到|至少|低于|小于)[\d一二两三四五六七八九十]+次)", ""),
    (r"过了(?=[\d一二两三四五六七八九十百千万亿.]+\s*(万|亿|千|w|k|m|元|块))", "超过"),  # "今年哪几个月回款过了6千万"
    # payment terms: "半年账期", "账期九十天", "账期两个月", "net-30 terms", "payment terms of 30 days"
    (r"(半年|六个月)(的)?账期|账期(是|为)?(半年|六个月)", "账期180天"), (r"(三个月)(的)?账期|账期(是|为)?三个月", "账期90天"),
    (r"(两|二)个月(的)?账期|账期(是|为)?(两|二)个月", "账期60天"), (r"一个月(的)?账期|账期(是|为)?一个月", "账期30天"),
    (r"账期(是|为)?([一二三四五六七八九十百]+)天", lambda m: f"账期{chinese_to_int(m.group(2))}天"),
    (r"\bpayment terms of (\d+) days\b", r"\1-day payment terms"), (r"\b(on )?net[- ]?(\d+)( terms)?\b", r"with \2-day payment terms"),
    # "same thing, South China only", "same thing but this quarter": the previous question, changed
    (r"^(the )?same (thing|question|query|numbers?)(,| but| for)?\s*(?=\S)", "what about "),
    (r"(?<=\d)\s?h(?=[\u4e00-\u9fff])|(?:(?<=多少)|(?<=几个))\s?h(?![a-z])", "小时"),  # "4h响应率", "平均响应多少h"
    (r"没(分|派)(给)?(人)的?", "未分配的"),  # "线索池里还压着多少条没分人的"
    (r"(线索)?池(子)?(里|中)(现在)?(还)?(压着|躺着|堆着)?(?=.*没(分|派))", "线索里"),
    (r"(线索)?池(子)?(里|中)(现在)?(还)?(压着|躺着|堆着)?", "未分配线索里"), (r"线索池", "未分配线索"),
    (r"\b(sitting )?in the unassigned pool\b|\bunassigned pool\b", "unassigned leads"),
    (r"(谁|哪个人|哪位)回(复)?线索最慢", "平均响应时长最长的业务员"), (r"(谁|哪个人|哪位)回(复)?线索最快", "平均响应时长最短的业务员"),
    (r"\bnever got (a |any )?first contact\b", "were never contacted"), (r"分(出去|配出去|下去)了", "分给"),
    (r"^(那)?每家(分别|各自|各)?(是)?", "按客户"),  # "每家分别多少", "每家逾期多少钱" after accounts with overdue money
    (r"\bhow much (money |cash )?came in\b", "how much was collected"),
    (r"\bwhat does (.{2,40}?) owe( us)? (past due|overdue)\b", r"overdue amount of \1"),
    (r"(?<=[天周月日六五四三二一])(新)?录(入)?的(?=新?(商机|线索|客户|单子|联系人))", "新建的"),  # "上周六录的新商机"
    (r"\b(big|large|huge) (deals?|opportunities) \(((over|above|more than) [^)]+)\)", r"\2 \3"),
    (r"^(那)?(把)?(?P<r>[\u4e00-\u9fff]{2,4}?的)?拆到(?P<g>业务员|销售|人|客户|行业|月|区域)(看看|看一下|瞧瞧)?(?=\s*[?？]?$)",
     lambda m: f"{m.group('r') or ''}按{m.group('g')}拆一下"),  # "华东的拆到业务员看看"
    (r"(?<=[\u4e00-\u9fff])几家(?=[^，,。？?]{1,10}的(联系人|决策人|商机|合同|单子|回款))", ""),  # "西宁几家三甲医院…的联系人"
    # "这个季度谁去三甲医院拜访得最多，前五个", "上月跑门店最勤的5个人": the reps who visited most
    (r"谁去?([^，,。？?被]{2,10}?)(拜访|跑)(得)?最(多|勤)[，,]?\s*(前([0-9一二三四五六七八九十]+)(个|名|位)?)?",
     lambda m: f"拜访{m.group(1)}最多的{'前' + m.group(6) + '个' if m.group(6) else ''}业务员"),
    (r"跑(门店|店|客户|医院|经销商)(跑)?(得)?(最勤快?|最多)的?([0-9一二三四五六七八九十]+)?(个|名|位)?(人|销售|业务员)",
     lambda m: f"拜访{m.group(1)}最多的{(m.group(5) or '') + '个' if m.group(5) else ''}业务员"),
    (r"(经销商|门店|医院)和(经销商|门店|医院)分开(看|算|统计)", "按客户类型"),
    (r"谁被(拜访|跟进|联系)(得)?最多[，,]?\s*(前([0-9一二三四五六七八九十]+)(个|名|位|家)?)?",  # "…谁被拜访得最多，前三": the accounts
     lambda m: f"{m.group(1)}最多的{'前' + m.group(4) + '家' if m.group(4) else ''}客户"),
    (r"平均(要)?(多久|多长时间)(才|能)?(联系上|联系到|响应|首次联系)", "平均响应时长"),  # "我手上的线索平均多久才联系上"
    (r"^(再)?把(.{2,20}?)(都|也)?加上(去)?(?=\s*[?？。]?$)", r"加上\2"),  # "再把负责人和客户名加上"
    (r"^这([两三四五六七八九十\d]+)(单|个|笔|家|份)(加起来|加在一起|一共|总共)", r"这\1\2\3"),
    # "deals stuck more than 4 weeks": in their current stage that long
    (r"\b(?:(?:that |which )?(?:have|has) )?(?:been )?stuck (?:for )?(?:more than|over|longer than) (\d+|one|two|three|four|five|six|seven|eight|nine|ten) "
     r"(days?|weeks?)\b",
     lambda m: f"stuck in stage for more than {int(EN_DIGITS.get(m.group(1), m.group(1))) * (7 if m.group(2).startswith('week') else 1)} days"),
    (r"还有(钱|款|尾款)(没|未)(收齐|收完|收回来)", "还没收齐"),  # "执行中的合同里还有钱没收齐的"
    (r"\bwith at least (one|1|a single) (open |active |won )?(deal|opportunity|contract)\b", r"with \2\3s"),
    (r"\b(have|has|with) at least (one|1|a single) (overdue|unpaid|outstanding|past[- ]due) ", r"\1 \3 "),
    # "…排在前三位的是哪三个大区？请给出金额": the ranking already says which and shows its figure
    (r"(的)?是哪([两三四五六七八九十]|\d+)(个|家|位|名)(大区|区域|客户|产品|业务员|销售|人)?(?=\s*[？?，,。]|\s*$)",
     lambda m: (m.group(1) or "") + (m.group(4) or "") if _RANKED_BEFORE.search(m.string[:m.start()]) else m.group(0)),
    (r"(?<=[？?])\s*(请)?(给出|列出|带上|附上|显示)(对应的|各自的)?(金额|赢单率|年营收|标价|回款金额)[。.]?$",
     lambda m: "" if _RANKED_BEFORE.search(m.string[:m.start()]) else m.group(0)),
    (r"(?<=[？?])\s*(标价|金额|逾期金额)?(分别)?(是)?多少[？?。]?$",
     lambda m: "" if _RANKED_BEFORE.search(m.string[:m.start()]) else m.group(0)),
    (r"半个亿", "5000万"), (r"超(?=\s*[\d一二两三四五六七八九十])", "超过"), (r"上(百万|千万|亿)(的)?", lambda m: {"百万": "100万", "千万": "1000万", "亿": "1亿"}[m.group(1)] + "以上的"),
    (r"千万级(别)?的?", "1000万以上的"), (r"(?<=[年月季周])关掉的", "关闭的"),
    (r"\bhow much (business|revenue|money) did we (win|close|book)\b", "how much did we win"),
    (r"(?<=[度月周天年])去(?=拜访|跑)", ""),  # "这季度去拜访了几次"
    (r"([\u4e00-\u9fff]{2})(两|俩)个?组(的)?(?=[^，,。？?]{0,10}(前[0-9一二三四五六七八九十]|top))", r"\1团队"),  # "华东两个组今年业绩前三的是谁"
    (r"(团队[^，,。？?]{0,8}?(业绩|赢单金额|成交额|销售额)前([0-9一二三四五六七八九十]+))(名)?的?(是谁|有谁|是哪些人|是哪几个人)", r"\1的业务员"),
    (r"\blosses\b", "lost deals"), (r"回了(哪些|多少|几笔)款", r"\1回款"), (r"^(再把)?([\u4e00-\u9fff]{2,4})也加上(吧)?", r"加上\2"),
    (r"的小(合同|单子|单|订单)", r"的\1"), (r"停留时间最长", "停留最久"),
    # wording met in the twenty-second session's sets
    # "how many contacts does each of 董丹's accounts have", "…do 董丹's accounts each have": counted per account
    (r"\beach of ([^\s']+)'s (accounts|customers|hospitals|deals|opportunities|leads)\b", r"\1's each \2"),
    (r"(?<='s )(accounts|customers|hospitals|deals|opportunities|leads) each\b", r"each \1"),
    # "西北区状态还是new的线索", "状态是新的线索": the lead status, not newly created leads
    (r"状态\s*(?:还|仍然|依然|仍)?(?:是|为|=|:|：)?\s*['\"‘“]?(?:new|新)['\"’”]?(?![a-z\u4e00-\u9fff])", "状态为未处理"),
    (r"状态\s*(?:还|仍然|依然|仍)?(?:是|为|=|:|：)?\s*['\"‘“]?(?:new|新)['\"’”]?(?=的)", "状态为未处理"),
    (r"(?:还是|仍是|仍然是|依然是)\s*['\"‘“]?new['\"’”]?\s*(?:状态)?(?=的)", "未处理"),
    (r"(?<=\bstill )'new'|(?<=\bstatus )'new'|(?<=\bstatus is )'new'", "new"),
    # "上海有几家三甲？列出来": the records, not how many
    (r"有?几(家|个|位|条|单|份|笔)([^？?，,。]{0,12}?)[？?，,。]\s*(?:都|全部|帮我|给我|麻烦)?(?:列出来|列一下|列个?(?:清单|名单)|都是哪些|分别是哪些|是哪些|是哪几(?:家|个|位|条|单))[吧呢。!！]?\s*$",
     r"有哪些\2"),
    (r"调出来(看看|看一下|瞧瞧|看)?", "列出来"), (r"(?<=线)下面(?=有|的)", ""), (r"(?<=[\u4e00-\u9fff])都?叫(啥|什么)(名字?)?(?=\s*[?？]?$)", "有哪些"),
    (r"各家(?=(?:医院|客户|经销商|门店|药房|超市)的[\u4e00-\u9fff]{0,6}(?:主任|院长|科长|经理|总监|负责人|联系人|采购))", ""), (r"\bteh\b", "the"),
    (r"^[^，,:：。？?]{0,24}(要用|用的|要看)[，,:：]\s*", ""), (r"根进", "跟进"),  # "weekly report要用：上周新增线索多少条"
    (r"(?<![a-z])pipeline\s*(?:里面?|中|上)(.{0,10}?)(商机|单子)", r"\1未关闭\2"), (r"\b(this|last|next) q\b(?![\d-])", r"\1 quarter"),
    # "3 most-visited central china hospitals last month": ranked by visits
    (r"^(?:the )?(\d+|three|five|ten) most[- ]visited (.+?)(?= last\b| this\b| in the\b| since\b|\s*[?.]?$)", r"top \1 \2 by visits"),
    (r"(有哪些|是哪些|有哪几[个家笔份条单])(商机|单子|合同|报价单?|回款|分期)\s*[，,]?\s*((各自的?|分别的?)?金额(多少|是多少)?|分别多少钱|多少钱)(?=\s*[?？]?$)",
     r"\1\2，列出金额"),
    (r",? and their (amounts?|values?|sizes?)(?=\s*[?.]?$)", ", with the amount"),  # "open deals at X and their amounts"
    (r"\btier[- ]?([123])([abc])\b", r"grade \1\2"), (r"金额加一下", "金额合计"), (r"[，,]\s*给我前(\d+|[一二两三四五六七八九十]+)", r"，前\1"),
    (r"个数\s*[+＋]\s*金额", "个数和金额"),
    (r"定价(?=[\d一二两三四五六七八九十百千万]|在|超过|低于|不到|以上|以下|高于|大于|小于)", "标价"),
    (r"\bdoing (more than|over|less than|under|above|below) (\S+) (?:a|per) year in (?:revenue|sales)\b", r"with annual revenue \1 \2"),
    (r"\bworth (\S+) to (\S+)", r"between \1 and \2"),
    # "应收余额一个亿以上的客户类型": the types whose total passes the bar
    (r"的(客户类型|行业|省份|城市)(有哪些|是哪些)?(?=\s*[?？]?$)",
     lambda m: f"的是哪些{m.group(1)}" if re.search(r"以上|以下|超过|不到|低于|高于|大于|小于", m.string[:m.start()]) else m.group(0)),
    (r"\b(?:is )?still (?:left )?to (?:be )?collect(?:ed)?\b", "is still outstanding"), (r"\b(ne|nw|sw)\b(?= region\b| china\b|\s*[?.]?$)",
     lambda m: {"ne": "northeast", "nw": "northwest", "sw": "southwest"}[m.group(1)]),
    (r"\s*带金额\s*(?:list|清单|列表)?(?=\s*[?？]?$)", "，列出金额"), (r"(?<=[\u4e00-\u9fff])几场", "几次"),
    (r"连([^，,。？?]{1,8}?)都?(不到|没到|不够)", r"\2\1"), (r"卖出去(?=[\d一二两三四五六七八九十百千万]+(件|台|个|箱|套|盒)?(以上|以下))", "销量"),
    (r"拖得?(?:最久|最长)的?(\d+|[一二三四五六七八九十]+)笔逾期(?:的?(?:款|回款|分期|应收))?", r"逾期最久的\1笔回款"),
    # "年收入超过5000万的学校有哪些，按收入排": the annual revenue just named
    (r"按(收入|营收)(?=从|由|降序|升序|排|\s*[?？]?$)", lambda m: "按年营收" if re.search(r"年(营收|收入)", m.string[:m.start()]) else m.group(0)),
    (r"(跟进|拜访)花(?:的)?时间最(多|长)", r"\1时长最\2"), (r"签合同(?=最多|最少|数)", "签约合同数"), (r"签合同(?=金额|额)", "签约合同"),
    (r"\bcost us the most(?: \$+| money)?", "have the highest lost amount"), (r"\b(bottom (?:\d+|two|three|four|five|ten) )worst (.+?) on\b", r"\1\2 by"),
    (r",?\s*\bmost first(?=\s*[?.]?$)", ""),  # "products with more than 100 units sold, most first": a ranking's own order
    (r"(跟进|拜访)的是哪(?:家|个|些|几家|几个)(客户|医院|经销商|门店|药房|超市|学校|实验室)", r"\1了哪些\2"),  # "高娜昨天跟进的是哪家客户"
    (r"相应率", "响应率"), (r"开了?(几|多少)次会", r"会议有\1次"), (r"(?<=率)(高不高|怎么样|如何|咋样)(?=\s*[?？]?$)", "是多少"),
    (r"[，,]?\s*金额也(带上|加上|列上|带着)", "，加上金额"), (r"(?:(?<=是哪几个)|(?<=有哪些)|(?<=是哪些))\s*[，,]?\s*谁的(单子)?[?？]?$", "，显示负责人"),
    (r"\b(?!(?:what|who|that|it|there|here|where|how|let)'s)([^\s']+)'s (.+?)\s*[-–—,]+\s*the one (?:in|from) ((?:north|south|east|west|central|northeast|northwest|southwest) china)\s*(?=[?.]?$)",
     r"\1 in \3's \2"),
    (r"^(?:能|可以|可否)?(?:麻烦|请)?(?:您|你)?(?:帮忙|帮我)?把(.+?)都?(?:列给我|列出来|列一下|发给我|给我)(?:吗|一下|好吗)?[？?。]?$", r"\1"),
    (r"(?<![没未])标(?:了|为|成)?(?=决策人)", "是"), (r"(?<=请)您|您(?=帮忙|帮我)", ""), (r"还在合作的?", "合作中的"),
    (r"[.,]?\s*a list would be (?:great|nice|helpful|perfect)[.!]?$", ""), (r"找(一下|找)", "查一下"),
    (r"\b(?:still )?(?:have|has) no owner(?: assigned)?\b", "are unassigned"), (r"(\d+)月和(\d+)月这两个月", r"\1月到\2月"),
    (r"(?:已经|最后|最终)?判(?:了|成|为)?无效", "无效"), (r"(?:还)?没(?:有)?(?:派|分)(?:出去|下去|给人)", "未分配"),
    (r"\b(?<=leads )off\b", "from"), (r"相应(?=时长|时间|速度)", "响应"),

    (r"\bquickest\b", "fastest"), (r"\bslowest avg lead response\b", "slowest average response time"),
    (r"既不是(.{1,6}?)也不是", r"不是\1也不是"),
    (r"([\d.]+[万千百wk]?(?:以上|以下))预算的", r"预算\1的"), (r"(?<=[\u4e00-\u9fff])那条线(?=下面|有|的)", "产品线"),
    (r"(?:做过|做了|有过)(?:产品)?(演示|拜访|电话)的(?:跟进)?记录", r"\1记录"), (r"\brejected by (?:the )?(?:customers?|clients?|accounts?)\b", "rejected"),
    (r"\bwich\b", "which"), (r"经消商", "经销商"), (r"看(?:下|一下|看)分布", "统计"), (r"单笔(回款|合同|商机|报价)(?=金额)?", r"\1"),
    (r"有逾期(?:款|的款|账款|的回款)的(?=是哪些|有哪些|是哪几家|是哪家)",
     lambda m: m.group(0) if re.search(r"合同|分期|回款", m.string[:m.start()]) else "有逾期回款的客户"),
    (r"[，,]\s*都是?因为(?:啥|什么|哪些)(?:原因)?(?:丢|输)的?(?=\s*[?？]?$)", "，按输单原因统计"), (r"^谁(?:丢|输)得?最多", "谁输单最多"),
    (r"^都?输在哪(?:了|儿|里)?\s*[，,]?\s*(?=按)", ""),
    # "监护线", "影象线", "影像单子", "监护产品": the two medical lines by their short names
    (r"(?<!医学)影[像象](?=线|单子|商机|的单|产品|类|两|和|跟|与|、)", "医学影像"), (r"(?<![生命])监护(?=线|单子|商机|的单|产品|类|两|和|跟|与|、)", "生命监护"),
    (r"\bmonitring\b", "monitoring"),
    # "list price on MON-M8?", "US-P2 目前标价多少": the product itself, whose list shows its price
    (r"^(?:what(?:'s| is) )?(?:the )?(?:current )?(?:list price|unit price) (?:on|of|for) (.+?)\s*[?]?$", r"product \1"),
    (r"^(?:请问)?([^，,。？?]{0,16}?[a-z0-9][^，,。？?]{0,16}?)\s*(?:目前|现在)?的?(?:标价|(?<!客)单价|定价|价目表价格?)(?:是多少|多少钱?|是几|多少)?\s*[?？]?$", r"产品\1"),
    (r"价目表上?(?:最贵|价格最高)的", "标价最高的"), (r"(?<=[\d一二两三四五六七八九十])张(?=报价)?(?=\s*[?？]?$)", "份"),
    (r"\bdid we put out\b", "did we make"), (r"\b(?:we )?put out\b|\bwent out\b", "made"), (r"(?<=[\u4e00-\u9fff\w])\s*这[两三四五六七八九十]个(?=本|今|上|去|各|分别)", ""),
    (r"建档(时间|日期)", r"创建\1"), (r"(?<=时间|日期)先后(?=列|排|$)", "从早到晚排"),
    (r"[，,]?\s*以及(?:各自|分别)在哪个(?:组|团队)", "，带所在组和区域"), (r",?\s*\bgrouped by product line\s*$", " with product line and sku"),
    (r"\bwhcih\b", "which"), (r"^(how many .{3,60}?),? and for how much(?=\s*[?.]?$)", r"\1 and how much were they worth"),
    # spoken asides: "…，就是重点客户那几个", "…，赢单的那种", "…，已经完成的也算上", "那个…", "lemme see,", "ugh,"
    (r"[，,]\s*(?:就是|也就是|我是说)[^，,。？?]{0,16}[。.]?$", ""), (r"[，,]\s*[^，,。？?]{0,8}的那种[。.]?$", ""),
    (r"[，,]\s*[^，,。？?]{0,10}也算上?[。.]?$", ""), (r"^(?:那个|嗯|呃|啊|额)+\s*[…。.,，\s]*", ""),
    (r"^(?:lemme see|let me see|ugh|um+|uh+|hmm+|ok so|so)[,.]?\s+", ""), (r"\s*\breal quick\b", ""), (r"\bgimme\b", "give me"),
    (r"(念|报)(?:一)?下", "列出"), (r"就行了?(?=\s*[?？。]?$)", ""), (r"列个(?:名单|清单)给我", "列出来"), (r"follow了", "跟进了"),
    (r"联系了哪些(?=客户|医院|经销商|门店)", "跟进了哪些"), (r"贡献的?(?:业绩|销售额|金额)最(多|高)", "赢单金额最高"), (r"拜防", "拜访"),
    (r"没去拜访", "没拜访"), (r"去了?(几|多少)趟", r"拜访了\1次"), (r"逾期了?多少钱?还没给", "逾期金额多少"),
    (r"\b(?:going on|in progress|in flight) (?=at|with|for)\b", ""), (r"还没合作起来的", ""),
    (r"^分别是哪几家客户欠的[，,]?\s*(?:各|分别)?多少", "按客户分一下"), (r",?\s*\blike everything that hasn't been paid yet\b", ""),
    (r"\bthe (\d+)-day[- ]term contracts\b", r"contracts with \1-day payment terms"), (r"到期[、，,]\s*钱?还没收齐的(?=有几笔|有多少笔)", "到期未收齐的回款"),
    (r"合同总额(?=超过|过|大于|高于|不到|低于|少于|在|达到)", "合同金额"),
    (r"(?:已经)?过了到期日(?:还|仍然|仍)?(?:没|未)收齐", "逾期"),
    (r"(本月|这个月|本周|这周|今年)(?:已经)?逾期的(?=回款|款|分期|应收)", r"\1到期已逾期的"), (r"流逝", "流失"),
    (r"\bcontact persons?\b", "contacts"), (r"\bthat (\S+) is (?:the )?owner\b", r"owned by \1"), (r"^(?:please )?help me (?:check|see|find) ", ""),
    (r"\bqoutes?\b", lambda m: m.group(0).replace("qoute", "quote")), (r"\bwe stopped selling\b", "discontinued"),
    (r"(本月|这个月|本周|这周|今天)(?:到现在)?收了(几|多少)笔款", r"\1回款有\2笔"), (r"^until now how many (\w+) still is new status\b", r"how many \1 are still new"),
    (r"\bthat expected closing date is in this month\b", "expected to close this month"),
    (r"\bwhich already schedul(?:e|ed) (?:the|a) demo\b", "with a demo scheduled"), (r"\bnever been followed up\b", "has never been followed up"),
    (r"\b(have been|has been|were|was) opened\b", r"\1 created"), (r"\bwhat're\b", "what are"),
    (r"^add who owns (?:each one|them|each)\b", "add the owner"), (r"^(?:分别|都)是哪几家客户欠的", "按客户分一下"),
    (r"(医疗|快消|工业|教育)那?几条线", r"\1产品线"), (r"(?<=[月周年天])建的(?=[\u4e00-\u9fff])", "新建的"), (r"呼市", "呼和浩特"),
    (r"\btook more than (\d+) days to get (?:a )?first contact(?:ed)?\b", lambda m: f"took more than {int(m.group(1)) * 24} hours to get a first contact"),
    (r"\bare below (\d+)% probability\b", r"have a probability below \1%"),
    (r"多小(?=\s*[?？]?$)", "多少"), (r"\bmins\b", "minutes"), (r"(?:怎么样|咋样|如何)[，,]\s*(?=总共|一共|多少)", ""),
    (r"叫([\u4e00-\u9fff]{2,3}?)的联系人", r"联系人\1"), (r"卖到([\u4e00-\u9fff]{2,4}?)的", r"\1卖出的"),
    (r"(?<=[天周月])到账的回款(?=\s*[?？。]?$)", "到账的回款有哪些"),
    # wording met in the twenty-seventh session's sets
    (r"(?<=到|至)(1[0-2]|[1-9])\s*月(?:底|末)", r"\1月"), (r"(?:今年)?年初(?:到现在|至今|以来|到今天|到目前为止|到目前|开始)", "今年"),
    (r"(?:过去|最近|近)\s*(?:一|1)\s*年(?!度)", "近365天"), (r"(?<=[日号])\s*(?:当天|那天|当日)", ""),
    (r"(?<=旬)\s*[（(][^）)]{1,14}[）)]", ""), (r"实际(?=到账|回款|收到|回了|收了)", ""),
    (r"\bbetween (january|february|march|april|june|july|august|september|october|november|december|may) and "
     r"(january|february|march|april|may|june|july|august|september|october|november|december)\b(?!,? (?:of )?20\d\d)",
     r"from \1 through \2"),
    (r"(1[0-2]|[1-9])\s*[、,，和跟及]\s*(1[0-2]|[1-9])\s*(?:两|2)\s*个?\s*月份?", r"\1月到\2月"),
    (r"(1[0-2]|[1-9])\s*月份?\s*(?:加上?|\+)\s*(1[0-2]|[1-9])\s*月份?",
     lambda m: f"{m.group(1)}月到{m.group(2)}月" if int(m.group(2)) == int(m.group(1)) % 12 + 1 else m.group(0)),
    (r"(?<![\d年])([12]\d)\s*年(?=\s*(?:的\s*)?(?:第?[一二三四1-4]\s*季度|q[1-4]|[上下]半年|(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月|全年|一整年|整年))",
     r"20\1年"),
    (r"到期的款(?=\s*(?:一共|总共|合计|加起来|总额|是)?\s*多少)", "到期的应收金额"),
    (r"(?:该|应该|要)收的款\s*未收金额多少(?:上来|回来|到)?", "到期的未收金额多少"),
    (r"双(?:十一|11)\s*(?:当天|那天|当日)", "11月11日"),
    (r"\boverdue amount (by (?:more than|over|at least) \d+ days)\b", r"overdue amount overdue \1"),
    (r"倒数前\s*(?=[两二三四五六七八九十\d])", "倒数"), (r"[，,]?\s*\b(?:from )?(?:most to least|best to worst|highest to lowest)\b",
                                                         ", sorted descending"),
    (r"[，,]?\s*\b(?:from )?(?:least to most|worst to best|lowest to highest)\b", ", sorted ascending"),
    (r"(?<![没未])(?:拿到|拿了|接到|收到)的?(?=新?线索)", ""), (r"\b(?:picked up|received|was assigned|were assigned|got assigned)"
                                                 r"(?= the most (?:new )?leads\b)", "got"),
    (r"电话打得(?=最多)", "电话"), (r"(?:丢单|输单)最主要的原因(?:是啥|是什么)?", "丢单最多的原因"),
    (r"的?有效(拜访|电话|跟进)(?:的)?(占比|比例|比率|率)", r"\1里有效的\2"),
    (r"^(.{2,8}?(?:组|团队|区))(.{0,6}?)谁(?:都)?没(?:有)?(?:去)?(拜访|跟进|联系)(?:过)?(客户|医院)?\s*(?=[?？]?$)",
     r"\1\2没\3过的业务员"),
    (r"(?<=合计|总额|金额|总计)\s*(?:给我)?(?:列一下|列出来|列下|列个表|列一列)", ""),
    (r"((?:到期|逾期|没收|未收)的)分期(?=\s*(?:加起来|合计|一共|总共)(?:有|是)?多少(?![个期笔条]))", r"\1分期金额"),
    (r"(回款计划|分期|应收款?)按(.{1,6}?)分布\s*(?=[?？。]?$)", r"按\2看\1有多少笔"),
    (r"^(.{2,12}?)谁(.{1,8}?)最(多|高|少|低)[?？，,]\s*(?:给我|列|要|看看?)?\s*前\s*([两二三四五六七八九十]|\d+)\s*(?:个|名|位)?"
     r"\s*[?？。]?$", r"\1\2最\3的前\4个业务员"),
    (r"(1[0-2]|[1-9])月份?(的?[^，,。跟和与月]{1,14}?)(?:跟|和|与)(1[0-2]|[1-9])月份?(?:比|相比|对比)(?:一下)?(?:是?(?:高了还是低了|多了还是少了|"
     r"涨了还是跌了|怎么样|如何|咋样|有什么变化|变化大吗))?", r"\1月和\3月\2对比"),
    (r"(?<!今年)(?<!本年)(?<![今本])前(三|3|两|2|二)个?季度", r"今年前\1个季度"),
    (r"[,，]\s*(?:过没过|有没有过|超没超过?|到没到|破没破)[^，,。?？]*$", ""),
    (r"没录(?:过|入)?(?=的|[?？]?$)", "没有"), (r"(?<=预计成交)(?:金额|额)(?=最大|最高|最多)", "的商机里金额"),
    (r"\b(?:in |during )?the week of (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b",
     lambda m: _week_of(m.group(1), int(m.group(2)))),
    # wording met in the twenty-sixth session's sets
    (r"(20\d\d\s*年)\s*起(?!\s*[到至])", r"\1以来"), (r"\bin (?:the )?([\u4e00-\u9fff]{1,6}部) (?:department|dept)\b", r"in \1"),
    (r"开的会(?!议)", "的会议"),
    (r"\b(?:of )?up to (?=[\d.]+\s*(?:[kmw]|million|mil)?\b)", "at most "), (r"每单(?=\s*[\d一二两三四五六七八九十])", "单笔"),
    (r"(?:一|1)刻钟", "15分钟"), (r"(?<![一二两三四五六七八九十\d])半刻钟", "8分钟"), (r"再筛(?:选)?一下[，,]?\s*", ""),
    (r"欠款(?=\s*(?:[\d一二两三四五六七八九十]|超过|不少于|至少|在|大于|高于))", "未收金额"),
    (r"(?:出|发|做)了?(?=(?:多少|几|哪些|哪几)\s*(?:份|个|张)?报价)", ""),
    (r"还有(在跟|未关闭|没关)的商机吗[?？]?$", r"\1的商机有哪些"),
    (r"(?<=[之以][前后])建档(?=的)", "创建"), (r"\b(\d+)h\b(?= (?:lead )?response)", r"\1-hour"),
    (r"\b(?:made|did|paid) no (?:customer |client |on-site )?visits\b", "had no visits"),
    (r"\bhow much is (?:left|still left|remaining) to (?:collect|be collected|be paid)\b", "how much is outstanding amount"),
    (r"(?:今年|本月|这个月|最近)?有(?:没有)?跟进吗[，,]\s*(?:列一下|列出|列出来|给我看看|看看)(?=跟进记录)",
     lambda m: (re.match(r"今年|本月|这个月|最近", m.group(0)) or [""])[0] + "的"),
    (r"^(?:exclude|leave out|take out|minus) (?:the ones|those|any|all(?: the ones)?) (?:that|which|who) (?:already )?(?:have|had|has) "
     r"(an? |any )?", r"only the ones without \1"),
    (r"\s*\b(?:in|for|over|during) the same (?:period|window|time ?frame|time period|months?|quarter|week)\b", ""),
    (r"\bhow long have (?:they|these|those|the deals|these deals|those deals) been (?:sitting|stuck|sat|parked)"
     r"(?: there| in (?:that|this|the) stage)?(?: on average)?", "average days in stage"),
    (r"双(?:十一|11)(?=以来|之后|以后|至今|到现在|后|那天|当天)", "11月11日"),
    # "10月下旬": the month's last third, as days
    (r"(1[0-2]|[1-9])\s*月份?\s*(上|中|下)旬", lambda m: f"{m.group(1)}月" + {
        "上": "1日至10日", "中": "11日至20日",
        "下": f"21日至{ {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(int(m.group(1)), 31)}日"}[m.group(2)]),
    (r"\b(new (?:opportunities|deals|opps) did [a-z ]{1,25}?) open\b", r"\1"),
    (r"\b(payments|installments)((?: (?:under|over|above|below|(?:more|less) than|at least) [\d.]+\s*(?:[kmw]|million)?)) received\b",
     r"\1 received\2"),
    (r"\b(?:did|have) (?:we|you) (?:hire|hired|onboard|onboarded)\b", "were hired"),
    (r"(?:跟|和|与)([^，,。的]{2,12}?)(?:有关|相关)的", r"\1相关的"),
    (r"(?:卖得|销量)最多(的[^，,。（(]{0,10}?)[（(，,\s]*按(?:金额|销售额|赢单金额)(?:算|计|排)?[）)]?\s*$", r"赢单金额最高\1"),
    (r"卖给哪(?:家|个)(客户|医院|经销商)的?(?:台数|数量|件数|量|销量)?最多", r"销量最多的\1"),
    # "还在执行中的合同里，华北客户的有哪些": the records first, then which customers' of them
    (r"^(.{0,12}?)的(合同|商机|回款|线索|单子)里[，,]\s*([^，,。]{1,8}?(?:客户|医院))的(?:合同|商机|回款|线索|单子)?(?=有哪些|都有哪些|是哪些)",
     r"\3\1的\2"),
    (r"\b(?:sits?|is sitting|is parked|is tied up) in (?=(?:deals|opportunities|opps)\b)", "is in "),
    (r"\b(?:cost|costs|costing) (?=(?:more than|over|above|less than|under|below|at least)\b)", "with a list price "),
    # "East区 pipeline 超过 1M 的 deal 有几个": pipeline names the open deals here, not a figure per group
    (r"\bpipeline\s*(?=(?:超过|大于|高于|不到|低于|少于)\s*[\d.]+\s*(?:[kmw]|万|亿)?\s*的\s*(?:deals?|单子|商机|opportunit))", "在跟"),
    (r"卖(?:出|了)?(?=(?:超过|多于|不少于|至少|不到|少于)?[\d.一二两三四五六七八九十百千万]+\s*(?:件|台|套|盒|箱|支)(?:以上|以下)?的(?:产品|型号|sku))",
     "销量"),
    (r"\bcontracts (?:worth|valued at|of|sized|with (?:an? )?amounts?) (at least|over|more than|above|under|below|less than)\b",
     r"contracts with a contract amount of \1"),
    # "医院客户里超过400万的赢单": the deals over 4M, not the accounts whose wins add up to 4M
    (r"(?<=客户)(?:里|中|当中|里面)?((?:超过|大于|高于|不到|低于|少于)[^，,。的]{1,8}|[^，,。的]{1,8}(?:以上|以下))的赢单"
     r"(?=(?:有哪些|是哪些|都有哪些)?\s*[?？。]?$)", r"\1的赢单商机"),
    # "200万以上的赢单加起来多少": what those deals add up to is their amount
    (r"(?<=以上的|以下的|之间的)(赢单|单子|商机|合同|订单)(?=(?:加起来|合计|加总|总共|一共)(?:有|是)?多少(?![个单条笔家份次]))", r"\1金额"),
    (r"\b((?:more|less) than|over|above|under|below|at least) ((?:rmb |¥)?[\d.]+\s*(?:[kmw]|million|mil)?) in (?:value|size|amount)\b",
     r"\1 \2"),
    (r"\b(at least|over|more than|above|below|under|less than) (\d+(?:\.\d+)?)% (?:win )?probability\b", r"probability \1 \2%"),
    (r"\b(?:exceed|exceeds|exceeded|exceeding)(?= (?:rmb |cny |¥|\$)?[\d.]+)", "over"),
    (r"(?<![a-z])头(?=[两二三四五六七八九十\d]\s*(?:条|名|个|家|位|笔|单|大|款|位))", "前"),
    (r"(?<=[一二两三四五六七八九十百千])w(?![a-z])", "万"), (r"单期(?=逾期|未收|欠)", ""),
    (r"单期(?:金额|应收(?:金额)?)?(?=\s*(?:在|超过|大于|高于|不到|少于|低于|[\d一二两三四五六七八九十]))", "应收金额"),
    # "3千万至5千万年营收的A类客户": the range said before its figure
    (r"(?P<a>[\d.一二两三四五六七八九十]+\s*(?:千万|百万|万|亿|w|k|m)?)\s*(?P<s>至|到|~)\s*(?P<b>[\d.一二两三四五六七八九十]+\s*"
     r"(?:千万|百万|万|亿|w|k|m))\s*(?P<f>年营收|年收入|预算)(?=的)", r"\g<f>\g<a>\g<s>\g<b>"),
    (r"\b(budgets?|amounts?|values?|annual revenues?) of ([\d.]+\s*[kmw]?) to ([\d.]+\s*[kmw]?)(?![\w.])", r"\1 between \2 and \3"),
    (r"\b(?:sized|valued at|worth) ([\d.]+\s*[kmw]?) to ([\d.]+\s*[kmw]?)(?![\w.])", r"with amount between \1 and \2"),
    # wording met in the twenty-fifth session's sets
    (r"\bnego\b", "negotiation"), (r"\bhosps?\b", "hospitals"), (r"\bw/o\b", "without"), (r"(?<![a-z/])w/(?=\s)", "with"),
    (r"(?<=\w) w (?=(?:the )?customers?\b)", " with "), (r"\bmoved (the )?most units\b", "sold the most units"),
    (r"(?<![打突])破(?=[\d一二两三四五六七八九十百千万亿])", "超过"),
    # "业绩过百万的销售有几个": 业绩 compared per rep is the won amount, as "赢单金额过百万" is read
    (r"业绩(?=(过|超过|超|达到|不到|低于|少于|高于|大于|在)\s*[\d一二两三四五六七八九十百千万亿])", "赢单金额"),
    (r"(?<![\d一二两三四五六七八九十])半个?月(?=没|未|都没|还没|内|以内|之内|里)", "15天"),
    # a list's order in everyday words, turned into the forms the order grammar reads ("按签约时间倒序", "最新的排前面")
    (r"倒着排|倒过来排|倒排", "倒序"), (r"(?<=[，,])\s*(新建时间|创建时间|建档时间|签约日期|签约时间|丢单日期|输单日期|成交日期|预计成交日期|"
                                  r"到期日期|到期日|应收日期)(?=倒序|正序|降序|升序|从早到晚|从晚到早)", r"按\1"),
    (r"(?<=按)(?:预计日期|预计成交日(?!期)|预计成交时间)", "预计成交日期"), (r"(?<=按)(?:新建时间|建档时间|创建日期)", "创建时间"),
    (r"(?<=按)签约日期", "签约时间"), (r"(?<=按)应收日期", "到期日"), (r"(?<=按)(?:丢单日期|输单日期|成交日期|赢单日期)", "关闭时间"),
    (r"(?<=按)(预计成交日期|到期日期|到期日|签约时间|创建时间|关闭时间|日期|时间)(?:的)?(?:先后|前后)(?:顺序)?(?:排序|排列|排)?(?=[?？。]?$)",
     r"\1从早到晚排"),
    (r"([，,]\s*)列(?:出|一下)?(?=[^，,。？?]{1,30}[，,]\s*(?:按|最新的|最早的|最近的))", r"\1带上"),
    (r"(?<=按)(预计成交日期|到期日期|到期日)从近到远", r"\1从早到晚"), (r"(?<=按)(预计成交日期|到期日期|到期日)从远到近", r"\1从晚到早"),
    (r"[，,]?\s*最近(?:成交|赢单|赢下|赢|丢单|丢|输单|输)的(?:排|放|在)(?:最)?前(?:面|头|边)?", "，按关闭时间倒序"),
    (r"[，,]?\s*最近(?:签约|签)的(?:排|放|在)(?:最)?前(?:面|头|边)?", "，按签约时间倒序"),
    (r"[，,]?\s*最近(?:到账|回款)的(?:排|放|在)(?:最)?前(?:面|头|边)?", "，按回款时间倒序"),
    (r"最近(?:新建|建|创建|进来)的(?=排|放|在)", "最新的"),
    # "列出名称和预计成交日期，按日期先后排": the date is the one just named
    (r"(?<=按)(?:日期|时间)(?=(?:的)?(?:先后|前后|从早到晚|从晚到早|倒序|正序|降序|升序))", lambda m: next(
        (f for w, f in (("预计成交", "预计成交日期"), ("签约", "签约时间"), ("到期", "到期日"), ("应收日期", "到期日"),
                        ("成交日期", "关闭时间"), ("丢单日期", "关闭时间"), ("回款日期", "回款时间"))
         if w in m.string[:m.start()]), m.group(0))),
    (r"(?:最早|早)(?:成交|签约|签|新建|建|创建|进入|到期|进来)的(?=排|放|在)", "最早的"),
    (r"(?:预计成交日期|应收日期|到期日期|到期日|签约日期|签约时间|创建时间|日期|时间)(?:最)?早的(?=排|放|在)", "最早的"),
    (r"(?:预计成交日期|应收日期|到期日期|到期日|签约日期|签约时间|创建时间|日期|时间)(?:最)?晚的(?=排|放|在)", "最新的"),
    (r"(?<=[，,])\s*时长(?:最)?长的(?:排|放|在)(?:最)?前(?:面|头|边)?", "按时长降序"),
    (r"(?<=[，,])\s*金额(?:最)?(?:高|多)的(?=排|放|在)", "金额最大的"),
    (r"\b(?:largest|biggest|highest) (?:amounts?|values?|deals?|ones?)? ?on top\b", "largest first"),
    (r"\b(?:ordered|sorted) by date\b|\bin date order\b", "oldest first"),
    (r"\bsort(?:ed)? (budget|amount|value) (high to low|highest to lowest|low to high|lowest to highest)\b",
     r"sorted by \1, \2"),
    (r"(?<=[\u4e00-\u9fff]{2})那(?:个)?组(?=里|的|中|有|谁|哪)", "组"),  # "宋倩那个组里谁…": her team
    (r"\btouch[- ]?points?\b", "follow-ups"),
    (r"(?<=的)(单子|商机)原因都?是(啥|什么)", r"\1按输单原因各多少单"), (r"卖最多的", "销量最多的"),
    # "长沙市一院": the city's first people's hospital, as everyone there calls it
    (r"(?<=[\u4e00-\u9fff]市)([一二三四五六七八九])院", r"第\1人民医院"),
    (r"(?:还没|尚未|还未|还没有)成交的(?=商机|单子|项目|机会)", "在跟的"),  # not yet closed: still open, lost ones excluded
    (r"(今年|本月|上月|本季度|这个月|上个月)赢的(?=[\d一二两三四五六七八九十百千万kw])", r"\1赢单的"),
    # wording met in the twenty-fourth session's sets
    # "华东哪些医院本月有回款": the window belongs to the payment; said before the entity it is read so
    (r"(哪些|哪几家|哪家)(客户|医院|门店|学校)(本月|上月|这个月|上个月|本周|上周|这周|昨天|今天|今年|本季度|上季度|这个季度|上个季度|近\d+天|最近\d+天)"
     r"(?=(有|已经)?(回款|回过款|回了款|付过款|付了款|打过款|打了款)(了)?($|[？?。,，]|吗))", r"\3\1\2"),
    # "1.5亿以上年收入的企业客户": the size said before the field
    (r"(?<![\d.])([\d.]+|[一二两三四五六七八九十百千]+)(万|亿|w|千万|百万)(以上|以下|及以上)的?(年收入|年营收|营收)(?=的)", r"年营收\1\2\3"),
    # "churned A accts east", "A accounts with revenue under 10M": a bare class letter before plural accounts
    (r"(?<!class )\b([abc]) (accts|accounts|customers|clients|hospitals|stores|distributors)\b", r"class \1 \2"),
    # "在跟商机里一千万以上的加起来有多少": what the records over a size add up to is their amount
    (r"(?<=以上的|以下的|万以上|万以下)(?:(加起来|合计|加总)(有|是|一共|总共)?多少(?![个单条笔家份次])(钱)?|(一共|总共)(有|是)?多少钱)", "金额加起来多少"),
    (r"潜客", "潜在客户"), (r"(跟|和|与)?(客户)?开(过|了)的会(?![议员计])", "的会议"),
    (r"\b(got|get|gets|received|had) (a |their )?first (response|reply|contact)(?= within)", "contacted"),
    (r"\b(were |was )?responded to(?= within)", "contacted"), (r"\bfirst (response|reply)\b", "first contact"), (r"(丢单|输单)的原因(里|中|当中)[，,]?(?=排|最多|前|最常见)", r"\1原因"),
    # "超过30天没有任何动静的", "没有一次有效跟进": no follow-up
    (r"(\d+|[一两二三四五六七八九十]+)(天|周|个月)以上(都)?(没|没有|未)(任何)(的)?(跟进|联系|动静|活动)(记录)?", r"超过\1\2没跟进"),
    (r"(没有|没)任何(的)?(有效)?(动静|活动记录|活动|有效跟进)", "没有任何跟进"),
    (r"\b(?:still )?in ['\"‘’“”](new|contacted|qualified|converted|disqualified|sent|accepted|rejected|draft|active|completed)['\"‘’“”] status\b",
     r"with status \1"),
    (r"(没有|没)一次(的)?(有效)?(动静|活动记录|活动|跟进记录|有效跟进|跟进)", "没跟进"),
    (r",?\s*\b(across (all of )?china|across the (whole )?country|nationwide|(the )?whole country|all of china)\b", ""),
    (r"全国(范围)?(内|的|一共|总共)?(?=[^区]|$)", ""),
    (r"\bgraded (?=(1|2a|2b|3a|3b|3c|tier))", "grade "), (r"(?<=组)(底下|下面|手下|里面)(?=(现在|目前)?(有|都有|的))", ""),
    (r"\b(belong|belongs) to\b", "are owned by"),
    (r"(没|没有|未)(录入|登记|录|建|留)(过)?(任何)?(的)?决策人", "没有决策人"),
    (r"(?:where |that )?(?:we've|we have|they've|they have|we|they) never (?:done|given|run|had|did|gave|ran) (?:a |any )?demos?\b", "with no demo"),
    (r"(判定|判|判断|认定)(为|成)?(无效|合格)", r"\3"),
    (r"(?<![没未])(已经)?提供(过|了)(?=\s*poc)", "做过"), (r"(没|没有|未)(提供|做)(过)?(?=\s*poc)", "没做过"),
    (r"\b(haven't|hasn't|have not|has not) had (a single|any) new (opportunit(?:y|ies)|deals?)\b", "have no opportunity created"),
    (r"(没|没有)(新建|新开|新增|建|开)(过)?(任何)?(的)?(商机|单子)", "没有商机"),
    (r"\b(didn't|did not|haven't|have not|hasn't|has not) (close|win|closed|won) (a single|any) (winning |won )?deals?\b", "had no wins"),
    (r"\b(have|has) gone (a|one) week without (any )?(activity|follow-?ups?)\b", "have no activity in the last 7 days"),
    (r"\b(have|has) gone (two|2) weeks without (any )?(activity|follow-?ups?)\b", "have no activity in the last 14 days"),
    (r"\bnever (even )?(got|received|had|was given|were given) (a |any )?quotes?\b", "have no quote"),
    (r"\b(have|has) never been (called|visited|contacted|demoed)\b", r"were never \2"),
    (r"(?<=预计)([^，,。？?]{0,8})关单", r"\1成交"), (r"\b(opportunities|deals|leads|accounts) opened\b", r"\1 created"),
    (r"(?<=[、，,])(预算|金额)又(?=少于|低于|超过|大于|不到|在|高于)", r"\1"), (r"逾期未付(?=超过|大于|多于|不少于|在)", "逾期"),
    (r"\bbudgeting (more than|over|above|at least|less than|under)\b", r"with budget \1"),
    (r"\b(demo|visit|call|meeting) sessions\b", r"\1s"),
    (r"\bwho on the (.{3,30}?) teams? (joined|was hired|were hired)\b", r"which reps in \1 \2"),
    (r"\b(january|february|march|april|may|june|july|august|september|october|november|december) (\d{1,2}) this year\b", r"\1 \2"),
    # a list's order said in other words: "营收高的排前面", "从贵到便宜", "按入职先后排", "越早进来的越靠前"
    (r"(年营收|营收|年收入|预算|金额|标价|价格|合同金额|报价金额)(高|大)的(排|在|放)(最)?前(面|头|边)?", r"按\1从高到低排"),
    (r"(年营收|营收|年收入|预算|金额|标价|价格|合同金额|报价金额)(低|小)的(排|在|放)(最)?前(面|头|边)?", r"按\1从低到高排"),
    (r"(?<![按以])(?:价格|标价)?从贵到便宜(排)?", "按标价从高到低排"), (r"(?<![按以])(?:价格|标价)?从便宜到贵(排)?", "按标价从低到高排"),
    (r"(?<=按)营收(?=从|倒序|正序|降序|升序)", "年营收"), (r"(?<=按)价格(?=从|倒序|正序|降序|升序)", "标价"),
    (r"越早(进来|创建|建档|录入|进线|签约|入职)?的越(靠前|在前|排前)", "最早的排前面"),
    (r"越晚(进来|创建|建档|录入|进线|签约|入职)?的越(靠前|在前|排前)", "最新的排前面"),
    (r"按(入职|签约|创建|成交|回款|到账|建档)(时间|日期)?(先后|早晚)(顺序)?(排序|排列|排)?", r"按\1时间从早到晚排"),
    (r"(?<=按)(预计成交日期|预计成交日|到期日期|到期日)从近到远", r"\1从早到晚"), (r"(?<=按)(预计成交日期|预计成交日|到期日期|到期日)从远到近", r"\1从晚到早"),
    (r"(?<=按)(成交|赢单)(时间|日期)(?=从|倒序|正序|降序|升序)", "关闭时间"), (r"(?<=按)(建档|进线)(时间|日期)(?=从|倒序|正序|降序|升序)", "创建时间"),
    (r"(?<=按)入职(时间)?(?=从|倒序|正序|降序|升序)", "入职日期"), (r"(?<=按)(签约|到账|回款)日期(?=从|倒序|正序|降序|升序)", r"\1时间"),
    # "…，把入职日期带上": the columns asked for
    (r"(?<=[，,？?])\s*把的?(.{1,14}?)(都|也)?(带上|加上|列上|带着|列出来|标上)(吧)?(?=\s*[?？。]?$|[，,])", r"带上\1"),
    # "…，带上负责人和年营收，营收高的排前面": the order said after the columns is read before them
    (r"([，,？?]\s*(?:带上|带|加上|附上|显示|列上|要看|要)[^，,。？?]{1,30}?)([，,]\s*按[^，,。？?]{1,14}?(?:排序|排列|排一下|排|倒序|正序|降序|升序))\s*([?？。]?)$",
     r"\2\1\3"),
    (r"([，,？?]\s*(?:带上|带|加上|附上|显示|列上|要看|要)[^，,。？?]{1,30}?)([，,]\s*(?:最新|最早|最近)的(?:排|放|在)(?:最)?前(?:面|头|边)?)\s*([?？。]?)$",
     r"\2\1\3"),
    (r"([，,？?]\s*[^，,。？?]{1,20}?(?:都|也)?(?:带上|列上|列一下|列出来|标上))([，,]\s*按[^，,。？?]{1,14}?(?:排序|排列|排一下|排|倒序|正序|降序|升序))\s*([?？。]?)$",
     r"\2\1\3"),
    (r"[，,]\s*(年营收|金额|预算|标价|合同金额)(也)?(带上|列上)[，,]\s*(从高到低|从大到小|从低到高|从小到大)\s*([?？。]?)$", r"，按\1\4排，带上\1\5"),
    (r"\blongest[- ]serving first\b", "earliest hire first"), (r"\bmost senior first\b", "earliest hire first"),
    (r",?\s*\bsoonest (?:close |closing )?first\b", ", ordered by expected close date ascending"),
    (r",?\s*\bsoonest due first\b", ", ordered by due date ascending"), (r"\blargest (total|amount|value) first\b", "largest first"),
    (r"\b(the )?(whole |full |entire )?product catalog(ue)?\b", "all products"),
    (r"\s+and (?:the|their) ((?:loss )?reasons?|owners?|amounts?|stages?) (?:for each(?: one)?|of each)\s*([?.]?)$", r", with \1\2"),
    (r"\b(and|with) why (?:we|they) lost (?:them|it|each(?: one)?)\b", r"\1 loss reason"),
    (r"(决策人|联系人|关键人)(里|中|当中)([，,])?哪些人", r"\1\2\3哪些"),
    (r"[?.]\s*(?:give|show|include|add) (?:me )?(?:the |their )?(.{3,25}?) too\s*[?.]?$", r", with \1"),
    # "…, with account, owner and expected close date, soonest first": the order is read before the columns
    (r"^(.*?)((?:(?:(?:,|\s[-—])?\s*\b(?:with|include|including|showing|listing|plus|show(?: me)?)\b|\s[-—]+)\s*(?=(?:the |their |its )?"
     r"(?:owners?|amounts?|stages?|accounts?|expected|close|closing|hire|e-?mails?|contract|version|loss|reasons?|budgets?|sources?|city|"
     r"cities|phones?|titles?|departments?|industry|status|probability|created|regions?|skus?|product|annual|revenue|dates?|when|who|"
     r"deals?|totals?)\b)).*?),\s*((?:(?:ordered|sorted) by [a-z ]+?)"
     r"|(?:(?:oldest|newest|latest|earliest|largest|biggest|smallest|most recent|highest|lowest)(?: (?:amount|value|budget|deal|ones?|hire|revenue|close))? first))"
     r"\s*([?.!]?)$", r"\1, \3\2\4"),
    (r"当面(?=拜访|见)", ""),
    (r"(?<![未没不])(已经|已)?(完成|履约完|履约完毕|履约完成|履行完毕|履行完)(了)?的(?=[^，,。？?]{0,8}合同)", "已完成的"),
    (r"(?<=合同里)(已经|已)?(履行完毕|履行完|履约完毕|履约完)的", "已完成的"),
    (r"(?<=预计)([^，,。？?]{0,8}?)能?关(?=的|掉)", r"\1成交"), (r"提方案(?=阶段)", "方案报价"),
    (r"(还)?(没|没有)分给(人|销售|业务员)", "未分配"), (r"\bnobody has picked up( yet)?\b", "unassigned"),
    (r"\bdoing (over|more than|above|under|less than) (\S+) a year\b", r"with annual revenue \1 \2"),
    (r"\bturning over (more than|over|above|less than|under) (\S+)\b", r"with annual revenue \1 \2"),
    (r"^(?:the )?(\d{1,2}) (?=[a-z].*\b(most|largest|biggest|highest|least|fewest|lowest)\b)", r"top \1 "),
    (r"到账金额", "实收金额"), (r"(?<![笔次个])到账(了)?多少(钱)?(?![笔个条次期])", "回款金额是多少"),
    (r"(?<![没未不])(还)?在跟进的(?=商机|单子)", "在跟的"),
    (r"逾期(没|未|还没|没有)(收|收回|收回来|回)(来)?的款", "逾期款"), (r"逾期(没|未|还没|没有)(收|收回|收回来|回)(来)?的(钱|金额)", "逾期金额"),
    (r"跑(了)?(?=[^，,。？?]{0,8}(最勤|最多|几趟|多少趟))", r"拜访\1"), (r"(?<=[\u4e00-\u9fff])最勤(快)?", "最多"),
    (r"(几|多少)趟(?=[\u4e00-\u9fff])", r"\1次"), (r"(拜访|跟进|联系)客户(?=(最多|次数最多)的)", r"\1"),
    (r"(?<=[\u4e00-\u9fff])的预算加起来(?=超过|大于|高于|多于|不到|少于|低于|在)", "预算总额"),
    (r"\bwith outstanding amount the most overdue( money| amount)?\b", "by overdue amount"),
    (r"\bwith outstanding amount the most( money)?\b", "by outstanding amount"), (r"逾期未收(回)?金额", "逾期金额"),
    (r"(?<=以上的|以下的)单(?=有|是|一共|都|[?？]|$)", "单子"),
    # a polite request around the question: "您好，我想了解一下…，可以帮我列出来吗？", "If you don't mind checking, …"
    (r"^(您好|你好)?[，,]?\s*我想(了解|知道|问|查)一下[，,]?\s*", ""), (r"[，,]?\s*(可以|能|能不能)帮我列(出来|一下)吗[？?]?$", ""),
    (r"麻烦(你)?(帮我)?(问|查|算|看|统计|列)一下[，,]?", ""), (r"请(你)?帮我(统计|算|查|看)一下[，,]?", ""),
    (r"[，,]?\s*麻烦把(金额|赢单金额|回款金额)也显示出来", r"，显示\1"), (r"最常见的(?=前)", ""),
    (r"^if you don'?t mind (checking|asking),?\s*", ""), (r"^could you (please )?(work out|figure out|check),?\s*", ""),
    (r"\bfor the month of\b", "in"), (r"\bcurrently hold\b", "have"), (r"\bstill (haven't|have not|hasn't|has not) been fully paid\b", "are not fully paid"),
    (r"\bsomewhere between\b", "between"), (r"(?<=[东南西北中])(两|三|四)个(大)?区(?=就可以|就行|就好|吧|$|[。.?？])", ""),
    (r"一次(客户)?拜访都没(有)?(?:做|跑)?过", r"没拜访过\1"), (r"(业务员|销售)([^，,。？?]{0,8}?)(没|没有)(拜访|跟进|联系)过客户(?=$|[?？。]|的)", r"\1\2\3\4过"), (r"\bfirst[- ]response time\b", "response time"),
    (r"^(keep|only keep|just keep) (the )?top", "top"), (r"\brather than the (count|number)\b", "instead"),
    (r"(已经)?分了负责人(但|但是)?", "已分配但"), (r"一直(没|没有)联系过", "从来没联系过"),
    (r"(?<![近过去最])两周内(没|未)", r"近14天\1"), (r"(没|没有)参与过任何(活动|跟进)", "没有任何跟进"),
    (r"从来(没|没有)(任何)?活动记录", "从来没有跟进"), (r"(已经到期了?|(?<![月周天年])到期了)(但|但是)?还(没|未)(付清|付完|收齐)", "逾期"),
    # "lasted more than an hour and 45 minutes": in minutes
    (r"\b(an|one|two|three|1|2|3) hours? and (\d{1,2}) minutes\b",
     lambda m: f"{60 * ({'an': 1, 'one': 1, 'two': 2, 'three': 3}.get(m.group(1)) or int(m.group(1))) + int(m.group(2))} minutes"),
    (r"\b(\d+) minutes and (\d{1,2}) minutes\b", lambda m: f"{int(m.group(1)) + int(m.group(2))} minutes"),
    (r"\bwhose first contact came (more than|over|longer than) (\d+) hours after (?:they were|it was)(?: created)?(?=$|[?.,])",
     r"where the first contact took \1 \2 hours"),
    (r"\bthrough (?:single |individual )?payments? of (over|more than|above|at least|under|less than)\b", r"from payments \1"),
    (r"逾期欠款", "逾期款"), (r"待收(款|金额|的钱)", "未收金额"), (r"只(收|付|回)了一部分(款|钱)?的", "部分付款的"),
    # "quotes over 1M that were sent and are still waiting on an answer": sent quotes
    (r"\bquotes (.{0,20}?)(?:that were |which were |have been |that have been )?sent and (?:are |is )?(?:still )?"
     r"(?:awaiting|waiting (?:on|for)) (?:a |an |the customer's |their )?(?:response|answer|reply|decision)\b", r"sent quotes \1"),
    (r"\b(?:did|have) we (?:stop|stopped) selling\b", "are discontinued"), (r"\bcan u\b", "can you"),
    (r"(?<=[\u4e00-\u9fff]) province\b", ""), (r"\s*\banywhere in the country\b", ""), (r"\bpriced (between|over|above|under|below)\b", r"with list price \1"),
    (r"\b(haven't|have not|hasn't|has not) been fully paid\b", "are not fully paid"), (r"\beverything we(?:'ve| have)? won at\b", "won deals at"),
    (r"\bdo we know at\b", "at"), (r"^(?:quick one )?before (?:the |our |my )?[a-z ]{1,30}meeting:\s*", ""), (r"\bsit on (team )?", "are on team "),
    (r"\b(?:where )?(?:we've|we have|we) (?:already )?(?:provided|given|gave|done|did) (?:a |the )?poc\b", "with poc provided"),
    (r"按时间(先后|早晚)(顺序)?(排序|排列|排)?", "按时间从早到晚排"), (r"回款计划", "回款"),
    (r"(本月|这个月|下个月|下月|本季度|这个季度)预计要?(签下来|签下|成交|关单|拿下)的", r"预计\1成交的"),
    (r"(?<!成交)把握(?=在?(不低于|不少于|超过|高于|大于)?[一二三四五六七八九\d])", "成交概率"), (r"电话打进来的", "电话来的"),
    (r"\bbetter than (\d+)% odds( of closing)?\b", r"with probability over \1%"),
    (r"\bbrings? in (less than|under|more than|over) (\S+) a year\b", r"with annual revenue \1 \2"),
    (r"\bwaited (more than|over|longer than) (\d+) days\b", lambda m: f"waited {m.group(1)} {int(m.group(2)) * 24} hours"),
    (r"(?<=哪些)还在执行(?!中)", "执行中"),
    (r"(?:(?<=than )|(?<=over )|(?<=under ))(one|two|three|four|five|six)(?= hours?\b)",
     lambda m: str(("one", "two", "three", "four", "five", "six").index(m.group(1)) + 1)),
    (r"[，,]?\s*不管(是)?(?:什么阶段(的)?)?$", ""), (r"电话打的(?=线索)", "电话来的"), (r"一条(活动|跟进)记录都没(有)?(留|写|录|记)(过)?", "没跟进"),
    (r"没人碰(过)?", "没人跟进过"), (r"没人去跟(进)?", "没人跟进"),
    (r"\b(haven't|have not|didn't|did not|hasn't|has not) closed (a single|any) wins?\b", "had no wins"),
    (r"\bwith no contact yet\b", "never contacted"),
    # wording met in the twenty-third session's sets
    (r"(未收|逾期|回款|赢单|合同)金额金额", r"\1金额"),  # "欠款最多的十个客户和欠款金额"
    (r"\bhalf a mil(?:lion)?\b", "500k"), (r"\bnorth of\b", "over"), (r"\bsouth of\b", "under"),
    (r"\ba dozen\b", "12"),
    # English with Chinese grammar: "top 5 sales by revenue", "split by sales person", "expect to close this month"
    (r"\bsales ?(?:person|persons|people|man|men|guys)\b", "reps"), (r"\b(top|bottom) (\d+) sales\b(?! (?:amount|revenue))", r"\1 \2 reps"),
    (r"\bevery sales\b", "each rep"), (r"\bexpect to close\b", "expected to close"),
    (r"\b(?:still )?not (?:yet )?assign(?:ed)? to (?:anybody|anyone|any rep|anyone yet)\b", "unassigned"),
    (r"\bno any\b", "no"), (r"\bhow many (\w+) every (\w+) (has|have|had|got)\b", r"how many \1 each \2 \3"),
    (r"\b(collect(?:ed)?|win|won|sell|sold|make|made) every (month|quarter|week)\b", r"\1 per \2"),
    (r"\bno (follow[- ]?ups?|activity|activities|visits?|calls?) for (\d+) (days|weeks)\b", r"no \1 in \2 \3"),
    (r"\bhow many ((?:east|north|south|central|northeast|northwest|southwest) china) (accounts|customers|hospitals|clients) (have|has|had)\b",
     r"how many \2 in \1 \3"),
    (r"逾期应收款?(?:总额|总金额|金额|余额|总计)", "逾期金额"),  # "目前逾期应收总额": what is overdue, not the installments' size
    (r"(到期|要收)的应收款?有多少(?:钱)?(?![笔期条个])", r"\1的应收金额是多少"), (r"^receivables due (?=(?:each|per|by) (?:month|quarter|week)\b|(?:in|for) \w+ by\b)", "amount due "),
    (r"(跟进|拜访|打电话)最多的前([两二三四五六七八九十\d]+)名(?!业务员|销售|客户)", r"\1最多的前\2名业务员"),
    (r"\beveryone'?s (revenue|won amount|sales)\b", r"\1 by rep"),  # "Show me everyone's revenue this year"
    (r"(年营收[^，,。？?]{0,20}[，,]\s*)营收(?=一共|总共|合计|加起来|总额)", r"\1年营收"),  # "…年营收超过3.5亿的，营收一共多少"
    (r"(逾期[^，,。？?]{0,12}?的)欠款(?=一共|总共|合计|加起来|平均|总额|有多少|是多少)", r"\1未收金额"),  # "逾期超过30天的欠款一共多少"
    (r"(?<![近过去最这])(两|三|四|[2-4])(周|个星期)没(有)?(人)?跟进", r"近\1\2没\3\4跟进"), (r"关掉了", "关闭了"),
    (r"\bwith the reason\b", "with the loss reason"),
    (r"^(?:and )?(?:now )?(?:exclude|without|drop|minus|leave out) the (lost|won|closed) ones\b", r"excluding the \1 ones"),
    (r"^(?:and )?(?:now )?group (?:them|it|these|those) by\b", "break them down by"),
    (r"\bper ((?:east|north|south|central|northeast|northwest|southwest) china) rep\b", r"per rep in \1"),
    (r"\b(?:every|each) (distributor|customer|account|hospital|store|school)'s (overdue amount|outstanding amount|won amount|"
     r"revenue)\b", r"\2 by \1"),
    (r"所有人(?=[^，,。？?]{0,8}(?:业绩|赢单金额|回款|销售额|成交额)[^，,。？?]{0,4}排)", "每个业务员"),  # "所有人今年的赢单金额排一下"
    (r"账龄(?:在|已经)?(超过|大于|多于|不少于|至少)", r"逾期\1"), (r"账龄最长(?:的)?((?:\d+|[一二两三四五六七八九十]+)笔)?(?:的)?逾期", r"逾期最久的\1"),  # aging
    (r"\bunit of\b", "units of"), (r"\b(open|lost|won) stuff\b", r"\1 deals"),
    (r"^(?:would|could) you mind (?:pulling up|listing|showing me|showing|giving me)\b", "list"),
    (r"给我?导(?:一份|一下|出来)|导一份", ""),  # "所有决策人的电话给我导一份": an export is a list
    # "华北团队今年业绩top3": a team's ranking is of its people
    (r"((?:团队|[0-9一二三四五六七八九]组|组里|我们组)[^，,。？?的]{0,8}?(?:业绩|赢单金额|成交额|销售额))\s*(?:前|top\s*)"
     r"([0-9一二三四五六七八九十]+)名?(?=\s*[?？。]?$)", r"\1前\2的业务员"),
)


def _week_of(month: str, day: int) -> str:
    """"the week of Nov 23": the seven days from that day, said as a range the time words read."""
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    number = months.index(month) + 1
    first = date(2001, number, min(day, monthrange(2001, number)[1]))  # 2001: no leap day
    last = first + timedelta(days=6)
    return f"between {months[first.month - 1]} {first.day} and {months[last.month - 1]} {last.day}"


def _half_count(said: str) -> int:
    return int(said) if said.isdigit() else (chinese_to_int(said) or 0)


# Compiled once: with the parser's other patterns they are more than re's own cache holds, and a cache that
# overflows recompiles every pattern of every question (p95 parse time went from 13 to 113 ms).
_COMPILED = tuple((re.compile(pattern), replacement) for pattern, replacement in ABBREVIATIONS)
# Most patterns cannot match a given question for want of a word they need; only the others are run.
_SIEVE = Sieve([pattern for pattern, _ in _COMPILED])


# Slips in the common endings of Chinese organisation and product names, where the fuzzy name match cannot see
# them because it finds a name by its ending: "银川华润医疗科技有限工司", "蚌埠市骨科医园", "免疫分析议".
SUFFIX_SLIPS = ((re.compile(r"有限(工司|公可|公同|公寺)|有线公司"), "有限公司"),
                (re.compile(r"(?<=[\u4e00-\u9fff])医(园|阮|苑|远|源|元|完|员)"), "医院"),
                (re.compile(r"(?<=购物|商业|时代|万达)广(厂|常|肠)"), "广场"), (re.compile(r"(?<=分)析议"), "析仪"))


def expand(text: str, known: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    """The question with shorthand expanded and misspelt English words corrected, and what was changed."""
    notes: list[str] = []
    todo, k = _SIEVE.candidates(text), 0
    while k < len(todo):  # the rules in their order; a rewrite may let a later rule match, so look again
        pattern, replacement = _COMPILED[todo[k]]
        rewritten = pattern.sub(replacement, text)
        if rewritten != text:
            text, todo, k = rewritten, _SIEVE.candidates(rewritten, todo[k] + 1), 0
        else:
            k += 1
    for slip, right in SUFFIX_SLIPS:
        notes += [f"“{m.group(0)}”按“{right}”理解" for m in slip.finditer(text)]
        text = slip.sub(right, text)
    out = []
    last = 0
    for m in re.finditer(r"(?<![a-z])[a-z]{5,}(?![a-z])", text):
        word = m.group(0)
        fix = None if word in known else _correction(word, known)
        if fix:
            out.append(text[last:m.start()] + fix)
            last = m.end()
            notes.append(f"“{word}”按“{fix}”理解")
    text = "".join(out) + text[last:]
    return text, tuple(notes)


def _correction(word: str, known: frozenset[str]) -> str | None:
    """A typing slip keeps the word's start and end ("hosptials", "pipline"); "scores" is not "stores"."""
    if len(word) < 6 or any(word[:n] in known for n in range(5, len(word))):
        return None  # short words, and inflections of known words ("contacts", "activities"), are left alone
    limit = 2 if len(word) >= 9 else 1
    close = [k for k in _candidates(word, known) if k[:2] == word[:2] and k[-1] == word[-1]
             and (Levenshtein.distance(word, k, score_cutoff=limit) <= limit or _swapped(word, k))]
    swapped = [k for k in close if _swapped(word, k)]
    if len(close) > 1 and len(swapped) == 1:
        return swapped[0]  # "contarcts": two letters the wrong way round keep every letter typed, unlike "contacts"
    return close[0] if len(close) == 1 else None


def _swapped(word: str, known: str) -> bool:
    """Two neighbouring letters typed the wrong way round ("regoin", "acounts" is a dropped letter instead)."""
    diff = [i for i, (a, b) in enumerate(zip(word, known, strict=False)) if a != b]
    return len(word) == len(known) and len(diff) == 2 and diff[1] == diff[0] + 1 and \
        word[diff[0]] == known[diff[1]] and word[diff[1]] == known[diff[0]]


def _candidates(word: str, known: frozenset[str]) -> list[str]:
    table = _by_length(known)
    return [k for n in range(len(word) - 2, len(word) + 3) for k in table.get(n, ())]


@cache
def _by_length(known: frozenset[str]) -> dict[int, tuple[str, ...]]:
    table: dict[int, list[str]] = {}
    for k in known:
        table.setdefault(len(k), []).append(k)
    return {n: tuple(sorted(ws)) for n, ws in table.items()}
