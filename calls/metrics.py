"""Talk metrics of a call: rep talk ratio, questions asked by the rep, longest rep monologue, the customer's
longest turn and the share of silence.

Silence share and the total number of questions need no speakers; the other metrics need a dual-channel
(attributed) recording and are None for mono calls, with a note that says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from calls.models import CallMetrics, Transcript, TranscriptSegment
from calls.turns import build_turns, count_questions

MONO_NOTE = ("单声道录音无法区分说话人：讲话占比、销售提问数、最长独白和客户最长发言需要双声道录音 / "
             "Mono recording, speakers unknown: talk ratio, rep questions, longest monologue and the customer's "
             "longest turn need a dual-channel recording")


def compute_metrics(transcript: Transcript) -> CallMetrics:
    segments = transcript.segments
    duration = max(transcript.duration_s, 1e-9)
    speech = _union_length((s.start, s.end) for s in segments)
    silence_share = min(1.0, max(0.0, 1.0 - speech / duration))
    questions_total = sum(count_questions(s.text) for s in segments)
    if not transcript.attributed:
        return CallMetrics(speaker_attribution=False, speech_s=speech, silence_share=silence_share,
                           questions_total=questions_total, notes=(MONO_NOTE,))
    rep = [s for s in segments if s.speaker == "rep"]
    customer = [s for s in segments if s.speaker == "customer"]
    rep_s = _union_length((s.start, s.end) for s in rep)
    customer_s = _union_length((s.start, s.end) for s in customer)
    talk = rep_s + customer_s
    turns = build_turns(segments)
    return CallMetrics(
        speaker_attribution=True,
        speech_s=speech,
        silence_share=silence_share,
        questions_total=questions_total,
        rep_talk_ratio=(rep_s / talk) if talk > 0 else None,
        rep_questions=sum(count_questions(s.text) for s in rep),
        longest_rep_monologue_s=max((t.duration for t in turns if t.speaker == "rep"), default=0.0),
        customer_longest_turn_s=max((t.duration for t in turns if t.speaker == "customer"), default=0.0),
    )


def _union_length(intervals: Iterable[tuple[float, float]]) -> float:
    """Total length covered by possibly overlapping intervals."""
    total = 0.0
    cur_start: float | None = None
    cur_end = 0.0
    for start, end in sorted(intervals):
        if cur_start is None or start > cur_end:
            if cur_start is not None:
                total += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_start is not None:
        total += cur_end - cur_start
    return total


def speaking_time(segments: Sequence[TranscriptSegment], speaker: str) -> float:
    return _union_length((s.start, s.end) for s in segments if s.speaker == speaker)
