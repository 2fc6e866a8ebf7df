"""Bad input through the coach command: a clean bilingual error (JSON or text) and exit code 2, no model loaded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from retrieval_helpers import FIXTURE_LIBRARY

from assistant.commands.coach import coach_command

BAD = [("", None), ("   ", None), ("x" * 10_000, None), ("😀🙏👍", None), ("予算が凍結されています", None),
       ("你们太贵了", "de")]


@pytest.mark.parametrize("text,lang", BAD, ids=["empty", "blank", "10k", "emoji", "japanese", "lang-option"])
def test_bad_input_json(text: str, lang: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = coach_command(text, None, None, lang, True, None, tmp_path / "idx", library_root=FIXTURE_LIBRARY)
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    assert data["status"] == "error" and data["hits"] == [] and isinstance(data["error"], str) and data["error"]
    assert len(data["query"]) <= 201
    assert not (tmp_path / "idx").exists()  # failed before touching the index


@pytest.mark.parametrize("text,lang", BAD[:3], ids=["empty", "blank", "10k"])
def test_bad_input_text(text: str, lang: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = coach_command(text, None, None, lang, False, None, tmp_path / "idx", library_root=FIXTURE_LIBRARY)
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert "错误 / error" in captured.err and "Traceback" not in captured.err


def test_unknown_account_is_a_clean_error(small_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = coach_command("太贵了", 999_999, None, None, True, small_db_url, tmp_path / "idx",
                         library_root=FIXTURE_LIBRARY)
    data = json.loads(capsys.readouterr().out)
    assert code == 2 and data["status"] == "error" and "999999" in data["error"]
