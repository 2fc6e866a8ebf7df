"""Load the annotated call transcripts of ``evals/calls/transcripts`` (format in ``evals/calls/README.md``).

Files are untrusted input, so each is parsed with pydantic; the result is a tuple of frozen
:class:`AnnotatedCall` values with transcript segments the call-review code understands.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from calls.models import TranscriptSegment

TRANSCRIPTS_DIR = Path(__file__).resolve().parent / "transcripts"
# Later development sets, each written independently of the detector by another author, to fit on more than one
# author's calls. Their split names are dev2, dev3, ...
DEV_DIRS = tuple(Path(__file__).resolve().parent / f"transcripts_dev{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))


class _Segment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    start: float
    end: float
    speaker: Literal["rep", "customer"]
    text: str


class _Covered(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item: str
    segment: int


class _Objection(BaseModel):
    model_config = ConfigDict(extra="forbid")
    segment: int
    category: str


class _CallFile(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    lang: Literal["zh", "en"]
    stage: str
    industry: str
    split: Literal["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "test"]
    segments: list[_Segment]
    covered: list[_Covered] = []
    missed: list[str] = []
    objections: list[_Objection] = []
    notes: str = ""


@dataclass(frozen=True)
class AnnotatedCall:
    """One hand-annotated call: segments, covered items (with segment) and missed items."""

    id: str
    lang: str
    stage: str
    industry: str
    split: str
    segments: tuple[TranscriptSegment, ...]
    covered: dict[str, int]
    missed: frozenset[str]
    objections: tuple[tuple[int, str], ...]
    path: Path


def load_calls(root: Path = TRANSCRIPTS_DIR, split: str | None = None) -> tuple[AnnotatedCall, ...]:
    """All calls under ``root`` (optionally one split), sorted by id."""
    calls = []
    for path in sorted(Path(root).glob("*.yaml")):
        raw = _CallFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        if split is not None and raw.split != split:
            continue
        calls.append(AnnotatedCall(
            id=raw.id, lang=raw.lang, stage=raw.stage, industry=raw.industry, split=raw.split,
            segments=tuple(TranscriptSegment(s.start, s.end, s.text, s.speaker) for s in raw.segments),
            covered={c.item: c.segment for c in raw.covered},
            missed=frozenset(raw.missed),
            objections=tuple((o.segment, o.category) for o in raw.objections),
            path=path,
        ))
    return tuple(calls)


def load_all_calls() -> tuple[AnnotatedCall, ...]:
    """The dev/test set and every later development set that exists."""
    calls = load_calls(TRANSCRIPTS_DIR)
    for root in DEV_DIRS:
        if root.exists():
            calls += load_calls(root)
    return calls


def bank_record(call: AnnotatedCall) -> dict[str, object]:
    """The call as a record of the checklist example bank (``calls.checklist_bank``): rep utterances and labels."""
    return {"id": call.id, "stage": call.stage,
            "rep": [[i, s.text] for i, s in enumerate(call.segments) if s.speaker == "rep" and s.text.strip()],
            "covered": dict(call.covered), "missed": sorted(call.missed)}
