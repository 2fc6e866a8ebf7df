"""Database access: engine creation for SQLite/PostgreSQL/MySQL, schema upgrade through Alembic, sessions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from crm.errors import DatabaseError
from crm.models import TABLES, AppMeta

log = logging.getLogger(__name__)

DEFAULT_SQLITE_PATH = Path("data/crm.sqlite3")


def default_url() -> str:
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _normalise(url: str) -> str:
    """Pick the drivers we ship (psycopg 3, PyMySQL) when the URL names only the database kind."""
    for bare, full in (("postgresql://", "postgresql+psycopg://"), ("postgres://", "postgresql+psycopg://"),
                       ("mysql://", "mysql+pymysql://"), ("mariadb://", "mysql+pymysql://"),
                       ("mariadb+pymysql://", "mysql+pymysql://")):
        if url.startswith(bare):
            return full + url[len(bare):]
    return url


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """Create an engine; a SQLite file's folder is created on first use."""
    url = _normalise(url or default_url())
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"数据库地址无效: {url}", f"invalid database URL: {url}", url=url) from exc
    kwargs: dict = {"echo": echo}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    elif parsed.get_backend_name() == "mysql":
        kwargs["connect_args"] = {"charset": "utf8mb4"}
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def alembic_config():  # -> alembic.config.Config; imported lazily: alembic costs 0.4 s at start-up
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("crm") / "migrations"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (creates it on an empty database)."""
    from alembic import command

    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except OperationalError as exc:
        raise DatabaseError("无法连接或升级数据库", "cannot connect to or upgrade the database",
                            url=engine.url.render_as_string(hide_password=True)) from exc


def refresh_statistics(engine: Engine) -> None:
    """Let the database's planner see the data it now holds (ANALYZE). Without statistics SQLite picked an index
    scan over every line of a product for each deal, and two product questions on the large demo ran past the
    5-second limit; with them they take milliseconds. Run after bulk writes (demo build, import)."""
    with engine.begin() as conn:
        if engine.dialect.name == "mysql":
            quote = engine.dialect.identifier_preparer.quote
            conn.exec_driver_sql("ANALYZE TABLE " + ", ".join(quote(t.name) for t in TABLES)).fetchall()
        else:
            conn.exec_driver_sql("ANALYZE")


def drop_all(engine: Engine) -> None:
    """Drop every table in the database (CRM tables, Alembic's version table, anything else): a clean slate."""
    md = MetaData()
    md.reflect(engine)
    names = [t.name for t in reversed(TABLES) if t.name in md.tables]
    names += [n for n in md.tables if n not in names]
    if engine.dialect.name == "sqlite":
        # team and sales_rep reference each other; SQLite only drops them with key checks off (outside a transaction).
        raw = engine.raw_connection()
        try:
            raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[attr-defined]
            for name in names:
                raw.execute(f'DROP TABLE IF EXISTS "{name}"')  # type: ignore[attr-defined]
            raw.commit()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[attr-defined]  # the connection goes back to the pool
            raw.close()
        return
    with engine.begin() as conn:
        if engine.dialect.name == "mysql":
            conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS=0")
        cascade = " CASCADE" if engine.dialect.name == "postgresql" else ""
        quote = engine.dialect.identifier_preparer.quote
        for name in names:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {quote(name)}{cascade}")
        if engine.dialect.name == "mysql":
            conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS=1")


def has_schema(engine: Engine) -> bool:
    try:
        return inspect(engine).has_table("account")
    except OperationalError as exc:
        raise DatabaseError("无法连接数据库", "cannot connect to the database",
                            url=engine.url.render_as_string(hide_password=True)) from exc


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error, so nothing is half-written."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def read_meta(engine: Engine) -> dict[str, str]:
    with Session(engine) as s:
        return {m.key: m.value for m in s.scalars(select(AppMeta))}
