"""`review-call` command: the JSON contract, bad input as clear errors (before any model loads), and storing a
review as one activity row with nothing half-written on failure."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant.commands.review_call import review_call_command
from calls.errors import AudioError, StageError, StoreError
from calls.models import CallReview, ChecklistFinding
from calls.store import OpportunityRef, check_opportunity, store_review
from crm.db import make_engine
from crm.models import Activity, Opportunity

CONTRACT_KEYS = {"status", "duration_s", "language", "segments", "covered", "missed", "objections", "metrics", "error"}


def _no_model(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the whisper model must not be loaded for this input")


@pytest.fixture(autouse=True)
def _forbid_model_loads(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    if "slow" not in request.keywords:
        monkeypatch.setattr("assistant.commands.review_call.FasterWhisperTranscriber", _no_model)


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out)


def test_calls_unknown_stage_is_a_clear_json_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    audio = tmp_path / "x.wav"
    audio.write_bytes(b"RIFF")
    code = review_call_command(audio, "closing_dance", None, None, True, None, None, data_dir=tmp_path)
    payload = _json(capsys)
    assert code == 2 and set(payload) == CONTRACT_KEYS
    assert payload["status"] == "error" and payload["error"]["code"] == "unknown_stage"
    assert "needs_analysis" in payload["error"]["message_en"] and payload["error"]["message_zh"]


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty"), (b"just some text, not audio", "not_audio")])
def test_calls_bad_audio_json_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                                    reason: str) -> None:
    path = tmp_path / "call.txt"
    path.write_bytes(content)
    assert review_call_command(path, "proposal", None, None, True, None, None, data_dir=tmp_path) == 2
    payload = _json(capsys)
    assert payload["error"]["code"] == "audio_error" and payload["error"]["details"]["reason"] == reason


def test_calls_human_mode_raises_for_the_cli_to_render(tmp_path: Path) -> None:
    with pytest.raises(StageError):
        review_call_command(tmp_path / "a.wav", "nope", None, None, False, None, None, data_dir=tmp_path)
    with pytest.raises(AudioError):
        review_call_command(tmp_path / "missing.wav", None, None, None, False, None, None, data_dir=tmp_path)


def test_calls_silence_says_nothing_was_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if shutil.which("sox") is None:
        pytest.skip("sox missing (make system-deps)")
    path = tmp_path / "silence.flac"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "2", str(path), "trim", "0", "4"], check=True)
    assert review_call_command(path, "negotiation", None, None, True, None, None, data_dir=tmp_path) == 0
    payload = _json(capsys)
    assert payload["status"] == "no_speech" and payload["segments"] == [] and payload["error"] is None
    assert payload["metrics"]["silence_share"] == 1.0


@pytest.fixture()
def db_url(small_db_path: Path, tmp_path: Path) -> str:
    copy = tmp_path / "crm.sqlite3"
    shutil.copyfile(small_db_path, copy)
    return f"sqlite:///{copy}"


def _activities(url: str) -> int:
    with make_engine(url).connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(Activity)))


def test_calls_unknown_opportunity_fails_before_transcription(tmp_path: Path, db_url: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = _activities(db_url)
    audio = tmp_path / "x.wav"
    audio.write_bytes(b"RIFF")
    assert review_call_command(audio, None, 999_999, None, True, None, db_url, data_dir=tmp_path) == 2
    assert _json(capsys)["error"]["code"] == "store_error"
    assert _activities(db_url) == before


def test_calls_store_review_writes_one_activity_or_nothing(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        opp_id = int(conn.scalar(select(Opportunity.id).order_by(Opportunity.id).limit(1)))
    ref = check_opportunity(engine, opp_id)
    review = CallReview(
        status="ok", duration_s=185.0, language="zh", stage="needs_analysis",
        covered=(ChecklistFinding("budget_confirmed", "确认预算", "Budget confirmed", True, 0.9, "预算批了吗？", 12.0, 3),),
        missed=(ChecklistFinding("timeline_confirmed", "确认采购时间", "Timeline confirmed", False, 0.1,
                                 suggested_question="什么时候采购？"),),
    )
    before = _activities(db_url)
    from datetime import datetime

    activity_id = store_review(engine, ref, review, stage="needs_analysis", file_name="call.wav",
                               occurred_at=datetime(2026, 11, 18, 10, 30))
    assert _activities(db_url) == before + 1
    with engine.connect() as conn:
        row = conn.execute(select(Activity).where(Activity.id == activity_id)).one()
    assert row.type == "call" and row.opportunity_id == opp_id and row.account_id == ref.account_id
    assert row.duration_min == 3 and "确认预算" in row.summary and "Timeline confirmed" in row.summary
    gone = OpportunityRef(999_999, ref.account_id, None, "proposal", None)
    with pytest.raises(StoreError):
        store_review(engine, gone, review, stage=None, file_name="call.wav", occurred_at=datetime(2026, 11, 18))
    assert _activities(db_url) == before + 1


def test_calls_progress_bar_only_for_long_recordings() -> None:
    import io

    import numpy as np
    from rich.console import Console

    from assistant.commands.review_call import _ProgressBar
    from calls.audio import DecodedAudio
    from calls.models import AudioInfo

    def audio(seconds: int) -> DecodedAudio:
        info = AudioInfo("x.wav", "wav", "pcm", float(seconds), 1, 16000)
        return DecodedAudio(info=info, mono=np.zeros(seconds * 16000, dtype=np.float32))

    buffer = io.StringIO()
    bar = _ProgressBar(Console(file=buffer, force_terminal=True, width=100))
    bar.set_audio(audio(10))
    bar.update(5, 10)
    bar.close()
    assert buffer.getvalue() == ""  # short call: no bar
    bar = _ProgressBar(Console(file=buffer, force_terminal=True, width=100))
    bar.set_audio(audio(120))
    bar.update(60, 120)
    bar.close()
    assert "transcribing" in buffer.getvalue()
