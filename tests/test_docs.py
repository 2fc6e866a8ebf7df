"""Docs are tested: every CLI command and setting is in the README, and the glossary matches the semantic layer."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import click
import pytest
import typer.main

from assistant.cli import app
from assistant.settings import Settings
from sql.glossary import render

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "sales-assistant") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        path = f"{prefix} {name}"
        out += _commands(cmd, path) if isinstance(cmd, click.Group) else [path]
    return out


@pytest.mark.parametrize("command", _commands(typer.main.get_command(app)))  # type: ignore[arg-type]
def test_every_cli_command_is_documented(command: str) -> None:
    assert command in README


@pytest.mark.parametrize("env", [f.metadata["env"] for f in fields(Settings)])
def test_every_setting_is_documented(env: str) -> None:
    assert env in README


def test_glossary_is_generated_from_the_semantic_layer() -> None:
    assert (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8") == render(), \
        "run: python -m sql.glossary > docs/glossary.md"
