"""The checklist example bank: labels from annotations, leave-one-call-out neighbours, the vector cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from calls_testkit import HashEmbedder

from calls.checklist_bank import (
    NEGATIVE,
    POSITIVE,
    UNKNOWN,
    bank_vectors,
    load_bank_calls,
    neighbour_scores,
    stage_bank,
)

CALLS = [
    {"id": "a", "stage": "s", "rep": [[0, "hello"], [2, "what is your budget"], [4, "see you monday"]],
     "covered": {"budget": 2}, "missed": ["next_step"]},
    {"id": "b", "stage": "s", "rep": [[1, "is the money approved"]], "covered": {"budget": 1}, "missed": []},
    {"id": "c", "stage": "other", "rep": [[0, "ignored"]], "covered": {}, "missed": ["budget"]},
]


def test_labels_follow_the_annotation() -> None:
    bank = stage_bank("s", ["budget", "next_step"], CALLS)
    assert bank.texts == ("hello", "what is your budget", "see you monday", "is the money approved")
    assert bank.labels.tolist() == [
        [NEGATIVE, NEGATIVE],  # before the covering segment; next_step was missed
        [POSITIVE, NEGATIVE],
        [UNKNOWN, NEGATIVE],  # after the first covering segment: not annotated either way
        [POSITIVE, UNKNOWN],  # call b says nothing about next_step
    ]


def test_an_item_counted_several_times_borrows_labels_from_stages_where_one_covers_it() -> None:
    """Only the segment reaching the count is annotated, so earlier segments and a call that missed the item say
    nothing; the other stage's call (where one occurrence covers the item) gives its labelled utterances."""
    calls = [*CALLS, {"id": "d", "stage": "s", "rep": [[0, "why is it slow"]], "covered": {}, "missed": ["budget"]}]
    bank = stage_bank("s", ["budget", "next_step"], calls, counted={"s": {"budget"}})
    assert bank.texts == ("hello", "what is your budget", "see you monday", "is the money approved",
                          "ignored", "why is it slow")
    assert bank.call_ids[4] == "c"
    assert bank.labels[:, 0].tolist() == [UNKNOWN, POSITIVE, UNKNOWN, POSITIVE, NEGATIVE, UNKNOWN]
    assert bank.labels[4, 1] == UNKNOWN  # the borrowed call says nothing about this stage's other items
    lent = stage_bank("s", ["budget"], calls, counted={"s": {"budget"}, "other": {"budget"}})
    assert "ignored" not in lent.texts  # a stage that counts the item too lends nothing


def test_a_call_is_never_its_own_neighbour() -> None:
    bank = stage_bank("s", ["budget", "next_step"], CALLS)
    embedder = HashEmbedder()
    vectors = bank_vectors(bank, embedder)
    query = embedder.embed(["what is your budget"], kind="query")
    pos, _neg = neighbour_scores(bank, vectors, query, np.array([0]), 1)
    pos_without, _ = neighbour_scores(bank, vectors, query, np.array([0]), 1, exclude_call="a")
    assert pos[0, 0] > pos_without[0, 0]  # its own identical utterance is gone; call b's remains
    assert pos_without[0, 0] > 0


def test_vectors_are_cached_on_disk_and_a_damaged_cache_is_recomputed(tmp_path: Path) -> None:
    bank = stage_bank("s", ["budget"], [{**CALLS[0], "id": "fresh"}])  # a key no other test has used
    first = bank_vectors(bank, HashEmbedder(), tmp_path)
    files = list(tmp_path.glob("checklist-bank-*.npy"))
    assert len(files) == 1 and np.allclose(np.load(files[0]), first)
    from calls import checklist_bank

    checklist_bank._VECTORS.clear()
    files[0].write_bytes(b"not numpy")
    again = bank_vectors(bank, HashEmbedder(), tmp_path)
    assert np.allclose(again, first)


@pytest.mark.parametrize("stage", ["initial_contact", "needs_analysis", "proposal", "negotiation", "trial_follow_up"])
def test_the_shipped_bank_has_development_calls_only(stage: str) -> None:
    calls = [c for c in load_bank_calls() if c["stage"] == stage]
    assert len(calls) >= 10
    test_ids = {p.stem for p in (Path(__file__).parents[2] / "evals" / "calls" / "transcripts").glob("*.yaml")
                if "split: test" in p.read_text(encoding="utf-8")}
    assert test_ids and not test_ids & {c["id"] for c in calls}
