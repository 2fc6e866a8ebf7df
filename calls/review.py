"""The call-review pipeline: audio file in, typed :class:`~calls.models.CallReview` out.

Steps, in order: check the stage against the playbook library (before any slow work), probe and decode the
audio, stop with status ``no_speech`` on silence, build the engine (lazily, so bad input never waits for a
model load) and transcribe, compute talk metrics, check the stage checklist, find objections. Every failure
is a :class:`~calls.errors.CallsError`; the caller decides whether to print it or return it as JSON.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from calls.audio import DEFAULT_MAX_DURATION_S, DecodedAudio, load
from calls.checklist import ChecklistDetector
from calls.errors import StageError
from calls.metrics import compute_metrics
from calls.models import CallReview, ReviewStatus, Transcript
from calls.objections import find_objections
from calls.transcribe import Progress, Transcriber, transcribe_call

log = logging.getLogger(__name__)

NO_SPEECH_MESSAGE = ("录音中没有检测到说话内容，未生成复盘", "No speech was detected in the recording; nothing to review")
EngineFactory = Callable[[str | None], Transcriber]  # gets the forced language (None = auto)


@dataclass(frozen=True)
class ReviewOptions:
    """What to review the call against and how."""

    stage: str | None = None
    language: str | None = None
    industry: str | None = None
    vocabulary: tuple[str, ...] = ()
    max_duration_s: float = DEFAULT_MAX_DURATION_S
    rep_channel: int = 0
    cache_dir: Path | None = None  # where vectors of the checklist example bank may be cached between runs


def check_stage(stage: str | None, stages: Mapping[str, Any]) -> Any | None:
    """The stage playbook, or StageError naming the known stages."""
    if stage is None:
        return None
    playbook = stages.get(stage)
    if playbook is None:
        known = ", ".join(sorted(stages)) or "-"
        raise StageError(f"未知的阶段：{stage}（可选：{known}）", f"Unknown stage: {stage} (known: {known})",
                         stage=stage, known=known)
    return playbook


def review_transcript(transcript: Transcript, *, playbook: Any | None, embedder: Any | None, coach: Any | None,
                      industry: str | None = None, cache_dir: Path | None = None) -> CallReview:
    """Metrics, checklist and objections of an existing transcript (also used by tests and evals)."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    metrics = compute_metrics(transcript)
    covered: tuple = ()
    missed: tuple = ()
    if playbook is not None and embedder is not None and transcript.segments:
        detector = ChecklistDetector(playbook, embedder, cache_dir=cache_dir)
        findings = detector.review(transcript.segments, transcript.language)
        covered = tuple(f for f in findings if f.covered)
        missed = tuple(f for f in findings if not f.covered)
    timings["checklist_s"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    objections: tuple = ()
    if coach is not None and transcript.segments:
        stage = playbook.stage if playbook is not None else None
        objections = find_objections(transcript.segments, coach, lang=transcript.language, industry=industry,
                                     stage=stage)
    timings["objections_s"] = time.perf_counter() - t1
    status: ReviewStatus = "ok" if transcript.segments else "no_speech"
    return CallReview(status=status, duration_s=transcript.duration_s, language=transcript.language,
                      stage=playbook.stage if playbook is not None else None, segments=transcript.segments,
                      covered=covered, missed=missed, objections=objections, metrics=metrics, timings=timings)


def review_call(path: Path, *, options: ReviewOptions, stages: Mapping[str, Any], engine_factory: EngineFactory,
                embedder: Any | None = None, coach: Any | None = None, progress: Progress | None = None,
                on_audio: Callable[[DecodedAudio], None] | None = None,
                coaching_factory: Callable[[], tuple[Any | None, Any | None]] | None = None) -> CallReview:
    """Review one recording end to end; raises CallsError subclasses for bad input.

    ``coaching_factory`` builds (embedder, coach) lazily, only once there is speech to review."""
    playbook = check_stage(options.stage, stages)
    t0 = time.perf_counter()
    audio = load(path, max_duration_s=options.max_duration_s, rep_channel=options.rep_channel)
    if on_audio is not None:
        on_audio(audio)
    decode_s = time.perf_counter() - t0
    if audio.is_silent:
        log.info("%s is silent; nothing to transcribe", path)
        return _nothing_said(audio, options, playbook)
    t1 = time.perf_counter()
    engine = engine_factory(options.language)
    load_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    transcript = transcribe_call(audio, engine, language=options.language, vocabulary=options.vocabulary,
                                 progress=progress)
    transcribe_s = time.perf_counter() - t2
    if not transcript.segments:
        return _nothing_said(audio, options, playbook, language=transcript.language)
    if coaching_factory is not None:
        embedder, coach = coaching_factory()
    review = review_transcript(transcript, playbook=playbook, embedder=embedder, coach=coach,
                               industry=options.industry, cache_dir=options.cache_dir)
    review.timings.update(decode_s=decode_s, model_load_s=load_s, transcribe_s=transcribe_s)
    return review


def _nothing_said(audio: DecodedAudio, options: ReviewOptions, playbook: Any | None,
                  language: str | None = None) -> CallReview:
    """Status ``no_speech`` (see ``NO_SPEECH_MESSAGE``): silence metrics only, no checklist verdicts."""
    transcript = Transcript(segments=(), language=language or options.language or "", duration_s=audio.duration_s,
                            attributed=audio.attributed)
    return CallReview(status="no_speech", duration_s=audio.duration_s, language=language or options.language,
                      stage=playbook.stage if playbook is not None else None, metrics=compute_metrics(transcript))


def vocabulary_terms(*groups: Iterable[str]) -> tuple[str, ...]:
    """De-duplicated vocabulary from several sources (CRM product names, competitor names, ...)."""
    seen: dict[str, None] = {}
    for group in groups:
        for term in group:
            if term and term.strip():
                seen.setdefault(term.strip(), None)
    return tuple(seen)
