"""Per-item linear probes: the numpy fit matches a reference logistic regression, folds keep a call's own labels out."""

from __future__ import annotations

import numpy as np
import pytest
from calls_testkit import HashEmbedder

from calls.checklist_bank import bank_vectors, stage_bank
from calls.checklist_probe import FOLDS, ItemProbes, fit_logistic, fold_of


def test_fit_matches_scikit_learn_balanced_l2_logistic_regression() -> None:
    sklearn = pytest.importorskip("sklearn.linear_model")
    rng = np.random.default_rng(3)
    x = rng.normal(size=(300, 8))
    y = (x[:, 0] + 0.5 * x[:, 1] + rng.normal(scale=0.8, size=300) > 1.2).astype(float)  # imbalanced classes
    w = fit_logistic(x, y, c=2.0)
    ref = sklearn.LogisticRegression(C=2.0, class_weight="balanced", max_iter=5000).fit(x, y)
    ours, theirs = x @ w[:-1] + w[-1], ref.decision_function(x)
    assert np.corrcoef(ours, theirs)[0, 1] > 0.999
    assert np.abs(ours - theirs).max() < 0.05


def test_folds_are_stable_and_spread() -> None:
    ids = [f"call-{i}" for i in range(200)]
    assert [fold_of(i) for i in ids] == [fold_of(i) for i in ids]
    assert {fold_of(i) for i in ids} == set(range(FOLDS))


def _calls(n: int) -> list[dict]:
    """Calls whose covering utterance says 'budget' and whose other utterances talk about something else."""
    return [{"id": f"c{i}", "stage": "s", "covered": {"budget": 1}, "missed": [],
             "rep": [[0, f"hello there number {i}"], [1, f"what budget do you have {i}"], [2, f"weather {i}"]]}
            for i in range(n)]


def test_probe_separates_covering_utterances_and_a_held_fold_never_sees_its_calls() -> None:
    bank = stage_bank("s", ["budget"], _calls(40))
    embedder = HashEmbedder()
    probes = ItemProbes(bank, bank_vectors(bank, embedder))
    query = embedder.embed(["what budget do you have 7", "hello there number 7"], kind="query")
    scores = probes.scores(query, np.array([0, 1]), 2)
    assert scores[0, 0] > scores[1, 0]  # the probe fitted on the whole bank
    held = fold_of("c7")
    w_all, w_held = probes.weights(None), probes.weights(held)
    assert not np.allclose(w_all, w_held)  # refitted without c7's fold
    fold_calls = [i for i in range(40) if fold_of(f"c{i}") == held]
    assert probes.weights(held) is w_held and fold_calls  # cached per fold
    excluded = probes.scores(query, np.array([0, 1]), 2, exclude_call="c7")
    assert excluded[0, 0] > excluded[1, 0]


def test_item_without_both_labels_scores_zero() -> None:
    calls = [{**c, "covered": {}, "missed": ["budget"]} for c in _calls(5)]
    bank = stage_bank("s", ["budget"], calls)
    embedder = HashEmbedder()
    probes = ItemProbes(bank, bank_vectors(bank, embedder))
    assert not probes.scores(embedder.embed(["anything"], kind="query"), np.array([0]), 1).any()
