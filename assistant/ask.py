"""Answering a data question: parse -> plan -> compile -> validate -> run, as one `Answer`.

This is where a question meets the caller's identity (row-level security), the conversation (follow-ups refine
the previous plan) and the user-facing wording. Errors from lower packages become an `Answer` with status
"error" or "refused" and a message that says what to try.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache

from sqlalchemy import Engine, text

from assistant.conversation import Conversation
from assistant.interpret import describe
from sql.compiler import compile_plan, to_sql
from sql.errors import SqlError
from sql.execute import run
from sql.names import NameIndex
from sql.parser import parse
from sql.plan import Clarification, QueryPlan, Refinement, Refusal
from sql.validator import Caller, validate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answer:
    """The reply to one question; `to_json()` is the CLI's --json contract."""

    status: str  # answered | clarify | refused | error
    question: str
    interpretation: str = ""
    sql: str | None = None
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[object, ...], ...] = ()
    row_count: int = 0
    truncated: bool = False
    clarification: dict | None = None
    error: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("timings_ms")
        d["columns"] = list(self.columns)
        d["rows"] = [list(r) for r in self.rows]
        return d


class UnknownUser(SqlError):
    """--as names nobody in the CRM."""


@lru_cache(maxsize=8)
def _names(url: str, engine: Engine) -> NameIndex:
    return NameIndex.load(engine)


def name_index(engine: Engine) -> NameIndex:
    return _names(engine.url.render_as_string(hide_password=False), engine)


def resolve_caller(engine: Engine, email: str | None) -> Caller:
    if email is None:
        return Caller.admin()
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, role, team_id FROM sales_rep WHERE lower(email) = :e AND is_active = :t"),
                           {"e": email.strip().lower(), "t": True}).first()
    if row is None:
        raise UnknownUser(f"找不到用户 {email}", f"unknown or inactive user: {email}")
    return Caller(row[0], row[1], row[2], email)


def ask(question: str, *, engine: Engine, caller: Caller, today: date, conversation: Conversation | None = None,
        limit: int = 1000, timeout_ms: int = 5000) -> Answer:
    t0 = time.perf_counter()
    previous = conversation.last_plan if conversation else None
    try:
        parsed = parse(question, today=today, names=name_index(engine), previous=previous, caller_id=caller.id,
                       caller_team=caller.team_id)
    except SqlError as exc:
        return Answer("error", question, error=exc.user_message)
    if isinstance(parsed, Refusal):
        return Answer("refused", question, error=parsed.message)
    if isinstance(parsed, Clarification):
        return Answer("clarify", question, interpretation="",
                      clarification={"question": parsed.question, "options": list(parsed.options)})
    plan: QueryPlan = parsed.apply(previous) if isinstance(parsed, Refinement) and previous else parsed  # type: ignore
    t1 = time.perf_counter()
    dialect = engine.dialect.name
    try:
        select = compile_plan(plan, dialect, today)
        if plan.top_n is None and plan.limit is None and plan.measure is None:
            pass
        validated = validate(to_sql(select, dialect), dialect=dialect, caller=caller,
                             max_rows=plan.top_n if plan.top_n else limit)
    except SqlError as exc:
        return Answer("clarify", question, interpretation=describe(plan),
                      clarification={"question": f"{exc.user_message_zh}。请换个问法 / {exc.user_message_en}. Please "
                                                 "rephrase.", "options": []})
    t2 = time.perf_counter()
    try:
        result = run(engine, validated, timeout_ms=timeout_ms)
    except SqlError as exc:
        return Answer("error", question, describe(plan), validated.sql, error=exc.user_message)
    if conversation is not None:
        conversation.remember(question, plan)
    t3 = time.perf_counter()
    return Answer("answered", question, describe(plan), validated.sql, result.columns, result.rows, len(result.rows),
                  result.truncated, None, None,
                  {"parse": (t1 - t0) * 1000, "compile_validate": (t2 - t1) * 1000, "run": (t3 - t2) * 1000})
