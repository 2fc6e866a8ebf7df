"""The persistent vector index of the objection library: a chromadb collection kept in step with the files.

One document per phrasing (Chinese and English) plus each entry's two titles, embedded with *our* embedder:
chromadb's default embedding function downloads a model, so it is never used (every call passes our function and
our vectors). Each document carries its entry's file content hash, so :meth:`PlaybookIndex.sync` re-embeds only
the entries whose file changed and drops those whose file is gone; :meth:`PlaybookIndex.rebuild` starts over.
One collection per embedder name, so switching models never mixes vector spaces. Competitor names are
masked before embedding (see :mod:`retrieval.competitors`). chromadb is imported lazily.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from retrieval.anchors import NO_MATCH_ID, Anchors
from retrieval.competitors import mask_competitors
from retrieval.embedders import Embedder, Kind
from retrieval.errors import IndexBuildError
from retrieval.library import Library, ObjectionEntry

log = logging.getLogger(__name__)

INDEX_VERSION = 4
_BATCH = 64


@dataclass(frozen=True)
class IndexDoc:
    """One indexed text: a phrasing or a title of an objection entry."""

    id: str
    entry_id: str
    text: str
    lang: Literal["zh", "en"]
    kind: Literal["phrasing", "title", "anchor"]


def documents_for(entry: ObjectionEntry) -> list[IndexDoc]:
    """The documents indexed for one entry, in a stable order."""
    docs = [
        IndexDoc(f"{entry.id}::title-zh", entry.id, entry.title_zh, "zh", "title"),
        IndexDoc(f"{entry.id}::title-en", entry.id, entry.title_en, "en", "title"),
    ]
    docs += [IndexDoc(f"{entry.id}::zh{n}", entry.id, t, "zh", "phrasing") for n, t in enumerate(entry.phrasings_zh)]
    docs += [IndexDoc(f"{entry.id}::en{n}", entry.id, t, "en", "phrasing") for n, t in enumerate(entry.phrasings_en)]
    return docs


def library_documents(library: Library) -> list[IndexDoc]:
    return [doc for entry in library.objections for doc in documents_for(entry)]


def anchor_documents(anchors: Anchors) -> list[IndexDoc]:
    docs = [IndexDoc(f"{NO_MATCH_ID}::zh{n}", NO_MATCH_ID, t, "zh", "anchor") for n, t in enumerate(anchors.zh)]
    docs += [IndexDoc(f"{NO_MATCH_ID}::en{n}", NO_MATCH_ID, t, "en", "anchor") for n, t in enumerate(anchors.en)]
    return docs


@dataclass(frozen=True)
class _Unit:
    """What the index stores for one entry (or for the anchors): its hash, documents and metadata."""

    content_hash: str
    docs: list[IndexDoc]
    meta: dict[str, Any]


def _units(library: Library, anchors: Anchors | None) -> dict[str, _Unit]:
    units = {
        e.id: _Unit(
            e.content_hash,
            documents_for(e),
            {"category": e.category, "industries": "," + ",".join(e.industries) + ",",
             "stages": "," + ",".join(e.stages) + ","},
        )
        for e in library.objections
    }
    if anchors is not None and len(anchors):
        units[NO_MATCH_ID] = _Unit(anchors.content_hash, anchor_documents(anchors),
                                   {"category": "", "industries": "", "stages": ""})
    return units


class ProgressCallback(Protocol):
    """Told how many documents are embedded so far out of how many."""

    def __call__(self, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class SyncReport:
    """What a sync or rebuild did."""

    rebuilt: bool
    added: tuple[str, ...]
    updated: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    documents_embedded: int
    seconds: float


@dataclass(frozen=True)
class DenseHit:
    """A document close to the query vector."""

    doc_id: str
    entry_id: str
    similarity: float


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", name).strip("-._") or "embedder"
    return f"playbooks-{slug}"[:60].rstrip("-._")


@lru_cache(maxsize=1)
def _function_class() -> Any:
    """Our chromadb embedding-function class (defined lazily, since chromadb is imported lazily)."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

    class OurEmbeddingFunction(EmbeddingFunction[Documents]):
        """Delegates to our :class:`Embedder`, so chromadb never falls back to its downloading default."""

        def __init__(self, embedder: Embedder | None = None, *, spec: str = "", kind: Kind = "passage") -> None:
            self._embedder = embedder
            self._spec = spec or (embedder.name if embedder is not None else "")
            self._kind: Kind = kind

        def _get(self) -> Embedder:
            if self._embedder is None:
                from retrieval.embedders import make_embedder

                self._embedder = make_embedder(self._spec)
            return self._embedder

        def __call__(self, input: Documents) -> Embeddings:
            return list(self._get().embed(list(input), kind=self._kind))

        def embed_query(self, input: Documents) -> Embeddings:
            return list(self._get().embed(list(input), kind="query"))

        @staticmethod
        def name() -> str:
            return "sales_assistant"

        def get_config(self) -> dict[str, Any]:
            return {"embedder": self._spec, "doc_kind": self._kind}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> EmbeddingFunction[Documents]:
            return OurEmbeddingFunction(spec=str(config.get("embedder", "")), kind=config.get("doc_kind", "passage"))

        def default_space(self) -> Any:
            return "cosine"

    return OurEmbeddingFunction


