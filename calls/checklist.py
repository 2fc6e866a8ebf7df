"""Checklist coverage: which items of the stage playbook the rep covered, with evidence, and which they missed.

Each rep segment (every segment when the call is mono and speakers are unknown) is scored against each item
with a few features: the best cosine similarity of the segment, or one of its sentences, to the item's
example utterances (both languages, through the shared retrieval embedder); how clearly this item beats the
stage's other items; whether a cue pattern matches (the playbook's cues plus call-review cues); whether
the segment asks a question when the item is one the rep has to ask; and evidence from annotated development
calls: the nearest covering and non-covering utterances (``checklist_bank``) and a linear probe per item over
the embeddings (``checklist_probe``). A small linear model turns the features
into a probability; the weights are fitted on the dev split of the annotated transcripts. Per-item rules (a
concrete day required for ``next_step_with_date``, three pain questions in needs analysis) and the weights live
in ``prompts/calls/``. Scoring (``score_segments``) is separate from deciding (``decide``) so the evaluation
can fit and test on cached features.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from calls.checklist_bank import bank_vectors, load_bank_calls, neighbour_scores, stage_bank
from calls.checklist_probe import ItemProbes
from calls.models import ChecklistFinding, TranscriptSegment
from calls.resources import read_prompt_file
from calls.turns import is_question, sentences

Embedder = Any  # retrieval.embedders.Embedder: embed(texts, kind=...) -> L2-normalised float32 rows
FEATURES = ("similarity", "margin", "cue", "asked", "ask_statement", "asked_with_cue", "knn_pos", "knn_neg", "probe")


@dataclass(frozen=True)
class Scoring:
    """The linear model: probability = sigmoid(bias + sum(weight * feature)); covered at ``threshold``.

    ``count_threshold``: the threshold for items covered only after several occurrences (three pain questions in
    needs analysis), where the count, not one segment, decides; fitted separately (None: ``threshold``)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    count_threshold: float | None = None

    def threshold_for(self, min_count: int) -> float:
        return self.count_threshold if min_count > 1 and self.count_threshold is not None else self.threshold

    def probability(self, features: np.ndarray) -> np.ndarray:
        """``features``: (..., len(FEATURES)) in FEATURES order."""
        w = np.array([self.weights.get(name, 0.0) for name in FEATURES], dtype=np.float64)
        return 1.0 / (1.0 + np.exp(-(features @ w + self.bias)))


@dataclass(frozen=True)
class ItemRule:
    """Call-review rule for one item: mode, extra cues, required patterns, minimum count."""

    mode: str = "ask"
    cues: tuple[re.Pattern[str], ...] = ()
    min_count: int = 1
    requires: tuple[re.Pattern[str], ...] = ()
    not_before: float = 0.0  # share of the call before which the item cannot be covered (next steps close a call)


@dataclass(frozen=True)
class ChecklistRules:
    scoring: Scoring
    items: Mapping[str, ItemRule]
    stage_min_count: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def rule(self, stage: str, item: str) -> ItemRule:
        base = self.items.get(item, ItemRule())
        min_count = self.stage_min_count.get(stage, {}).get(item)
        if min_count is None:
            return base
        return ItemRule(base.mode, base.cues, min_count, base.requires, base.not_before)


def _patterns(raw: Mapping[str, Sequence[str]] | None) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for pats in (raw or {}).values() for p in pats)


@functools.cache
def load_rules() -> ChecklistRules:
    """Hand-written rules (``checklist_rules.yaml``) and fitted weights (``checklist_calibration.yaml``)."""
    data = yaml.safe_load(read_prompt_file("checklist_rules.yaml")) or {}
    try:
        calibration = yaml.safe_load(read_prompt_file("checklist_calibration.yaml")) or {}
    except FileNotFoundError:
        calibration = {}
    s = calibration.get("scoring") or {}
    scoring = Scoring(
        weights={k: float(v) for k, v in (s.get("weights") or {"similarity": 20.0, "cue": 2.0}).items()},
        bias=float(s.get("bias", -19.0)),
        threshold=float(s.get("threshold", 0.5)),
        count_threshold=float(s["count_threshold"]) if s.get("count_threshold") is not None else None,
    )
    items = {
        item_id: ItemRule(mode=str(raw.get("mode", "ask")), cues=_patterns(raw.get("cues")),
                          requires=_patterns(raw.get("requires")), not_before=float(raw.get("not_before", 0.0)))
        for item_id, raw in ((k, v or {}) for k, v in (data.get("items") or {}).items())
    }
    stage_min = {st: {k: int((v or {}).get("min_count", 1)) for k, v in (rules or {}).items()}
                 for st, rules in (data.get("stages") or {}).items()}
    return ChecklistRules(scoring, items, stage_min)


@dataclass(frozen=True)
class SegmentFeatures:
    """Features of one call: rows follow ``segment_indices``, columns follow ``item_ids``."""

    item_ids: tuple[str, ...]
    segment_indices: tuple[int, ...]
    values: np.ndarray       # (n_segments, n_items, len(FEATURES))
    required_ok: np.ndarray  # bool (n_segments, n_items): the item's required patterns match (True if none)


