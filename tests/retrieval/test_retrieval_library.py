"""The playbook loader: valid files load, each corrupt file becomes a problem naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from retrieval_helpers import FIXTURE_LIBRARY, copy_library

from retrieval.errors import LibraryError
from retrieval.library import DEFAULT_ROOT, Text, load_library


def test_fixture_library_loads_completely() -> None:
    lib = load_library(FIXTURE_LIBRARY)
    assert lib.problems == ()
    assert len(lib.objections) == 9
    entry = lib.objection("price-more-expensive-than-competitor")
    assert entry.category == "price"
    assert entry.title_zh == "比竞品贵" and entry.title_en == "More expensive than a competitor"
    assert "你们比XX贵了15%" in entry.phrasings_zh
    assert isinstance(entry.responses[0], Text) and "{competitor}" in entry.responses[0].zh
    assert entry.content_hash and len(entry.content_hash) == 64
    stage = lib.stages["needs_analysis"]
    assert stage.items[0].id == "budget_confirmed"
    assert stage.items[0].cues_en == ("budget", "funds?")


CORRUPTIONS = [
    # (file to break, new text or None to keep, replace (old, new), expected field, words in message)
    ("budget/budget-frozen.yaml", None, ("category: budget", "category: money"), "category", "Input should be"),
    ("timing/timing-send-materials.yaml", None, ("id: timing-send-materials", "id: Timing Send"), "id", "kebab-case"),
    ("delivery/delivery-lead-time-too-long.yaml", None, ("\nresponses:", "\nresponse:"), "responses", "Field required"),
    ("authority/authority-boss-approval.yaml", "id: [unclosed\n  title: x", None, "<yaml>", "invalid YAML at line"),
    ("price/price-discount-request.yaml", None, ("阶梯价。", "阶梯价{discount}。"), "responses", "unknown placeholder"),
    ("competitor/competitor-already-using.yaml", None, ("industries: [medical, saas, manufacturing]",
                                                        "industries: [medical, banking]"), "industries.1", ""),
]


@pytest.mark.parametrize("name,text,swap,field,words", CORRUPTIONS, ids=[c[3] for c in CORRUPTIONS])
def test_corrupt_file_names_file_and_field_and_others_still_load(
    tmp_path: Path, name: str, text: str | None, swap: tuple[str, str] | None, field: str, words: str
) -> None:
    root = copy_library(tmp_path)
    path = root / "objections" / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    else:
        assert swap is not None
        original = path.read_text(encoding="utf-8")
        assert swap[0] in original
        path.write_text(original.replace(swap[0], swap[1]), encoding="utf-8")
    lib = load_library(root)
    assert len(lib.objections) == 8
    assert len(lib.problems) >= 1
    problem = lib.problems[0]
    assert problem.path == path
    assert problem.field.startswith(field)
    assert words in problem.message
    assert str(path) in str(problem) and problem.field in str(problem)


def test_duplicate_id_and_non_utf8_are_reported(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    src = root / "objections" / "budget" / "budget-frozen.yaml"
    (root / "objections" / "budget" / "zz-copy.yaml").write_bytes(src.read_bytes())
    (root / "objections" / "budget" / "gbk.yaml").write_bytes("id: 预算".encode("gbk"))
    lib = load_library(root)
    fields = {(p.path.name, p.field) for p in lib.problems}
    assert ("zz-copy.yaml", "id") in fields
    assert ("gbk.yaml", "<file>") in fields
    assert len(lib.objections) == 9


def test_bad_stage_cue_regex_is_reported(tmp_path: Path) -> None:
    root = copy_library(tmp_path)
    path = root / "stages" / "needs_analysis.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"funds?"', '"funds(?"'), encoding="utf-8")
    lib = load_library(root)
    assert "needs_analysis" not in lib.stages
    assert lib.problems[0].field.startswith("items.0.cues")
    assert "regular expression" in lib.problems[0].message


def test_missing_root_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError) as info:
        load_library(tmp_path / "nope")
    assert "nope" in info.value.user_message


# ---------------------------------------------------------------- the shipped library (content by the trainers)

STAGE_ITEMS = {
    "initial_contact": ["company_intro", "decision_maker_identified", "pain_points_asked", "next_step_with_date"],
    "needs_analysis": ["pain_points_asked", "current_solution_identified", "budget_confirmed",
                       "decision_maker_identified", "timeline_confirmed", "next_step_with_date"],
    "proposal": ["solution_mapped_to_needs", "budget_confirmed", "decision_process_confirmed",
                 "competitor_identified", "next_step_with_date"],
    "negotiation": ["price_terms_discussed", "payment_terms_agreed", "decision_maker_identified",
                    "contract_timeline_confirmed", "next_step_with_date"],
    "trial_follow_up": ["sample_test_done", "key_indicators_met", "purchase_budget_approved",
                        "decision_maker_identified", "next_step_with_date"],
}


def test_shipped_library_has_no_problems_and_the_fixed_stage_items() -> None:
    lib = load_library(DEFAULT_ROOT)
    assert lib.problems == (), "\n".join(map(str, lib.problems))
    assert lib.objections, "no objection entries shipped"
    for stage, ids in STAGE_ITEMS.items():
        assert stage in lib.stages, stage
        assert {i.id for i in lib.stages[stage].items} == set(ids), stage
