"""Bulk loading of generated demo rows: SQLite executemany, PostgreSQL COPY, batched inserts elsewhere.

The whole load is one transaction: a failed build leaves no half-filled database behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import Connection, Engine, Table, text, update
from sqlalchemy.schema import CreateIndex, DropIndex

from crm.demo.generate import DemoData
from crm.models import TABLES

log = logging.getLogger(__name__)
SQLITE_TS = "%Y-%m-%d %H:%M:%S.%f"


def _sqlite_value(v: object) -> object:
    # SQLAlchemy's own SQLite format, so ORM reads and hand-written SQL compare the same strings.
    if isinstance(v, datetime):
        return v.strftime(SQLITE_TS)
    if isinstance(v, date):
        return v.isoformat()
    return v


def _load_sqlite(conn: Connection, table: Table, rows: list[tuple]) -> None:
    cols = ", ".join(c.name for c in table.columns)
    marks = ", ".join("?" for _ in table.columns)
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    cur.executemany(f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})',
                    ([_sqlite_value(v) for v in r] for r in rows))


def _load_postgres(conn: Connection, table: Table, rows: list[tuple]) -> None:
    cols = ", ".join(f'"{c.name}"' for c in table.columns)
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cur.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
        for r in rows:
            copy.write_row(r)


def _load_generic(conn: Connection, table: Table, rows: list[tuple]) -> None:
    names = [c.name for c in table.columns]
    for start in range(0, len(rows), 5_000):
        conn.execute(table.insert(), [dict(zip(names, r, strict=True)) for r in rows[start:start + 5_000]])


LOADERS: dict[str, Callable[[Connection, Table, list[tuple]], None]] = {
    "sqlite": _load_sqlite,
    "postgresql": _load_postgres,
}


def load(engine: Engine, data: DemoData) -> None:
    """Write all rows in one transaction; team managers are set after the reps exist (the two reference each other)."""
    loader = LOADERS.get(engine.dialect.name, _load_generic)
    team_managers = [(r[0], r[3]) for r in data.rows["team"]]
    rows = dict(data.rows)
    rows["team"] = [(r[0], r[1], r[2], None) for r in data.rows["team"]]
    team_table = next(t for t in TABLES if t.name == "team")
    big = sum(len(r) for r in rows.values()) > 200_000
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            _sqlite_bulk_pragmas(conn)
        # Building indexes once after a bulk load is several times faster than updating them row by row.
        deferred = [ix for t in TABLES for ix in t.indexes] if big and engine.dialect.name != "mysql" else []
        for ix in deferred:
            conn.execute(DropIndex(ix, if_exists=True))
        for table in _load_order():
            if rows.get(table.name):
                loader(conn, table, rows[table.name])
                log.debug("loaded %s rows into %s", len(rows[table.name]), table.name)
        for ix in deferred:
            conn.execute(CreateIndex(ix))
        for team_id, manager_id in team_managers:
            conn.execute(update(team_table).where(team_table.c.id == team_id).values(manager_id=manager_id))
        if engine.dialect.name == "postgresql":
            _reset_sequences(conn)


def _sqlite_bulk_pragmas(conn: Connection) -> None:
    """A demo build can be redone: trade crash safety for speed while it runs (journal in memory, no fsync).

    Set on the loading connection itself, before its first write opens the transaction, so they apply to it."""
    conn.exec_driver_sql("PRAGMA journal_mode = MEMORY")
    conn.exec_driver_sql("PRAGMA synchronous = OFF")
    conn.exec_driver_sql("PRAGMA cache_size = -262144")


def _load_order() -> list[Table]:
    by_name = {t.name: t for t in TABLES}
    order = ["region", "team", "sales_rep", "product", "account", "contact", "lead", "opportunity",
             "opportunity_stage_history", "opportunity_line", "activity", "quote", "contract", "payment",
             "audit_log", "app_meta"]
    return [by_name[n] for n in order]


def _reset_sequences(conn: Connection) -> None:
    """COPY with explicit ids leaves the serial sequences at 1; move them past the loaded ids."""
    for table in TABLES:
        if "id" in table.columns:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))
