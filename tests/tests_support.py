"""Helpers shared by tests (imported as a plain module; tests/ is on sys.path via rootdir conftest)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select, text

from crm.models import TABLES
from sql.pipeline import Outcome, answer
from sql.validator import Caller


def _norm(v: object) -> object:
    if isinstance(v, Decimal | float):
        return round(float(v), 2)
    if isinstance(v, bool):
        return int(v)
    return v


def dump(engine: Engine, tables: list[str] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table, normalised (numbers, booleans) and sorted, for comparisons across builds."""
    out = {}
    with engine.connect() as conn:
        for t in TABLES:
            if tables and t.name not in tables:
                continue
            rows = conn.execute(select(t)).all()
            out[t.name] = sorted((tuple(_norm(v) for v in r) for r in rows), key=repr)
    return out


def assert_answer_matches(question: str, sql: str, engine: Engine, today: date) -> None:
    """Ask ``question`` as admin and compare the answer's first column with that of hand-written ``sql``, run on the
    same database: a dropped condition, a wrong negation or a wrong period changes the rows. An expected answer that
    is empty would prove nothing, so it fails the test too. A single float (an average) compares approximately."""
    outcome = answer(question, engine=engine, caller=Caller.admin(), today=today)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with engine.connect() as conn:
        expected = [tuple(r)[:1] for r in conn.execute(text(sql))]
    assert expected and expected != [(None,)], "empty on the small database: the test would prove nothing"
    got = [tuple(r)[:1] for r in outcome.result.rows]
    if len(expected) == 1 and isinstance(expected[0][0], float):
        assert got[0][0] == pytest.approx(expected[0][0])
    else:
        assert sorted(got, key=str) == sorted(expected, key=str)


def answered_rows(engine: Engine, question: str, today: date):
    """The result of ``question`` asked as admin, which must be answered with at least one row (an empty answer
    would let an assertion over its rows pass vacuously)."""
    outcome = answer(question, engine=engine, caller=Caller.admin(), today=today)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None and outcome.result.rows
    return outcome.result


def converse(engine: Engine, *questions: str, today: date) -> Outcome:
    """Ask ``questions`` in one conversation as admin, each refining the last answered plan; the last outcome."""
    previous = None
    outcome = None
    for q in questions:
        outcome = answer(q, engine=engine, caller=Caller.admin(), today=today, previous=previous)
        previous = outcome.plan if outcome.status == "answered" else previous
    assert outcome is not None
    return outcome



def assert_conversation_matches(engine: Engine, questions: tuple[str, ...], sql: str, today: date) -> None:
    """Ask ``questions`` in one conversation and compare the last answer's first column with that of hand-written
    ``sql``, as sorted text (a single figure with a decimal point compares approximately). An expected answer that is
    empty would prove nothing, so it fails the test too."""
    outcome = converse(engine, *questions, today=today)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with engine.connect() as conn:
        expected = sorted(str(r[0]) for r in conn.execute(text(sql)))
    assert expected and expected != ["None"], "empty on the small database: the test would prove nothing"
    got = sorted(str(r[0]) for r in outcome.result.rows)
    if len(expected) == 1 and "." in expected[0]:
        assert float(got[0]) == pytest.approx(float(expected[0]))
    else:
        assert got == expected
