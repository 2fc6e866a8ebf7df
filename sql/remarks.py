"""Remarks around a question: the asker's plans, greetings and asides, which carry no condition.

"早上好，帮我看下我下周预计能成交的单子", "any open deals at 厦门市中医院? heading there this afternoon",
"…，今天去催一下". A clause is a remark candidate only when it carries one of these cues; the parser then drops it
only if the rest of the question is understood without it and the clause names nothing the rest does not.
"""

from __future__ import annotations

import re

# Clauses are split at punctuation and at dashes standing between words.
CLAUSE_BREAK = re.compile(r"([，,。；;！!？?]+|\s[-–—]+\s|\s*[–—]+\s*|\.\s)")

REMARK_CUES = re.compile(
    r"早上好|上午好|下午好|晚上好|你好|您好|谢谢|多谢|辛苦|麻烦了|顺便|急用|着急|在线等|感觉|好像|估计|"
    r"我(想|要|得|好|准备|打算|先)|(今天|明天|后天|下午|上午|晚上|这周|下周)(想|要|去|得|准备|打算|重点|排|约|跑|陪)|"
    r"(去|要|得|再)(催|跑|拜访|见|聊|谈|约|补|盯|推|问)|重点盯|盯一下|挨个|逐个|想(给|跟|让|找|表扬|点名)|质量|堪忧|有点|点名|培训|表扬|批评|趋势|走势|比一比|比比看|排(一下)?路线|出差|开会|汇报|复盘|打招呼|"
    r"老板(在)?(问|要)|周会|例会|(要|得)用|康康|"
    r"\b(hi|hello|hey|morning|thanks|thank you|thx|pls|please|btw|fyi|asap|rn|quick|quickly|urgent)\b|"
    r"\b(i'm|i am|i'll|i will|i need|i want|i have to|i've got|we're|we need|so i can|so we can|so that|heading|"
    r"going to|gonna|might|maybe|covering|out sick|on my phone|worth a|chase|bundle|before my|for my|planning|"
    r"want to|need to|wanna|slacking|shoutout|need names|training|coaching)\b")


def clauses(text: str) -> list[str]:
    """The question cut into clauses, separators kept as their own items, so that joining gives the text back."""
    return [part for part in CLAUSE_BREAK.split(text) if part]


def is_break(part: str) -> bool:
    return bool(CLAUSE_BREAK.fullmatch(part))


def is_remark_candidate(clause: str) -> bool:
    return bool(REMARK_CUES.search(clause))
