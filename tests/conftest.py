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


def server_engine(kind: str) -> Engine:
    """An engine on an EMPTY server database (every CRM table dropped), or skip/fail when unreachable."""
    url = SERVER_URLS[kind]
    engine = make_engine(url)
    try:
        with engine.connect():
            pass
    except Exception as exc:  # noqa: BLE001 - any connection failure means the server is missing
        reason = f"{kind} server not reachable at {engine.url.render_as_string(hide_password=True)}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    drop_all(engine)
    return engine


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups into the test ids
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """For `pytest -n 2 --dist loadgroup` (make test): each test file runs on one worker, so its module fixtures
    (models, synthesised calls) are built once; the tests of one server (PostgreSQL or MariaDB) share one group,
    because they drop and rebuild the same database and must never run at the same time; the two servers' groups
    may run side by side."""
    for item in items:
        group = item.nodeid.split("::")[0]
        if item.get_closest_marker("server"):
            params = getattr(getattr(item, "callspec", None), "params", {})
            server = next((v for v in params.values() if v in SERVER_URLS), None)
            group = f"server-{server}" if server else group
        item.add_marker(pytest.mark.xdist_group(group))
