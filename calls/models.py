"""Typed values that cross the seams of the call-review package.

Frozen dataclasses only: the probed audio file, transcript segments, speaker turns, talk metrics, checklist
findings, objection findings and the whole :class:`CallReview`. ``CallReview.to_json_dict`` produces the JSON
contract of ``sales-assistant review-call --json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Speaker = Literal["rep", "customer"]
ReviewStatus = Literal["ok", "no_speech", "error"]


@dataclass(frozen=True)
class AudioInfo:
    """What probing an input file found: container format, duration, channel layout."""

    path: str
    format_name: str
    codec: str
    duration_s: float
    channels: int
    sample_rate: int


@dataclass(frozen=True)
class EngineSegment:
    """What a speech engine returns for one stretch of speech, in seconds from the start of its samples."""

    start: float
    end: float
    text: str


@dataclass(frozen=True)
class TranscriptSegment:
    """One transcribed stretch of speech; ``speaker`` is None for mono recordings (no attribution)."""

    start: float
    end: float
    text: str
    speaker: Speaker | None = None

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True)
class Transcript:
    """A whole call: segments in time order, the language used and whether speakers are attributed."""

    segments: tuple[TranscriptSegment, ...]
    language: str
    duration_s: float
    attributed: bool
    engine: str = ""


@dataclass(frozen=True)
class Turn:
    """Consecutive segments of one speaker (``None`` when unattributed) merged into a turn."""

    speaker: Speaker | None
    start: float
    end: float
    text: str
    segment_indices: tuple[int, ...]

    @property
    def duration(self) -> float:
        return max(0.0, self.end - self.start)


@dataclass(frozen=True)
class CallMetrics:
    """Talk metrics; the speaker-dependent ones are None for mono recordings and ``notes`` says why."""

    speaker_attribution: bool
    speech_s: float
    silence_share: float
    questions_total: int
    rep_talk_ratio: float | None = None
    rep_questions: int | None = None
    longest_rep_monologue_s: float | None = None
    customer_longest_turn_s: float | None = None
    notes: tuple[str, ...] = ()

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "speaker_attribution": self.speaker_attribution,
            "speech_s": round(self.speech_s, 2),
            "silence_share": round(self.silence_share, 3),
            "questions_total": self.questions_total,
            "rep_talk_ratio": None if self.rep_talk_ratio is None else round(self.rep_talk_ratio, 3),
            "rep_questions": self.rep_questions,
            "longest_rep_monologue_s": _round_opt(self.longest_rep_monologue_s),
            "customer_longest_turn_s": _round_opt(self.customer_longest_turn_s),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ChecklistFinding:
    """Verdict on one checklist item: covered (with the citing segment) or missed (with the question)."""

    item: str
    label_zh: str
    label_en: str
    covered: bool
    score: float
    evidence: str | None = None
    start: float | None = None
    segment_index: int | None = None
    suggested_question: str | None = None


@dataclass(frozen=True)
class ObjectionFinding:
    """A customer objection linked to a playbook entry, with the rep's actual reply beside the recommended one."""

    text: str
    start: float
    segment_index: int
    playbook_id: str
    title: str
    category: str
    score: float
    recommended: str
    rep_reply: str | None = None
    rep_reply_start: float | None = None


@dataclass(frozen=True)
class CallReview:
    """The result of reviewing one call (the pipeline's output and the CLI's JSON)."""

    status: ReviewStatus
    duration_s: float
    language: str | None
    stage: str | None
    segments: tuple[TranscriptSegment, ...] = ()
    covered: tuple[ChecklistFinding, ...] = ()
    missed: tuple[ChecklistFinding, ...] = ()
    objections: tuple[ObjectionFinding, ...] = ()
    metrics: CallMetrics | None = None
    error: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON contract of the issue: status, duration_s, language, segments, covered, missed,
        objections, metrics, error (objections also carry the rep's actual reply as ``rep_reply``)."""
        return {
            "status": self.status,
            "duration_s": round(self.duration_s, 2),
            "language": self.language,
            "segments": [
                {"start": round(s.start, 2), "end": round(s.end, 2), "speaker": s.speaker, "text": s.text}
                for s in self.segments
            ],
            "covered": [{"item": f.item, "evidence": f.evidence, "start": _round_opt(f.start)} for f in self.covered],
            "missed": [{"item": f.item, "suggested_question": f.suggested_question} for f in self.missed],
            "objections": [
                {"text": o.text, "start": round(o.start, 2), "playbook_id": o.playbook_id,
                 "recommended": o.recommended, "rep_reply": o.rep_reply}
                for o in self.objections
            ],
            "metrics": self.metrics.to_json_dict() if self.metrics is not None else {},
            "error": self.error,
        }


def _round_opt(value: float | None, ndigits: int = 2) -> float | None:
    return None if value is None else round(value, ndigits)
