"""The database tables (SQLModel). Only tables here; rules live in psi.domain."""

from collections.abc import Iterable
from datetime import date, datetime, time

from pydantic import ConfigDict
from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlmodel import Field, SQLModel

from psi.domain.activity import ActivityStatus, LogKind
from psi.domain.budget import Category, Funding
from psi.domain.history import HistoryKind
from psi.domain.invitation import Method
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.organisation import Sector, Status
from psi.domain.rotation import Answer, Role


def one_of(column: str, values: Iterable[str]) -> str:
    """The SQL condition that a column holds one of the values: `kind IN ('au', 'msi')`."""
    quoted = ", ".join("'" + str(value).replace("'", "''") + "'" for value in values)
    return f"{column} IN ({quoted})"


class _Table(SQLModel):
    """psi's tables. Their pydantic schemas are built on first use, not at import: psi never
    validates rows through pydantic, and building 20 schemas cost every command ~12 ms."""

    model_config = ConfigDict(defer_build=True)  # type: ignore[assignment]


class Organisation(_Table, table=True):
    """A member, prospect, partner or former member of the partnership."""

    __tablename__ = "organisation"
    __table_args__ = (
        CheckConstraint(one_of("sector", Sector), name="ck_organisation_sector"),
        CheckConstraint(one_of("status", Status), name="ck_organisation_status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200, unique=True)
    short: str | None = Field(default=None, max_length=40)
    short_key: str | None = Field(default=None, max_length=40, unique=True)
    orgnr: str | None = Field(default=None, max_length=11, unique=True)
    sector: str = Field(max_length=20, index=True)
    municipality: str | None = Field(default=None, max_length=100)
    municipality_code: str | None = Field(default=None, max_length=4)
    status: str = Field(max_length=10, index=True)
    joined_on: date | None = None
    left_on: date | None = None
    website: str | None = Field(default=None, max_length=500)
    note: str | None = Field(default=None, max_length=2000)
    created_at: datetime
    updated_at: datetime


class Contact(_Table, table=True):
    """A contact person at an organisation (personal data: `psi contact forget` erases it)."""

    __tablename__ = "contact"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    name: str = Field(max_length=200)
    email: str | None = Field(default=None, max_length=254, index=True)
    phone: str | None = Field(default=None, max_length=40)
    role: str | None = Field(default=None, max_length=100)
    no_mail: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    """The person asked not to be mailed: psi never addresses them (0013)."""
    created_at: datetime


class Erasure(_Table, table=True):
    """An anonymous trace of a GDPR erasure: when, at which organisation, how many records."""

    __tablename__ = "erasure"

    id: int | None = Field(default=None, primary_key=True)
    erased_on: date
    organisation_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=True, index=True),
    )
    records: int


class CoordinatorTerm(_Table, table=True):
    """One organisation coordinating PSI in one year, and how that was decided."""

    __tablename__ = "coordinator_term"
    __table_args__ = (
        UniqueConstraint("year", "organisation_id", name="uq_coordinator_term_year_org"),
        CheckConstraint(one_of("role", Role), name="ck_coordinator_term_role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    role: str = Field(max_length=12)
    decided_on: date | None = None
    decision_ref: str | None = Field(default=None, max_length=200)
    override_reason: str | None = Field(default=None, max_length=2000)
    extension: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    """The same pair as the year before, once more, by the committee's decision (0010)."""
    created_at: datetime


class Inquiry(_Table, table=True):
    """The working committee asked an organisation to coordinate in a year."""

    __tablename__ = "inquiry"
    __table_args__ = (
        UniqueConstraint("year", "organisation_id", name="uq_inquiry_year_org"),
        CheckConstraint(one_of("answer", Answer), name="ck_inquiry_answer"),
    )

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    asked_on: date
    answer: str = Field(max_length=8)
    note: str | None = Field(default=None, max_length=2000)


class Meeting(_Table, table=True):
    """An AU meeting, stormöte, MSI dialogue or other meeting, planned, held or cancelled."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint(one_of("kind", Kind), name="ck_meeting_kind"),
        CheckConstraint(one_of("status", MeetingStatus), name="ck_meeting_status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(max_length=100, unique=True)
    plan_key: str | None = Field(default=None, max_length=60, unique=True)
    kind: str = Field(max_length=10, index=True)
    title: str = Field(max_length=200)
    day: date = Field(index=True)
    start_time: time | None = None
    end_time: time | None = None
    place: str | None = Field(default=None, max_length=200)
    link: str | None = Field(default=None, max_length=500)
    co_organiser: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=10, index=True)
    cancel_reason: str | None = Field(default=None, max_length=500)
    agenda: str | None = Field(default=None, max_length=10000)
    minutes: str | None = Field(default=None, max_length=100000)
    sequence: int = 0
    adjusted_on: date | None = None
    """The day the protokoll was justerat; a later change needs a reason (a correction)."""
    created_at: datetime
    updated_at: datetime


class MeetingCorrection(_Table, table=True):
    """A change to a held meeting's record after its protokoll was justerat: what and why."""

    __tablename__ = "meeting_correction"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id"), nullable=False, index=True)
    )
    made_at: datetime
    reason: str = Field(max_length=500)
    change: str = Field(max_length=2000)


class Decision(_Table, table=True):
    """A decision a meeting took, in the order it was taken, under its item of the agenda."""

    __tablename__ = "decision"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id"), nullable=False, index=True)
    )
    position: int
    text: str = Field(max_length=2000)
    agenda_item: int | None = None
    """The item's place in the meeting's agenda (1: its first own item); None: Övriga frågor."""


