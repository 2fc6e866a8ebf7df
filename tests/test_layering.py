"""Imports flow one way: ui > assistant > evals > {calls, rules} > {sql, retrieval} > crm. Parsed with ast."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RANK = {"ui": 6, "assistant": 5, "evals": 4, "calls": 3, "rules": 3, "sql": 2, "retrieval": 2, "crm": 1}
PACKAGES = sorted(RANK)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name.split(".")[0]) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def _files() -> list[Path]:
    return [p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")]


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_upward_or_sideways_import(path: Path) -> None:
    own = path.relative_to(ROOT).parts[0]
    bad = [f"line {line}: {own} imports {target}" for line, target in _imports(path)
           if target in RANK and target != own and RANK[target] >= RANK[own]]
    assert not bad, "\n".join(bad)


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    f = tmp_path / "x.py"
    f.write_text("import os\nfrom assistant.cli import app\nfrom crm import models\n")
    assert (2, "assistant") in _imports(f)
