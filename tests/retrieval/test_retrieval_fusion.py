"""Fusion on plain evidence: lexical votes only above the floor, context re-rank, no-match threshold."""

from __future__ import annotations

import pytest

from retrieval.fusion import (
    EntryEvidence,
    FusionConfig,
    best_per_entry,
    context_adjustment,
    is_match,
    match_score,
    rank,
)


def _ev(dense: dict[str, float], cov: dict[str, float] | None = None) -> EntryEvidence:
    cov = cov or {}
    return EntryEvidence(dense=dense, lexical_coverage=cov, lexical_bm25={k: 10 * v for k, v in cov.items()},
                         dense_floor=min(dense.values()))


def test_best_per_entry_takes_the_best_phrasing() -> None:
    assert best_per_entry([("a", 0.5), ("b", 0.7), ("a", 0.9)]) == {"a": 0.9, "b": 0.7}


def test_lexical_vote_above_the_floor_changes_the_order() -> None:
    ev = _ev({"a": 0.90, "b": 0.89}, {"b": 0.8})
    cfg = FusionConfig(lexical_weight=0.05, lexical_min_coverage=0.34)
    assert [r.entry_id for r in rank(ev, mode="dense", config=cfg)] == ["a", "b"]
    fused = rank(ev, mode="fused", config=cfg)
    assert [r.entry_id for r in fused] == ["b", "a"]
    assert abs(fused[0].score - (0.89 + 0.05 * 0.8)) < 1e-9


def test_lexical_vote_below_the_floor_is_ignored() -> None:
    ev = _ev({"a": 0.90, "b": 0.89}, {"b": 0.2})
    cfg = FusionConfig(lexical_weight=0.5, lexical_min_coverage=0.34)
    assert rank(ev, mode="fused", config=cfg)[0].entry_id == "a"
    assert rank(ev, mode="lexical", config=cfg) == []


def test_lexical_only_entry_gets_the_dense_floor() -> None:
    ev = _ev({"a": 0.90, "b": 0.80}, {"c": 1.0})
    ranked = {r.entry_id: r for r in rank(ev, mode="fused", config=FusionConfig(lexical_weight=0.05))}
    assert ranked["c"].dense == 0.80


def test_context_adjustment() -> None:
    cfg = FusionConfig(industry_penalty=0.03, stage_bonus=0.01)
    assert context_adjustment(("fmcg",), ("proposal",), industry="medical", stage="proposal", config=cfg) == pytest.approx(-0.02)
    assert context_adjustment(("medical",), ("proposal",), industry="medical", stage="negotiation", config=cfg) == 0
    ev = _ev({"a": 0.90, "b": 0.89})
    ranked = rank(ev, mode="fused", config=cfg, fit={"a": -0.03})
    assert ranked[0].entry_id == "b"


def test_no_match_threshold_and_baseline() -> None:
    ev = EntryEvidence(dense={"a": 0.85}, lexical_coverage={}, lexical_bm25={}, dense_floor=0.8, dense_baseline=0.8)
    top = rank(ev, mode="fused", config=FusionConfig())[0]
    assert is_match(top, ev, mode="fused", config=FusionConfig(no_match_threshold=0.8))
    assert not is_match(top, ev, mode="fused", config=FusionConfig(no_match_threshold=0.9))
    assert not is_match(None, ev, mode="fused", config=FusionConfig())
    # a flat profile (top close to the baseline) fails a standout threshold that a raw threshold would pass
    standout = FusionConfig(no_match_threshold=0.1, baseline_weight=1.0)
    assert not is_match(top, ev, mode="fused", config=standout)
    assert match_score(top, ev, standout) == pytest.approx(0.05)
