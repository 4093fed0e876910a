"""The organisation register: organisations, contact persons and GDPR erasures.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SECTORS = "'civil-society', 'municipality', 'region', 'state', 'academia', 'business', 'other'"
STATUSES = "'member', 'prospect', 'partner', 'former'"


def upgrade() -> None:
    """Create the register's tables."""
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("short", sa.String(length=40), nullable=True),
        sa.Column("short_key", sa.String(length=40), nullable=True),
        sa.Column("orgnr", sa.String(length=11), nullable=True),
        sa.Column("sector", sa.String(length=20), nullable=False),
        sa.Column("municipality", sa.String(length=100), nullable=True),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"sector IN ({SECTORS})", name="ck_organisation_sector"),
        sa.CheckConstraint(f"status IN ({STATUSES})", name="ck_organisation_status"),
        sa.UniqueConstraint("name_key"),
        sa.UniqueConstraint("short_key"),
        sa.UniqueConstraint("orgnr"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_organisation_sector", "organisation", ["sector"])
    op.create_index("ix_organisation_status", "organisation", ["status"])
    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_contact_organisation_id", "contact", ["organisation_id"])
    op.create_index("ix_contact_email", "contact", ["email"])
    op.create_table(
        "erasure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("erased_on", sa.Date(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=True),
        sa.Column("records", sa.Integer(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_erasure_organisation_id", "erasure", ["organisation_id"])


def downgrade() -> None:
    """Drop the register's tables."""
    op.drop_table("erasure")
    op.drop_table("contact")
    op.drop_table("organisation")
