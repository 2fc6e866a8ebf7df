"""NL->SQL evaluation: execution accuracy on `questions.yaml`, overall and per category, plus confident wrong answers.

Each question is asked through the real pipeline (`assistant.ask` semantics: parse, compile, validate, run) as the
entry's user, after its context questions in the same conversation. Gold SQL runs on the SQLite evaluation
database (the same data is loaded on the servers). Result sets are compared as multisets of rows: the answer may
have extra columns, but every gold column must be matched, value for value, by one of the answer's columns.

    python -m evals.nl2sql.run [--split dev|test|all] [--url URL] [--report evals/nl2sql/report.md]
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import yaml
from pydantic import BaseModel
from sqlalchemy import Engine, text

from crm.db import make_engine
from crm.demo import build_demo

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 18)
EVAL_DB = Path("data/eval-default.sqlite3")


class Entry(BaseModel):
    id: str
    question: str
    lang: str
    category: str
    split: str
    as_: str | None = None
    context: list[str] = []
    expect: str
    gold_sql: str | None = None
    notes: str | None = None

    model_config = {"populate_by_name": True}


@dataclass(frozen=True)
class Scored:
    entry: Entry
    status: str
    correct: bool
    confident_wrong: bool
    detail: str
    ms: float


# questions.yaml holds the dev and the held-out test split; the others are later, independently written dev sets.
LAST_DEV_SET = 394  # sets are numbered dev2..devN; a number not yet written is skipped by `load_entries`
DATASETS = ("questions.yaml", *(f"questions_dev{n}.yaml" for n in range(2, LAST_DEV_SET + 1)))
DEV_SPLITS = ("dev", *(f"dev{n}" for n in range(2, LAST_DEV_SET + 1)))


def load_entries(paths: tuple[Path, ...] = tuple(HERE / n for n in DATASETS)) -> list[Entry]:
    out = []
    for path in paths:
        if path.exists():
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            out += [Entry(**{("as_" if k == "as" else k): v for k, v in item.items()}) for item in raw]
    return out


def eval_engine(path: Path = EVAL_DB) -> Engine:
    """The evaluation database (default size, seed 7, today 2026-11-18), built if missing."""
    engine = make_engine(f"sqlite:///{path}")
    if not path.exists() or path.stat().st_size == 0:
        build_demo(engine, "default", 7, TODAY)
    return engine


TIMESTAMP = re.compile(r"^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.0+)?$")


def _num(v: object) -> object:
    """Numbers as floats; timestamps as 'YYYY-MM-DD HH:MM:SS' whatever the driver's spelling (SQLite keeps
    '.000000', PostgreSQL returns datetime objects)."""
    if isinstance(v, datetime):
        v = v.isoformat(sep=" ")
    if isinstance(v, str) and (ts := TIMESTAMP.match(v)):
        return f"{ts.group(1)} {ts.group(2)}"
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int | float):
        return float(v)
    if isinstance(v, Decimal):
        return float(v)
    return v


def _same(a: object, b: object, tol: float) -> bool:
    a, b = _num(a), _num(b)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=tol, abs_tol=1e-6)
    return a == b


def _column_matches(gold_col: list, pred_col: list, tol: float) -> bool:
    return all(_same(g, p, tol) for g, p in zip(gold_col, pred_col, strict=True))


def results_match(gold: list[tuple], pred: list[tuple], *, tol: float = 1e-6) -> bool:
    """Multiset comparison; the prediction may carry extra columns."""
    if len(gold) != len(pred):
        return False
    if not gold:
        return True
    ng, np_ = len(gold[0]), len(pred[0])
    if np_ < ng:
        return False
    key = lambda row: tuple(  # noqa: E731
        (0, round(float(_num(v)), 4)) if isinstance(_num(v), float) else (1, str(_num(v))) for v in row)
    gold_sorted = sorted(gold, key=key)
    for cols in itertools.permutations(range(np_), ng):
        projected = sorted((tuple(r[c] for c in cols) for r in pred), key=key)
        if all(_column_matches(list(g), list(p), tol) for g, p in zip(gold_sorted, projected, strict=True)):
            return True
    return False


def run(split: str = "test", url: str | None = None, report: Path | None = None, verbose: bool = False) -> dict:
    from sql.pipeline import answer, resolve_caller

    gold_engine = eval_engine()
    engine = make_engine(url) if url else gold_engine
    entries = [e for e in load_entries() if split == "all" or e.split == split or (
        split == "dev-all" and e.split in DEV_SPLITS)]
    outcomes: list[Scored] = []
    for e in entries:
        t0 = time.perf_counter()
        try:
            caller = resolve_caller(engine, e.as_)
        except Exception as exc:  # noqa: BLE001 - a bad entry is reported, not fatal
            outcomes.append(Scored(e, "error", False, False, f"caller: {exc}", 0.0))
            continue
        previous = None
        for c in e.context:  # the conversation: each answered question becomes the one to refine
            o = answer(c, engine=engine, caller=caller, today=TODAY, previous=previous)
            previous = o.plan if o.status == "answered" else previous
        final = answer(e.question, engine=engine, caller=caller, today=TODAY, previous=previous)
        ms = (time.perf_counter() - t0) * 1000
        outcomes.append(_score(e, final, gold_engine, ms))
    summary = _summary(outcomes, split, engine)
    if report is not None:
        report.write_text(_markdown(summary, outcomes), encoding="utf-8")
    return summary


def _score(e: Entry, answer, gold_engine: Engine, ms: float) -> Scored:
    status = answer.status
    if e.expect != "answer":
        ok = status == ("clarify" if e.expect == "clarify" else "refused") or (
            e.expect == "clarify" and status == "refused")
        return Scored(e, status, ok, status == "answered", "" if ok else f"expected {e.expect}", ms)
    if status != "answered":
        detail = answer.clarification.question if answer.clarification else (answer.message or "")
        return Scored(e, status, False, False, f"{status}: {str(detail)[:120]}", ms)
    with gold_engine.connect() as conn:
        gold = [tuple(r) for r in conn.execute(text(e.gold_sql or ""))]
    tol = 1e-6 if "days" not in (e.notes or "").lower() else 0.05
    pred = [tuple(r) for r in answer.result.rows]
    ok = results_match(gold, pred, tol=tol)
    detail = "" if ok else f"gold {len(gold)} rows {gold[:2]} vs answer {len(pred)} rows {pred[:2]}"
    return Scored(e, status, ok, not ok, detail, ms)


def _summary(outcomes: list[Scored], split: str, engine: Engine) -> dict:
    by_cat: dict[str, list[Scored]] = defaultdict(list)
    for o in outcomes:
        by_cat[o.entry.category].append(o)
    times = sorted(o.ms for o in outcomes)
    return {
        "split": split,
        "backend": engine.dialect.name,
        "n": len(outcomes),
        "accuracy": sum(o.correct for o in outcomes) / max(1, len(outcomes)),
        "confident_wrong": sum(o.confident_wrong for o in outcomes),
        "confident_wrong_rate": sum(o.confident_wrong for o in outcomes) / max(1, len(outcomes)),
        "per_category": {c: (sum(o.correct for o in os_) / len(os_), len(os_)) for c, os_ in sorted(by_cat.items())},
        "statuses": dict(Counter(o.status for o in outcomes)),
        "p50_ms": times[len(times) // 2] if times else 0.0,
        "p95_ms": times[int(len(times) * 0.95)] if times else 0.0,
        "failures": [(o.entry.id, o.entry.question, o.detail) for o in outcomes if not o.correct],
    }


def format_summary(s: dict) -> str:
    lines = [f"NL->SQL execution accuracy ({s['split']} split, {s['n']} questions, {s['backend']}): "
             f"{s['accuracy']:.3f}",
             f"confident wrong answers: {s['confident_wrong']} ({s['confident_wrong_rate']:.3f})",
             f"statuses: {s['statuses']}",
             f"time per question incl. context: p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms",
             "", "| category | n | accuracy |", "|---|---|---|"]
    lines += [f"| {c} | {n} | {acc:.3f} |" for c, (acc, n) in s["per_category"].items()]
    return "\n".join(lines)


def _markdown(s: dict, outcomes: list[Scored]) -> str:
    body = ["# NL->SQL evaluation report", "", "Produced by `sales-assistant eval nl2sql` "
            f"(split `{s['split']}`, backend `{s['backend']}`, today {TODAY}).", "", format_summary(s), "",
            "## Failures", "", "| id | question | what happened |", "|---|---|---|"]
    body += [f"| {i} | {q} | {d.replace('|', '/')} |" for i, q, d in s["failures"]]
    return "\n".join(body) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="test", choices=(*DEV_SPLITS, "dev-all", "test", "all"))
    ap.add_argument("--url", default=None)
    ap.add_argument("--report", type=Path, default=HERE / "report.md")
    ap.add_argument("--failures", action="store_true")
    args = ap.parse_args()
    s = run(args.split, args.url, args.report)
    print(format_summary(s))
    if args.failures:
        for f in s["failures"]:
            print(" -", *f)


if __name__ == "__main__":
    main()
