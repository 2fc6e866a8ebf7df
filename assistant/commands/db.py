"""`sales-assistant db ...`: create the schema, build demo data, import files, show statistics."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import func, select

from crm.db import drop_all, has_schema, make_engine, read_meta, upgrade
from crm.demo import build_demo
from crm.importing import import_file
from crm.importing.export import export_xlsx
from crm.models import TABLES

out = Console()
err = Console(stderr=True)


def init(url: str, demo: str | None, seed: int, today: date | None, reset: bool) -> None:
    engine = make_engine(url)
    if reset:
        drop_all(engine)
    if demo:
        report = build_demo(engine, demo, seed, today)
        out.print(f"demo '{report.size}' built (seed {report.seed}, today {report.today}) in "
                  f"{report.generate_s + report.load_s:.1f}s: {report.rows.get('account', 0)} accounts, "
                  f"{report.rows.get('activity', 0)} activities")
    else:
        upgrade(engine)
        out.print("schema is up to date / 数据库结构已是最新")
    out.print(f"database: {engine.url.render_as_string(hide_password=True)}")


def stats(url: str) -> None:
    engine = make_engine(url)
    if not has_schema(engine):
        err.print("数据库为空：先运行 `sales-assistant db init --demo default` / empty database: run "
                  "`sales-assistant db init --demo default` first")
        raise SystemExit(1)
    table = Table("table", "rows", title=engine.url.render_as_string(hide_password=True))
    with engine.connect() as conn:
        for t in TABLES:
            table.add_row(t.name, str(conn.execute(select(func.count()).select_from(t)).scalar_one()))
    out.print(table)
    for k, v in sorted(read_meta(engine).items()):
        out.print(f"{k}: {v}")


def import_(url: str, file: Path, entity: str, skip_invalid: bool, report: Path | None, encoding: str | None) -> None:
    engine = make_engine(url)
    upgrade(engine)
    result = import_file(engine, file, entity, skip_invalid=skip_invalid, encoding=encoding)
    out.print(f"{result.written} 行已导入 / {result.written} {entity} row(s) imported from {file}")
    if result.rejects:
        path = report or file.with_name(file.stem + ".rejects.csv")
        with path.open("w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh)
            w.writerow(["行号/row", "列/column", "原因/reason (zh)", "reason (en)"])
            for r in result.rejects:
                w.writerow([r.row, r.column, r.reason_zh, r.reason_en])
        out.print(f"{len(result.rejects)} 行被跳过，见 {path} / {len(result.rejects)} row(s) skipped, see {path}")


def export(url: str, entity: str, file: Path) -> None:
    n = export_xlsx(make_engine(url), entity, file)
    out.print(f"{n} {entity} row(s) written to {file}")
