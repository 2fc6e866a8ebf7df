"""Missed-point detection on the annotated transcripts: metrics and threshold calibration.

The positive class is "missed" (what a manager reads): per item and overall (micro-averaged over every
(call, item) pair) precision, recall and F1, plus the same for "covered", the per-call exact-match rate of
the missed set and how often a covered verdict cites the annotated segment. ``calibrate`` fits the linear
model's weights (logistic regression on segment labels) and the threshold on the dev split only, from features
computed once per call; scikit-learn is needed for calibration only, never at run time.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from calls.checklist import FEATURES, ChecklistDetector, Scoring, SegmentFeatures
from evals.calls.dataset import AnnotatedCall, bank_record

log = logging.getLogger(__name__)

C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)  # inverse regularisation strengths tried by grouped cross-validation


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class ChecklistReport:
    """Evaluation of one split."""

    missed: Counts = field(default_factory=Counts)
    covered: Counts = field(default_factory=Counts)
    per_item: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    calls: int = 0
    exact: int = 0
    evidence_total: int = 0
    evidence_exact: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Featurized:
    call: AnnotatedCall
    detector: ChecklistDetector
    features: SegmentFeatures


def featurize(calls: Sequence[AnnotatedCall], stages: Mapping[str, object], embedder: object,
              bank: Sequence[AnnotatedCall]) -> list[Featurized]:
    """Features of every call (computed once; evaluation and calibration reuse them).

    ``bank``: the development calls whose rep utterances form the example bank; a call in it is scored without
    its own utterances, as a held-out call would be."""
    records = [bank_record(c) for c in bank]
    in_bank = {c.id for c in bank}
    detectors: dict[str, ChecklistDetector] = {}
    out = []
    for call in calls:
        detector = detectors.get(call.stage)
        if detector is None:
            detector = detectors[call.stage] = ChecklistDetector(stages[call.stage], embedder, bank_calls=records)
        exclude = call.id if call.id in in_bank else None
        out.append(Featurized(call, detector, detector.score_segments(call.segments, call.lang, exclude)))
    return out


def evaluate(data: Sequence[Featurized], scoring: Scoring | None = None) -> ChecklistReport:
    report = ChecklistReport()
    for f in data:
        findings = f.detector.decide(f.features, f.call.segments, f.call.lang, scoring)
        report.calls += 1
        exact = True
        for finding in findings:
            gold_missed = finding.item in f.call.missed
            pred_missed = not finding.covered
            _add(report.missed, pred_missed, gold_missed)
            _add(report.covered, not pred_missed, not gold_missed)
            _add(report.per_item[finding.item], pred_missed, gold_missed)
            if pred_missed != gold_missed:
                exact = False
                report.errors.append(
                    f"{f.call.id} {finding.item}: predicted {'missed' if pred_missed else 'covered'}"
                    f" (p {finding.score:.2f}, seg {finding.segment_index}), annotated "
                    f"{'missed' if gold_missed else 'covered'} (seg {f.call.covered.get(finding.item)})")
            if finding.covered and not gold_missed:
                report.evidence_total += 1
                report.evidence_exact += int(finding.segment_index == f.call.covered.get(finding.item))
        report.exact += int(exact)
    return report


def _add(counts: Counts, pred: bool, gold: bool) -> None:
    if pred and gold:
        counts.tp += 1
    elif pred:
        counts.fp += 1
    elif gold:
        counts.fn += 1
    else:
        counts.tn += 1


def segment_labels(f: Featurized) -> tuple[np.ndarray, np.ndarray]:
    """Training rows of one call: features and labels (1 = the annotated covering segment, 0 = a rep segment
    before it, or any rep segment when the item was missed; segments after the covering one are left out,
    because only the first covering segment is annotated). For an item the stage covers only after several
    occurrences, only the segment reaching the count is annotated, so it alone is used."""
    xs: list[np.ndarray] = []
    ys: list[int] = []
    stage = f.detector.playbook.stage
    several = {i for i in f.features.item_ids if f.detector.rules.rule(stage, i).min_count > 1}
    for row, seg_index in enumerate(f.features.segment_indices):
        for col, item_id in enumerate(f.features.item_ids):
            if not f.features.required_ok[row, col]:
                continue
            covering = f.call.covered.get(item_id)
            if covering is not None and seg_index > covering:
                continue
            if item_id in several and seg_index != covering:
                continue
            xs.append(f.features.values[row, col])
            ys.append(int(covering == seg_index))
    if not xs:
        return np.zeros((0, len(FEATURES))), np.zeros(0, dtype=int)
    return np.stack(xs), np.asarray(ys)


def call_level_scores(f: Featurized, scoring: Scoring) -> dict[str, float]:
    """Per item, the highest threshold at which the call would count the item as covered (for an item that
    needs several occurrences, the probability of the occurrence that reaches the count)."""
    prob = f.detector.probabilities(f.features, scoring)
    out: dict[str, float] = {}
    for col, item_id in enumerate(f.features.item_ids):
        values = np.sort(prob[:, col])[::-1]
        min_count = _min_count(f, item_id)
        out[item_id] = float(values[min_count - 1]) if len(values) >= min_count else 0.0
    return out


def _min_count(f: Featurized, item_id: str) -> int:
    return f.detector.rules.rule(f.detector.playbook.stage, item_id).min_count


def _missed_f1(data: Sequence[Featurized], scores: list[dict[str, float]], threshold_for: Callable[[int], float],
               counted: bool | None = None) -> float:
    """Missed-point F1 with the threshold ``threshold_for(min_count)``; ``counted`` restricts it to the items that
    need several occurrences (True) or to the others (False)."""
    counts = Counts()
    for f, per_item in zip(data, scores, strict=True):
        for item_id, value in per_item.items():
            min_count = _min_count(f, item_id)
            if counted is None or (min_count > 1) == counted:
                _add(counts, value < threshold_for(min_count), item_id in f.call.missed)
    return counts.f1


def fit_scoring(train: Sequence[Featurized], c: float) -> Scoring:
    from sklearn.linear_model import LogisticRegression

    parts = [segment_labels(f) for f in train]
    x = np.concatenate([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit((x - mu) / sd, y)
    # fold the standardisation back into raw-feature weights, so run time needs no scaler
    raw = model.coef_[0] / sd
    bias = float(model.intercept_[0] - np.sum(model.coef_[0] * mu / sd))
    weights = {name: round(float(w), 4) for name, w in zip(FEATURES, raw, strict=True)}
    return Scoring(weights=weights, bias=round(bias, 4), threshold=0.5)


THRESHOLD_GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)


def _best_on_grid(f1_at: Callable[[float], float]) -> float:
    """The middle of the best range of thresholds."""
    f1s = [f1_at(float(t)) for t in THRESHOLD_GRID]
    best = max(f1s)
    return float(np.median([t for t, v in zip(THRESHOLD_GRID, f1s, strict=True) if v == best]))


def best_threshold(data: Sequence[Featurized], scoring: Scoring) -> tuple[Scoring, float]:
    """The scoring with thresholds maximising missed-point F1 on ``data``: one for the items a single segment
    covers, one for the items that need several occurrences (where a count decides); and its F1."""
    scores = [call_level_scores(f, scoring) for f in data]
    threshold = _best_on_grid(lambda t: _missed_f1(data, scores, lambda _n: t, counted=False))
    has_counted = any(_min_count(f, i) > 1 for f in data for i in f.features.item_ids)
    count_threshold = _best_on_grid(lambda t: _missed_f1(data, scores, lambda _n: t, counted=True)) \
        if has_counted else None
    fitted = Scoring(scoring.weights, scoring.bias, threshold, count_threshold)
    return fitted, _missed_f1(data, scores, fitted.threshold_for)


def calibrate(dev: Sequence[Featurized], folds: int = 5) -> tuple[Scoring, float, float]:
    """Fit the linear model on dev: C by grouped cross-validation over calls, then the threshold on all of dev.

    Returns the scoring, its dev F1 and the cross-validated F1 of the chosen C."""
    best_c, best_cv = C_GRID[0], -1.0
    for c in C_GRID:
        f1s = []
        for k in range(folds):
            held = [f for i, f in enumerate(dev) if i % folds == k]
            train = [f for i, f in enumerate(dev) if i % folds != k]
            scoring, _ = best_threshold(train, fit_scoring(train, c))
            f1s.append(_missed_f1(held, [call_level_scores(f, scoring) for f in held], scoring.threshold_for))
        cv = float(np.mean(f1s))
        log.info("C=%s cross-validated missed F1 %.3f", c, cv)
        if cv > best_cv:
            best_c, best_cv = c, cv
    scoring, dev_f1 = best_threshold(dev, fit_scoring(dev, best_c))
    return scoring, dev_f1, best_cv