class ChecklistDetector:
    """Scores transcript segments against one stage playbook; embeds the item examples once."""

    def __init__(self, playbook: Any, embedder: Embedder, rules: ChecklistRules | None = None,
                 bank_calls: Sequence[Mapping[str, Any]] | None = None, cache_dir: Path | None = None) -> None:
        self.playbook = playbook
        self.items = tuple(playbook.items)
        self.embedder = embedder
        self.rules = rules or load_rules()
        self._item_rules = [self.rules.rule(playbook.stage, item.id) for item in self.items]
        self._example_vectors = [
            embedder.embed([*item.examples_zh, *item.examples_en] or [item.label_zh, item.label_en], kind="query")
            for item in self.items
        ]
        self._cues = [
            (*(re.compile(c, re.IGNORECASE) for c in (*item.cues_zh, *item.cues_en)), *rule.cues)
            for item, rule in zip(self.items, self._item_rules, strict=True)
        ]
        calls = load_bank_calls() if bank_calls is None else bank_calls
        counted = {st: {i for i, n in items.items() if n > 1} for st, items in self.rules.stage_min_count.items()}
        self.bank = stage_bank(playbook.stage, [item.id for item in self.items], calls, counted)
        self._bank_vectors = bank_vectors(self.bank, embedder, cache_dir)
        self._probes = ItemProbes(self.bank, self._bank_vectors)

    def score_segments(self, segments: Sequence[TranscriptSegment], lang: str,
                       exclude_call: str | None = None) -> SegmentFeatures:
        """Features of every candidate segment (rep segments, or all segments of a mono call).

        ``exclude_call``: leave that call's utterances out of the example bank (calibration on its own calls)."""
        candidates = [i for i, s in enumerate(segments) if s.speaker in ("rep", None) and s.text.strip()]
        n, m = len(candidates), len(self.items)
        similarity = np.zeros((n, m), dtype=np.float32)
        knn_pos = np.zeros((n, m), dtype=np.float32)
        knn_neg = np.zeros((n, m), dtype=np.float32)
        probe = np.zeros((n, m), dtype=np.float64)
        if n:
            units: list[str] = []
            owner: list[int] = []
            for row, idx in enumerate(candidates):
                parts = sentences(segments[idx].text)
                for unit in [segments[idx].text, *(parts if len(parts) > 1 else [])]:
                    units.append(unit)
                    owner.append(row)
            vectors = self.embedder.embed(units, kind="query")
            owner_arr = np.asarray(owner)
            for col, examples in enumerate(self._example_vectors):
                np.maximum.at(similarity[:, col], owner_arr, (vectors @ examples.T).max(axis=1))
            knn_pos, knn_neg = neighbour_scores(self.bank, self._bank_vectors, vectors, owner_arr, n, exclude_call)
            probe = self._probes.scores(vectors, owner_arr, n, exclude_call)
        margin = np.zeros_like(similarity)
        if m > 1 and n:
            margin = similarity - np.stack(
                [np.delete(similarity, c, axis=1).max(axis=1) for c in range(m)], axis=1)
        values = np.zeros((n, m, len(FEATURES)), dtype=np.float64)
        required_ok = np.ones((n, m), dtype=bool)
        call_end = max((seg.end for seg in segments), default=0.0)
        for row, idx in enumerate(candidates):
            text = segments[idx].text
            asks = any(is_question(s) for s in sentences(text))
            for col, rule in enumerate(self._item_rules):
                cue = any(p.search(text) for p in self._cues[col])
                ask_item = rule.mode == "ask"
                values[row, col] = (similarity[row, col], margin[row, col], cue, ask_item and asks,
                                    ask_item and not asks, ask_item and asks and cue,
                                    knn_pos[row, col], knn_neg[row, col], probe[row, col])
                if rule.requires:
                    required_ok[row, col] = any(p.search(text) for p in rule.requires)
                if rule.not_before and segments[idx].start < rule.not_before * call_end:
                    required_ok[row, col] = False
        return SegmentFeatures(tuple(i.id for i in self.items), tuple(candidates), values, required_ok)

    def probabilities(self, features: SegmentFeatures, scoring: Scoring | None = None) -> np.ndarray:
        """(n_segments, n_items) probability that the segment covers the item (0 where `requires` fails)."""
        s = scoring or self.rules.scoring
        if features.values.size == 0:
            return np.zeros(features.required_ok.shape)
        return np.where(features.required_ok, s.probability(features.values), 0.0)

    def decide(self, features: SegmentFeatures, segments: Sequence[TranscriptSegment], lang: str,
               scoring: Scoring | None = None) -> tuple[ChecklistFinding, ...]:
        """One finding per item, in playbook order: covered with the citing segment, or missed."""
        s = scoring or self.rules.scoring
        prob = self.probabilities(features, s)
        findings: list[ChecklistFinding] = []
        for col, item in enumerate(self.items):
            min_count = self._item_rules[col].min_count
            hit_row = first_reaching(prob[:, col] >= s.threshold_for(min_count), min_count)
            label = (item.label_zh, item.label_en)
            if hit_row is None:
                question = item.suggested_question_en if lang == "en" else item.suggested_question_zh
                best = float(prob[:, col].max()) if len(prob) else 0.0
                findings.append(ChecklistFinding(item.id, *label, covered=False, score=best,
                                                 suggested_question=question))
                continue
            seg_index = features.segment_indices[hit_row]
            seg = segments[seg_index]
            findings.append(ChecklistFinding(item.id, *label, covered=True, score=float(prob[hit_row, col]),
                                             evidence=seg.text, start=seg.start, segment_index=seg_index))
        return tuple(findings)

    def review(self, segments: Sequence[TranscriptSegment], lang: str) -> tuple[ChecklistFinding, ...]:
        return self.decide(self.score_segments(segments, lang), segments, lang)


def first_reaching(ok: np.ndarray, min_count: int) -> int | None:
    """Row where the number of qualifying rows first reaches ``min_count``: questions count per rep turn, as the
    annotation rules say, so several pain questions in one segment count once."""
    rows = np.flatnonzero(ok)
    return int(rows[min_count - 1]) if len(rows) >= min_count else None
