"""Amounts in 64-bit columns on PostgreSQL.

psi takes amounts up to 1 000 000 000 kr (10^11 öre); PostgreSQL's INTEGER stops at about
21 million kr. SQLite's INTEGER already holds 64 bits, so a SQLite file is left as it is.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

AMOUNT_TABLES = ("budget_grant", "allocation", "expense", "co_funding")


def upgrade() -> None:
    """Widen every amount column on servers whose INTEGER is 32 bits."""
    _amounts_as(sa.BigInteger(), was=sa.Integer())


def downgrade() -> None:
    """Back to INTEGER (fails on a server holding an amount over 21 million kr)."""
    _amounts_as(sa.Integer(), was=sa.BigInteger())


def _amounts_as(kind: sa.types.TypeEngine[int], *, was: sa.types.TypeEngine[int]) -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in AMOUNT_TABLES:
        op.alter_column(table, "amount_ore", type_=kind, existing_type=was, existing_nullable=False)
