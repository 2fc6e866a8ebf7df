"""Settings: loaded once from the environment, validated with messages that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import SettingsError, load_settings


def test_defaults() -> None:
    s = load_settings({})
    assert s.db_url == "sqlite:///data/crm.sqlite3" and s.max_rows == 1000 and s.index_dir == Path("data/index")


def test_the_default_database_follows_the_data_folder() -> None:
    s = load_settings({"SALES_ASSISTANT_DATA_DIR": "/srv/sa"})
    assert s.db_url == "sqlite:////srv/sa/crm.sqlite3" and s.session_dir == Path("/srv/sa/sessions")


@pytest.mark.parametrize("value", ["abc", "0", "-5"])
def test_bad_numbers_name_the_variable(value: str) -> None:
    with pytest.raises(SettingsError, match="SALES_ASSISTANT_MAX_ROWS"):
        load_settings({"SALES_ASSISTANT_MAX_ROWS": value})


def test_cli_reports_a_bad_setting_without_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "assistant", "db", "stats"], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "SALES_ASSISTANT_STATEMENT_TIMEOUT_MS": "soon"})
    assert proc.returncode == 2 and "SALES_ASSISTANT_STATEMENT_TIMEOUT_MS" in proc.stderr
    assert "Traceback" not in proc.stderr
