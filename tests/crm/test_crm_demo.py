"""Demo data: deterministic, and shaped so that the questions managers ask have non-trivial answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import Engine, text
from tests_support import dump

from crm.db import make_engine, read_meta
from crm.demo import build_demo
from crm.models import TABLES

LAST_WEEK = (datetime(2026, 11, 9), datetime(2026, 11, 16))  # for TODAY = 2026-11-18


def test_same_seed_and_date_give_identical_databases(tmp_path) -> None:
    a = make_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    b = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    build_demo(a, "small", 11, date(2026, 3, 2))
    build_demo(b, "small", 11, date(2026, 3, 2))
    assert dump(a) == dump(b)


def test_another_seed_gives_other_data(tmp_path) -> None:
    a = make_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    b = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    build_demo(a, "small", 1, date(2026, 3, 2))
    build_demo(b, "small", 2, date(2026, 3, 2))
    assert dump(a)["account"] != dump(b)["account"]


def test_seed_size_and_reference_date_are_recorded(small_engine: Engine, today: date) -> None:
    meta = read_meta(small_engine)
    assert meta["demo_seed"] == "7" and meta["demo_size"] == "small" and meta["demo_today"] == today.isoformat()


def _scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def test_every_region_has_3a_hospitals(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT r.code, COUNT(a.id) FROM region r LEFT JOIN account a ON a.region_id = r.id "
            "AND a.account_type = 'hospital' AND a.hospital_grade = '3A' GROUP BY r.code")).all()
    assert len(rows) == 7 and all(n >= 2 for _code, n in rows), rows


def test_some_3a_hospitals_in_east_had_no_follow_up_last_week(small_engine: Engine) -> None:
    base = ("SELECT COUNT(*) FROM account a JOIN region r ON r.id = a.region_id WHERE r.code = 'east' "
            "AND a.hospital_grade = '3A' AND {neg} EXISTS (SELECT 1 FROM activity x WHERE x.account_id = a.id "
            "AND x.occurred_at >= :start AND x.occurred_at < :end)")
    start, end = LAST_WEEK
    assert _scalar(small_engine, base.format(neg="NOT"), start=start, end=end) > 0


def test_accounts_without_activity_last_week_exist_but_are_not_all(small_engine: Engine) -> None:
    start, end = LAST_WEEK
    silent = _scalar(small_engine, "SELECT COUNT(*) FROM account a WHERE NOT EXISTS (SELECT 1 FROM activity x "
                     "WHERE x.account_id = a.id AND x.occurred_at >= :s AND x.occurred_at < :e)", s=start, e=end)
    total = _scalar(small_engine, "SELECT COUNT(*) FROM account")
    assert 0 < silent < total


def test_some_payments_are_overdue(small_engine: Engine, today: date) -> None:
    n = _scalar(small_engine, "SELECT COUNT(*) FROM payment WHERE due_date < :t AND amount_paid < amount_due",
                t=today)
    assert n > 0


def test_some_leads_were_answered_after_four_hours_and_some_within(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        rows = conn.execute(text("SELECT created_at, first_contact_at FROM lead WHERE first_contact_at IS NOT NULL")).all()
    slow = [r for r in rows if _ts(r[1]) - _ts(r[0]) > timedelta(hours=4)]
    assert 0 < len(slow) < len(rows)


def test_reps_differ_in_win_rate(small_engine: Engine) -> None:
    with small_engine.connect() as conn:
        rates = conn.execute(text(
            "SELECT owner_id, AVG(CASE WHEN stage = 'closed_won' THEN 1.0 ELSE 0.0 END) FROM opportunity "
            "WHERE stage IN ('closed_won', 'closed_lost') GROUP BY owner_id HAVING COUNT(*) >= 5")).all()
    values = [float(r[1]) for r in rates]
    assert len(values) >= 5 and max(values) - min(values) > 0.2


def test_lost_deals_have_a_reason_and_won_deals_have_contracts(small_engine: Engine) -> None:
    assert _scalar(small_engine, "SELECT COUNT(*) FROM opportunity WHERE stage = 'closed_lost' "
                                 "AND loss_reason IS NULL") == 0
    assert _scalar(small_engine, "SELECT COUNT(*) FROM opportunity o WHERE stage = 'closed_won' AND NOT EXISTS "
                                 "(SELECT 1 FROM contract c WHERE c.opportunity_id = o.id)") == 0


def test_two_reps_share_a_name(small_engine: Engine) -> None:
    assert _scalar(small_engine, "SELECT COUNT(*) FROM sales_rep WHERE name = '张伟'") == 2


def test_all_tables_are_filled(small_engine: Engine) -> None:
    for t in TABLES:
        assert _scalar(small_engine, f'SELECT COUNT(*) FROM "{t.name}"') > 0, t.name


def _ts(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def test_the_build_leaves_planner_statistics(small_engine: Engine) -> None:
    # without them SQLite probed every line of a product for each deal: product questions timed out on large
    with small_engine.connect() as conn:
        analysed = {r[0] for r in conn.execute(text("SELECT tbl FROM sqlite_stat1"))}
    assert {"opportunity", "opportunity_line", "activity", "payment"} <= analysed
