"""Speaker turns and sentence helpers shared by metrics, checklist and objection detection.

A turn is a run of consecutive segments of one speaker; for unattributed (mono) transcripts every segment is
its own turn. Question detection uses small pattern tables (Chinese and English) rather than branches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from calls.models import TranscriptSegment, Turn

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s+")
QUESTION_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[?？]\s*$"),
    re.compile(r"(吗|呢|么|吧)[。，,]?\s*$"),
    re.compile(r"(什么|多少|哪些|哪个|哪里|哪家|哪位|谁|怎么|怎样|如何|几[个家位月天号点]|是否|有没有|能不能|可不可以|会不会|是不是|要不要|何时|多久)"),
    re.compile(r"^\s*(what|who|whom|whose|which|when|where|why|how|do|does|did|is|are|was|were|can|could|"
               r"would|will|should|have|has|may|shall)\b", re.IGNORECASE),
)


def build_turns(segments: Sequence[TranscriptSegment]) -> tuple[Turn, ...]:
    """Merge consecutive same-speaker segments; unattributed segments stay one turn each."""
    turns: list[Turn] = []
    for index, seg in enumerate(segments):
        last = turns[-1] if turns else None
        if last is not None and seg.speaker is not None and seg.speaker == last.speaker:
            turns[-1] = Turn(last.speaker, last.start, max(last.end, seg.end), f"{last.text} {seg.text}".strip(),
                             (*last.segment_indices, index))
        else:
            turns.append(Turn(seg.speaker, seg.start, seg.end, seg.text, (index,)))
    return tuple(turns)


def sentences(text: str) -> list[str]:
    """Split text into sentences on Chinese and English end punctuation."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def is_question(sentence: str) -> bool:
    return any(p.search(sentence) for p in QUESTION_PATTERNS)


def count_questions(text: str) -> int:
    return sum(1 for s in sentences(text) if is_question(s))
