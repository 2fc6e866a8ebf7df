"""Labelled rep utterances from the annotated development calls, used as nearest-neighbour evidence.

The stage playbooks give a handful of example phrasings per item; real reps word things in many more ways.
The bank holds every rep segment of the development calls (``prompts/calls/checklist_bank.yaml``, written
by ``python -m evals.calls.run --calibrate --write``; the held-out test calls are never in it) with, per
checklist item, whether the segment covers it:

- positive: the annotated covering segment;
- negative: a rep segment before it, or any rep segment of a call where the item was missed;
- unknown: a segment after the covering one (only the first covering segment is annotated).

Items a stage covers only after several occurrences (three pain questions in needs analysis) are annotated at
the occurrence that reaches the count, so there the earlier segments, and the segments of a call that missed
the item, are unknown (they may well be pain questions); the item's negatives, and more positives, come from
the rep utterances of the stages where one occurrence covers it (a first call's pain question).

A transcript segment close to a positive and far from every negative is strong evidence. Vectors depend on the
embedder, so they are computed on first use and cached per process and, when given a directory, on disk.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from calls.resources import read_prompt_file

log = logging.getLogger(__name__)

BANK_FILE = "checklist_bank.yaml"
POSITIVE, NEGATIVE, UNKNOWN = 1, 0, -1


@dataclass(frozen=True)
class StageBank:
    """Rep utterances of one stage: ``labels[i, j]`` is POSITIVE/NEGATIVE/UNKNOWN for text i and item j."""

    stage: str
    item_ids: tuple[str, ...]
    texts: tuple[str, ...]
    call_ids: tuple[str, ...]
    labels: np.ndarray  # int8 (n_texts, n_items)

    @property
    def key(self) -> str:
        digest = hashlib.sha256("\x1f".join((self.stage, *self.texts)).encode("utf-8"))
        return digest.hexdigest()[:16]


def stage_bank(stage: str, item_ids: Sequence[str], calls: Sequence[Mapping[str, Any]],
               counted: Mapping[str, AbstractSet[str]] | None = None) -> StageBank:
    """The bank of one stage from call records ``{id, stage, rep: [[segment, text]], covered, missed}``.

    ``counted``: per stage, the items it covers only after several occurrences."""
    counted = counted or {}
    here = counted.get(stage, frozenset())
    texts: list[str] = []
    call_ids: list[str] = []
    rows: list[list[int]] = []
    for call in calls:
        covered = {str(k): int(v) for k, v in (call.get("covered") or {}).items()}
        missed = set(call.get("missed") or ())
        if call.get("stage") == stage:
            several = here
            labelled: AbstractSet[str] = set(item_ids)
        else:  # another stage's annotation of a counted item, where one occurrence covers it
            several = frozenset()
            labelled = {i for i in here if i in covered or i in missed} - counted.get(str(call.get("stage")), set())
            if not labelled:
                continue
        for seg_index, text in call.get("rep") or ():
            texts.append(str(text))
            call_ids.append(str(call["id"]))
            rows.append([_label(int(seg_index), item, covered, missed, item in several) if item in labelled
                         else UNKNOWN for item in item_ids])
    labels = np.asarray(rows, dtype=np.int8).reshape(len(rows), len(item_ids))
    return StageBank(stage, tuple(item_ids), tuple(texts), tuple(call_ids), labels)


def _label(seg_index: int, item: str, covered: dict[str, int], missed: set[str], several: bool = False) -> int:
    if item in covered:
        at = covered[item]
        if seg_index == at:
            return POSITIVE
        return NEGATIVE if seg_index < at and not several else UNKNOWN
    return NEGATIVE if item in missed and not several else UNKNOWN


@functools.cache
def load_bank_calls() -> tuple[Mapping[str, Any], ...]:
    """Call records of the shipped bank; empty when the file is missing (features are then zero)."""
    try:
        data = yaml.safe_load(read_prompt_file(BANK_FILE)) or {}
    except FileNotFoundError:
        log.warning("prompts/calls/%s is missing; checklist detection runs without the example bank", BANK_FILE)
        return ()
    return tuple(data.get("calls") or ())


_VECTORS: dict[tuple[str, str], np.ndarray] = {}


def bank_vectors(bank: StageBank, embedder: Any, cache_dir: Path | None = None) -> np.ndarray:
    """Embeddings of the bank's texts, cached per process and (with ``cache_dir``) on disk."""
    memo = (getattr(embedder, "name", type(embedder).__name__), bank.key)
    if memo in _VECTORS:
        return _VECTORS[memo]
    path = cache_dir / f"checklist-bank-{memo[0].replace(':', '_').replace('/', '_')}-{bank.key}.npy" \
        if cache_dir else None
    vectors: np.ndarray | None = None
    if path is not None and path.is_file():
        try:
            vectors = np.load(path)
        except (OSError, ValueError):
            vectors = None  # a damaged cache file is recomputed, not trusted
        if vectors is not None and vectors.shape[0] != len(bank.texts):
            vectors = None
    if vectors is None:
        vectors = np.asarray(embedder.embed(list(bank.texts), kind="query"), dtype=np.float32) if bank.texts \
            else np.zeros((0, 1), dtype=np.float32)
        if path is not None:
            _save_atomically(path, vectors)
    _VECTORS[memo] = vectors
    return vectors


def _save_atomically(path: Path, vectors: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)
    except OSError as exc:  # a read-only data directory only costs time
        log.info("could not cache checklist bank vectors in %s: %s", path.parent, exc)


def neighbour_scores(bank: StageBank, vectors: np.ndarray, queries: np.ndarray, owner: np.ndarray, n_rows: int,
                     exclude_call: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per row and item: the best cosine of the row's units to the bank's positives and to its negatives.

    ``queries`` are unit vectors, ``owner[k]`` the row of unit k. Bank texts of ``exclude_call`` are left out,
    so a development call is never its own neighbour during calibration."""
    n_items = len(bank.item_ids)
    pos = np.zeros((n_rows, n_items), dtype=np.float32)
    neg = np.zeros((n_rows, n_items), dtype=np.float32)
    if not bank.texts or not len(queries):
        return pos, neg
    keep = np.array([c != exclude_call for c in bank.call_ids]) if exclude_call else np.ones(len(bank.texts), bool)
    sims = queries @ vectors[keep].T  # (units, bank)
    labels = bank.labels[keep]
    for col in range(n_items):
        for target, label in ((pos, POSITIVE), (neg, NEGATIVE)):
            mask = labels[:, col] == label
            if mask.any():
                np.maximum.at(target[:, col], owner, _top_mean(sims[:, mask], TOP_K))
    return pos, neg


TOP_K = 5  # a mean over the nearest few is steadier than the single nearest utterance


def _top_mean(sims: np.ndarray, k: int) -> np.ndarray:
    k = min(k, sims.shape[1])
    return np.sort(sims, axis=1)[:, -k:].mean(axis=1)
