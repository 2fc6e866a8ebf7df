"""Helpers for the retrieval tests: the fixture library paths and a fast, deterministic fake embedder."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_LIBRARY = FIXTURES / "library"
FIXTURE_QUERIES = FIXTURES / "queries.yaml"


class HashingEmbedder:
    """Character uni/bigram hashing into 512 dimensions: no model, so index tests run in milliseconds."""

    name = "hashing-test"
    dim = 512

    def __init__(self) -> None:
        self.calls = 0
        self.texts_embedded = 0

    def embed(self, texts: Sequence[str], *, kind: str) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            t = text.lower()
            grams = list(t) + [t[i : i + 2] for i in range(len(t) - 1)]
            for g in grams:
                h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
                out[row, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1
        return out / norms


def copy_library(tmp_path: Path) -> Path:
    """A writable copy of the fixture library."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURE_LIBRARY, target)
    return target
