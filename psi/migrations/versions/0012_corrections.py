"""Corrections of a held meeting's record, and numbers that are never given twice.

- `meeting.adjusted_on`: the day the protokoll was justerat. After it, a change of the
  record needs a reason and is shown in the minutes as a correction.
- `meeting_correction`: each such change: when, what and why.
- On SQLite every table numbered by `id` becomes AUTOINCREMENT, so a removed row's number
  is never given to a new row (without it SQLite hands out the highest number + 1 again,
  and `psi budget remove-expense 10` from the shell's history removed another expense).
  PostgreSQL's sequences never hand out a number twice already.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the justering date and the corrections; AUTOINCREMENT on SQLite."""
    op.add_column("meeting", sa.Column("adjusted_on", sa.Date(), nullable=True))
    op.create_table(
        "meeting_correction",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("change", sa.String(length=2000), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_meeting_correction_meeting_id", "meeting_correction", ["meeting_id"])
    if op.get_bind().dialect.name == "sqlite":
        for name in _numbered_by_id():
            # Batch mode copies the table into a new one, declared AUTOINCREMENT; the copy
            # starts its counter at the highest number the table holds.
            with op.batch_alter_table(
                name, recreate="always", table_kwargs={"sqlite_autoincrement": True}
            ):
                pass


def downgrade() -> None:
    """Drop the corrections and the justering date (AUTOINCREMENT stays: it harms nothing)."""
    op.drop_index("ix_meeting_correction_meeting_id", table_name="meeting_correction")
    op.drop_table("meeting_correction")
    with op.batch_alter_table("meeting") as table:
        table.drop_column("adjusted_on")


def _numbered_by_id() -> list[str]:
    inspector = sa.inspect(op.get_bind())
    return [
        name
        for name in inspector.get_table_names()
        if name != "alembic_version"
        and inspector.get_pk_constraint(name)["constrained_columns"] == ["id"]
        and "AUTOINCREMENT" not in _created_as(name)
    ]


def _created_as(name: str) -> str:
    row = op.get_bind().exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    )
    return str(row.scalar() or "").upper()
