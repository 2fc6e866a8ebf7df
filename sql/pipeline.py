"""One question through the whole pipeline: parse -> plan -> compile -> validate -> run, as one typed `Outcome`.

The caller's identity decides row-level security; `previous` is the conversation's last plan, which a follow-up
refines. Nothing here formats replies for people: `assistant.ask` does that.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from sqlalchemy import Engine, text

from sql.compiler import compile_plan, to_sql
from sql.describe import describe
from sql.errors import SqlError
from sql.execute import ResultSet, run
from sql.names import NameIndex
from sql.parser import FIRST_PLACE, PERSON, TOP_ONE_ALONE, parse
from sql.plan import Clarification, QueryPlan, Refinement, Refusal
from sql.question import normalise
from sql.validator import Caller, ValidatedQuery, validate


@dataclass(frozen=True)
class Outcome:
    """What happened to one question. Exactly one of result / clarification / message describes the end."""

    status: str  # answered | clarify | refused | error
    plan: QueryPlan | None = None
    interpretation: str = ""
    query: ValidatedQuery | None = None
    result: ResultSet | None = None
    clarification: Clarification | None = None
    message: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)


class UnknownUser(SqlError):
    """The asking user is not an active user of the CRM."""


@lru_cache(maxsize=8)
def _names(url: str, engine: Engine) -> NameIndex:
    return NameIndex.load(engine)


def name_index(engine: Engine) -> NameIndex:
    """The database's names (reps, accounts, cities, products, teams), loaded once per database."""
    return _names(engine.url.render_as_string(hide_password=False), engine)


def resolve_caller(engine: Engine, email: str | None) -> Caller:
    """The user asking: admin without an email, else the active CRM user with that email."""
    if email is None:
        return Caller.admin()
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, role, team_id FROM sales_rep WHERE lower(email) = :e AND is_active = :t"),
                           {"e": email.strip().lower(), "t": True}).first()
    if row is None:
        raise UnknownUser(f"找不到用户 {email}", f"unknown or inactive user: {email}")
    return Caller(row[0], row[1], row[2], email)


def _top_rep_named(question: str, previous: QueryPlan | None, engine: Engine, caller: Caller, today: date,
                   timeout_ms: int) -> str:
    """"他上周跟进了几次" after "上周谁的赢单金额最高": the rep is in the previous answer's rows, not in its conditions,
    so the previous ranking is run again for its first row (validated like every query) and the rep is named."""
    if previous is None or previous.group_by != ("rep",) or previous.top_n is None:
        return question
    said = normalise(question)
    if not re.search(PERSON, said) or re.search(TOP_ONE_ALONE, said):
        return question
    if previous.top_n > 1 and not re.search(FIRST_PLACE, said):
        return question  # "他" after the top three is any of them: the parser asks who
    dialect = engine.dialect.name
    top = validate(to_sql(compile_plan(replace(previous, top_n=1), dialect, today), dialect), dialect=dialect,
                   caller=caller, max_rows=1)
    result = run(engine, top, timeout_ms=timeout_ms)
    name = result.rows[0][result.columns.index("rep")] if result.rows and "rep" in result.columns else None
    if not name:
        return question
    name = str(name)
    question = re.sub(r"\b(his|her)\b", f"{name}'s", question, count=1, flags=re.I)
    return re.sub(PERSON, name, question, count=1, flags=re.I)


def answer(question: str, *, engine: Engine, caller: Caller, today: date, previous: QueryPlan | None = None,
           limit: int = 1000, timeout_ms: int = 5000) -> Outcome:
    t0 = time.perf_counter()
    try:
        question = _top_rep_named(question, previous, engine, caller, today, timeout_ms)
        parsed = parse(question, today=today, names=name_index(engine), previous=previous, caller_id=caller.id,
                       caller_team=caller.team_id)
    except SqlError as exc:
        return Outcome("error", message=exc.user_message)
    if isinstance(parsed, Refusal):
        return Outcome("refused", message=parsed.message)
    if isinstance(parsed, Clarification):
        return Outcome("clarify", clarification=parsed)
    if isinstance(parsed, Refinement):
        if previous is None:
            return Outcome("clarify", clarification=Clarification("请先提出一个完整的问题 / Please ask a full question "
                                                                  "first."))
        plan = parsed.apply(previous)
    else:
        plan = parsed
    t1 = time.perf_counter()
    dialect = engine.dialect.name
    try:
        validated = validate(to_sql(compile_plan(plan, dialect, today), dialect), dialect=dialect, caller=caller,
                             max_rows=plan.top_n if plan.top_n else limit)
    except SqlError as exc:
        return Outcome("clarify", plan, describe(plan, name_index(engine)), clarification=Clarification(
            f"{exc.user_message_zh}。请换个问法 / {exc.user_message_en}. Please rephrase.", ()))
    t2 = time.perf_counter()
    try:
        result = run(engine, validated, timeout_ms=timeout_ms)
    except SqlError as exc:
        return Outcome("error", plan, describe(plan, name_index(engine)), validated, message=exc.user_message)
    t3 = time.perf_counter()
    return Outcome("answered", plan, describe(plan, name_index(engine)), validated, result, timings_ms={
        "parse": (t1 - t0) * 1000, "compile_validate": (t2 - t1) * 1000, "run": (t3 - t2) * 1000})