def _chroma_function(embedder: Embedder, kind: Kind) -> Any:
    return _function_class()(embedder, kind=kind)


class PlaybookIndex:
    """A chromadb collection of the library's phrasings for one embedder, under ``index_dir``.

    ``doc_kind`` is how phrasings are encoded: ``"passage"`` (default: e5's retrieval setup, which scored
    better on the dev split: R@3 0.970 vs 0.947 dense-only) or ``"query"`` (e5's symmetric paraphrase setup).
    """

    def __init__(self, index_dir: Path, embedder: Embedder, *, doc_kind: Kind = "passage") -> None:
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.doc_kind: Kind = doc_kind
        self.collection_name = _slug(f"{embedder.name}-{doc_kind}")
        self._client: Any = None
        self._collection: Any = None

    # ------------------------------------------------------------ chromadb plumbing

    def _chroma(self) -> Any:
        if self._client is None:
            try:
                import chromadb
                from chromadb.config import Settings
            except ImportError as exc:
                raise IndexBuildError(
                    "未安装 chromadb，请安装 sales-assistant[coach]",
                    "chromadb is not installed; install sales-assistant[coach]",
                    details={"package": "chromadb"},
                ) from exc
            try:
                self.index_dir.mkdir(parents=True, exist_ok=True)
                self._client = chromadb.PersistentClient(
                    path=str(self.index_dir), settings=Settings(anonymized_telemetry=False, allow_reset=False)
                )
            except Exception as exc:  # chromadb raises many types for a bad directory
                raise IndexBuildError(
                    f"无法打开索引目录 {self.index_dir}",
                    f"Cannot open the index directory {self.index_dir}",
                    details={"path": str(self.index_dir), "error": str(exc)},
                ) from exc
        return self._client

    def _names(self) -> set[str]:
        return {getattr(c, "name", c) for c in self._chroma().list_collections()}

    def exists(self) -> bool:
        """True when the collection for this embedder is present and of the current format."""
        if not (self.index_dir / "chroma.sqlite3").is_file():
            return False
        if self.collection_name not in self._names():
            return False
        meta = self._open().metadata or {}
        return meta.get("index_version") == INDEX_VERSION

    def _open(self) -> Any:
        if self._collection is None:
            client = self._chroma()
            self._collection = client.get_or_create_collection(
                self.collection_name,
                embedding_function=_chroma_function(self.embedder, self.doc_kind),
                configuration={"hnsw": {"space": "cosine", "ef_search": 200, "ef_construction": 200}},
                metadata={"index_version": INDEX_VERSION, "embedder": self.embedder.name, "doc_kind": self.doc_kind},
            )
        return self._collection

    def count(self) -> int:
        return int(self._open().count())

    # ------------------------------------------------------------ building

    def rebuild(
        self, library: Library, *, anchors: Anchors | None = None, progress: ProgressCallback | None = None
    ) -> SyncReport:
        """Drop the collection and embed the whole library (and the no-match anchors) again."""
        client = self._chroma()
        if self.collection_name in self._names():
            client.delete_collection(self.collection_name)
        self._collection = None
        report = self.sync(library, anchors=anchors, progress=progress)
        return SyncReport(True, report.added, (), (), 0, report.documents_embedded, report.seconds)

    def sync(
        self, library: Library, *, anchors: Anchors | None = None, progress: ProgressCallback | None = None
    ) -> SyncReport:
        """Bring the collection in step with ``library``: re-embed changed entries, drop removed ones."""
        started = time.perf_counter()
        if self.collection_name in self._names():
            meta = self._open().metadata or {}
            if meta.get("index_version") != INDEX_VERSION:
                log.info("index format changed; rebuilding %s", self.collection_name)
                return self.rebuild(library, anchors=anchors, progress=progress)
        collection = self._open()
        stored = collection.get(include=["metadatas"])
        indexed: dict[str, str] = {}
        ids_of: dict[str, list[str]] = {}
        for doc_id, meta in zip(stored["ids"], stored["metadatas"] or [], strict=True):
            entry_id = str((meta or {}).get("entry_id", ""))
            indexed[entry_id] = str((meta or {}).get("file_hash", ""))
            ids_of.setdefault(entry_id, []).append(doc_id)
        wanted = _units(library, anchors)
        added = tuple(sorted(i for i in wanted if i not in indexed))
        updated = tuple(sorted(i for i in wanted if i in indexed and indexed[i] != wanted[i].content_hash))
        removed = tuple(sorted(i for i in indexed if i not in wanted))
        stale = [doc_id for entry_id in updated + removed for doc_id in ids_of.get(entry_id, [])]
        if stale:
            collection.delete(ids=stale)
        todo = [doc for entry_id in added + updated for doc in wanted[entry_id].docs]
        self._embed_and_add(todo, wanted, progress)
        report = SyncReport(
            rebuilt=False,
            added=added,
            updated=updated,
            removed=removed,
            unchanged=len(wanted) - len(added) - len(updated),
            documents_embedded=len(todo),
            seconds=time.perf_counter() - started,
        )
        log.info("index sync %s: %s", self.collection_name, report)
        return report

    def _embed_and_add(
        self, docs: Sequence[IndexDoc], units: dict[str, _Unit], progress: ProgressCallback | None
    ) -> None:
        collection = self._open()
        total = len(docs)
        if progress is not None:
            progress(0, total)
        for start in range(0, total, _BATCH):
            batch = docs[start : start + _BATCH]
            vectors = self.embedder.embed([mask_competitors(d.text) for d in batch], kind=self.doc_kind)
            metadatas: list[dict[str, Any]] = []
            for d in batch:
                unit = units[d.entry_id]
                metadatas.append(
                    {"entry_id": d.entry_id, "lang": d.lang, "kind": d.kind, "file_hash": unit.content_hash, **unit.meta}
                )
            try:
                collection.add(
                    ids=[d.id for d in batch],
                    documents=[d.text for d in batch],
                    embeddings=[np.asarray(v, dtype=np.float32) for v in vectors],
                    metadatas=metadatas,  # type: ignore[arg-type]
                )
            except Exception as exc:  # chromadb's own error types vary across versions
                raise IndexBuildError(
                    "写入索引失败", "Writing to the index failed", details={"error": str(exc)}
                ) from exc
            if progress is not None:
                progress(min(start + _BATCH, total), total)

    # ------------------------------------------------------------ querying

    def query(self, vector: np.ndarray, n: int) -> list[DenseHit]:
        """The ``n`` documents most similar to ``vector`` (cosine similarity, best first)."""
        collection = self._open()
        count = collection.count()
        if count == 0:
            return []
        result = collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(n, count),
            include=["metadatas", "distances"],
        )
        hits = []
        for doc_id, meta, dist in zip(
            result["ids"][0], (result["metadatas"] or [[]])[0], (result["distances"] or [[]])[0], strict=True
        ):
            hits.append(DenseHit(doc_id, str((meta or {}).get("entry_id", "")), 1.0 - float(dist)))
        return hits
