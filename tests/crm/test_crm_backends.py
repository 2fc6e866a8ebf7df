"""The same schema and small demo load on SQLite, PostgreSQL and MariaDB, with identical contents."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import SEED, TODAY, server_engine
from sqlalchemy import Engine, inspect, text
from tests_support import dump

from crm.db import alembic_config, make_engine, upgrade
from crm.demo import build_demo
from crm.models import TABLES

BACKENDS = ["sqlite", "postgresql", "mariadb"]
pytestmark = pytest.mark.server


@pytest.fixture(scope="module", params=BACKENDS)
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('b') / 'b.sqlite3'}")
    else:
        engine = server_engine(request.param)
    build_demo(engine, "small", SEED, TODAY)
    yield engine
    engine.dispose()  # no pooled connection holds a lock when the next test rebuilds the same database


def test_schema_has_every_contract_table_and_foreign_key_indexes(loaded: Engine) -> None:
    insp = inspect(loaded)
    for table in TABLES:
        assert insp.has_table(table.name)
        cols = {c["name"] for c in insp.get_columns(table.name)}
        assert cols == {c.name for c in table.columns}
        indexed = {tuple(ix["column_names"])[0] for ix in insp.get_indexes(table.name)}
        for fk in insp.get_foreign_keys(table.name):
            assert fk["constrained_columns"][0] in indexed, (table.name, fk)


def test_contents_equal_the_sqlite_build(loaded: Engine, small_engine: Engine) -> None:
    assert dump(loaded) == dump(small_engine)


def test_region_question_gives_same_answer(loaded: Engine, small_engine: Engine) -> None:
    sql = text("SELECT r.code, COUNT(*) FROM account a JOIN region r ON r.id = a.region_id "
               "WHERE a.hospital_grade = '3A' GROUP BY r.code ORDER BY r.code")
    with loaded.connect() as a, small_engine.connect() as b:
        assert a.execute(sql).all() == b.execute(sql).all()


def test_migrations_downgrade_and_upgrade_again(loaded: Engine, tmp_path) -> None:
    from alembic import command

    if loaded.dialect.name == "sqlite":  # keep the module's shared SQLite build; use a fresh file
        loaded = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
        upgrade(loaded)
    cfg = alembic_config()
    with loaded.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert not inspect(loaded).has_table("account")
    upgrade(loaded)
    assert inspect(loaded).has_table("account")
