"""Customer objections in a call, linked to playbook entries through the coaching retrieval.

A customer segment (every segment of a mono call) counts as an objection when it voices resistance or a
concern (cue patterns in ``prompts/calls/objection_cues.yaml``: the concern itself, or a "but / 不过" turn) and
the objection library (``retrieval.coach.Coach.search``) matches it to a playbook entry; the coach alone
cannot tell an objection from a neutral answer, the cues alone cannot name the playbook entry. Each finding
carries the recommended response next to what the rep actually said next (the following rep turn), so a
trainer can compare the two.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from typing import Any

import yaml

from calls.models import ObjectionFinding, TranscriptSegment
from calls.resources import read_prompt_file
from retrieval.errors import RetrievalError

log = logging.getLogger(__name__)

DEFAULT_MIN_SCORE = 0.0  # the coach already answers "no_match" below its own threshold
MIN_CHARS = {"zh": 5, "en": 12}
_ACK = re.compile(r"^\s*(好的?|嗯+|对|是的?|行|可以|ok(ay)?|yes|yeah|sure|right|got it|sounds good|thanks?( you)?)"
                  r"[\s,，.。!！]*$", re.IGNORECASE)


@functools.cache
def _cues() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(read_prompt_file("objection_cues.yaml")) or {}

    def compile_all(group: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for pats in (data.get(group) or {}).values() for p in pats)

    return compile_all("resistance"), compile_all("contrast")


def voices_concern(text: str) -> bool:
    """True when the text carries a resistance cue or a contrast turn ("but", "不过")."""
    resistance, contrast = _cues()
    return any(p.search(text) for p in resistance) or any(p.search(text) for p in contrast)


def candidate_indices(segments: Sequence[TranscriptSegment], lang: str) -> list[int]:
    """Customer segments (all segments when unattributed) that say more than an acknowledgement and voice a
    concern."""
    min_chars = MIN_CHARS.get(lang, 8)
    return [i for i, s in enumerate(segments)
            if s.speaker in ("customer", None) and len(s.text.strip()) >= min_chars and not _ACK.match(s.text)
            and voices_concern(s.text)]


def rep_reply(segments: Sequence[TranscriptSegment], index: int) -> tuple[str | None, float | None]:
    """The rep's next turn after segment ``index`` (consecutive rep segments joined); the next segment if mono."""
    following = segments[index + 1:]
    if not following:
        return None, None
    if segments[index].speaker is None:
        return following[0].text, following[0].start
    parts: list[TranscriptSegment] = []
    for seg in following:
        if seg.speaker == "rep":
            parts.append(seg)
        elif parts:
            break
    if not parts:
        return None, None
    return " ".join(p.text for p in parts), parts[0].start


def find_objections(segments: Sequence[TranscriptSegment], coach: Any, *, lang: str, industry: str | None = None,
                    stage: str | None = None, min_score: float = DEFAULT_MIN_SCORE) -> tuple[ObjectionFinding, ...]:
    """Search every candidate segment in the objection library; keep confident hits."""
    findings: list[ObjectionFinding] = []
    for index in candidate_indices(segments, lang):
        seg = segments[index]
        try:
            result = coach.search(seg.text, lang=lang, industry=industry, stage=stage, k=1)
        except RetrievalError as exc:  # e.g. a segment the query checker rejects (noise, too short)
            log.debug("segment %d not searchable: %s", index, exc)
            continue
        if result.status != "ok" or not result.hits:
            continue
        hit = result.hits[0]
        if hit.score < min_score:
            continue
        reply, reply_start = rep_reply(segments, index)
        findings.append(ObjectionFinding(
            text=seg.text, start=seg.start, segment_index=index, playbook_id=hit.id, title=hit.title,
            category=hit.category, score=float(hit.score),
            recommended=hit.responses[0] if hit.responses else "",
            rep_reply=reply, rep_reply_start=reply_start,
        ))
    log.debug("found %d objections in %d segments", len(findings), len(segments))
    return tuple(findings)
