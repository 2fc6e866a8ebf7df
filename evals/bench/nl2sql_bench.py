"""Benchmark: time per question of parse+compile+validate, and of the whole `ask` (including running the SQL).

Questions are the evaluation set's answerable ones (no context), asked as admin, warm (each database's name index
is loaded once first). Databases: the default and large demo on SQLite (built under data/ if missing) and, with
--pg, the same on PostgreSQL.

    python -m evals.bench.nl2sql_bench [--sizes default,large] [--pg postgresql://postgres@127.0.0.1:5432/test]
        [--sample N]

--sample N times every N-th question only (the order of the files, so the same questions each run): `large` asks
each question twice, which over the whole set takes tens of minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from crm.db import drop_all, make_engine
from crm.demo import build_demo
from evals.nl2sql.run import TODAY, load_entries
from sql.compiler import compile_plan, to_sql
from sql.parser import parse
from sql.pipeline import answer as ask
from sql.pipeline import name_index
from sql.plan import QueryPlan
from sql.validator import Caller, validate


def _engine(size: str, pg: str | None) -> Engine:
    if pg:
        engine = make_engine(pg)
        drop_all(engine)
        build_demo(engine, size, 7, TODAY)
        return engine
    path = Path(f"data/bench-{size}.sqlite3")
    engine = make_engine(f"sqlite:///{path}")
    if not path.exists() or path.stat().st_size == 0:
        build_demo(engine, size, 7, TODAY)
    return engine


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def bench(engine: Engine, today: date, questions: list[str]) -> tuple[list[float], list[float]]:
    names = name_index(engine)
    caller = Caller.admin()
    dialect = engine.dialect.name
    pcv, whole = [], []
    for q in questions:  # warm-up pass
        ask(q, engine=engine, caller=caller, today=today)
    for q in questions:
        t0 = time.perf_counter()
        plan = parse(q, today=today, names=names)
        if isinstance(plan, QueryPlan):
            try:
                validate(to_sql(compile_plan(plan, dialect, today), dialect), dialect=dialect, caller=caller)
            except Exception:  # noqa: BLE001 - the benchmark times, it does not judge
                pass
        pcv.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        ask(q, engine=engine, caller=caller, today=today)
        whole.append((time.perf_counter() - t0) * 1000)
    return pcv, whole


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="default,large")
    ap.add_argument("--pg", default=None)
    ap.add_argument("--sample", type=int, default=1, help="time every N-th question only")
    args = ap.parse_args()
    questions = [e.question for e in load_entries() if e.expect == "answer" and not e.context and not e.as_]
    questions = questions[::max(1, args.sample)]
    print(f"{len(questions)} questions{f' (every {args.sample}th)' if args.sample > 1 else ''}, warm, admin caller")
    print("| database | parse+compile+validate p50 ms | p95 ms | whole ask p50 ms | p95 ms |")
    print("|---|---|---|---|---|")
    backends = [("sqlite", None)] + ([("postgresql", args.pg)] if args.pg else [])
    for size in args.sizes.split(","):
        for backend, url in backends:
            engine = _engine(size, url)
            pcv, whole = bench(engine, TODAY, questions)
            print(f"| {size} {backend} | {statistics.median(pcv):.2f} | {_pct(pcv, 0.95):.2f} | "
                  f"{statistics.median(whole):.1f} | {_pct(whole, 0.95):.1f} |", flush=True)


if __name__ == "__main__":
    main()
