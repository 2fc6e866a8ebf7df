"""Import: Chinese/English headers, all-or-nothing, row-numbered rejects, bad files, Excel round trip."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine, MetaData, func, insert, select
from tests_support import dump

from crm.db import make_engine, upgrade
from crm.errors import ImportFileError, ImportValidationError
from crm.importing import import_file
from crm.importing.export import export_xlsx
from crm.models import Account, Region, SalesRep, Team


def _reference_copy(src: Engine, path: Path) -> Engine:
    """An empty CRM (schema + regions, teams, reps) to import into."""
    dst = make_engine(f"sqlite:///{path}")
    upgrade(dst)
    with src.connect() as s, dst.begin() as d:
        for model in (Region, Team, SalesRep):
            rows = [dict(r._mapping) for r in s.execute(select(model.__table__))]
            if model is Team:
                for r in rows:
                    r["manager_id"] = None
            d.execute(insert(model.__table__), rows)
    return dst


@pytest.fixture()
def empty(small_engine: Engine, tmp_path: Path) -> Engine:
    return _reference_copy(small_engine, tmp_path / "empty.sqlite3")


def _count(engine: Engine, model: type) -> int:
    with engine.connect() as c:
        return c.execute(select(func.count()).select_from(model)).scalar_one()


def _csv(tmp_path: Path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding=encoding)
    return p


def test_excel_round_trip_with_chinese_headers(small_engine: Engine, empty: Engine, tmp_path: Path) -> None:
    with small_engine.connect() as c:
        east = [r[0] for r in c.execute(select(Account.id).where(Account.region_id == 1).order_by(Account.id))]
    xlsx = tmp_path / "east.xlsx"
    assert export_xlsx(small_engine, "account", xlsx, east) == len(east) > 10
    from openpyxl import load_workbook

    header = [c.value for c in next(load_workbook(xlsx).active.iter_rows(max_row=1))]
    assert header[:3] == ["客户名称", "行业", "客户类型"]
    result = import_file(empty, xlsx, "account")
    assert result.written == len(east) and not result.rejects
    cols = ["name", "industry", "account_type", "hospital_grade", "customer_class", "province", "city",
            "region_id", "owner_id", "status", "annual_revenue", "created_at"]
    a = MetaData()
    a.reflect(small_engine, only=["account"])
    with small_engine.connect() as c1, empty.connect() as c2:
        src = sorted(tuple(r) for r in c1.execute(select(*[a.tables["account"].c[n] for n in cols])
                                                   .where(a.tables["account"].c.region_id == 1)))
        dst = sorted(tuple(r) for r in c2.execute(select(*[Account.__table__.c[n] for n in cols])))
    assert [tuple(str(v) for v in r) for r in src] == [tuple(str(v) for v in r) for r in dst]


def test_english_headers_and_chinese_values(empty: Engine, tmp_path: Path) -> None:
    f = _csv(tmp_path, "Account Name,Industry,Type,Grade,Province,City,Region,Status\n"
                       "测试市第一人民医院,医疗,医院,三甲,江苏,南京,华东,合作中\n"
                       "Acme Robotics,manufacturing,enterprise,,广东,深圳,South China,prospect\n")
    assert import_file(empty, f, "account").written == 2
    with empty.connect() as c:
        row = c.execute(select(Account.hospital_grade, Account.status).where(Account.name == "测试市第一人民医院")).one()
    assert tuple(row) == ("3A", "active")


@pytest.mark.parametrize(("row", "column", "reason"), [
    ("甲医院,医疗,医院,三甲,江苏,南京,火星区,", "所属区域", "unknown region"),
    ("乙医院,医疗,医院,三甲,江苏,南京,华东,查无此人", "负责人", "owner not found"),
    ("丙医院,医疗,医院,三甲,江苏,南京,华东,张伟", "负责人", "several records"),
    ("丁公司,制造业,企业,三甲,江苏,南京,华东,", "医院等级", "only hospitals"),
    ("戊公司,航天,企业,,江苏,南京,华东,", "行业", "invalid value"),
])
def test_each_rejected_row_names_row_column_and_reason(empty: Engine, tmp_path: Path, row: str, column: str,
                                                       reason: str) -> None:
    f = _csv(tmp_path, "客户名称,行业,客户类型,医院等级,省份,城市,所属区域,负责人\n"
                       "好医院,医疗,医院,二甲,江苏,南京,华东,\n" + row + "\n")
    with pytest.raises(ImportValidationError) as info:
        import_file(empty, f, "account")
    (reject,) = info.value.rejects
    assert (reject.row, reject.column) == (3, column) and reason in reject.reason_en
    assert _count(empty, Account) == 0  # all or nothing: the valid first row was not written either


def test_bad_dates_and_duplicates_in_activities(small_engine: Engine, tmp_path: Path) -> None:
    with small_engine.connect() as c:
        name = c.execute(select(Account.name).order_by(Account.id)).first()[0]
    f = _csv(tmp_path, "客户名称,跟进方式,跟进时间,跟进内容\n"
                       f"{name},拜访,2026-13-45,坏日期\n"
                       f"{name},电话,2026/10/01 10:00,好\n"
                       f"{name},电话,2026/10/01 10:00,好\n")
    with pytest.raises(ImportValidationError) as info:
        import_file(small_engine, f, "activity")
    assert [(r.row, r.reason_en.split(" ")[0]) for r in info.value.rejects] == [(2, "bad"), (4, "duplicate")]


def test_skip_invalid_writes_the_valid_rows(empty: Engine, tmp_path: Path) -> None:
    f = _csv(tmp_path, "客户名称,行业,客户类型,省份,城市,所属区域\n"
                       "一号店,快消,门店,上海,上海,华东\n二号店,快消,门店,上海,上海,月球\n")
    result = import_file(empty, f, "account", skip_invalid=True)
    assert result.written == 1 and [r.row for r in result.rejects] == [3]


def test_lost_opportunity_needs_a_reason(small_engine: Engine, tmp_path: Path) -> None:
    with small_engine.connect() as c:
        name = c.execute(select(Account.name).order_by(Account.id)).first()[0]
    f = _csv(tmp_path, f"商机名称,客户名称,阶段,金额,关闭时间\n新商机,{name},输单,50万,2026-10-01\n")
    with pytest.raises(ImportValidationError) as info:
        import_file(small_engine, f, "opportunity")
    assert info.value.rejects[0].column == "输单原因"


@pytest.mark.parametrize(("name", "content", "expect"), [
    ("a.pdf", b"%PDF-1.4", "only CSV and Excel"),
    ("empty.csv", b"", "empty"),
    ("gbk.csv", "客户名称,行业\n测试,医疗\n".encode("gbk"), "not UTF-8"),
    ("fake.xlsx", b"this is not a zip", "cannot read the Excel"),
    ("header.csv", "客户名称,行业\n".encode(), "no data rows"),
    ("nocols.csv", b"foo,bar\n1,2\n", "missing required column"),
])
def test_bad_files_get_a_clear_error(empty: Engine, tmp_path: Path, name: str, content: bytes, expect: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        import_file(empty, p, "account")
    assert expect in info.value.user_message_en


def test_100_mb_file_is_refused_before_reading(empty: Engine, tmp_path: Path) -> None:
    p = tmp_path / "huge.csv"
    with p.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(ImportFileError, match="too large"):
        import_file(empty, p, "account")


def test_gbk_file_imports_when_the_encoding_is_named(empty: Engine, tmp_path: Path) -> None:
    p = _csv(tmp_path, "客户名称,行业,客户类型,省份,城市,所属区域\n广州一号店,快消,门店,广东,广州,华南\n",
             encoding="gbk")
    assert import_file(empty, p, "account", encoding="gbk").written == 1


def test_cli_reports_errors_without_traceback(empty: Engine, tmp_path: Path) -> None:
    p = _csv(tmp_path, "客户名称,行业,客户类型,省份,城市,所属区域\n坏店,快消,门店,广东,广州,月球\n")
    proc = subprocess.run([sys.executable, "-m", "assistant", "db", "import", str(p), "--entity", "account",
                           "--url", str(empty.url)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "第 2 行" in proc.stderr and "unknown region" in proc.stderr
    before = dump(empty)
    proc = subprocess.run([sys.executable, "-m", "assistant", "db", "import", str(tmp_path / "missing.xlsx"),
                           "--entity", "account", "--url", str(empty.url)], capture_output=True, text=True)
    assert proc.returncode == 2 and "file not found" in proc.stderr and "Traceback" not in proc.stderr
    assert dump(empty) == before
