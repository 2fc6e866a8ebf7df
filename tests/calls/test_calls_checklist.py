"""Checklist detection: evidence, suggested questions, per-item rules; fitted model on annotated calls (slow)."""

from __future__ import annotations

import pytest
from calls_testkit import HashEmbedder

from calls.checklist import ChecklistDetector, Scoring, load_rules
from calls.models import TranscriptSegment
from retrieval.library import load_library

# A cue-driven model, so these unit tests do not depend on the fitted weights or on a real embedder.
CUE_ONLY = Scoring(weights={"cue": 10.0, "ask_statement": -4.0}, bias=-5.0, threshold=0.5)


@pytest.fixture(scope="module")
def stages():  # type: ignore[no-untyped-def]
    return load_library().stages


def _seg(start: float, speaker: str | None, text: str) -> TranscriptSegment:
    return TranscriptSegment(start, start + 3.0, text, speaker)  # type: ignore[arg-type]


def _verdicts(stages, stage: str, segments, lang: str = "en"):  # type: ignore[no-untyped-def]
    detector = ChecklistDetector(stages[stage], HashEmbedder())
    findings = detector.decide(detector.score_segments(segments, lang), segments, lang, CUE_ONLY)
    return {f.item: f for f in findings}


def test_calls_covered_cites_segment_and_missed_suggests_question(stages) -> None:  # type: ignore[no-untyped-def]
    segments = (
        _seg(0.0, "rep", "Thanks for your time today."),
        _seg(4.0, "rep", "Do you have a budget approved for this project?"),
        _seg(8.0, "customer", "We do, around fifty thousand."),
    )
    v = _verdicts(stages, "proposal", segments)
    assert list(v) == [i.id for i in stages["proposal"].items]
    assert v["budget_confirmed"].covered and v["budget_confirmed"].segment_index == 1
    assert v["budget_confirmed"].start == 4.0 and "budget" in v["budget_confirmed"].evidence
    missed = v["competitor_identified"]
    assert not missed.covered and missed.suggested_question == stages["proposal"].items[3].suggested_question_en


def test_calls_customer_mentions_do_not_cover(stages) -> None:  # type: ignore[no-untyped-def]
    segments = (
        _seg(0.0, "customer", "Our budget is already approved, and the CFO makes the final decision."),
        _seg(4.0, "rep", "Great, thanks."),
    )
    v = _verdicts(stages, "needs_analysis", segments)
    assert not v["budget_confirmed"].covered and not v["decision_maker_identified"].covered


def test_calls_mono_segments_are_candidates(stages) -> None:  # type: ignore[no-untyped-def]
    segments = (_seg(0.0, None, "Do you have a budget approved for this project?"),)
    assert _verdicts(stages, "proposal", segments)["budget_confirmed"].covered


def test_calls_next_step_needs_a_concrete_day(stages) -> None:  # type: ignore[no-untyped-def]
    opening = _seg(0.0, "customer", "Sure, go ahead.")
    vague = (opening, _seg(5.0, "rep", "Great, I'll send over an invite for sometime next week then."))
    dated = (opening, _seg(5.0, "rep", "Can I visit you on Thursday at 10 a.m. to show a demo?"))
    zh = (opening, _seg(5.0, "rep", "那我周四下午三点到检验科办公室找您，当面演示。"))
    assert not _verdicts(stages, "initial_contact", vague)["next_step_with_date"].covered
    assert _verdicts(stages, "initial_contact", dated)["next_step_with_date"].covered
    assert _verdicts(stages, "initial_contact", zh, "zh")["next_step_with_date"].covered


def test_calls_a_day_named_in_the_greeting_is_not_a_next_step(stages) -> None:  # type: ignore[no-untyped-def]
    call = (_seg(0.0, "rep", "Hi Tom, it's Dana. Can I visit you on Thursday? Kidding, how's your Thursday going?"),
            *(_seg(5.0 + 4 * i, "customer", "Fine, thanks.") for i in range(5)))
    assert not _verdicts(stages, "initial_contact", call)["next_step_with_date"].covered


def test_calls_needs_analysis_wants_three_pain_questions(stages) -> None:  # type: ignore[no-untyped-def]
    assert load_rules().rule("needs_analysis", "pain_points_asked").min_count == 3
    two = (_seg(0.0, "rep", "What is the biggest challenge for your team?"),
           _seg(4.0, "rep", "What problems do you run into with reporting?"))
    three = (*two, _seg(8.0, "rep", "And where does the process get stuck most often?"))
    assert not _verdicts(stages, "needs_analysis", two)["pain_points_asked"].covered
    found = _verdicts(stages, "needs_analysis", three)["pain_points_asked"]
    assert found.covered and found.segment_index == 2  # the segment where the third question is reached
    assert _verdicts(stages, "initial_contact", two[:1])["pain_points_asked"].covered  # one is enough there


def test_calls_every_stage_item_has_call_review_rules(stages) -> None:  # type: ignore[no-untyped-def]
    rules = load_rules()
    for playbook in stages.values():
        for item in playbook.items:
            assert item.id in rules.items, item.id
            assert rules.items[item.id].mode in ("ask", "state")


@pytest.mark.slow
def test_calls_fitted_model_on_annotated_needs_analysis_calls() -> None:
    """Regression guard on a slice of the dev split with the real embedder (full figures: evals.calls.run)."""
    from evals.calls.checklist_eval import evaluate, featurize
    from evals.calls.dataset import load_all_calls
    from retrieval.embedders import default_embedder

    development = [c for c in load_all_calls() if c.split != "test"]
    calls = [c for c in development if c.split == "dev" and c.stage == "needs_analysis"]
    assert len(calls) >= 4
    # each call is scored without its own utterances in the example bank, as a new call would be
    report = evaluate(featurize(calls, load_library().stages, default_embedder(), bank=development))
    assert report.missed.f1 >= 0.8, report.errors
    assert report.evidence_total and report.evidence_exact / report.evidence_total >= 0.7


def test_calls_no_annotated_next_step_falls_before_the_not_before_share() -> None:
    """The next-step rule rests on the development calls: none of their annotated next steps comes that early."""
    from evals.calls.dataset import load_all_calls

    share = load_rules().rule("initial_contact", "next_step_with_date").not_before
    starts = [c.segments[c.covered["next_step_with_date"]].start / max(s.end for s in c.segments)
              for c in load_all_calls() if c.split != "test" and "next_step_with_date" in c.covered]
    assert share > 0 and len(starts) >= 100
    assert min(starts) >= share
