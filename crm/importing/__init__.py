"""Import of accounts, contacts, leads, opportunities and activities from CSV or Excel, all or nothing.

Every row is parsed and validated before anything is written. A rejected row is reported with its file row
number, column and reason (unknown region, owner not found, bad date, duplicate ...). Nothing is written unless
every row is valid, or `skip_invalid` is set, in which case the valid rows are written in one transaction and
the rejects are returned (the CLI writes them to a report file).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from crm.db import refresh_statistics, session_scope
from crm.errors import ImportFileError, ImportValidationError
from crm.importing.read import read_table
from crm.importing.resolve import Resolver
from crm.importing.rows import Reject, parse_rows
from crm.importing.spec import ENTITIES
from crm.models import Account, Activity, AuditLog, Contact, Lead, Opportunity

log = logging.getLogger(__name__)
MODELS = {"account": Account, "contact": Contact, "lead": Lead, "opportunity": Opportunity, "activity": Activity}
__all__ = ["ImportResult", "Reject", "import_file", "ENTITIES"]


@dataclass(frozen=True)
class ImportResult:
    """How many rows were written and which were rejected (only non-empty with skip_invalid)."""

    entity: str
    path: str
    written: int
    rejects: tuple[Reject, ...]


def import_file(engine: Engine, path: Path, entity: str, *, skip_invalid: bool = False,
                encoding: str | None = None, actor_id: int | None = None, now: datetime | None = None) -> ImportResult:
    if entity not in ENTITIES:
        raise ImportFileError(f"不支持的导入对象: {entity}", f"unsupported entity: {entity}",
                              allowed=", ".join(ENTITIES))
    table = read_table(path, encoding=encoding)
    now = now or datetime.now().replace(microsecond=0)
    with session_scope(engine) as session:
        resolver = Resolver(session)
        values, rejects = parse_rows(entity, table, resolver, now, path)
        if rejects and not skip_invalid:
            raise ImportValidationError(rejects, str(path))
        model = MODELS[entity]
        objects = [model(**v) for v in values]
        session.add_all(objects)
        session.flush()
        session.add(AuditLog(at=now, actor_id=actor_id, action="import", entity_type=entity, entity_id=None,
                             detail=f"{path.name}: {len(objects)} written, {len(rejects)} rejected"))
    refresh_statistics(engine)  # the planner's picture of the tables changes with a bulk write
    log.info("imported %s %s rows from %s (%s rejected)", len(objects), entity, path, len(rejects))
    return ImportResult(entity, str(path), len(objects), tuple(rejects))
