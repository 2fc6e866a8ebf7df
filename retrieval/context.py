"""Read the CRM context of a coaching request: the account, its opportunity, the amount and the products.

Given ``--opportunity ID`` the context is that opportunity and its account; given ``--account ID`` it is the
account plus its most recently created open opportunity, if any. Only reads, through the SQLAlchemy ORM models
of ``crm.models``; a missing record or an unreachable database becomes :class:`~retrieval.errors.ContextError`.
"""

from __future__ import annotations

import logging
from typing import Any

from retrieval.compose import CoachContext
from retrieval.errors import ContextError

log = logging.getLogger(__name__)

_OPEN_STAGES = ("initial_contact", "needs_analysis", "proposal", "negotiation")


def load_context(engine: Any, *, account_id: int | None = None, opportunity_id: int | None = None) -> CoachContext:
    """The :class:`CoachContext` for an account or an opportunity (the opportunity wins when both are given)."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    from crm.models import Account, Opportunity, OpportunityLine, Product

    if account_id is None and opportunity_id is None:
        return CoachContext()
    try:
        with Session(engine) as session:
            opportunity = None
            if opportunity_id is not None:
                opportunity = session.get(Opportunity, opportunity_id)
                if opportunity is None:
                    raise ContextError(
                        f"找不到商机 {opportunity_id}",
                        f"Opportunity {opportunity_id} not found",
                        details={"opportunity_id": opportunity_id},
                    )
                if account_id is not None and opportunity.account_id != account_id:
                    raise ContextError(
                        f"商机 {opportunity_id} 不属于客户 {account_id}",
                        f"Opportunity {opportunity_id} does not belong to account {account_id}",
                        details={"opportunity_id": opportunity_id, "account_id": account_id},
                    )
                account_id = opportunity.account_id
            account = session.get(Account, account_id)
            if account is None:
                raise ContextError(
                    f"找不到客户 {account_id}", f"Account {account_id} not found", details={"account_id": account_id}
                )
            if opportunity is None:
                opportunity = session.scalars(
                    select(Opportunity)
                    .where(Opportunity.account_id == account.id, Opportunity.stage.in_(_OPEN_STAGES))
                    .order_by(Opportunity.created_at.desc(), Opportunity.id.desc())
                    .limit(1)
                ).first()
            products: tuple[str, ...] = ()
            if opportunity is not None:
                rows = session.execute(
                    select(Product.name)
                    .join(OpportunityLine, OpportunityLine.product_id == Product.id)
                    .where(OpportunityLine.opportunity_id == opportunity.id)
                    .order_by(OpportunityLine.id)
                ).scalars()
                products = tuple(dict.fromkeys(rows))
            return CoachContext(
                customer=account.name,
                industry=account.industry,
                stage=opportunity.stage if opportunity is not None else None,
                amount=opportunity.amount if opportunity is not None else None,
                products=products,
                account_id=account.id,
                opportunity_id=opportunity.id if opportunity is not None else None,
            )
    except SQLAlchemyError as exc:
        raise ContextError(
            "读取CRM数据失败，请检查数据库地址", "Cannot read the CRM database; check the database URL",
            details={"error": str(exc).splitlines()[0]},
        ) from exc
