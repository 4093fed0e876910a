"""The assignment's own history: extension years, the committee's and the AU's decisions,
and what other money pays for.

- `coordinator_term.extension`: the same pair as the year before, once more, by the
  committee's decision (2024). Existing terms are not extensions.
- `co_funding.kind`: `coordination` (beside the grant, for the coordinators' work; every
  existing row) or `frees-grant` (part of the region's own cost, which frees the
  committee's money); and its amount may be unknown (the decision documents name the
  money, not its size).
- `history_entry`: the committee's decision that the coordination rotates from a year, and
  the working committee's assessments of the way of working, with their dates.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FUNDING_KINDS = "kind IN ('coordination', 'frees-grant')"
HISTORY_KINDS = "kind IN ('rotation', 'assessment')"
AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Add the extension flag, the co-funding kind and the history table."""
    # SQLite cannot add a CHECK to a table; batch mode copies the table into a new one
    # (AUTOINCREMENT, as 0012 declares it, so that 0012 need not copy it again).
    with op.batch_alter_table("coordinator_term", table_kwargs=AUTOINCREMENT) as table:
        table.add_column(
            sa.Column("extension", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("co_funding", table_kwargs=AUTOINCREMENT) as table:
        table.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="coordination")
        )
        table.create_check_constraint("ck_co_funding_kind", FUNDING_KINDS)
        table.alter_column(
            "amount_ore", existing_type=sa.BigInteger(), existing_nullable=False, nullable=True
        )
    op.create_table(
        "history_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_year", sa.Integer(), nullable=False),
        sa.Column("works_well", sa.Boolean(), nullable=True),
        sa.Column("ref", sa.String(length=200), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(HISTORY_KINDS, name="ck_history_entry_kind"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_history_entry_year", "history_entry", ["year"])


def downgrade() -> None:
    """Drop the history table, the co-funding kind and the extension flag."""
    op.drop_index("ix_history_entry_year", table_name="history_entry")
    op.drop_table("history_entry")
    op.execute("DELETE FROM co_funding WHERE amount_ore IS NULL")
    with op.batch_alter_table("co_funding") as table:
        table.alter_column(
            "amount_ore", existing_type=sa.BigInteger(), existing_nullable=True, nullable=False
        )
        table.drop_constraint("ck_co_funding_kind", type_="check")
        table.drop_column("kind")
    with op.batch_alter_table("coordinator_term") as table:
        table.drop_column("extension")