class Attendance(_Table, table=True):
    """An organisation (and optionally its contact person) at a held meeting."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "organisation_id", name="uq_attendance_meeting_org"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id"), nullable=False, index=True)
    )
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    contact_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )


class ActionItem(_Table, table=True):
    """Something a meeting decided somebody should do, by a date."""

    __tablename__ = "action_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id"), nullable=False, index=True)
    )
    text: str = Field(max_length=1000)
    owner_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    due_on: date = Field(index=True)
    done_on: date | None = None


class AuSeat(_Table, table=True):
    """An organisation on the working committee (AU) in a year, and who sits for it (0013)."""

    __tablename__ = "au_seat"
    __table_args__ = (UniqueConstraint("year", "organisation_id", name="uq_au_seat_year_org"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    contact_id: int | None = Field(
        default=None,
        sa_column=Column(
            Integer, ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True
        ),
    )


class Invitation(_Table, table=True):
    """A kallelse sent by e-mail: when, a request or a cancellation, to how many (0013)."""

    __tablename__ = "invitation"
    __table_args__ = (CheckConstraint(one_of("method", Method), name="ck_invitation_method"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(
        sa_column=Column(Integer, ForeignKey("meeting.id"), nullable=False, index=True)
    )
    sent_at: datetime
    method: str = Field(max_length=8)
    """`request` (the kallelse or its update) or `cancel` (METHOD:CANCEL)."""
    sequence: int
    """The SEQUENCE of the meeting's calendar event that went out."""
    recipients: int
    """How many addresses the server accepted."""
    refused: int


