"""`sales-assistant review-call FILE`: transcribe a recorded call offline and review it against the stage
checklist; print the review (or its JSON contract) and, with ``--opportunity``, store it as an activity.

Everything slow or heavy (whisper model, embedder, coaching index) is built only after the cheap checks
(stage, audio file, opportunity id) have passed, and the activity row is written in one transaction after the
whole review succeeded, so a failure never leaves anything half-written.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from calls.audio import DEFAULT_MAX_DURATION_S, DecodedAudio, probe
from calls.errors import CallsError, CoachingUnavailableError
from calls.models import CallReview
from calls.review import NO_SPEECH_MESSAGE, ReviewOptions, check_stage, review_call, vocabulary_terms
from calls.transcribe import FasterWhisperTranscriber, Transcriber
from calls.whisper_models import resolve_model

log = logging.getLogger(__name__)

CHECKLIST_STAGES = ("initial_contact", "needs_analysis", "proposal", "negotiation", "trial_follow_up")
PROGRESS_MIN_AUDIO_S = 60.0  # show a progress bar on a terminal for recordings longer than this


def review_call_command(file: Path, stage: str | None, opportunity_id: int | None, lang: str | None,
                        as_json: bool, model: str | None, db_url: str | None, *, data_dir: Path = Path("data"),
                        embedding_model: str | None = None, max_duration_s: float = DEFAULT_MAX_DURATION_S,
                        rep_channel: int = 0) -> int:
    """Run the review and print it; returns the process exit code (0 ok or nothing said, 2 bad input)."""
    out = Console(soft_wrap=True)
    err = Console(stderr=True)
    try:
        review, activity_id = _run(file, stage, opportunity_id, lang, model, db_url, data_dir=data_dir,
                                   embedding_model=embedding_model, max_duration_s=max_duration_s,
                                   rep_channel=rep_channel, err=err, show_progress=err.is_terminal)
    except CallsError as exc:
        if not as_json:
            raise  # the CLI entry point renders it
        _print_json(_error_review(exc, lang, stage))
        return 2
    if as_json:
        _print_json(review.to_json_dict())
    else:
        _print_human(out, review, activity_id)
    return 0


def _run(file: Path, stage: str | None, opportunity_id: int | None, lang: str | None, model: str | None,
         db_url: str | None, *, data_dir: Path, embedding_model: str | None, max_duration_s: float,
         rep_channel: int, err: Console, show_progress: bool) -> tuple[CallReview, int | None]:
    from retrieval.errors import RetrievalError
    from retrieval.library import load_library

    if lang not in (None, "zh", "en"):
        raise CallsError(f"不支持的语言：{lang}（可选 zh、en）", f"Unsupported language: {lang} (zh or en)", lang=lang)
    try:
        library = load_library()
    except RetrievalError as exc:
        raise CoachingUnavailableError("无法加载话术库", "Cannot load the playbook library", cause=str(exc)) from exc
    check_stage(stage, library.stages)
    engine = opportunity = None
    industry: str | None = None
    if opportunity_id is not None:
        from calls.store import check_opportunity
        from crm.db import make_engine

        engine = make_engine(db_url)
        opportunity = check_opportunity(engine, opportunity_id)
        industry = opportunity.industry
        if stage is None and opportunity.stage in library.stages:
            stage = opportunity.stage
    playbook = check_stage(stage, library.stages)
    probe(file, max_duration_s=max_duration_s)  # cheap header check before anything heavy is loaded

    def coaching() -> tuple[Any, Any]:
        embedder = _embedder(embedding_model) if playbook is not None else None
        return embedder, _coach(data_dir / "index", library, embedding_model, err)

    options = ReviewOptions(stage=stage, language=lang, industry=industry, max_duration_s=max_duration_s,
                            rep_channel=rep_channel, vocabulary=vocabulary_terms(_product_names(db_url)),
                            cache_dir=data_dir / "index")

    def engine_factory(language: str | None) -> Transcriber:
        spec = resolve_model(model, cache_dir=data_dir / "models", language=language)
        return FasterWhisperTranscriber(spec.path, name=spec.name, english_only=spec.english_only)

    bar = _ProgressBar(err) if show_progress else None
    try:
        review = review_call(file, options=options, stages=library.stages, engine_factory=engine_factory,
                             coaching_factory=coaching, progress=bar.update if bar else None,
                             on_audio=bar.set_audio if bar else None)
    finally:
        if bar is not None:
            bar.close()
    activity_id = None
    if engine is not None and opportunity is not None:
        from calls.store import store_review

        activity_id = store_review(engine, opportunity, review, stage=stage, file_name=Path(file).name,
                                   occurred_at=datetime.now())
    return review, activity_id


def _embedder(embedding_model: str | None) -> Any:
    from retrieval.embedders import default_embedder
    from retrieval.errors import RetrievalError

    try:
        return default_embedder(Path(embedding_model) if embedding_model else None)
    except RetrievalError as exc:
        raise CoachingUnavailableError("无法加载语义模型，无法检查清单", "Cannot load the embedding model for the "
                                       "checklist", cause=str(exc)) from exc


def _coach(index_dir: Path, library: Any, embedding_model: str | None, err: Console) -> Any | None:
    """The objection coach, or None (with a warning) when the library has no usable entries."""
    from retrieval.coach import Coach
    from retrieval.errors import RetrievalError

    try:
        return Coach.open(index_dir=index_dir, library=library, embedder=_embedder(embedding_model))
    except (RetrievalError, CallsError) as exc:
        err.print(f"[yellow]提示 / note:[/] 异议话术库不可用，跳过异议分析 / objection library unavailable, "
                  f"objections skipped ({getattr(exc, 'user_message', exc)})")
        return None


def _product_names(db_url: str | None) -> list[str]:
    """Active product names from the CRM for the whisper prompt; none when the database is unavailable."""
    if not db_url:
        return []
    try:
        from sqlalchemy import select

        from crm.db import make_engine
        from crm.models import Product

        engine = make_engine(db_url)
        with engine.connect() as conn:
            return list(conn.scalars(select(Product.name).where(Product.is_active.is_(True)).limit(30)))
    except Exception as exc:  # noqa: BLE001 - vocabulary is a nicety; never fail the review for it
        log.debug("no CRM vocabulary: %s", exc)
        return []


class _ProgressBar:
    """rich progress bar on stderr, shown only for long recordings."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._progress: Any = None
        self._task: Any = None

    def set_audio(self, audio: DecodedAudio) -> None:
        if audio.duration_s < PROGRESS_MIN_AUDIO_S:
            return
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("转写中 / transcribing"), BarColumn(),
                                  TextColumn("{task.completed:.0f}/{task.total:.0f} s"), TimeRemainingColumn(),
                                  console=self._console, transient=True)
        self._progress.start()
        self._task = self._progress.add_task("transcribe", total=audio.duration_s)

    def update(self, done: float, total: float) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def _error_review(exc: CallsError, lang: str | None, stage: str | None) -> dict[str, Any]:
    return CallReview(status="error", duration_s=0.0, language=lang, stage=stage, error=exc.to_dict()).to_json_dict()


