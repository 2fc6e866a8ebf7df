"""The chromadb index: built with our embedder only, updated incrementally by file hash, rebuilt on demand."""

from __future__ import annotations

from pathlib import Path

import pytest
from retrieval_helpers import FIXTURE_LIBRARY, HashingEmbedder, copy_library

from retrieval.coach import Coach
from retrieval.index import PlaybookIndex, documents_for, library_documents
from retrieval.library import load_library


def test_documents_are_phrasings_plus_titles() -> None:
    lib = load_library(FIXTURE_LIBRARY)
    entry = lib.objection("budget-frozen")
    docs = documents_for(entry)
    assert len(docs) == len(entry.phrasings_zh) + len(entry.phrasings_en) + 2
    assert {d.kind for d in docs} == {"phrasing", "title"}
    assert len({d.id for d in library_documents(lib)}) == len(library_documents(lib))


def test_build_then_incremental_sync(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    lib = load_library(root)
    emb = HashingEmbedder()
    index = PlaybookIndex(tmp_path / "idx", emb)
    assert not index.exists()
    calls: list[tuple[int, int]] = []
    report = index.rebuild(lib, progress=lambda done, total: calls.append((done, total)))
    total = len(library_documents(lib))
    assert report.rebuilt and report.documents_embedded == total == index.count()
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert index.exists()

    # nothing changed: nothing embedded
    before = emb.texts_embedded
    again = PlaybookIndex(tmp_path / "idx", emb).sync(lib)
    assert again.unchanged == 9 and again.documents_embedded == 0 and emb.texts_embedded == before

    # edit one file, delete another, add a third
    edited = root / "objections" / "budget" / "budget-frozen.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("今年预算已经冻结了", "今年的预算全冻住了"), encoding="utf-8")
    (root / "objections" / "timing" / "timing-send-materials.yaml").unlink()
    src = root / "objections" / "price" / "price-discount-request.yaml"
    (root / "objections" / "price" / "price-bulk.yaml").write_text(
        src.read_text(encoding="utf-8").replace("id: price-discount-request", "id: price-bulk"), encoding="utf-8")
    lib2 = load_library(root)
    report2 = PlaybookIndex(tmp_path / "idx", emb).sync(lib2)
    assert report2.updated == ("budget-frozen",)
    assert report2.removed == ("timing-send-materials",)
    assert report2.added == ("price-bulk",)
    assert report2.unchanged == 7
    assert report2.documents_embedded == len(documents_for(lib2.objection("budget-frozen"))) + len(
        documents_for(lib2.objection("price-bulk")))
    assert index.count() == len(library_documents(lib2))
    hits = index.query(emb.embed(["今年的预算全冻住了"], kind="query")[0], 3)
    assert hits[0].entry_id == "budget-frozen" and hits[0].similarity == pytest.approx(1.0, abs=1e-4)


def test_coach_rebuilds_a_missing_index_on_first_use(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    coach = Coach.open(index_dir=tmp_path / "fresh", library=load_library(FIXTURE_LIBRARY),
                       embedder=HashingEmbedder(), progress=lambda d, t: calls.append((d, t)))
    assert coach.sync_report is not None and coach.sync_report.rebuilt
    assert calls and calls[-1][0] == calls[-1][1] > 0
    result = coach.search("今年预算已经冻结了")
    assert result.status == "ok" and result.hits[0].id == "budget-frozen"


def test_chromadb_default_embedding_function_is_never_called(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chromadb.utils import embedding_functions

    def boom(self, input):  # noqa: ANN001
        raise AssertionError("chromadb's default embedding function was used")

    monkeypatch.setattr(embedding_functions.DefaultEmbeddingFunction, "__call__", boom)
    coach = Coach.open(index_dir=tmp_path / "i", library=load_library(FIXTURE_LIBRARY), embedder=HashingEmbedder())
    assert coach.search("交期能不能提前").hits[0].id == "delivery-lead-time-too-long"


def test_no_match_anchors_are_indexed_and_synced_on_their_own(tmp_path: Path) -> None:
    from retrieval.anchors import NO_MATCH_ID, load_anchors

    lib = load_library(FIXTURE_LIBRARY)
    anchors = load_anchors()
    assert len(anchors) >= 20 and anchors.content_hash
    emb = HashingEmbedder()
    index = PlaybookIndex(tmp_path / "idx", emb)
    index.rebuild(lib, anchors=anchors)
    assert index.count() == len(library_documents(lib)) + len(anchors)
    path = tmp_path / "anchors.yaml"
    path.write_text("zh: [好的，周三见]\nen: [see you on wednesday]\n", encoding="utf-8")
    report = index.sync(lib, anchors=load_anchors(path))
    assert report.updated == (NO_MATCH_ID,) and report.documents_embedded == 2
    hits = index.query(emb.embed(["好的，周三见"], kind="query")[0], 1)
    assert hits[0].entry_id == NO_MATCH_ID
