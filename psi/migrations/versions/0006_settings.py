"""The partnership's settings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the settings table."""
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=40), primary_key=True),
        sa.Column("value", sa.String(length=300), nullable=False),
    )


def downgrade() -> None:
    """Drop the settings table."""
    op.drop_table("setting")
