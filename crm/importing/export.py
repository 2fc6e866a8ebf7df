"""Export of CRM rows to Excel with the same Chinese headers the importer reads (round-trip safe)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from crm.importing.spec import ENTITIES, export_header
from crm.models import Account, Activity, Contact, Lead, Opportunity, Region, SalesRep

MODELS: dict[str, Any] = {"account": Account, "contact": Contact, "lead": Lead, "opportunity": Opportunity, "activity": Activity}


def export_xlsx(engine: Engine, entity: str, path: Path, ids: Sequence[int] | None = None) -> int:
    """Write `entity` rows (all, or those with the given ids) to `path`; returns the row count."""
    from openpyxl import Workbook

    model = MODELS[entity]
    fields = ENTITIES[entity]
    with Session(engine) as s:
        regions = {r.id: r.name_zh for r in s.scalars(select(Region))}
        reps = {r.id: r.email for r in s.scalars(select(SalesRep))}
        accounts = {aid: name for aid, name in s.execute(select(Account.id, Account.name))}
        q = select(model).order_by(model.id)
        if ids is not None:
            q = q.where(model.id.in_(list(ids)))
        wb = Workbook()
        ws = wb.active
        ws.append([export_header(f) for f in fields])
        count = 0
        for obj in s.scalars(q):
            row = []
            for f in fields:
                if f.attr == "region":
                    row.append(regions.get(obj.region_id))
                elif f.attr == "owner":
                    row.append(reps.get(obj.owner_id))
                elif f.attr == "account":
                    row.append(accounts.get(obj.account_id))
                elif f.kind == "ref":
                    row.append(None)  # optional links (opportunity, contact) are not exported by name
                else:
                    value = getattr(obj, f.attr)
                    if f.kind == "enum" and value is not None and f.enum is not None:
                        value = f.enum[value][0]
                    elif f.kind == "money" and value is not None:
                        value = float(value)
                    elif f.kind == "bool":
                        value = "是" if value else "否"
                    row.append(value)
            ws.append(row)
            count += 1
    wb.save(path)
    return count


