"""The standard CRM data model (SQLAlchemy 2 typed ORM).

Table and column names are a contract: the query layer, tests and external checks use them verbatim.
Timestamps are naive local time (Asia/Shanghai); money is NUMERIC in yuan. Every foreign key is indexed,
and so are the time columns that questions filter by. Allowed values of the enumerated columns are
listed in the ``*_VALUES`` tuples below and enforced by CHECK constraints.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import cast

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

REGION_CODES = ("east", "south", "north", "central", "southwest", "northwest", "northeast")
ROLES = ("rep", "manager", "director", "trainer", "admin")
INDUSTRIES = ("medical", "fmcg", "manufacturing", "saas", "education", "retail")
ACCOUNT_TYPES = ("hospital", "lab", "distributor", "store", "enterprise", "school")
HOSPITAL_GRADES = ("3A", "3B", "2A", "2B", "1")
CUSTOMER_CLASSES = ("A", "B", "C")
ACCOUNT_STATUSES = ("prospect", "active", "churned")
LEAD_SOURCES = ("website", "trade_show", "phone", "referral", "wechat", "ad")
LEAD_STATUSES = ("new", "assigned", "contacted", "qualified", "converted", "disqualified")
OPEN_STAGES = ("initial_contact", "needs_analysis", "proposal", "negotiation")
STAGES = (*OPEN_STAGES, "closed_won", "closed_lost")
LOSS_REASONS = ("price", "competitor", "no_budget", "no_decision", "product_fit", "timing", "relationship", "other")
ACTIVITY_TYPES = ("visit", "call", "wechat", "email", "meeting", "demo")
QUOTE_STATUSES = ("draft", "sent", "accepted", "rejected", "superseded")
CONTRACT_STATUSES = ("draft", "active", "completed", "terminated")
PAYMENT_STATUSES = ("pending", "partial", "paid", "overdue")

MONEY = Numeric(16, 2)

# Deterministic constraint names make Alembic migrations portable across SQLite, PostgreSQL and MySQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...], nullable: bool = False) -> CheckConstraint:
    listed = ", ".join(f"'{v}'" for v in values)
    expr = f"{column} IN ({listed})"
    if nullable:
        expr = f"{column} IS NULL OR {expr}"
    return CheckConstraint(expr, name=f"{column}_allowed")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Region(Base):
    __tablename__ = "region"
    __table_args__ = (_in("code", REGION_CODES),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_zh: Mapped[str] = mapped_column(String(16))
    name_en: Mapped[str] = mapped_column(String(32))


class Team(Base):
    __tablename__ = "team"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    # use_alter breaks the team <-> sales_rep cycle so both tables can be created.
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_rep.id", use_alter=True, name="fk_team_manager_id_sales_rep"), index=True
    )


class SalesRep(Base):
    __tablename__ = "sales_rep"
    __table_args__ = (_in("role", ROLES),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(32), index=True)
    email: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    hired_on: Mapped[date] = mapped_column(Date)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Account(Base):
    __tablename__ = "account"
    __table_args__ = (
        _in("industry", INDUSTRIES),
        _in("account_type", ACCOUNT_TYPES),
        _in("hospital_grade", HOSPITAL_GRADES, nullable=True),
        _in("customer_class", CUSTOMER_CLASSES),
        _in("status", ACCOUNT_STATUSES),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), index=True)
    industry: Mapped[str] = mapped_column(String(16))
    account_type: Mapped[str] = mapped_column(String(16))
    hospital_grade: Mapped[str | None] = mapped_column(String(4))
    customer_class: Mapped[str] = mapped_column(String(1))
    province: Mapped[str] = mapped_column(String(16))
    city: Mapped[str] = mapped_column(String(32), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    annual_revenue: Mapped[Decimal | None] = mapped_column(MONEY)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Contact(Base):
    __tablename__ = "contact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    name: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(String(64))
    department: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(128))
    is_decision_maker: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Lead(Base):
    __tablename__ = "lead"
    __table_args__ = (
        _in("source", LEAD_SOURCES),
        _in("status", LEAD_STATUSES),
        _in("industry", INDUSTRIES, nullable=True),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    company_name: Mapped[str] = mapped_column(String(128))
    contact_name: Mapped[str | None] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(16))
    industry: Mapped[str | None] = mapped_column(String(16))
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    budget: Mapped[Decimal | None] = mapped_column(MONEY)
    status: Mapped[str] = mapped_column(String(16))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_contact_at: Mapped[datetime | None] = mapped_column(DateTime)
    converted_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), index=True)


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    product_line: Mapped[str] = mapped_column(String(64))
    list_price: Mapped[Decimal] = mapped_column(MONEY)
    unit_cost: Mapped[Decimal] = mapped_column(MONEY)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Opportunity(Base):
    __tablename__ = "opportunity"
    __table_args__ = (
        _in("stage", STAGES),
        _in("loss_reason", LOSS_REASONS, nullable=True),
        CheckConstraint("stage <> 'closed_lost' OR loss_reason IS NOT NULL", name="lost_has_reason"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16), index=True)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    probability: Mapped[int] = mapped_column(Integer)
    expected_close_date: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    stage_entered_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    loss_reason: Mapped[str | None] = mapped_column(String(16))
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id"), index=True)
    budget_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    demo_scheduled: Mapped[bool] = mapped_column(Boolean, default=False)
    poc_provided: Mapped[bool] = mapped_column(Boolean, default=False)


class OpportunityStageHistory(Base):
    __tablename__ = "opportunity_stage_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id"), index=True)
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str] = mapped_column(String(16))
    changed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    changed_by: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)


class OpportunityLine(Base):
    __tablename__ = "opportunity_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    discount_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal(0))


class Activity(Base):
    __tablename__ = "activity"
    __table_args__ = (_in("type", ACTIVITY_TYPES),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunity.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    type: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str | None] = mapped_column(Text)
    is_effective: Mapped[bool] = mapped_column(Boolean, default=True)


class Quote(Base):
    __tablename__ = "quote"
    __table_args__ = (_in("status", QUOTE_STATUSES), UniqueConstraint("opportunity_id", "version"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    total_amount: Mapped[Decimal] = mapped_column(MONEY)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Contract(Base):
    __tablename__ = "contract"
    __table_args__ = (_in("status", CONTRACT_STATUSES),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_no: Mapped[str] = mapped_column(String(32), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunity.id"), index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    payment_terms_days: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Payment(Base):
    __tablename__ = "payment"
    __table_args__ = (_in("status", PAYMENT_STATUSES), UniqueConstraint("contract_id", "installment_no"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"), index=True)
    installment_no: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date, index=True)
    amount_due: Mapped[Decimal] = mapped_column(MONEY)
    amount_paid: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    status: Mapped[str] = mapped_column(String(16))


class AuditLog(Base):
    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)


class AppMeta(Base):
    """Key/value facts about this database: demo seed, size and reference date, schema notes."""

    __tablename__ = "app_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


# Tables in dependency order (parents first); used by loaders and exporters.
TABLES: list[Table] = [cast(Table, m.__table__) for m in (
    Region, SalesRep, Team, Account, Contact, Lead, Product, Opportunity, OpportunityStageHistory,
    OpportunityLine, Activity, Quote, Contract, Payment, AuditLog, AppMeta,
)]
