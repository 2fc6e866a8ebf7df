"""Helpers for the call-review tests: English calls synthesised with espeak-ng and sox (mono and dual-channel),
bad audio files, and a small deterministic embedder for unit tests of the checklist logic."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

GAP_S = 0.6


def need_tools(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"missing system tools {missing}: run `make system-deps` (apt: espeak-ng sox libsox-fmt-all)")


def _run(cmd: Sequence[str]) -> None:
    subprocess.run(list(cmd), check=True, capture_output=True)


def synth(text: str, out: Path, voice: str = "en-us", speed: int = 150) -> Path:
    """One utterance as 16 kHz mono wav."""
    raw = out.with_suffix(".raw.wav")
    _run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text])
    _run(["sox", str(raw), "-r", "16000", "-c", "1", str(out)])
    raw.unlink()
    return out


def build_call(turns: Sequence[tuple[str, str]], workdir: Path) -> tuple[Path, Path]:
    """(mono.wav, dual.wav) for turns of (speaker, text); dual has the rep on the left channel, built with sox
    by padding each speaker's track with silence while the other talks, then `sox -M` (merge)."""
    need_tools("espeak-ng", "sox")
    workdir.mkdir(parents=True, exist_ok=True)
    gap = workdir / "gap.wav"
    _run(["sox", "-n", "-r", "16000", "-c", "1", str(gap), "trim", "0", str(GAP_S)])
    rep_track: list[str] = []
    cust_track: list[str] = []
    mono: list[str] = []
    for i, (speaker, text) in enumerate(turns):
        voice = "en-us" if speaker == "rep" else "en-gb"
        utt = synth(text, workdir / f"u{i}.wav", voice=voice)
        silent = workdir / f"s{i}.wav"
        _run(["sox", str(utt), str(silent), "vol", "0"])
        mono += [str(utt), str(gap)]
        rep_track += [str(utt if speaker == "rep" else silent), str(gap)]
        cust_track += [str(silent if speaker == "rep" else utt), str(gap)]
    mono_path, rep_path, cust_path = workdir / "mono.wav", workdir / "rep.wav", workdir / "cust.wav"
    _run(["sox", *mono, str(mono_path)])
    _run(["sox", *rep_track, str(rep_path)])
    _run(["sox", *cust_track, str(cust_path)])
    dual_path = workdir / "dual.wav"
    _run(["sox", "-M", str(rep_path), str(cust_path), str(dual_path)])
    return mono_path, dual_path


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


SALES_CALL = (
    ("rep", "Hi, this is Tom from Acme Diagnostics. We make automated blood analyzers for hospital labs."),
    ("customer", "Okay, I have a few minutes."),
    ("rep", "What is the biggest problem in your lab today?"),
    ("customer", "Our turnaround time is too slow in the morning."),
    ("rep", "Do you have a budget approved for a new analyzer this year?"),
    ("customer", "Honestly, your price is much higher than the other vendor."),
    ("rep", "I understand. Who makes the final decision on the purchase?"),
    ("customer", "The lab director signs off on it."),
    ("rep", "Can I visit you on Thursday at ten a.m. to show a demo?"),
    ("customer", "Yes, Thursday works."),
)
