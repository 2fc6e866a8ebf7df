"""Realistic, deterministic demo data for the CRM (see `generate` for what it models)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, inspect

from crm.db import refresh_statistics, upgrade
from crm.demo.generate import SIZES, generate
from crm.demo.load import load
from crm.errors import DemoError

log = logging.getLogger(__name__)
__all__ = ["SIZES", "BuildReport", "build_demo"]


@dataclass(frozen=True)
class BuildReport:
    """What a demo build did and how long it took."""

    size: str
    seed: int
    today: date
    rows: dict[str, int]
    generate_s: float
    load_s: float


def build_demo(engine: Engine, size: str = "small", seed: int = 7, today: date | None = None) -> BuildReport:
    """Create the schema (if needed) and fill an EMPTY database with demo data."""
    if size not in SIZES:
        raise DemoError(f"未知的演示数据规模: {size}", f"unknown demo size: {size}",
                        allowed=", ".join(SIZES))
    today = today or date.today()
    upgrade(engine)
    if _has_rows(engine):
        raise DemoError("数据库已有数据，演示数据只写入空库", "the database already has data; demo data goes into an "
                        "empty database only", url=engine.url.render_as_string(hide_password=True))
    t0 = time.perf_counter()
    data = generate(SIZES[size], seed, today)
    t1 = time.perf_counter()
    load(engine, data)
    refresh_statistics(engine)
    t2 = time.perf_counter()
    return BuildReport(size, seed, today, {k: len(v) for k, v in data.rows.items()}, t1 - t0, t2 - t1)


def _has_rows(engine: Engine) -> bool:
    if not inspect(engine).has_table("region"):
        return False
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT COUNT(*) FROM region").scalar_one() > 0
