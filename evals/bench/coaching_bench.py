"""Speed of the coach: index build time for the whole library, and warm per-query latency (p50/p95).

Builds the index from scratch in a temporary directory with the default embedder, opens the coach on it,
warms it up, then times ``Coach.search`` (embedding, chromadb search, lexical ranker, fusion, composition)
over the eval queries (or, without them, the library's titles). Prints wall time, the process's CPU time
(close to what an idle machine takes, since queries run on one core) and the load average, since wall time
depends on how busy the CPU is.

    .venv/bin/python -m evals.bench.coaching_bench [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from retrieval.anchors import load_anchors
from retrieval.coach import Coach
from retrieval.embedders import default_embedder
from retrieval.errors import QueryError
from retrieval.index import PlaybookIndex
from retrieval.library import load_library

QUERIES = Path(__file__).resolve().parents[1] / "coaching" / "queries.yaml"
# the issue's own examples: what a rep types in the field (short)
SHORT = ("你们比XX贵了15%", "我们已经在用竞品了", "先发个资料看看", "要等领导批", "The budget is frozen until Q2",
         "账期太长了", "你们交货太慢", "售后响应太慢了", "Your price is too high", "试用效果不理想")


@dataclass(frozen=True)
class BenchReport:
    embedder: str
    entries: int
    documents: int
    build_s: float
    queries: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    build_cpu_s: float
    cpu_p50_ms: float
    cpu_p95_ms: float
    short_p50_ms: float
    short_cpu_p50_ms: float
    load_average: tuple[float, float, float]


def _texts(library_titles: list[str]) -> list[str]:
    import yaml

    if QUERIES.is_file():
        data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
        items = data.get("queries") if isinstance(data, dict) else data
        texts = [str(q["text"]) for q in items or [] if isinstance(q, dict) and q.get("text")]
        if texts:
            return texts
    return library_titles


def bench(rounds: int = 2) -> BenchReport:
    library = load_library()
    embedder = default_embedder()
    embedder.embed(["预热"], kind="query")  # load the model outside the timed build
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        index = PlaybookIndex(Path(tmp), embedder)
        started, cpu_started = time.perf_counter(), time.process_time()
        report = index.rebuild(library, anchors=load_anchors())
        build_s = time.perf_counter() - started
        build_cpu_s = time.process_time() - cpu_started
        coach = Coach.open(index_dir=Path(tmp), library=library, embedder=embedder)
        texts = _texts([e.title_zh for e in library.objections] + [e.title_en for e in library.objections])
        for text in texts[:5]:
            coach.search(text)
        timings: list[float] = []
        cpu: list[float] = []
        for _ in range(rounds):
            for text in texts:
                started, cpu_started = time.perf_counter(), time.process_time()
                try:
                    coach.search(text)
                except QueryError:
                    continue
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
        short_wall: list[float] = []
        short_cpu: list[float] = []
        for _ in range(max(rounds, 1) * 5):
            for text in SHORT:
                started, cpu_started = time.perf_counter(), time.process_time()
                coach.search(text)
                short_wall.append((time.perf_counter() - started) * 1000)
                short_cpu.append((time.process_time() - cpu_started) * 1000)
    timings.sort()
    cpu.sort()
    return BenchReport(
        embedder=embedder.name,
        entries=len(library.objections),
        documents=report.documents_embedded,
        build_s=round(build_s, 2),
        queries=len(timings),
        p50_ms=round(statistics.median(timings), 1),
        p95_ms=round(timings[int(0.95 * (len(timings) - 1))], 1),
        mean_ms=round(statistics.fmean(timings), 1),
        build_cpu_s=round(build_cpu_s, 2),
        cpu_p50_ms=round(statistics.median(cpu), 1),
        cpu_p95_ms=round(cpu[int(0.95 * (len(cpu) - 1))], 1),
        short_p50_ms=round(statistics.median(short_wall), 1),
        short_cpu_p50_ms=round(statistics.median(short_cpu), 1),
        load_average=tuple(round(x, 2) for x in os.getloadavg()),  # type: ignore[arg-type]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="coach speed: index build and warm query latency")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the query set")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    r = bench(args.rounds)
    if args.json:
        print(json.dumps(asdict(r)))
    else:
        print(f"embedder {r.embedder}: index build {r.build_s:.1f}s for {r.entries} entries ({r.documents} texts)")
        print(f"warm query latency over {r.queries} queries: p50 {r.p50_ms} ms, p95 {r.p95_ms} ms, mean {r.mean_ms} ms")
        print(f"CPU time of this process (what an idle machine would take): build {r.build_cpu_s:.1f}s, "
              f"query p50 {r.cpu_p50_ms} ms, p95 {r.cpu_p95_ms} ms")
        print(f"short objections (the issue's examples, {len(SHORT)} x {max(args.rounds, 1) * 5}): p50 {r.short_p50_ms} ms "
              f"wall, {r.short_cpu_p50_ms} ms CPU")
        print(f"load average during the run: {r.load_average} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
