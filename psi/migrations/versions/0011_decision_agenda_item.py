"""Each decision under its item of the dagordning.

`decision.agenda_item` is the place of the item (1 for the first of the meeting's own items)
in `meeting.agenda`; NULL puts the decision under Övriga frågor, which is where every
decision recorded before this revision stays: nothing said which item it belonged to.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the nullable item to every decision."""
    op.add_column("decision", sa.Column("agenda_item", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Drop the decisions' items (they all fall back under Övriga frågor)."""
    # SQLite drops a column only by copying the table; batch mode does that.
    with op.batch_alter_table("decision") as table:
        table.drop_column("agenda_item")
