"""The operations plan, its goals, the activity list and the coordinators' log.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables for duties 3 to 6."""
    op.create_table(
        "operations_plan",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("first_year", sa.Integer(), nullable=False),
        sa.Column("last_year", sa.Integer(), nullable=False),
        sa.UniqueConstraint("title"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("plan_id", sa.Integer(), sa.ForeignKey("operations_plan.id"), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.UniqueConstraint("plan_id", "code", name="uq_goal_plan_code"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_goal_plan_id", "goal", ["plan_id"])
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("goal_id", sa.Integer(), sa.ForeignKey("goal.id"), nullable=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=2000), nullable=True),
        sa.Column("cancel_reason", sa.String(length=500), nullable=True),
        sa.Column("carried_from_id", sa.Integer(), sa.ForeignKey("activity.id"), nullable=True),
        sa.UniqueConstraint("carried_from_id"),
        sa.CheckConstraint(
            "status IN ('planned', 'ongoing', 'done', 'cancelled', 'carried')",
            name="ck_activity_status",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_activity_year", "activity", ["year"])
    op.create_index("ix_activity_goal_id", "activity", ["goal_id"])
    op.create_index("ix_activity_owner_id", "activity", ["owner_id"])
    op.create_index("ix_activity_status", "activity", ["status"])
    op.create_table(
        "activity_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("activity_id", sa.Integer(), sa.ForeignKey("activity.id"), nullable=False),
        sa.Column(
            "organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=False
        ),
        sa.UniqueConstraint("activity_id", "organisation_id", name="uq_activity_request"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_activity_request_activity_id", "activity_request", ["activity_id"])
    op.create_index("ix_activity_request_organisation_id", "activity_request", ["organisation_id"])
    op.create_table(
        "log_entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("logged_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisation.id"), nullable=True),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.CheckConstraint(
            "kind IN ('member-dialogue', 'recruitment', 'msi', 'website', 'social-media', 'other')",
            name="ck_log_entry_kind",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_log_entry_logged_on", "log_entry", ["logged_on"])
    op.create_index("ix_log_entry_kind", "log_entry", ["kind"])
    op.create_index("ix_log_entry_organisation_id", "log_entry", ["organisation_id"])


def downgrade() -> None:
    """Drop the tables for duties 3 to 6."""
    op.drop_table("log_entry")
    op.drop_table("activity_request")
    op.drop_table("activity")
    op.drop_table("goal")
    op.drop_table("operations_plan")
