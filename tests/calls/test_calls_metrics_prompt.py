"""Talk metrics, question detection, speaker turns and the whisper initial prompt."""

from __future__ import annotations

import pytest

from calls.metrics import compute_metrics
from calls.models import Transcript, TranscriptSegment
from calls.prompting import initial_prompt
from calls.turns import build_turns, count_questions

DUAL = (
    TranscriptSegment(0.0, 10.0, "您好，我是康瑞诊断的李杰。我们专做化学发光试剂。", "rep"),
    TranscriptSegment(10.0, 14.0, "请问咱们科室现在最头疼的问题是什么？预算批了吗？", "rep"),
    TranscriptSegment(15.0, 30.0, "主要是标本量大，报告出得慢。", "customer"),
    TranscriptSegment(31.0, 35.0, "Who signs the purchase order?", "rep"),
    TranscriptSegment(36.0, 40.0, "The director.", "customer"),
)


def test_calls_dual_channel_metrics() -> None:
    m = compute_metrics(Transcript(DUAL, "zh", 50.0, attributed=True))
    assert m.speaker_attribution and not m.notes
    assert m.rep_talk_ratio == pytest.approx(18 / 37)
    assert m.rep_questions == 3
    assert m.longest_rep_monologue_s == pytest.approx(14.0)  # segments 0 and 1 form one turn
    assert m.customer_longest_turn_s == pytest.approx(15.0)
    assert m.silence_share == pytest.approx(1 - 37 / 50)


def test_calls_mono_metrics_say_speakers_are_unknown() -> None:
    mono = tuple(TranscriptSegment(s.start, s.end, s.text, None) for s in DUAL)
    m = compute_metrics(Transcript(mono, "zh", 50.0, attributed=False))
    assert not m.speaker_attribution
    assert m.rep_talk_ratio is None and m.rep_questions is None and m.longest_rep_monologue_s is None
    assert m.questions_total == 3 and m.silence_share == pytest.approx(1 - 37 / 50)
    assert "dual-channel" in m.notes[0] and "双声道" in m.notes[0]
    assert len(build_turns(mono)) == len(mono)


def test_calls_empty_transcript_is_all_silence() -> None:
    m = compute_metrics(Transcript((), "en", 12.0, attributed=False))
    assert m.silence_share == 1.0 and m.speech_s == 0.0


@pytest.mark.parametrize(("text", "n"), [
    ("你们今年有预算吗？我们下周把方案发过来。", 1),
    ("你们今年有预算吗？大概多少。", 2),
    ("最后是谁拍板", 1),
    ("好的，我明白了。", 0),
    ("What is your budget? We are a lab company.", 1),
    ("Is it your call or the CFO's", 1),
    ("Thanks for your time.", 0),
])
def test_calls_question_detection(text: str, n: int) -> None:
    assert count_questions(text) == n


def test_calls_chinese_prompt_starts_simplified_and_seeds_terms() -> None:
    prompt = initial_prompt("zh", ["血球仪 BC-5000", "三甲"])
    assert prompt.startswith("以下是普通话的句子。")
    assert "血球仪 BC-5000" in prompt and "回款" in prompt
    assert prompt.count("三甲") == 1  # de-duplicated
    assert len(prompt) < 160


def test_calls_english_prompt_has_no_chinese_terms() -> None:
    prompt = initial_prompt("en", ["Analyzer X1"])
    assert "Analyzer X1" in prompt and "budget" in prompt
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in prompt)


def test_calls_turn_clips_join_a_speaker_until_the_other_talks() -> None:
    from calls.transcribe import merge_turns

    rep = [(0.0, 2.0), (2.8, 5.0), (9.0, 11.0), (11.5, 40.0)]
    customer = [(5.5, 8.5)]
    assert merge_turns(rep, customer) == [(0.0, 5.0), (9.0, 11.0), (11.5, 40.0)]  # 9.0-40.0 would pass 28 s
    assert merge_turns(customer, rep) == [(5.5, 8.5)]
    assert merge_turns([], customer) == []
