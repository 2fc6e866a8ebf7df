"""Helpers shared by tests (imported as a plain module; tests/ is on sys.path via rootdir conftest)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine, select

from crm.models import TABLES


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
