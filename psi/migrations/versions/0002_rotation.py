"""Coordinator terms and the working committee's inquiries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the rotation's tables."""
    op.create_table(
        "coordinator_term",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_ref", sa.String(length=200), nullable=True),
        sa.Column("override_reason", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("year", "organisation_id", name="uq_coordinator_term_year_org"),
        sa.CheckConstraint(
            "role IN ('continuing', 'newcomer', 'other')", name="ck_coordinator_term_role"
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_coordinator_term_year", "coordinator_term", ["year"])
    op.create_index("ix_coordinator_term_organisation_id", "coordinator_term", ["organisation_id"])
    op.create_table(
        "inquiry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("asked_on", sa.Date(), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.UniqueConstraint("year", "organisation_id", name="uq_inquiry_year_org"),
        sa.CheckConstraint("answer IN ('pending', 'yes', 'no')", name="ck_inquiry_answer"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_inquiry_year", "inquiry", ["year"])
    op.create_index("ix_inquiry_organisation_id", "inquiry", ["organisation_id"])


def downgrade() -> None:
    """Drop the rotation's tables."""
    op.drop_table("inquiry")
    op.drop_table("coordinator_term")
