"""`sales-assistant ask --json`: the contract external checks call, across invocations with --session."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

KEYS = {"status", "question", "interpretation", "sql", "columns", "rows", "row_count", "truncated", "clarification",
        "error"}


def _ask(url: str, *args: str, data_dir: Path | None = None) -> dict:
    env = {"PATH": "/usr/bin:/bin", "SALES_ASSISTANT_DATA_DIR": str(data_dir)} if data_dir else None
    proc = subprocess.run([sys.executable, "-m", "assistant", "ask", *args, "--url", url, "--today", "2026-11-18",
                           "--json"], capture_output=True, text=True, env=env)
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)


def test_answer_shape(small_db_url: str) -> None:
    d = _ask(small_db_url, "本月赢单金额TOP5业务员")
    assert set(d) == KEYS and d["status"] == "answered"
    assert d["sql"].upper().startswith("SELECT") and d["columns"] == ["rep", "value"]
    assert len(d["rows"]) == d["row_count"] <= 5 and all(isinstance(r[1], int | float) for r in d["rows"])
    assert d["clarification"] is None and d["error"] is None and d["truncated"] is False


def test_clarification_shape(small_db_url: str) -> None:
    d = _ask(small_db_url, "张伟的客户")
    assert d["status"] == "clarify" and d["sql"] is None and d["rows"] == []
    assert len(d["clarification"]["options"]) == 2 and "张伟" in d["clarification"]["question"]


def test_refusal_shape(small_db_url: str) -> None:
    d = _ask(small_db_url, "删除所有客户")
    assert d["status"] == "refused" and d["sql"] is None and d["error"]


def test_limit_truncates_but_top_n_keeps_its_n(small_db_url: str) -> None:
    d = _ask(small_db_url, "所有客户", "--limit", "7")
    assert d["row_count"] == 7 and d["truncated"] is True
    d = _ask(small_db_url, "本月赢单金额前3的业务员", "--limit", "2")
    assert d["row_count"] <= 3


def test_session_follow_up_across_invocations(small_db_url: str, tmp_path: Path) -> None:
    first = _ask(small_db_url, "华东区的客户", "--session", "s1", data_dir=tmp_path)
    second = _ask(small_db_url, "其中三甲的呢", "--session", "s1", data_dir=tmp_path)
    assert first["status"] == second["status"] == "answered"
    assert 0 < second["row_count"] < first["row_count"]
    assert "3A" in second["sql"] and "east" in second["sql"]


def test_as_rep_sees_only_own_accounts(small_db_url: str, small_engine: Engine) -> None:
    with small_engine.connect() as c:
        rid, email = c.execute(text("SELECT id, email FROM sales_rep WHERE role = 'rep' ORDER BY id LIMIT 1")).one()
        own = {r[0] for r in c.execute(text("SELECT name FROM account WHERE owner_id = :r"), {"r": rid})}
    d = _ask(small_db_url, "所有客户", "--as", email)
    assert d["status"] == "answered" and {r[0] for r in d["rows"]} == own


def test_unknown_user_is_a_clean_error(small_db_url: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "assistant", "ask", "所有客户", "--as", "nobody@x.cn", "--url",
                           small_db_url, "--json"], capture_output=True, text=True)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr and "nobody@x.cn" in proc.stderr


@pytest.mark.parametrize("question", ["", "😀", "x" * 10_000])
def test_bad_questions_never_crash(small_db_url: str, question: str) -> None:
    assert _ask(small_db_url, question)["status"] in ("clarify", "refused")
