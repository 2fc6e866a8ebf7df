"""CRM context for coaching: account, opportunity, amount and products read through the ORM."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from crm.models import Account, Opportunity, OpportunityLine
from retrieval.compose import CoachContext, Competitor, detect_competitor, fill, placeholder_values, render
from retrieval.context import load_context
from retrieval.errors import ContextError


def test_opportunity_context(small_engine: Engine) -> None:
    with Session(small_engine) as s:
        opp = s.scalars(select(Opportunity).join(OpportunityLine, OpportunityLine.opportunity_id == Opportunity.id)
                        .order_by(Opportunity.id).limit(1)).first()
        assert opp is not None
        account = s.get(Account, opp.account_id)
        assert account is not None
        expected = (account.name, account.industry, opp.stage, opp.amount)
    ctx = load_context(small_engine, opportunity_id=opp.id)
    assert (ctx.customer, ctx.industry, ctx.stage, ctx.amount) == expected
    assert ctx.products and ctx.opportunity_id == opp.id


def test_account_context_picks_an_open_opportunity_or_none(small_engine: Engine) -> None:
    with Session(small_engine) as s:
        account = s.scalars(select(Account).order_by(Account.id).limit(1)).one()
    ctx = load_context(small_engine, account_id=account.id)
    assert ctx.customer == account.name and ctx.account_id == account.id
    assert ctx.stage in (None, "initial_contact", "needs_analysis", "proposal", "negotiation")


def test_missing_records(small_engine: Engine) -> None:
    with pytest.raises(ContextError):
        load_context(small_engine, account_id=10**9)
    with pytest.raises(ContextError):
        load_context(small_engine, opportunity_id=10**9)
    assert load_context(small_engine) == CoachContext()


@pytest.mark.parametrize(
    "text,zh",
    [("你们比罗氏贵", "罗氏"), ("We use Mindray analyzers", "迈瑞"), ("康师傅给的返利更高", "康师傅"),
     ("用友的报价便宜", "用友"), ("Salesforce is cheaper", "Salesforce"), ("你们太贵了", None), ("XX更便宜", None)],
)
def test_detect_competitor(text: str, zh: str | None) -> None:
    found = detect_competitor(text)
    assert (found.zh if found else None) == zh


def test_placeholders_fill_with_context_or_neutral_fallback() -> None:
    text = "{customer}和{competitor}比，{product}在{industry_zh}更合适"
    assert fill(text, placeholder_values(CoachContext(), "zh")) == "贵司和竞品比，我们的方案在同行业更合适"
    ctx = CoachContext(customer="华山医院", industry="medical", products=("化学发光仪",), competitor=Competitor("罗氏", "Roche"))
    assert fill(text, placeholder_values(ctx, "zh")) == "华山医院和罗氏比，化学发光仪在医疗器械/IVD更合适"
    assert fill("{competitor} vs {customer}", placeholder_values(ctx, "en")) == "Roche vs 华山医院"


def test_template_is_strict() -> None:
    from retrieval.errors import TemplateError

    with pytest.raises(TemplateError):
        render("answer.zh.j2", query="x")  # missing variables fail loudly
