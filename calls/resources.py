"""Read the call-review templates and rule tables that live under ``prompts/calls`` (data, not code).

``importlib.resources`` is used when ``prompts`` is a regular package; as a namespace package in an editable
install its search path can hold non-directory entries that ``importlib.resources.files`` rejects, so the
directories of the package's search path are tried in order instead.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
from pathlib import Path

PROMPT_PACKAGE = "prompts"
SUBDIR = "calls"


def read_prompt_file(name: str) -> str:
    """Text of ``prompts/calls/<name>``; FileNotFoundError when it does not exist."""
    try:
        return importlib.resources.files(PROMPT_PACKAGE).joinpath(SUBDIR).joinpath(name).read_text(encoding="utf-8")
    except (NotADirectoryError, TypeError, ModuleNotFoundError):
        pass
    spec = importlib.util.find_spec(PROMPT_PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / SUBDIR / name
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{PROMPT_PACKAGE}/{SUBDIR}/{name}")
