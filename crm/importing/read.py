"""Reading an import file into header + rows of strings, with clear errors for files that cannot be read.

CSV must be UTF-8 (with or without BOM) unless an encoding is named: Excel's "CSV" in Chinese Windows is GBK,
and guessing an encoding silently garbles names, so we say what is wrong and how to fix it instead.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from crm.errors import ImportFileError

MAX_BYTES = 20 * 1024 * 1024
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Table:
    """A file's header row and data rows; `first_row` is the file row number of rows[0] (1-based)."""

    header: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    first_row: int = 2


def read_table(path: Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Table:
    if not path.is_file():
        raise ImportFileError(f"找不到文件: {path}", f"file not found: {path}", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise ImportFileError(f"{path}: 文件为空", f"{path}: the file is empty", path=str(path))
    if size > max_bytes:
        raise ImportFileError(
            f"{path}: 文件过大 ({size / 1e6:.1f} MB，上限 {max_bytes / 1e6:.0f} MB)，请拆分后导入",
            f"{path}: file too large ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB); split it and import the parts",
            path=str(path))
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        table = _read_excel(path)
    elif suffix in (".csv", ".txt"):
        table = _read_csv(path, encoding)
    elif suffix == ".xls":
        raise ImportFileError(f"{path}: 不支持旧版 .xls，请在 Excel 中另存为 .xlsx",
                              f"{path}: legacy .xls is not supported; save it as .xlsx in Excel", path=str(path))
    else:
        raise ImportFileError(f"{path}: 只支持 CSV 和 Excel (.xlsx) 文件",
                              f"{path}: only CSV and Excel (.xlsx) files can be imported", path=str(path))
    if not table.header or not any(h for h in table.header):
        raise ImportFileError(f"{path}: 没有表头", f"{path}: no header row", path=str(path))
    if not table.rows:
        raise ImportFileError(f"{path}: 只有表头，没有数据行", f"{path}: header only, no data rows", path=str(path))
    return table


def _read_csv(path: Path, encoding: str | None) -> Table:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ImportFileError(f"{path}: 不是文本 CSV 文件", f"{path}: not a text CSV file", path=str(path))
    try:
        text = raw.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = _encoding_hint(raw)
        line = raw[:exc.start].count(b"\n") + 1
        raise ImportFileError(
            f"{path}: 第 {line} 行不是 UTF-8 编码{hint[0]}。请在 Excel 中另存为“CSV UTF-8”，"
            f"或加 --encoding gbk",
            f"{path}: line {line} is not UTF-8{hint[1]}. Save as 'CSV UTF-8' in Excel, "
            f"or pass --encoding gbk",
            path=str(path)) from exc
    except LookupError as exc:
        raise ImportFileError(f"未知编码: {encoding}", f"unknown encoding: {encoding}") from exc
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    rows = [r for r in csv.reader(io.StringIO(text), dialect)]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return Table((), ())
    return Table(tuple(c.strip() for c in rows[0]), tuple(tuple(r) for r in rows[1:]))


def _encoding_hint(raw: bytes) -> tuple[str, str]:
    try:
        raw.decode("gb18030")
        return "（看起来是 GBK/GB18030）", " (it looks like GBK/GB18030)"
    except UnicodeDecodeError:
        return "", ""


def _read_excel(path: Path) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFileError(f"{path}: 无法读取 Excel 文件（文件损坏或不是 .xlsx）",
                              f"{path}: cannot read the Excel file (corrupt or not .xlsx)", path=str(path)) from exc
    try:
        ws = wb.worksheets[0]
        rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        return Table((), ())
    header = tuple("" if c is None else str(c).strip() for c in rows[0])
    return Table(header, tuple(rows[1:]))

