"""Packing the turns of one channel into whisper windows and mapping the text back (calls.packing), and the
engine-side cut of a segment at the turn boundaries (calls.transcribe.split_segment). No model: the
end-to-end tests decode real packed calls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace

import numpy as np
import pytest

from calls.audio import SAMPLE_RATE
from calls.models import EngineSegment
from calls.packing import PACK_GAP_S, group_turns, pack_turns, unpack
from calls.transcribe import split_segment, transcribe_turns


def test_group_turns_fills_a_window_and_gives_a_long_turn_its_own():
    turns = [(0.0, 10.0), (12.0, 20.0), (25.0, 33.0), (40.0, 75.0), (80.0, 82.0)]
    # 10 + 1 + 8 + 1 + 8 = 28 fits; the 35 s monologue is alone; the last turn starts a new pack
    assert group_turns(turns) == [[(0.0, 10.0), (12.0, 20.0), (25.0, 33.0)], [(40.0, 75.0)], [(80.0, 82.0)]]
    assert group_turns([]) == []


def test_pack_turns_lays_turns_end_to_end_a_gap_apart():
    samples = np.arange(20 * SAMPLE_RATE, dtype=np.float32)  # every sample names its own position
    packed = pack_turns(samples, [(1.0, 3.0), (6.0, 7.5)], max_len_s=28.0)
    assert packed.clips == ((0.0, 2.0 + PACK_GAP_S + 1.5),)
    assert [(p.start, p.end, p.packed_start) for p in packed.pieces] == [(1.0, 3.0, 0.0), (6.0, 7.5, 3.0)]
    assert packed.samples[0] == SAMPLE_RATE and packed.samples[3 * SAMPLE_RATE] == 6 * SAMPLE_RATE
    assert not packed.samples[2 * SAMPLE_RATE:3 * SAMPLE_RATE].any()  # the gap is silence
    assert packed.boundaries == [2.5]


def test_packs_past_a_window_become_separate_clips():
    samples = np.ones(60 * SAMPLE_RATE, dtype=np.float32)
    packed = pack_turns(samples, [(0.0, 20.0), (21.0, 41.0)])
    assert packed.clips == ((0.0, 20.0), (21.0, 41.0))
    assert packed.boundaries == [20.5]


def test_unpack_maps_each_segment_to_its_turn_and_keeps_it_inside():
    packed = pack_turns(np.ones(20 * SAMPLE_RATE, dtype=np.float32), [(1.0, 3.0), (6.0, 7.5)])
    segments = [EngineSegment(0.1, 2.3, "first"), EngineSegment(2.9, 4.2, "second")]  # times spill into the gap
    mapped = unpack(segments, packed)
    assert [s.text for s in mapped] == ["first", "second"]
    assert [(s.start, s.end) for s in mapped] == [pytest.approx((1.1, 3.0)), pytest.approx((6.0, 7.2))]


def _word(word: str, start: float, end: float) -> SimpleNamespace:
    return SimpleNamespace(word=word, start=start, end=end)


@pytest.mark.parametrize(("split_at", "expected"), [
    ([2.5], [(0.0, 2.0, "您好。预算多少？"), (3.0, 4.0, "下周见")]),
    ([], [(0.0, 4.0, "您好。预算多少？下周见")]),
    ([9.0], [(0.0, 4.0, "您好。预算多少？下周见")]),  # no split time inside the segment
])
def test_split_segment_cuts_between_the_words_either_side(split_at, expected):
    words = [_word("您好。", 0.0, 0.8), _word("预算多少？", 0.9, 2.0), _word("下周见", 3.0, 4.0)]
    seg = SimpleNamespace(start=0.0, end=4.0, text="您好。预算多少？下周见", words=words)
    assert [(s.start, s.end, s.text) for s in split_segment(seg, split_at)] == expected


def test_a_segment_without_word_timings_stays_whole():
    seg = SimpleNamespace(start=0.0, end=4.0, text=" hello there ", words=None)
    assert split_segment(seg, [2.0]) == [EngineSegment(0.0, 4.0, "hello there")]


class _EchoEngine:
    """Returns one segment over every packed clip, cut at the split times it is given, as whisper does with
    word timings; records what it was asked."""

    name = "echo"
    english_only = False

    def __init__(self) -> None:
        self.calls: list[tuple[Sequence[tuple[float, float]] | None, Sequence[float]]] = []

    def transcribe(self, samples: np.ndarray, *, language: str, initial_prompt: str | None,
                   on_segment: Callable[[float], None] | None = None,
                   clips: Sequence[tuple[float, float]] | None = None,
                   split_at: Sequence[float] = ()) -> list[EngineSegment]:
        self.calls.append((clips, split_at))
        cuts = sorted({*split_at, *(t for clip in clips or () for t in clip)})
        return [EngineSegment(a, b, f"{a:.1f}-{b:.1f}") for a, b in zip(cuts, cuts[1:], strict=False)
                if not any(c[1] <= a < c2[0] for c, c2 in zip(clips or (), (clips or ())[1:], strict=False))]


def test_transcribe_turns_decodes_one_window_per_pack_and_returns_call_times():
    engine = _EchoEngine()
    samples = np.ones(40 * SAMPLE_RATE, dtype=np.float32)
    turns = [(1.0, 3.0), (6.0, 7.5), (10.0, 12.0)]
    segments = transcribe_turns(engine, samples, turns, language="zh", initial_prompt=None)
    assert len(engine.calls) == 1 and engine.calls[0][0] == ((0.0, 7.5),) and engine.calls[0][1] == [2.5, 5.0]
    assert [(s.start, s.end) for s in segments] == [(1.0, 3.0), (6.0, 7.5), (10.0, 12.0)]
