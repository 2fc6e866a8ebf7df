"""No-match anchors: utterances that are not objections (small talk, scheduling, admin, buying signals).

They are indexed next to the playbook phrasings under the pseudo-entry :data:`NO_MATCH_ID`. A query that is
about as close to them as to its best playbook entry is answered ``no_match`` (the margin is calibrated on the
dev split), which separates "好的，周三见" from a real objection better than a cosine threshold alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

NO_MATCH_ID = "__no_match__"


@dataclass(frozen=True)
class Anchors:
    """The anchor texts per language and a content hash (for incremental indexing)."""

    zh: tuple[str, ...]
    en: tuple[str, ...]
    content_hash: str

    def __len__(self) -> int:
        return len(self.zh) + len(self.en)


def load_anchors(path: Path | None = None) -> Anchors:
    """Anchors from ``path`` or the shipped ``retrieval/not_objections.yaml``."""
    if path is None:
        raw = resources.files("retrieval").joinpath("not_objections.yaml").read_bytes()
    else:
        raw = Path(path).read_bytes()
    data = yaml.safe_load(raw.decode("utf-8")) or {}
    zh = tuple(str(t).strip() for t in data.get("zh") or [] if str(t).strip())
    en = tuple(str(t).strip() for t in data.get("en") or [] if str(t).strip())
    return Anchors(zh, en, hashlib.sha256(raw).hexdigest())
