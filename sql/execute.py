"""Running a validated query: read-only, with a statement timeout, parameters bound by the driver.

Only `ValidatedQuery` objects run here; there is no way to pass raw SQL text.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from sql.errors import ExecutionError
from sql.validator import ValidatedQuery


@dataclass(frozen=True)
class ResultSet:
    """Columns and JSON-ready rows (Decimal -> float, dates -> ISO text); `truncated` when the row limit cut."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    truncated: bool
    elapsed_ms: float


SQLITE_TS = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\.\d+$")


def _json_value(v: object) -> object:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and abs(v) < 2**53 else float(v)
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str) and (m := SQLITE_TS.match(v)):
        return m.group(1)  # SQLite hands back its stored text; show timestamps as the servers do
    return v


def run(engine: Engine, query: ValidatedQuery, *, timeout_ms: int = 5000) -> ResultSet:
    t0 = time.perf_counter()
    try:
        with engine.connect() as conn:
            dialect = engine.dialect.name
            if dialect == "sqlite":
                raw = conn.connection.driver_connection
                deadline = time.monotonic() + timeout_ms / 1000
                raw.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)  # type: ignore[union-attr]
                conn.exec_driver_sql("PRAGMA query_only = ON")
            elif dialect == "postgresql":
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout_ms)}")
            elif dialect == "mysql":
                conn.exec_driver_sql(f"SET SESSION max_statement_time = {timeout_ms / 1000:.3f}")
                conn.exec_driver_sql("SET SESSION div_precision_increment = 30")  # rates: not 4 decimals
                conn.exec_driver_sql("SET SESSION TRANSACTION READ ONLY")
            try:
                result = conn.execute(text(query.exec_sql), query.params)
                columns = tuple(result.keys())
                rows = result.fetchall()
            finally:
                conn.rollback()
                if dialect == "sqlite":
                    conn.exec_driver_sql("PRAGMA query_only = OFF")
                    raw.set_progress_handler(None, 0)  # type: ignore[union-attr]
                elif dialect == "mysql":
                    conn.exec_driver_sql("SET SESSION TRANSACTION READ WRITE")
    except OperationalError as exc:
        msg = str(exc.orig).lower()
        if "interrupted" in msg or "timeout" in msg or "max_statement_time" in msg or "canceling" in msg:
            raise ExecutionError(f"查询超时（{timeout_ms} 毫秒）", f"the query timed out ({timeout_ms} ms)",
                                 sql=query.sql) from None
        raise ExecutionError("查询执行失败", f"the query failed: {exc.orig}", sql=query.sql) from None
    except DBAPIError as exc:
        raise ExecutionError("查询执行失败", f"the query failed: {exc.orig}", sql=query.sql) from None
    truncated = len(rows) > query.limit
    rows = rows[: query.limit]
    return ResultSet(columns, tuple(tuple(_json_value(v) for v in r) for r in rows), truncated,
                     (time.perf_counter() - t0) * 1000)
