"""Reaching the members: who wants no mail, who sits on the AU, which invitations went out.

- `contact.no_mail`: the person asked not to be mailed; psi never addresses them. Every
  contact recorded before this revision may be mailed, as before.
- `au_seat`: an organisation on the working committee in a year, and the person who sits
  for it (NULL: not named, or erased).
- `invitation`: a kallelse sent by e-mail (`psi meeting invite --send`): when, as a request
  or a cancellation, at which SEQUENCE of the meeting's event, to how many, how many refused.
- `invitation_recipient`: the contact persons it reached, so that a moved or cancelled
  meeting's update goes to them; erasing the person erases the row.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

AUTOINCREMENT = {"sqlite_autoincrement": True}


def upgrade() -> None:
    """Add the no-mail flag and the AU, invitation and recipient tables."""
    op.add_column(
        "contact", sa.Column("no_mail", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.create_table(
        "au_seat",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("contact.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.UniqueConstraint("year", "organisation_id", name="uq_au_seat_year_org"),
        **AUTOINCREMENT,
    )
    op.create_index("ix_au_seat_year", "au_seat", ["year"])
    op.create_index("ix_au_seat_organisation_id", "au_seat", ["organisation_id"])
    op.create_index("ix_au_seat_contact_id", "au_seat", ["contact_id"])
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("refused", sa.Integer(), nullable=False),
        sa.CheckConstraint("method IN ('request', 'cancel')", name="ck_invitation_method"),
        **AUTOINCREMENT,
    )
    op.create_index("ix_invitation_meeting_id", "invitation", ["meeting_id"])
    op.create_table(
        "invitation_recipient",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("invitation_id", sa.Integer(), sa.ForeignKey("invitation.id"), nullable=False),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("contact.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.UniqueConstraint(
            "invitation_id", "contact_id", name="uq_invitation_recipient_invitation_contact"
        ),
        **AUTOINCREMENT,
    )
    op.create_index(
        "ix_invitation_recipient_invitation_id", "invitation_recipient", ["invitation_id"]
    )
    op.create_index("ix_invitation_recipient_contact_id", "invitation_recipient", ["contact_id"])


def downgrade() -> None:
    """Drop the invitations, the AU and the no-mail flag."""
    op.drop_table("invitation_recipient")
    op.drop_table("invitation")
    op.drop_table("au_seat")
    with op.batch_alter_table("contact") as table:
        table.drop_column("no_mail")
