"""Quarters as a breakdown ("每个季度", "quarterly") and two quarters side by side ("本季度跟上季度对比")."""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text

from sql.pipeline import answer
from sql.validator import Caller

WON_BY_QUARTER = ("SELECT CAST(strftime('%Y', o.closed_at) AS TEXT) || '-Q' || ((CAST(strftime('%m', o.closed_at) AS "
                  "INTEGER) + 2) / 3), SUM(o.amount) FROM opportunity o WHERE o.stage = 'closed_won' AND o.closed_at >= "
                  "'{start}' GROUP BY 1")


@pytest.mark.parametrize(("question", "start"), [
    ("今年每个季度的赢单金额", "2026-01-01 00:00:00"),
    ("won amount by quarter this year", "2026-01-01 00:00:00"),
    ("本季度跟上季度的赢单金额分别多少", "2026-07-01 00:00:00"),
    ("compare won amount Q3 vs Q4", "2026-07-01 00:00:00"),
])
def test_won_amount_per_quarter(question: str, start: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.result is not None
    with small_engine.connect() as conn:
        expected = sorted((str(q), float(v)) for q, v in conn.execute(text(WON_BY_QUARTER.format(start=start))))
    assert sorted((str(q), float(v)) for q, v in outcome.result.rows) == expected
    assert len(expected) >= 2
