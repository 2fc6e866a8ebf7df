"""Audio probing and decoding: accepted formats, bad input with clear errors, channel split."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from calls_testkit import need_tools, synth

from calls.audio import load, probe
from calls.errors import AudioError


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_tools("espeak-ng", "sox")
    return synth("What is your budget for this project?", tmp_path_factory.mktemp("audio") / "speech.wav")


def _sox(*args: str) -> None:
    subprocess.run(["sox", "-R", *args], check=True, capture_output=True)


@pytest.mark.parametrize("fmt", ["wav", "mp3", "ogg", "flac"])
def test_calls_formats_decode_through_pyav(speech: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"clip.{fmt}"
    _sox(str(speech), str(out))
    audio = load(out)
    assert audio.info.channels == 1 and not audio.attributed
    assert 2.0 < audio.duration_s < 4.0
    assert np.max(np.abs(audio.mono)) > 0.1


def test_calls_m4a_decodes(speech: Path, tmp_path: Path) -> None:
    import av

    out = tmp_path / "clip.m4a"
    samples = load(speech).mono
    with av.open(str(out), "w") as container:  # sox cannot write AAC; PyAV can
        stream = container.add_stream("aac", rate=16000)
        frame = av.AudioFrame.from_ndarray((samples * 32767).astype(np.int16)[None, :], format="s16", layout="mono")
        frame.rate = 16000
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    audio = load(out)
    assert audio.info.format_name.startswith("mov") and audio.duration_s > 2.0


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("notes.txt", b"hello, this is not audio", "not_audio"),
    ("empty.wav", b"", "empty"),
    ("corrupt.mp3", b"\xff\xfb" + b"\x00\x13garbage" * 50, "corrupt"),
])
def test_calls_bad_files_raise_clear_errors(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AudioError) as info:
        load(path)
    assert info.value.details["reason"] == reason
    assert info.value.message_zh and info.value.message_en


def test_calls_corrupted_ogg_header(speech: Path, tmp_path: Path) -> None:
    path = tmp_path / "broken.ogg"
    _sox(str(speech), str(path))
    data = bytearray(path.read_bytes())
    data[100:3100] = b"\x00" * 3000
    path.write_bytes(bytes(data))
    with pytest.raises(AudioError) as info:
        load(path)
    assert info.value.details["reason"] == "corrupt"


def test_calls_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(AudioError) as info:
        probe(tmp_path / "nope.wav")
    assert info.value.details["reason"] == "not_found"
    with pytest.raises(AudioError) as info:
        probe(tmp_path)
    assert info.value.details["reason"] == "is_directory"


def test_calls_zero_length_wav(tmp_path: Path) -> None:
    need_tools("sox")
    path = tmp_path / "zero.wav"
    _sox("-n", "-r", "16000", "-c", "1", str(path), "trim", "0", "0")
    with pytest.raises(AudioError) as info:
        load(path)
    assert info.value.details["reason"] == "zero_length"


def test_calls_over_max_duration_rejected_before_decoding(tmp_path: Path) -> None:
    need_tools("sox")
    path = tmp_path / "long.wav"
    _sox("-n", "-r", "8000", "-c", "1", str(path), "trim", "0", "5")
    with pytest.raises(AudioError) as info:
        probe(path, max_duration_s=3)
    assert info.value.details["reason"] == "too_long"
    assert probe(path).duration_s == pytest.approx(5.0, abs=0.01)


def test_calls_silence_is_detected(tmp_path: Path) -> None:
    need_tools("sox")
    path = tmp_path / "silence.wav"
    _sox("-n", "-r", "16000", "-c", "1", str(path), "trim", "0", "3")
    audio = load(path)
    assert audio.is_silent and audio.duration_s == pytest.approx(3.0, abs=0.01)


def test_calls_dual_channel_split_and_identical_channels(speech: Path, tmp_path: Path) -> None:
    silent = tmp_path / "silent.wav"
    _sox(str(speech), str(silent), "vol", "0")
    dual = tmp_path / "dual.wav"
    _sox("-M", str(speech), str(silent), str(dual))
    audio = load(dual)
    assert audio.attributed
    assert np.max(np.abs(audio.rep)) > 0.1 and np.max(np.abs(audio.customer)) < 1e-3
    swapped = load(dual, rep_channel=1)
    assert np.max(np.abs(swapped.rep)) < 1e-3
    same = tmp_path / "same.wav"
    _sox("-M", str(speech), str(speech), str(same))
    assert not load(same).attributed  # a mono signal stored twice is not a dual-channel call
