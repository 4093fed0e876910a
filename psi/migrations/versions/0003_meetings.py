"""Meetings, their decisions, attendance and action items.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the meeting record's tables."""
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(length=100), nullable=False),
        sa.Column("plan_key", sa.String(length=60), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.Column("co_organiser", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("cancel_reason", sa.String(length=500), nullable=True),
        sa.Column("agenda", sa.String(length=10000), nullable=True),
        sa.Column("minutes", sa.String(length=100000), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("uid"),
        sa.UniqueConstraint("plan_key"),
        sa.CheckConstraint("kind IN ('au', 'stormote', 'msi', 'other')", name="ck_meeting_kind"),
        sa.CheckConstraint("status IN ('planned', 'held', 'cancelled')", name="ck_meeting_status"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_meeting_kind", "meeting", ["kind"])
    op.create_index("ix_meeting_day", "meeting", ["day"])
    op.create_index("ix_meeting_status", "meeting", ["status"])
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_decision_meeting_id", "decision", ["meeting_id"])
    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.Column(
            "contact_id",
            sa.Integer(),
            sa.ForeignKey("contact.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.UniqueConstraint("meeting_id", "organisation_id", name="uq_attendance_meeting_org"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_attendance_meeting_id", "attendance", ["meeting_id"])
    op.create_index("ix_attendance_organisation_id", "attendance", ["organisation_id"])
    op.create_index("ix_attendance_contact_id", "attendance", ["contact_id"])
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_action_item_meeting_id", "action_item", ["meeting_id"])
    op.create_index("ix_action_item_owner_id", "action_item", ["owner_id"])
    op.create_index("ix_action_item_due_on", "action_item", ["due_on"])


def downgrade() -> None:
    """Drop the meeting record's tables."""
    op.drop_table("action_item")
    op.drop_table("attendance")
    op.drop_table("decision")
    op.drop_table("meeting")
