"""The audit log's changes as unbounded text.

One writing command is one audit entry, and an import of a few thousand rows describes
more than the 1 000 000 characters VARCHAR(1000000) holds; PostgreSQL refused such an
import (and `psi db copy` of any register that once had one). SQLite never enforced the
length, but its declared type is changed too, so both engines hold the same schema.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

BOUNDED = sa.String(length=1_000_000)


def upgrade() -> None:
    """VARCHAR(1000000) to TEXT."""
    _changes_as(sa.Text(), was=BOUNDED)


def downgrade() -> None:
    """TEXT back to VARCHAR(1000000) (fails on a server holding a longer entry)."""
    _changes_as(BOUNDED, was=sa.Text())


def _changes_as(kind: sa.types.TypeEngine[str], *, was: sa.types.TypeEngine[str]) -> None:
    # SQLite cannot alter a column's type; batch mode copies the table into a new one
    # (AUTOINCREMENT, as 0012 declares it, so that 0012 need not copy it again).
    with op.batch_alter_table("audit_entry", table_kwargs={"sqlite_autoincrement": True}) as table:
        table.alter_column("changes", type_=kind, existing_type=was, existing_nullable=False)
