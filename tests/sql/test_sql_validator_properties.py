"""Property tests: random SQL built from the schema never writes and never leaks rows outside the caller's scope."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, text

from sql.errors import SqlError
from sql.execute import run
from sql.validator import Caller, validate

OWNED = {"account": "owner_id", "opportunity": "owner_id", "lead": "owner_id", "activity": "owner_id",
         "contract": "owner_id"}
WRITES = ["DELETE FROM {t}", "UPDATE {t} SET id = id", "DROP TABLE {t}", "INSERT INTO {t} SELECT * FROM {t}",
          "ALTER TABLE {t} ADD COLUMN x INT", "CREATE INDEX ix ON {t}(id)", "PRAGMA writable_schema = 1",
          "VACUUM", "REINDEX {t}", "REPLACE INTO {t} SELECT * FROM {t}"]


@st.composite
def scoped_selects(draw: st.DrawFn) -> str:
    """A SELECT that exposes the owner column of some owned table, through a join, subquery, CTE or union."""
    table = draw(st.sampled_from(sorted(OWNED)))
    col = OWNED[table]
    shape = draw(st.sampled_from(["plain", "join", "subquery", "cte", "union", "exists", "derived"]))
    where = draw(st.sampled_from(["", " WHERE t.id > 3", " WHERE t.id % 2 = 0", " WHERE 1 = 1 OR 1 = 1"]))
    if shape == "plain":
        return f"SELECT t.{col} FROM {table} AS t{where}"
    if shape == "join":
        return f"SELECT t.{col} FROM {table} AS t JOIN sales_rep AS s ON s.id = t.{col}{where}"
    if shape == "subquery":
        return f"SELECT t.{col} FROM {table} AS t WHERE t.id IN (SELECT id FROM {table})"
    if shape == "cte":
        return f"WITH x AS (SELECT * FROM {table}) SELECT t.{col} FROM x AS t{where}"
    if shape == "union":
        other = draw(st.sampled_from(sorted(OWNED)))
        return f"SELECT {col} FROM {table} UNION ALL SELECT {OWNED[other]} FROM {other}"
    if shape == "exists":
        return f"SELECT t.{col} FROM {table} AS t WHERE EXISTS (SELECT 1 FROM account a WHERE a.owner_id = t.{col})"
    return f"SELECT t.{col} FROM (SELECT * FROM {table}) AS t{where}"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sql=scoped_selects(), rep_index=st.integers(min_value=0, max_value=20))
def test_random_selects_never_leave_the_reps_scope(sql: str, rep_index: int, small_engine: Engine) -> None:
    with small_engine.connect() as c:
        reps = [r[0] for r in c.execute(text("SELECT id FROM sales_rep WHERE role = 'rep' ORDER BY id"))]
    rep = Caller(reps[rep_index % len(reps)], "rep")
    rows = run(small_engine, validate(sql, dialect="sqlite", caller=rep)).rows
    assert {r[0] for r in rows} <= {rep.id}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(template=st.sampled_from(WRITES), table=st.sampled_from(sorted(OWNED) + ["region", "sales_rep"]),
       prefix=st.sampled_from(["", "SELECT 1; ", "/* x */ ", "WITH a AS (SELECT 1) "]))
def test_writes_never_pass(template: str, table: str, prefix: str, small_engine: Engine,
                           small_db_path: Path) -> None:
    before = _digest(small_db_path)
    try:
        vq = validate(prefix + template.format(t=table), dialect="sqlite", caller=Caller.admin())
    except SqlError:
        vq = None
    assert vq is None
    assert _digest(small_db_path) == before
