"""Benchmark: build time and database size of each demo size, on SQLite and (optionally) PostgreSQL.

    python -m evals.bench.demo_build [--sizes small,default,large] [--pg postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from crm.db import drop_all, make_engine
from crm.demo import build_demo


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="small,default,large")
    ap.add_argument("--pg", default=None, help="also build on this (emptied) PostgreSQL database")
    ap.add_argument("--today", default="2026-11-18")
    args = ap.parse_args()
    today = date.fromisoformat(args.today)
    print("| size | backend | accounts | activities | generate s | load s | total s | db size MB |")
    print("|---|---|---|---|---|---|---|---|")
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.sqlite3"
            engine = make_engine(f"sqlite:///{path}")
            t0 = time.perf_counter()
            r = build_demo(engine, size, 7, today)
            total = time.perf_counter() - t0
            engine.dispose()
            _row(size, "sqlite", r, total, path.stat().st_size / 1e6)
        if args.pg:
            engine = make_engine(args.pg)
            drop_all(engine)
            t0 = time.perf_counter()
            r = build_demo(engine, size, 7, today)
            total = time.perf_counter() - t0
            with engine.connect() as c:
                mb = c.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 1e6
            drop_all(engine)
            _row(size, "postgresql", r, total, mb)


def _row(size: str, backend: str, r, total: float, mb: float) -> None:
    print(f"| {size} | {backend} | {r.rows['account']:,} | {r.rows['activity']:,} | {r.generate_s:.1f} | "
          f"{r.load_s:.1f} | {total:.1f} | {mb:.1f} |", flush=True)


if __name__ == "__main__":
    main()
