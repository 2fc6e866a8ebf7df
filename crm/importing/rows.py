"""Turning a read table into validated model values, collecting every reject with row, column and reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from crm import labels
from crm.errors import ImportFileError
from crm.importing.read import Table
from crm.importing.resolve import Ambiguous, Resolver
from crm.importing.spec import ENTITIES, Field

DEFAULT_PROBABILITY = {"initial_contact": 10, "needs_analysis": 25, "proposal": 45, "negotiation": 70,
                       "closed_won": 100, "closed_lost": 0}
TRUE = {"1", "true", "yes", "y", "是", "对", "√", "✓"}
FALSE = {"0", "false", "no", "n", "否", "不是", "×", ""}


@dataclass(frozen=True)
class Reject:
    """One rejected row: file row number (header is row 1), the column, and why."""

    row: int
    column: str
    reason_zh: str
    reason_en: str

    def __str__(self) -> str:
        return f"第 {self.row} 行 [{self.column}]: {self.reason_zh} / row {self.row} [{self.column}]: {self.reason_en}"


class _RowError(Exception):
    def __init__(self, field: Field, zh: str, en: str) -> None:
        super().__init__(en)
        self.field, self.zh, self.en = field, zh, en


def map_headers(entity: str, header: tuple[str, ...], path: Path) -> dict[str, int]:
    """Column index per field attr; unknown columns are ignored, missing required ones are an error for the file."""
    fields = ENTITIES[entity]
    norm = [_norm(h) for h in header]
    found: dict[str, int] = {}
    for f in fields:
        for spelling in f.headers:
            if _norm(spelling) in norm:
                found[f.attr] = norm.index(_norm(spelling))
                break
    missing = [f.headers[0] for f in fields if f.required and f.attr not in found]
    if missing:
        raise ImportFileError(f"{path}: 缺少必填列: {'、'.join(missing)}",
                              f"{path}: missing required column(s): {', '.join(missing)}",
                              path=str(path), columns=missing)
    return found


def _norm(h: str) -> str:
    return re.sub(r"[\s_*（）()]+", "", h).lower()


def parse_rows(entity: str, table: Table, resolver: Resolver, now: datetime,
               path: Path) -> tuple[list[dict], list[Reject]]:
    columns = map_headers(entity, table.header, path)
    fields = {f.attr: f for f in ENTITIES[entity]}
    values: list[dict] = []
    rejects: list[Reject] = []
    seen: dict[tuple, int] = {}
    for offset, raw in enumerate(table.rows):
        rowno = table.first_row + offset
        try:
            parsed = {attr: _parse(fields[attr], raw[i] if i < len(raw) else None) for attr, i in columns.items()}
            row = _finish(entity, parsed, fields, resolver, now)
            key = _dup_key(entity, row)
            if key is not None:
                if key in seen:
                    raise _RowError(fields[_dup_field(entity)], f"与第 {seen[key]} 行重复",
                                    f"duplicate of row {seen[key]}")
                seen[key] = rowno
            values.append(row)
        except _RowError as e:
            rejects.append(Reject(rowno, e.field.headers[0], e.zh, e.en))
    return values, rejects


def _parse(f: Field, cell: object) -> object:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        if f.required:
            raise _RowError(f, "必填项为空", "required value is empty")
        return None
    text = cell.strip() if isinstance(cell, str) else cell
    if f.kind == "str" or f.kind == "ref":
        s = str(text)
        if f.max_len and len(s) > f.max_len:
            raise _RowError(f, f"超过 {f.max_len} 个字符", f"longer than {f.max_len} characters")
        return s
    if f.kind == "enum":
        assert f.enum is not None
        code = labels.lookup(f.enum, str(text))
        if code is None:
            allowed = "、".join(zh for zh, _en, _s in f.enum.values())
            raise _RowError(f, f"无效的值“{text}”，可选: {allowed}", f"invalid value '{text}'; allowed: {', '.join(f.enum)}")
        return code
    if f.kind in ("money", "int"):
        return _number(f, text)
    if f.kind == "bool":
        t = str(text).strip().lower()
        if t in TRUE:
            return True
        if t in FALSE:
            return False
        raise _RowError(f, f"无法识别的是/否值“{text}”", f"not a yes/no value: '{text}'")
    if f.kind in ("date", "datetime"):
        return _when(f, text)
    raise AssertionError(f.kind)


def _number(f: Field, value: object) -> object:
    if isinstance(value, bool):
        raise _RowError(f, "不是数字", "not a number")
    if isinstance(value, int | float):
        d = Decimal(str(value))
    else:
        t = str(value).replace(",", "").replace("，", "").replace("¥", "").replace("元", "").strip()
        mult = Decimal(1)
        if t.endswith("万"):
            t, mult = t[:-1], Decimal(10_000)
        elif t.endswith("亿"):
            t, mult = t[:-1], Decimal(100_000_000)
        try:
            d = Decimal(t) * mult
        except InvalidOperation:
            raise _RowError(f, f"不是有效数字“{value}”", f"not a number: '{value}'") from None
    if d < 0:
        raise _RowError(f, "不能为负数", "must not be negative")
    if f.kind == "int":
        if d != d.to_integral_value():
            raise _RowError(f, "应为整数", "must be a whole number")
        return int(d)
    return d.quantize(Decimal("0.01"))


DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
                "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M", "%Y%m%d")


def _when(f: Field, value: object) -> object:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, datetime.min.time())
    else:
        text = str(value).strip().replace("T", " ")
        for fmt in DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            raise _RowError(f, f"无法识别的日期“{value}”（示例: 2026-03-15）",
                            f"bad date '{value}' (expected e.g. 2026-03-15)")
    return parsed.date() if f.kind == "date" else parsed


def _resolve(f: Field, fn, *args) -> int | None:
    try:
        return fn(*args)
    except Ambiguous:
        raise _RowError(f, f"“{args[0]}”对应多条记录，请使用唯一名称或邮箱",
                        f"'{args[0]}' matches several records; use a unique name or the email") from None


def _finish(entity: str, v: dict, fields: dict[str, Field], r: Resolver, now: datetime) -> dict:
    """Resolve references, apply defaults and cross-field rules; returns model keyword arguments."""
    out = {k: val for k, val in v.items() if fields[k].kind != "ref"}
    if "region" in fields and v.get("region") is not None:
        out["region_id"] = _resolve(fields["region"], r.region, v["region"])
        if out["region_id"] is None:
            raise _RowError(fields["region"], f"未知区域“{v['region']}”（华东/华南/华北/华中/西南/西北/东北）",
                            f"unknown region '{v['region']}'")
    if "owner" in fields and v.get("owner") is not None:
        out["owner_id"] = _resolve(fields["owner"], r.owner, v["owner"])
        if out["owner_id"] is None:
            raise _RowError(fields["owner"], f"找不到负责人“{v['owner']}”", f"owner not found: '{v['owner']}'")
    if "account" in fields and v.get("account") is not None:
        out["account_id"] = _resolve(fields["account"], r.account, v["account"])
        if out["account_id"] is None:
            raise _RowError(fields["account"], f"找不到客户“{v['account']}”", f"account not found: '{v['account']}'")
    if "opportunity" in fields and v.get("opportunity") is not None:
        out["opportunity_id"] = _resolve(fields["opportunity"], r.opportunity, v["opportunity"], out.get("account_id"))
        if out["opportunity_id"] is None:
            raise _RowError(fields["opportunity"], f"找不到商机“{v['opportunity']}”",
                            f"opportunity not found: '{v['opportunity']}'")
    if "contact" in fields and v.get("contact") is not None:
        out["contact_id"] = _resolve(fields["contact"], r.contact, v["contact"], out.get("account_id"))
        if out["contact_id"] is None:
            raise _RowError(fields["contact"], f"该客户下找不到联系人“{v['contact']}”",
                            f"contact not found at this account: '{v['contact']}'")
    if "created_at" in fields and out.get("created_at") is None:
        out["created_at"] = now
    return FINISHERS[entity](out, fields, r, now)


def _account(out: dict, fields: dict[str, Field], r: Resolver, now: datetime) -> dict:
    if r.account_exists(out["name"]):
        raise _RowError(fields["name"], f"客户“{out['name']}”已存在", f"account '{out['name']}' already exists")
    if out["account_type"] != "hospital" and out.get("hospital_grade"):
        raise _RowError(fields["hospital_grade"], "只有医院才有医院等级", "only hospitals have a hospital grade")
    out.setdefault("customer_class", None)
    out["customer_class"] = out["customer_class"] or "C"
    out["status"] = out.get("status") or "prospect"
    return out


def _contact(out: dict, fields: dict[str, Field], r: Resolver, now: datetime) -> dict:
    out["is_decision_maker"] = bool(out.get("is_decision_maker"))
    return out


def _lead(out: dict, fields: dict[str, Field], r: Resolver, now: datetime) -> dict:
    out["status"] = out.get("status") or ("assigned" if out.get("owner_id") else "new")
    for later in ("assigned_at", "first_contact_at"):
        if out.get(later) is not None and out[later] < out["created_at"]:
            raise _RowError(fields[later], "早于创建时间", "earlier than the creation time")
    return out


def _opportunity(out: dict, fields: dict[str, Field], r: Resolver, now: datetime) -> dict:
    stage = out["stage"]
    if stage == "closed_lost" and not out.get("loss_reason"):
        raise _RowError(fields["loss_reason"], "输单必须填写输单原因", "a lost deal needs a loss reason")
    if stage in ("closed_won", "closed_lost") and out.get("closed_at") is None:
        raise _RowError(fields["closed_at"], "已关闭的商机必须填写关闭时间", "a closed deal needs its close date")
    if out.get("probability") is None:
        out["probability"] = DEFAULT_PROBABILITY[stage]
    elif not 0 <= out["probability"] <= 100:
        raise _RowError(fields["probability"], "赢率应在 0-100 之间", "probability must be 0-100")
    out["stage_entered_at"] = out.get("closed_at") or out["created_at"]
    for flag in ("budget_confirmed", "demo_scheduled", "poc_provided"):
        out[flag] = False
    return out


def _activity(out: dict, fields: dict[str, Field], r: Resolver, now: datetime) -> dict:
    if out["occurred_at"] > now:
        raise _RowError(fields["occurred_at"], "跟进时间在未来", "the follow-up is in the future")
    out["is_effective"] = True
    return out


FINISHERS = {"account": _account, "contact": _contact, "lead": _lead, "opportunity": _opportunity,
             "activity": _activity}


def _dup_field(entity: str) -> str:
    return {"account": "name", "contact": "name", "lead": "company_name", "opportunity": "name",
            "activity": "occurred_at"}[entity]


def _dup_key(entity: str, row: dict) -> tuple | None:
    if entity == "account":
        return (row["name"],)
    if entity == "contact":
        return (row["account_id"], row["name"], row.get("phone"))
    if entity == "lead":
        return (row["company_name"], row.get("phone"))
    if entity == "opportunity":
        return (row["account_id"], row["name"])
    return (row["account_id"], row["occurred_at"], row["type"], row.get("summary"))
