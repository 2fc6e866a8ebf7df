"""The coaching eval dataset: format checks, and the shipped set's size and consistency with the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from retrieval_helpers import FIXTURE_LIBRARY, FIXTURE_QUERIES

from evals.coaching.finetune import batches, training_pairs
from evals.coaching.run import QUERIES, EvalDataError, load_queries
from retrieval.library import load_library


def test_fixture_queries_load() -> None:
    qs = load_queries(FIXTURE_QUERIES, load_library(FIXTURE_LIBRARY))
    assert len(qs) == 22 and {q.split for q in qs} == {"dev", "test"}


@pytest.mark.parametrize(
    "text,words",
    [
        ("queries:\n  - {id: a, text: x, lang: zh, expected: nope, split: dev}\n", "unknown expected entry"),
        ("queries:\n  - {id: a, text: x, lang: fr, expected: null, split: dev}\n", "lang"),
        ("queries:\n  - {id: a, text: x, lang: zh, expected: null, split: train}\n", "split"),
        ("- {id: a, text: x, lang: zh, expected: null, split: dev}\n- {id: a, text: y, lang: zh, expected: null, split: dev}\n",
         "duplicate query id"),
        ("just a string\n", "expected a list"),
    ],
)
def test_malformed_datasets_are_refused(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "q.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EvalDataError) as info:
        load_queries(path, load_library(FIXTURE_LIBRARY))
    assert words in str(info.value)


def test_missing_dataset() -> None:
    with pytest.raises(EvalDataError):
        load_queries(Path("/nonexistent/queries.yaml"))


def test_shipped_dataset_matches_the_issue() -> None:
    qs = load_queries(QUERIES, load_library())
    assert len(qs) >= 200
    assert sum(1 for q in qs if q.expected is None) >= 20
    assert {q.lang for q in qs} == {"zh", "en"}
    assert {q.split for q in qs} == {"dev", "test"}


def test_finetune_batches_never_pair_an_entry_with_itself() -> None:
    pairs = training_pairs(load_library(FIXTURE_LIBRARY))
    assert pairs and all(a != p for _, a, p in pairs)
    for batch in batches(pairs, 8):
        ids = [e for e, _, _ in batch]
        assert len(ids) == len(set(ids))
    assert sum(len(b) for b in batches(pairs, 8)) == len(pairs)