class InvitationRecipient(_Table, table=True):
    """A contact person an invitation reached; erasing the person erases the row (0013)."""

    __tablename__ = "invitation_recipient"
    __table_args__ = (
        UniqueConstraint(
            "invitation_id", "contact_id", name="uq_invitation_recipient_invitation_contact"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("invitation.id"), nullable=False, index=True)
    )
    contact_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("contact.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )


class Grant(_Table, table=True):
    """Money set aside for the coordination in a year (Kulturnämnden's 200 000 kr)."""

    __tablename__ = "budget_grant"
    __table_args__ = (UniqueConstraint("year", "source", name="uq_budget_grant_year_source"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    amount_ore: int = Field(sa_type=BigInteger)  # öre; up to 10^11, past a 32-bit INTEGER
    source: str = Field(max_length=200)
    decided_on: date | None = None
    decision_ref: str | None = Field(default=None, max_length=200)


class Allocation(_Table, table=True):
    """The part of a year's grant that one coordinating organisation receives."""

    __tablename__ = "allocation"
    __table_args__ = (UniqueConstraint("year", "organisation_id", name="uq_allocation_year_org"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    amount_ore: int = Field(sa_type=BigInteger)  # öre; up to 10^11, past a 32-bit INTEGER
    override_reason: str | None = Field(default=None, max_length=2000)


class Expense(_Table, table=True):
    """Money a coordinating organisation spent, and on what."""

    __tablename__ = "expense"
    __table_args__ = (CheckConstraint(one_of("category", Category), name="ck_expense_category"),)

    id: int | None = Field(default=None, primary_key=True)
    spent_on: date = Field(index=True)
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )
    amount_ore: int = Field(sa_type=BigInteger)  # öre; up to 10^11, past a 32-bit INTEGER
    category: str = Field(max_length=20, index=True)
    note: str | None = Field(default=None, max_length=2000)
    meeting_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("meeting.id"), nullable=True, index=True),
    )


class CoFunding(_Table, table=True):
    """Other money in a year: beside the grant for the coordination, or paying part of the
    region's cost so that the committee's money can be set aside (its kind, 0010)."""

    __tablename__ = "co_funding"
    __table_args__ = (CheckConstraint(one_of("kind", Funding), name="ck_co_funding_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    source: str = Field(max_length=200)
    # öre (up to 10^11, past a 32-bit INTEGER); None when the size is not known (0010)
    amount_ore: int | None = Field(default=None, sa_type=BigInteger)
    note: str | None = Field(default=None, max_length=2000)
    kind: str = Field(
        default=Funding.COORDINATION.value,
        sa_column=Column(String(20), nullable=False, server_default=Funding.COORDINATION.value),
    )


class HistoryEntry(_Table, table=True):
    """A decision about the assignment: the committee's to rotate, the AU's assessment (0010)."""

    __tablename__ = "history_entry"
    __table_args__ = (CheckConstraint(one_of("kind", HistoryKind), name="ck_history_entry_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=12)
    year: int = Field(index=True)
    decided_on: date | None = None
    decided_year: int
    works_well: bool | None = None
    ref: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)
    created_at: datetime


class OperationsPlan(_Table, table=True):
    """The partnership's multi-year verksamhetsplan."""

    __tablename__ = "operations_plan"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200, unique=True)
    first_year: int
    last_year: int


class Goal(_Table, table=True):
    """A goal of an operations plan, such as M1."""

    __tablename__ = "goal"
    __table_args__ = (UniqueConstraint("plan_id", "code", name="uq_goal_plan_code"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(
        sa_column=Column(Integer, ForeignKey("operations_plan.id"), nullable=False, index=True)
    )
    code: str = Field(max_length=10)
    text: str = Field(max_length=1000)


class Activity(_Table, table=True):
    """An activity on a year's aktivitetslista."""

    __tablename__ = "activity"
    __table_args__ = (CheckConstraint(one_of("status", ActivityStatus), name="ck_activity_status"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    title: str = Field(max_length=300)
    goal_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("goal.id"), nullable=True, index=True)
    )
    owner_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=True, index=True),
    )
    planned_on: date | None = None
    status: str = Field(max_length=10, index=True)
    done_on: date | None = None
    outcome: str | None = Field(default=None, max_length=2000)
    cancel_reason: str | None = Field(default=None, max_length=500)
    carried_from_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("activity.id"), nullable=True, unique=True),
    )


class ActivityRequest(_Table, table=True):
    """A member organisation that asked for an activity."""

    __tablename__ = "activity_request"
    __table_args__ = (
        UniqueConstraint("activity_id", "organisation_id", name="uq_activity_request"),
    )

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(
        sa_column=Column(Integer, ForeignKey("activity.id"), nullable=False, index=True)
    )
    organisation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=False, index=True)
    )


class LogEntry(_Table, table=True):
    """A dialogue, recruitment, MSI, website or social-media entry in the coordinators' log."""

    __tablename__ = "log_entry"
    __table_args__ = (CheckConstraint(one_of("kind", LogKind), name="ck_log_entry_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    logged_on: date = Field(index=True)
    kind: str = Field(max_length=20, index=True)
    organisation_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("organisation.id"), nullable=True, index=True),
    )
    text: str = Field(max_length=2000)
    link: str | None = Field(default=None, max_length=500)


class Setting(_Table, table=True):
    """One of the partnership's settings (psi config)."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=300)


class AuditEntry(_Table, table=True):
    """One writing command: when, by whom, what was typed and what changed."""

    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    os_user: str = Field(max_length=100)
    command: str = Field(max_length=2000)
    # Unbounded: an import of thousands of rows is one entry (0009).
    changes: str = Field(sa_column=Column(Text, nullable=False))


# A removed row's number is never given to a new row: SQLite needs AUTOINCREMENT for that
# (migration 0012); PostgreSQL's sequences never reuse a number.
for _table in SQLModel.metadata.tables.values():
    if [column.name for column in _table.primary_key.columns] == ["id"]:
        _table.dialect_options["sqlite"]["autoincrement"] = True
