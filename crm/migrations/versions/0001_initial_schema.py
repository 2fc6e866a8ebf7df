"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 08:02:47.107561
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # team.manager_id and sales_rep.team_id reference each other: servers get the team -> sales_rep key
    # after both tables exist; SQLite accepts it inline (and cannot add it later).
    is_sqlite = op.get_bind().dialect.name == "sqlite"
    team_manager_fk = (
        [sa.ForeignKeyConstraint(['manager_id'], ['sales_rep.id'], name='fk_team_manager_id_sales_rep')]
        if is_sqlite else []
    )
    op.create_table('app_meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.String(length=256), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_meta'))
    )
    op.create_table('product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('product_line', sa.String(length=64), nullable=False),
    sa.Column('list_price', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('unit_cost', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product')),
    sa.UniqueConstraint('sku', name=op.f('uq_product_sku'))
    )
    op.create_table('region',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name_zh', sa.String(length=16), nullable=False),
    sa.Column('name_en', sa.String(length=32), nullable=False),
    sa.CheckConstraint("code IN ('east', 'south', 'north', 'central', 'southwest', 'northwest', 'northeast')", name=op.f('ck_region_code_allowed')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_region')),
    sa.UniqueConstraint('code', name=op.f('uq_region_code'))
    )
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    *team_manager_fk,
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_team_region_id_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('name', name=op.f('uq_team_name'))
    )
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_region_id'), ['region_id'], unique=False)

    op.create_table('sales_rep',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=128), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('manager_id', sa.Integer(), nullable=True),
    sa.Column('hired_on', sa.Date(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.CheckConstraint("role IN ('rep', 'manager', 'director', 'trainer', 'admin')", name=op.f('ck_sales_rep_role_allowed')),
    sa.ForeignKeyConstraint(['manager_id'], ['sales_rep.id'], name=op.f('fk_sales_rep_manager_id_sales_rep')),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_sales_rep_region_id_region')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_sales_rep_team_id_team')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_rep')),
    sa.UniqueConstraint('email', name=op.f('uq_sales_rep_email'))
    )
    with op.batch_alter_table('sales_rep', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_rep_manager_id'), ['manager_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_rep_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_rep_region_id'), ['region_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_rep_team_id'), ['team_id'], unique=False)

    if not is_sqlite:
        op.create_foreign_key('fk_team_manager_id_sales_rep', 'team', 'sales_rep', ['manager_id'], ['id'])

    op.create_table('account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('industry', sa.String(length=16), nullable=False),
    sa.Column('account_type', sa.String(length=16), nullable=False),
    sa.Column('hospital_grade', sa.String(length=4), nullable=True),
    sa.Column('customer_class', sa.String(length=1), nullable=False),
    sa.Column('province', sa.String(length=16), nullable=False),
    sa.Column('city', sa.String(length=32), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('annual_revenue', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("account_type IN ('hospital', 'lab', 'distributor', 'store', 'enterprise', 'school')", name=op.f('ck_account_account_type_allowed')),
    sa.CheckConstraint("customer_class IN ('A', 'B', 'C')", name=op.f('ck_account_customer_class_allowed')),
    sa.CheckConstraint("hospital_grade IS NULL OR hospital_grade IN ('3A', '3B', '2A', '2B', '1')", name=op.f('ck_account_hospital_grade_allowed')),
    sa.CheckConstraint("industry IN ('medical', 'fmcg', 'manufacturing', 'saas', 'education', 'retail')", name=op.f('ck_account_industry_allowed')),
    sa.CheckConstraint("status IN ('prospect', 'active', 'churned')", name=op.f('ck_account_status_allowed')),
    sa.ForeignKeyConstraint(['owner_id'], ['sales_rep.id'], name=op.f('fk_account_owner_id_sales_rep')),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_account_region_id_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account'))
    )
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_region_id'), ['region_id'], unique=False)

    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['sales_rep.id'], name=op.f('fk_audit_log_actor_id_sales_rep')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=64), nullable=True),
    sa.Column('department', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=128), nullable=True),
    sa.Column('is_decision_maker', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_contact_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_account_id'), ['account_id'], unique=False)

    op.create_table('lead',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_name', sa.String(length=128), nullable=False),
    sa.Column('contact_name', sa.String(length=32), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('industry', sa.String(length=16), nullable=True),
    sa.Column('region_id', sa.Integer(), nullable=True),
    sa.Column('budget', sa.Numeric(precision=16, scale=2), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(), nullable=True),
    sa.Column('first_contact_at', sa.DateTime(), nullable=True),
    sa.Column('converted_account_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("industry IS NULL OR industry IN ('medical', 'fmcg', 'manufacturing', 'saas', 'education', 'retail')", name=op.f('ck_lead_industry_allowed')),
    sa.CheckConstraint("source IN ('website', 'trade_show', 'phone', 'referral', 'wechat', 'ad')", name=op.f('ck_lead_source_allowed')),
    sa.CheckConstraint("status IN ('new', 'assigned', 'contacted', 'qualified', 'converted', 'disqualified')", name=op.f('ck_lead_status_allowed')),
    sa.ForeignKeyConstraint(['converted_account_id'], ['account.id'], name=op.f('fk_lead_converted_account_id_account')),
    sa.ForeignKeyConstraint(['owner_id'], ['sales_rep.id'], name=op.f('fk_lead_owner_id_sales_rep')),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_lead_region_id_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lead'))
    )
    with op.batch_alter_table('lead', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_converted_account_id'), ['converted_account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lead_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_lead_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_lead_region_id'), ['region_id'], unique=False)

    op.create_table('opportunity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('expected_close_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('stage_entered_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('loss_reason', sa.String(length=16), nullable=True),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('budget_confirmed', sa.Boolean(), nullable=False),
    sa.Column('demo_scheduled', sa.Boolean(), nullable=False),
    sa.Column('poc_provided', sa.Boolean(), nullable=False),
    sa.CheckConstraint("loss_reason IS NULL OR loss_reason IN ('price', 'competitor', 'no_budget', 'no_decision', 'product_fit', 'timing', 'relationship', 'other')", name=op.f('ck_opportunity_loss_reason_allowed')),
    sa.CheckConstraint("stage <> 'closed_lost' OR loss_reason IS NOT NULL", name=op.f('ck_opportunity_lost_has_reason')),
    sa.CheckConstraint("stage IN ('initial_contact', 'needs_analysis', 'proposal', 'negotiation', 'closed_won', 'closed_lost')", name=op.f('ck_opportunity_stage_allowed')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_opportunity_account_id_account')),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_opportunity_lead_id_lead')),
    sa.ForeignKeyConstraint(['owner_id'], ['sales_rep.id'], name=op.f('fk_opportunity_owner_id_sales_rep')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity'))
    )
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_closed_at'), ['closed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_expected_close_date'), ['expected_close_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_lead_id'), ['lead_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_stage'), ['stage'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=True),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('is_effective', sa.Boolean(), nullable=False),
    sa.CheckConstraint("type IN ('visit', 'call', 'wechat', 'email', 'meeting', 'demo')", name=op.f('ck_activity_type_allowed')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_activity_account_id_account')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_activity_contact_id_contact')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_activity_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['owner_id'], ['sales_rep.id'], name=op.f('fk_activity_owner_id_sales_rep')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_opportunity_id'), ['opportunity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_owner_id'), ['owner_id'], unique=False)

    op.create_table('contract',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_no', sa.String(length=32), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('payment_terms_days', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'active', 'completed', 'terminated')", name=op.f('ck_contract_status_allowed')),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_contract_account_id_account')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_contract_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['owner_id'], ['sales_rep.id'], name=op.f('fk_contract_owner_id_sales_rep')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract')),
    sa.UniqueConstraint('contract_no', name=op.f('uq_contract_contract_no'))
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_opportunity_id'), ['opportunity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_signed_at'), ['signed_at'], unique=False)

    op.create_table('opportunity_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('discount_pct', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_opportunity_line_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_opportunity_line_product_id_product')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity_line'))
    )
    with op.batch_alter_table('opportunity_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_line_opportunity_id'), ['opportunity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_line_product_id'), ['product_id'], unique=False)

    op.create_table('opportunity_stage_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sa.String(length=16), nullable=True),
    sa.Column('to_stage', sa.String(length=16), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('changed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['changed_by'], ['sales_rep.id'], name=op.f('fk_opportunity_stage_history_changed_by_sales_rep')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_opportunity_stage_history_opportunity_id_opportunity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity_stage_history'))
    )
    with op.batch_alter_table('opportunity_stage_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_stage_history_changed_at'), ['changed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_stage_history_changed_by'), ['changed_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_opportunity_stage_history_opportunity_id'), ['opportunity_id'], unique=False)

    op.create_table('quote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opportunity_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('total_amount', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'sent', 'accepted', 'rejected', 'superseded')", name=op.f('ck_quote_status_allowed')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_quote_opportunity_id_opportunity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote')),
    sa.UniqueConstraint('opportunity_id', 'version', name=op.f('uq_quote_opportunity_id'))
    )
    with op.batch_alter_table('quote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_quote_opportunity_id'), ['opportunity_id'], unique=False)

    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('installment_no', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('amount_due', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('amount_paid', sa.Numeric(precision=16, scale=2), nullable=False),
    sa.Column('paid_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'partial', 'paid', 'overdue')", name=op.f('ck_payment_status_allowed')),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_payment_contract_id_contract')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment')),
    sa.UniqueConstraint('contract_id', 'installment_no', name=op.f('uq_payment_contract_id'))
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_due_date'), ['due_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_paid_at'), ['paid_at'], unique=False)



def downgrade() -> None:
    # Dropping a table drops its indexes; MySQL refuses to drop an index a foreign key still needs.
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint('fk_team_manager_id_sales_rep', 'team', type_='foreignkey')
    op.drop_table('payment')
    op.drop_table('quote')
    op.drop_table('opportunity_stage_history')
    op.drop_table('opportunity_line')
    op.drop_table('contract')
    op.drop_table('activity')
    op.drop_table('opportunity')
    op.drop_table('lead')
    op.drop_table('contact')
    op.drop_table('audit_log')
    op.drop_table('account')
    op.drop_table('sales_rep')
    op.drop_table('team')
    op.drop_table('region')
    op.drop_table('product')
    op.drop_table('app_meta')
