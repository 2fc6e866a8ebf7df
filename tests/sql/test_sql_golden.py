"""Golden NL->SQL: canonical questions compile to exactly the recorded SQL, and every plan compiles for every dialect."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlglot
import yaml
from conftest import TODAY
from sqlalchemy import Engine

from sql.compiler import compile_plan, to_sql
from sql.pipeline import answer
from sql.validator import Caller

GOLDEN = yaml.safe_load((Path(__file__).with_name("golden_nl2sql.yaml")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", GOLDEN, ids=lambda c: c["question"][:24])
def test_golden_sql(case: dict, small_engine: Engine) -> None:
    outcome = answer(case["question"], engine=small_engine, caller=Caller.admin(), today=TODAY)
    assert outcome.status == case["status"]
    assert (outcome.query.sql if outcome.query else None) == case["sql"]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql", "mysql", "trino", "clickhouse"])
@pytest.mark.parametrize("case", GOLDEN, ids=lambda c: c["question"][:24])
def test_every_plan_compiles_for_every_dialect(case: dict, dialect: str, small_engine: Engine) -> None:
    plan = answer(case["question"], engine=small_engine, caller=Caller.admin(), today=TODAY).plan
    assert plan is not None
    sql = to_sql(compile_plan(plan, dialect, TODAY), dialect)
    read = {"postgresql": "postgres"}.get(dialect, dialect)
    assert sqlglot.parse_one(sql, read=read).find(sqlglot.exp.Select) is not None
