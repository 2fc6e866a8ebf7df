"""The validator: tables of allowed and blocked SQL (asserting the rule, not the wording), and row-level security."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text

from sql.errors import ValidationError
from sql.execute import run
from sql.validator import Caller, validate

ADMIN = Caller.admin()

BLOCKED = [
    ("", "empty"),
    ("DROP TABLE account", "not_select"),
    ("DELETE FROM account", "not_select"),
    ("UPDATE opportunity SET amount = 0", "not_select"),
    ("INSERT INTO region (id, code, name_zh, name_en) VALUES (9, 'x', 'x', 'x')", "not_select"),
    ("SELECT 1; DROP TABLE account", "multiple_statements"),
    ("SELECT name FROM account; SELECT 1", "multiple_statements"),
    ("PRAGMA table_info(account)", "not_select"),
    ("ATTACH DATABASE '/tmp/x.db' AS x", "not_select"),
    ("CREATE TABLE t AS SELECT * FROM account", "not_select"),
    ("SELECT name FROM account -- hidden\n", "comment"),
    ("SELECT name /* DROP TABLE account */ FROM account", "comment"),
    ("SELECT * FROM sqlite_master", "unknown_table"),
    ("SELECT * FROM audit_log", "unknown_table"),
    ("SELECT * FROM app_meta", "unknown_table"),
    ("SELECT * FROM main.account", "unknown_table"),
    ("SELECT password FROM account", "unknown_column"),
    ("SELECT a.nope FROM account a", "unknown_column"),
    ("SELECT load_extension('x')", "function"),
    ("SELECT randomblob(10) FROM account", "function"),
    ("SELECT name FROM account WHERE name = 'x' UNION SELECT sql FROM sqlite_master", "unknown_table"),
    ("WITH x AS (DELETE FROM account RETURNING id) SELECT * FROM x", "forbidden"),
    ("SELECT name FROM account LIMIT (SELECT 5)", "limit"),
    ("not sql at all", "parse"),
]


@pytest.mark.parametrize(("sql", "code"), BLOCKED)
def test_blocked(sql: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate(sql, dialect="sqlite", caller=ADMIN)
    assert info.value.code == code


ALLOWED = [
    "SELECT name FROM account",
    "SELECT a.name, r.name_zh FROM account a JOIN region r ON r.id = a.region_id WHERE r.code = 'east'",
    "SELECT COUNT(*) FROM opportunity WHERE stage = 'closed_won'",
    "WITH won AS (SELECT owner_id, SUM(amount) AS s FROM opportunity WHERE stage = 'closed_won' GROUP BY owner_id) "
    "SELECT s.name, won.s FROM won JOIN sales_rep s ON s.id = won.owner_id ORDER BY won.s DESC LIMIT 5",
    "SELECT name FROM account WHERE id IN (SELECT account_id FROM opportunity WHERE amount > 1000000)",
    "SELECT strftime('%Y-%m', occurred_at) AS m, COUNT(*) FROM activity GROUP BY m",
]


@pytest.mark.parametrize("sql", ALLOWED)
def test_allowed(sql: str, small_engine: Engine) -> None:
    vq = validate(sql, dialect="sqlite", caller=ADMIN)
    assert run(small_engine, vq).columns


def test_limit_is_forced_and_truncation_reported(small_engine: Engine) -> None:
    vq = validate("SELECT id FROM activity", dialect="sqlite", caller=ADMIN, max_rows=10)
    result = run(small_engine, vq)
    assert len(result.rows) == 10 and result.truncated
    vq = validate("SELECT id FROM activity LIMIT 3", dialect="sqlite", caller=ADMIN, max_rows=10)
    assert len(run(small_engine, vq).rows) == 3


def test_values_are_bound_parameters() -> None:
    vq = validate("SELECT name FROM account WHERE name = 'x'' OR ''1''=''1'", dialect="sqlite", caller=ADMIN)
    assert "OR '1'" not in vq.exec_sql and list(vq.params.values()) == ["x' OR '1'='1"]


def _rep(engine: Engine) -> Caller:
    with engine.connect() as c:
        rid, team = c.execute(text("SELECT id, team_id FROM sales_rep WHERE role = 'rep' ORDER BY id LIMIT 1")).one()
    return Caller(rid, "rep", team)


@pytest.mark.parametrize("sql", [
    "SELECT owner_id FROM account",
    "SELECT a.owner_id FROM opportunity o JOIN account a ON a.id = o.account_id",
    "SELECT owner_id FROM account WHERE id IN (SELECT account_id FROM activity)",
    "WITH x AS (SELECT * FROM account) SELECT owner_id FROM x",
    "SELECT owner_id FROM (SELECT * FROM account) AS t",
    "SELECT owner_id FROM account UNION ALL SELECT owner_id FROM lead",
])
def test_a_rep_sees_only_their_rows_through_joins_subqueries_and_ctes(sql: str, small_engine: Engine) -> None:
    rep = _rep(small_engine)
    rows = run(small_engine, validate(sql, dialect="sqlite", caller=rep)).rows
    assert rows and {r[0] for r in rows} == {rep.id}


def test_a_manager_sees_their_team(small_engine: Engine) -> None:
    with small_engine.connect() as c:
        mid, team = c.execute(text("SELECT id, team_id FROM sales_rep WHERE role = 'manager' LIMIT 1")).one()
        team_reps = {r[0] for r in c.execute(text("SELECT id FROM sales_rep WHERE team_id = :t"), {"t": team})}
    rows = run(small_engine, validate("SELECT DISTINCT owner_id FROM opportunity", dialect="sqlite",
                                      caller=Caller(mid, "manager", team))).rows
    assert rows and {r[0] for r in rows} <= team_reps


def test_payments_and_contacts_follow_their_parent(small_engine: Engine) -> None:
    rep = _rep(small_engine)
    vq = validate("SELECT c.owner_id FROM payment p JOIN contract c ON c.id = p.contract_id", dialect="sqlite",
                  caller=rep)
    assert {r[0] for r in run(small_engine, vq).rows} <= {rep.id}
    vq = validate("SELECT COUNT(*) FROM contact", dialect="sqlite", caller=rep)
    with small_engine.connect() as c:
        own = c.execute(text("SELECT COUNT(*) FROM contact ct JOIN account a ON a.id = ct.account_id "
                             "WHERE a.owner_id = :r"), {"r": rep.id}).scalar_one()
    assert run(small_engine, vq).rows[0][0] == own


def test_a_trainer_sees_no_customer_rows(small_engine: Engine) -> None:
    vq = validate("SELECT COUNT(*) FROM account", dialect="sqlite", caller=Caller(3, "trainer"))
    assert run(small_engine, vq).rows[0][0] == 0


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "trino", "clickhouse"])
def test_validates_in_every_dialect(dialect: str) -> None:
    vq = validate("SELECT a.name FROM account AS a WHERE a.city = 'x'", dialect=dialect, caller=Caller(5, "rep"))
    assert "owner_id" in vq.sql


def test_units_per_product_count_only_the_reps_own_won_deals(small_engine: Engine) -> None:
    """Deal lines carry no owner: they are scoped through their opportunity, even when grouped by product."""
    from sql.pipeline import answer

    rep = _rep(small_engine)
    outcome = answer("今年各产品卖了多少台", engine=small_engine, caller=rep, today=date(2026, 11, 18))
    assert outcome.status == "answered" and outcome.plan is not None and outcome.plan.entity == "line"
    with small_engine.connect() as c:
        expected = {(name, qty) for name, qty in c.execute(text(
            "SELECT pr.name, SUM(ol.quantity) FROM opportunity_line ol JOIN opportunity o ON o.id = ol.opportunity_id "
            "JOIN product pr ON pr.id = ol.product_id WHERE o.owner_id = :rep AND o.stage = 'closed_won' "
            "AND o.closed_at >= '2026-01-01' GROUP BY pr.id, pr.name"), {"rep": rep.id})}
    assert expected and {(r[0], r[1]) for r in outcome.result.rows} == expected
