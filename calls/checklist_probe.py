"""A linear probe per checklist item over utterance embeddings, trained on the example bank.

Nearest neighbours (``checklist_bank``) compare raw cosines, and with a small multilingual embedder those sit in a
narrow band (0.85-0.92 for most pairs), so "close to a covering utterance" and "close to a non-covering one"
barely differ. A logistic regression per item on the bank's rep utterances learns which directions of the
embedding separate covering from non-covering utterances; its decision value on a segment (the best over the
segment and its sentences) is one more feature for the detector's linear model.

The probes are fitted with numpy when a detector is built (well under a second per stage). For calibration on
the bank's own calls, a call is scored by probes fitted without its fold (``fold_of``), so a development call is
never scored by a probe that has seen its own labels; a new call is scored by the probe fitted on the whole bank.
"""

from __future__ import annotations

import hashlib

import numpy as np

from calls.checklist_bank import NEGATIVE, POSITIVE, StageBank

FOLDS = 5
# Inverse L2 strength, chosen by nested grouped cross-validation over the 335 development calls (a one-off run
# with the probe refitted inside every fold): missed-point F1 0.872 at C=0.3, 0.888 at 3, 0.891 at 10, 0.897 at 30,
# 0.898 at 100 and 300; without the probe 0.855. `python -m evals.calls.run --calibrate --probe-c C` reruns the
# calibration's own grouped cross-validation with another C.
PROBE_C = 100.0


def fold_of(call_id: str) -> int:
    """A stable fold per call (the same in every process, unlike ``hash``)."""
    return hashlib.sha256(call_id.encode("utf-8")).digest()[0] % FOLDS


def fit_logistic(x: np.ndarray, y: np.ndarray, c: float = PROBE_C, iterations: int = 30) -> np.ndarray:
    """Weights (last entry the bias) of an L2 logistic regression with balanced class weights, by Newton steps.

    Minimises 0.5 |w|^2 + c * sum_i s_i log(1 + exp(-t_i x_i.w)), the bias unpenalised, s_i = n / (2 n_class)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))]).astype(np.float64)
    pos = max(int(y.sum()), 1)
    weight = np.where(y == 1, n / (2 * pos), n / (2 * max(n - pos, 1)))
    penalty = np.ones(d + 1)
    penalty[-1] = 0.0
    w = np.zeros(d + 1)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = penalty * w + c * xb.T @ (weight * (p - y))
        hess = np.diag(penalty + 1e-8) + c * (xb * (weight * p * (1 - p))[:, None]).T @ xb
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


class ItemProbes:
    """The probes of one stage: one weight vector per item, fitted on the whole bank and, lazily, per fold."""

    def __init__(self, bank: StageBank, vectors: np.ndarray, c: float | None = None) -> None:
        self.bank = bank
        self.vectors = vectors
        self.c = PROBE_C if c is None else c  # read at construction, so --probe-c takes effect
        self.folds = np.array([fold_of(cid) for cid in bank.call_ids], dtype=np.int64)
        self._weights: dict[int | None, np.ndarray] = {}

    def weights(self, held_fold: int | None = None) -> np.ndarray:
        """(n_items, dim + 1); rows of items without both labels are zero (the probe then says nothing)."""
        if held_fold not in self._weights:
            keep = np.ones(len(self.bank.texts), bool) if held_fold is None else self.folds != held_fold
            rows = []
            for col in range(len(self.bank.item_ids)):
                labels = self.bank.labels[keep, col]
                known = (labels == POSITIVE) | (labels == NEGATIVE)
                y = (labels[known] == POSITIVE).astype(np.float64)
                if y.sum() < 2 or y.sum() == len(y):
                    rows.append(np.zeros(self.vectors.shape[1] + 1))
                    continue
                rows.append(fit_logistic(self.vectors[keep][known], y, self.c))
            self._weights[held_fold] = np.array(rows)
        return self._weights[held_fold]

    def scores(self, units: np.ndarray, owner: np.ndarray, n_rows: int,
               exclude_call: str | None = None) -> np.ndarray:
        """(n_rows, n_items): per row the best decision value over its units (the segment and its sentences)."""
        out = np.zeros((n_rows, len(self.bank.item_ids)), dtype=np.float64)
        if not len(units) or not self.bank.texts:
            return out
        w = self.weights(fold_of(exclude_call) if exclude_call else None)
        values = units.astype(np.float64) @ w[:, :-1].T + w[:, -1]
        out[:] = -np.inf
        np.maximum.at(out, owner, values)
        out[~np.isfinite(out)] = 0.0
        return out

