"""The budget: grants, allocations, expenses and co-funding.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the budget's tables."""
    op.create_table(
        "budget_grant",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_ore", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_ref", sa.String(length=200), nullable=True),
        sa.UniqueConstraint("year", "source", name="uq_budget_grant_year_source"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_budget_grant_year", "budget_grant", ["year"])
    op.create_table(
        "allocation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("amount_ore", sa.Integer(), nullable=False),
        sa.Column("override_reason", sa.String(length=2000), nullable=True),
        sa.UniqueConstraint("year", "organisation_id", name="uq_allocation_year_org"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_allocation_year", "allocation", ["year"])
    op.create_index("ix_allocation_organisation_id", "allocation", ["organisation_id"])
    op.create_table(
        "expense",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("spent_on", sa.Date(), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("amount_ore", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=True),
        sa.CheckConstraint(
            "category IN ('personnel', 'venue', 'catering', 'communication', 'travel', 'other')",
            name="ck_expense_category",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_expense_spent_on", "expense", ["spent_on"])
    op.create_index("ix_expense_organisation_id", "expense", ["organisation_id"])
    op.create_index("ix_expense_category", "expense", ["category"])
    op.create_index("ix_expense_meeting_id", "expense", ["meeting_id"])
    op.create_table(
        "co_funding",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("amount_ore", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_co_funding_year", "co_funding", ["year"])


def downgrade() -> None:
    """Drop the budget's tables."""
    op.drop_table("co_funding")
    op.drop_table("expense")
    op.drop_table("allocation")
    op.drop_table("budget_grant")
