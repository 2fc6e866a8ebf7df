"""Shared fixtures: the small demo database (built once), and the real PostgreSQL / MariaDB servers.

Server URLs come from SALES_ASSISTANT_TEST_PG_URL and SALES_ASSISTANT_TEST_MYSQL_URL (defaults: the local servers
of the project's machines). When a server is unreachable the test is skipped with the reason, except in CI
(CI=true), where a missing server is a failure.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from crm.db import drop_all, make_engine
from crm.demo import build_demo

TODAY = date(2026, 11, 18)  # a Wednesday: "last week" is 2026-11-09 .. 2026-11-16
SEED = 7
SERVER_URLS = {
    "postgresql": os.environ.get("SALES_ASSISTANT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test"),
    "mariadb": os.environ.get("SALES_ASSISTANT_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test"),
}


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def small_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "small.sqlite3"
    build_demo(make_engine(f"sqlite:///{path}"), "small", SEED, TODAY)
    return path


@pytest.fixture(scope="session")
def small_db_url(small_db_path: Path) -> str:
    return f"sqlite:///{small_db_path}"


@pytest.fixture(scope="session")
def small_engine(small_db_url: str) -> Engine:
    return make_engine(small_db_url)


def server_engine(kind: str, database: str | None = None) -> Engine:
    """An engine on an EMPTY server database (every CRM table dropped), or skip/fail when unreachable.

    ``database`` names a database of its own on the same server (created when missing), so that test files run
    side by side by `pytest -n 2` (make test) never rebuild the same tables at the same time."""
    engine = make_engine(SERVER_URLS[kind])
    try:
        with engine.connect():
            pass
    except Exception as exc:  # noqa: BLE001 - any connection failure means the server is missing
        reason = f"{kind} server not reachable at {engine.url.render_as_string(hide_password=True)}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    if database is not None:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if kind == "postgresql":
                if not conn.exec_driver_sql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'").first():
                    conn.exec_driver_sql(f'CREATE DATABASE "{database}"')
            else:
                conn.exec_driver_sql(f"CREATE DATABASE IF NOT EXISTS `{database}`")
        engine.dispose()
        engine = make_engine(engine.url.set(database=database).render_as_string(hide_password=False))
    drop_all(engine)
    return engine
