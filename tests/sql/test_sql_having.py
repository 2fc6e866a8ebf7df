"""Totals per record (HAVING): the parser builds a grouped measure with a condition, and the rows are exactly those
whose total passes it, also for a rep (row-level security applies inside the grouped query)."""

from __future__ import annotations

import pytest
from conftest import TODAY
from sqlalchemy import Engine, text

from sql.pipeline import answer, resolve_caller
from sql.validator import Caller

CASES = [
    ("今年赢单金额超过300万的业务员",
     "SELECT s.name, SUM(o.amount) FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id WHERE o.stage = 'closed_won' "
     "AND o.closed_at >= '2026-01-01' GROUP BY s.id, s.name HAVING SUM(o.amount) > 3000000"),
    ("Which customers have at least 2 open deals?",
     "SELECT a.name, COUNT(*) FROM opportunity o JOIN account a ON a.id = o.account_id WHERE o.stage IN "
     "('initial_contact', 'needs_analysis', 'proposal', 'negotiation') GROUP BY a.id, a.name HAVING COUNT(*) >= 2"),
    ("逾期金额超过10万的客户有哪些",
     "SELECT a.name, SUM(p.amount_due - p.amount_paid) FROM payment p JOIN contract c ON c.id = p.contract_id "
     "JOIN account a ON a.id = c.account_id WHERE p.due_date < '2026-11-18' AND p.amount_paid < p.amount_due "
     "GROUP BY a.id, a.name HAVING SUM(p.amount_due - p.amount_paid) > 100000"),
]


@pytest.mark.parametrize(("question", "gold"), CASES, ids=[c[0][:20] for c in CASES])
def test_total_per_record_matches_hand_written_sql(question: str, gold: str, small_engine: Engine) -> None:
    outcome = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == "answered", outcome.clarification
    assert outcome.plan is not None and outcome.plan.having is not None
    with small_engine.connect() as conn:
        expected = sorted((r[0], round(float(r[1]), 2)) for r in conn.execute(text(gold)))
    got = sorted((r[0], round(float(r[1]), 2)) for r in outcome.result.rows)
    assert got == expected and expected


def test_how_many_groups_pass_and_a_rep_counts_only_their_own(small_engine: Engine) -> None:
    question = "今年赢单金额超过100万的业务员有几个"
    admin = answer(question, engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert admin.status == "answered" and admin.plan.count_groups
    with small_engine.connect() as conn:
        reps = conn.execute(text(
            "SELECT s.email, SUM(o.amount), s.is_active FROM opportunity o JOIN sales_rep s ON s.id = o.owner_id "
            "WHERE o.stage = 'closed_won' AND o.closed_at >= '2026-01-01' GROUP BY s.id, s.email, s.is_active")).all()
    assert admin.result.rows[0][0] == sum(1 for _e, total, _a in reps if total > 1_000_000) > 1
    email, total, _active = next(r for r in reps if r[2])
    mine = answer(question, engine=small_engine, caller=resolve_caller(small_engine, email), today=TODAY)
    assert mine.result.rows[0][0] == int(total > 1_000_000)