def _print_json(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes:02d}:{secs:02d}"


def _print_human(out: Console, review: CallReview, activity_id: int | None) -> None:
    en = review.language == "en"
    out.print(f"[bold]通话复盘 / Call review[/]  时长 duration {_fmt_time(review.duration_s)}  "
              f"语言 language {review.language or '-'}  阶段 stage {review.stage or '-'}")
    if review.status == "no_speech":
        out.print(f"[yellow]{NO_SPEECH_MESSAGE[0]} / {NO_SPEECH_MESSAGE[1]}[/]")
    if review.segments:
        table = Table("时间 time", "说话人 speaker", "内容 text", title="转写 / Transcript", show_lines=False)
        for seg in review.segments:
            table.add_row(_fmt_time(seg.start), seg.speaker or "-", seg.text)
        out.print(table)
    if review.covered or review.missed:
        table = Table("项目 item", "结果 verdict", "依据或建议 evidence / suggested question", title="清单 / Checklist")
        for f in review.covered:
            table.add_row(f.label_en if en else f.label_zh, "[green]已覆盖 covered[/]",
                          f"[{_fmt_time(f.start)}] {f.evidence}")
        for f in review.missed:
            table.add_row(f.label_en if en else f.label_zh, "[red]遗漏 missed[/]", f.suggested_question or "")
        out.print(table)
    if review.objections:
        table = Table("时间 time", "客户异议 objection", "推荐回应 recommended", "销售实际回应 rep's reply",
                      title="异议 / Objections")
        for o in review.objections:
            table.add_row(_fmt_time(o.start), f"{o.text}\n[dim]{o.playbook_id}[/]", o.recommended, o.rep_reply or "-")
        out.print(table)
    if review.metrics is not None:
        m = review.metrics
        ratio = "-" if m.rep_talk_ratio is None else f"{m.rep_talk_ratio:.0%}"
        out.print(f"销售讲话占比 rep talk ratio {ratio} · 销售提问 rep questions "
                  f"{'-' if m.rep_questions is None else m.rep_questions} · 最长独白 longest monologue "
                  f"{_fmt_time(m.longest_rep_monologue_s)} · 客户最长发言 customer's longest turn "
                  f"{_fmt_time(m.customer_longest_turn_s)} · 静音占比 silence {m.silence_share:.0%}")
        for note in m.notes:
            out.print(f"[dim]{note}[/]")
    if activity_id is not None:
        out.print(f"已保存为跟进记录 / stored as activity #{activity_id}")


