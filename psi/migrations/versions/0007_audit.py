"""The audit log of writing commands.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the audit log."""
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("os_user", sa.String(length=100), nullable=False),
        sa.Column("command", sa.String(length=2000), nullable=False),
        sa.Column("changes", sa.String(length=1_000_000), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])


def downgrade() -> None:
    """Drop the audit log."""
    op.drop_table("audit_entry")
