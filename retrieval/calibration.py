"""Fusion settings per embedder, as calibrated on the dev split of ``evals/coaching/queries.yaml``.

``retrieval/calibration.yaml`` is written by ``python -m evals.coaching.run --calibrate`` (dev split only) and
read by :class:`retrieval.coach.Coach`. An embedder without an entry gets the defaults of
:class:`~retrieval.fusion.FusionConfig`, whose no-match threshold of 0 means "never say no_match".
"""

from __future__ import annotations

import logging
from dataclasses import asdict, fields
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from retrieval.fusion import FusionConfig

log = logging.getLogger(__name__)

CALIBRATION_FILE = Path(__file__).resolve().parent / "calibration.yaml"


def _read(path: Path | None) -> dict[str, Any]:
    try:
        if path is None:
            text = resources.files("retrieval").joinpath("calibration.yaml").read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return {}
    data = yaml.safe_load(text) or {}
    return data if isinstance(data, dict) else {}


def load_config(embedder_name: str, *, path: Path | None = None) -> FusionConfig:
    """The calibrated :class:`FusionConfig` for ``embedder_name``, or the defaults."""
    entry = (_read(path).get("embedders") or {}).get(embedder_name)
    if not isinstance(entry, dict):
        log.info("no calibration for embedder %s; using defaults", embedder_name)
        return FusionConfig()
    known = {f.name for f in fields(FusionConfig)}
    return FusionConfig(**{k: v for k, v in entry.items() if k in known})


def save_config(embedder_name: str, config: FusionConfig, note: dict[str, Any], *, path: Path | None = None) -> Path:
    """Record ``config`` for ``embedder_name`` (with a note on how it was calibrated) in the calibration file."""
    path = path or CALIBRATION_FILE
    data = _read(path)
    data.setdefault("embedders", {})[embedder_name] = {**asdict(config), "calibrated_on": note}
    header = "# Written by `python -m evals.coaching.run --calibrate` (dev split only). Do not tune on test.\n"
    path.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return path
