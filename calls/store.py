"""Store a call review against an opportunity as one ``activity`` row (type ``call``), in one transaction.

``check_opportunity`` runs before the (slow) transcription so a wrong id fails fast; ``store_review`` writes
the activity with a bilingual summary of what was covered and missed. Any failure rolls the transaction back,
so nothing is half-written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from calls.errors import StoreError
from calls.models import CallReview
from crm.db import session_scope
from crm.models import Activity, Opportunity

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpportunityRef:
    """What the review needs to know about the opportunity it is stored against."""

    id: int
    account_id: int
    owner_id: int | None
    stage: str
    industry: str | None


def check_opportunity(engine: Engine, opportunity_id: int) -> OpportunityRef:
    """The opportunity, or StoreError when it does not exist or the database cannot be read."""
    from crm.models import Account

    try:
        with session_scope(engine) as session:
            opp = session.get(Opportunity, opportunity_id)
            if opp is None:
                raise StoreError(f"找不到商机 {opportunity_id}", f"Opportunity {opportunity_id} not found",
                                 opportunity_id=opportunity_id)
            account = session.get(Account, opp.account_id)
            return OpportunityRef(opp.id, opp.account_id, opp.owner_id, opp.stage,
                                  account.industry if account is not None else None)
    except SQLAlchemyError as exc:
        raise StoreError("无法读取数据库", "Cannot read the database", cause=str(exc)) from exc


def summary_text(review: CallReview, stage: str | None, file_name: str) -> str:
    """Bilingual one-paragraph summary: covered and missed items, objections, duration."""
    covered_zh = "、".join(f.label_zh for f in review.covered) or "无"
    missed_zh = "、".join(f.label_zh for f in review.missed) or "无"
    covered_en = ", ".join(f.label_en for f in review.covered) or "none"
    missed_en = ", ".join(f.label_en for f in review.missed) or "none"
    minutes = review.duration_s / 60
    objections = len(review.objections)
    stage_part = f"（{stage}）" if stage else ""
    return (
        f"通话复盘{stage_part}：{file_name}，时长 {minutes:.1f} 分钟。已覆盖：{covered_zh}；遗漏：{missed_zh}；"
        f"客户异议 {objections} 条。\n"
        f"Call review{f' ({stage})' if stage else ''}: {file_name}, {minutes:.1f} min. Covered: {covered_en}; "
        f"missed: {missed_en}; customer objections: {objections}."
    )


def store_review(engine: Engine, opportunity: OpportunityRef, review: CallReview, *, stage: str | None,
                 file_name: str, occurred_at: datetime) -> int:
    """Insert the activity row in one transaction and return its id."""
    try:
        with session_scope(engine) as session:
            if session.get(Opportunity, opportunity.id) is None:
                raise StoreError(f"找不到商机 {opportunity.id}", f"Opportunity {opportunity.id} not found",
                                 opportunity_id=opportunity.id)
            activity = Activity(
                account_id=opportunity.account_id, opportunity_id=opportunity.id, owner_id=opportunity.owner_id,
                type="call", occurred_at=occurred_at.replace(microsecond=0),
                duration_min=max(1, round(review.duration_s / 60)) if review.duration_s > 0 else 0,
                summary=summary_text(review, stage, file_name), is_effective=bool(review.segments),
            )
            session.add(activity)
            session.flush()
            activity_id = int(activity.id)
    except SQLAlchemyError as exc:
        raise StoreError("保存通话复盘失败，数据库未做任何修改", "Saving the call review failed; nothing was written",
                         cause=str(exc)) from exc
    log.info("stored call review as activity %d on opportunity %d", activity_id, opportunity.id)
    return activity_id
