"""`psi meeting invite`: who a meeting's kallelse goes to, and the record of what was sent.

The rules (request or cancellation, which SEQUENCE, to whom) are psi.domain.invitation's;
here the meeting, what went out before and the audience are read, and a sending that went
out is recorded: an Invitation row, and an InvitationRecipient row for every contact person
the mail server accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session, col, select

from psi.domain.audience import Recipient, unique_recipients
from psi.domain.invitation import (
    MeetingState,
    Method,
    Plan,
    Sent,
    audience_targets,
    plan_invitation,
)
from psi.errors import Conflict, NotFound
from psi.models import Invitation, InvitationRecipient
from psi.services import stored_id
from psi.services.audience import Reach, contacts_reach, reach
from psi.services.meetings import InvitationView, MeetingDetail, meeting_detail
from psi.services.settings import all_settings
from psi.words import _


@dataclass(frozen=True)
class Prepared:
    """A kallelse ready to be made: the meeting, the settings, the plan, who gets it, and who
    the audience leaves out (no address, no mail wanted, no contact person)."""

    detail: MeetingDetail
    settings: dict[str, str | None]
    plan: Plan
    recipients: list[Recipient]
    left_out: Reach
    earlier: list[InvitationView]

    @property
    def addresses(self) -> list[str]:
        """The recipients' addresses, in order."""
        return [person.email for person in self.recipients]

    @property
    def last_request(self) -> InvitationView | None:
        """The last kallelse (not a cancellation) sent, if any: the one an update replaces."""
        requests = [sent for sent in self.earlier if sent.method is Method.REQUEST]
        return requests[-1] if requests else None


def _state(detail: MeetingDetail) -> MeetingState:
    view = detail.meeting
    return MeetingState(view.id, view.kind, view.day, view.status, view.sequence)


def invited_before(session: Session, meeting_id: int) -> list[int]:
    """The contact persons earlier kallelser of the meeting reached (still in the register)."""
    ids = session.exec(
        select(InvitationRecipient.contact_id)
        .join(Invitation, col(Invitation.id) == col(InvitationRecipient.invitation_id))
        .where(Invitation.meeting_id == meeting_id)
    ).all()
    return sorted(set(ids))


def prepare_invitation(
    session: Session,
    meeting_id: int,
    targets: Sequence[str],
    *,
    again: bool = False,
    today: date | None = None,
) -> Prepared:
    """What `psi meeting invite N` would send now (`today` by default); reads only.

    The plan's errors (held, planned for a day passed, already sent) come first, then the
    audience's (a kind without one, a group not recorded); NotFound when nobody in the end
    has an address psi may use."""
    detail = meeting_detail(session, meeting_id)
    earlier = detail.invitations
    sent = [Sent(i.sent_at, i.method, i.sequence, i.recipients) for i in earlier]
    state = _state(detail)
    plan = plan_invitation(
        state, sent, today=today or date.today(), again=again, targets_given=bool(targets)
    )
    audience = Reach([])
    if plan.to_audience:
        audience = reach(session, audience_targets(state, targets), state.day.year)
    before = Reach([])
    if plan.to_invited_before:
        before = contacts_reach(session, invited_before(session, meeting_id))
    recipients = unique_recipients([*before.recipients, *audience.recipients])
    if not recipients:
        raise NotFound(_nobody(plan, meeting_id))
    left_out = Reach(
        [],
        _merged(before.without_email, audience.without_email),
        _merged(before.no_mail, audience.no_mail),
        audience.organisations_without_contact,
    )
    return Prepared(detail, all_settings(session), plan, recipients, left_out, earlier)


def _merged(*lists: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(pair for pairs in lists for pair in pairs))


def _nobody(plan: Plan, meeting_id: int) -> str:
    if plan.method is Method.CANCEL and plan.to_audience:
        return _(
            "Nobody to send the cancellation of meeting {number} to: no contact person in its "
            "audience has an e-mail address psi may use; choose others with --to."
        ).format(number=meeting_id)
    if plan.method is Method.CANCEL:
        return _(
            "Nobody the kallelse to meeting {number} reached is left to tell (their addresses "
            "are gone from the register, or they asked not to be mailed)."
        ).format(number=meeting_id)
    return _(
        "Nobody to send the kallelse to meeting {number} to: no contact person in its audience "
        "has an e-mail address psi may use; add addresses with psi contact edit, or choose "
        "others with --to."
    ).format(number=meeting_id)


@dataclass(frozen=True)
class Sending:
    """What went out: the accepted addresses, and the refused ones with the server's reply."""

    sent_at: datetime
    accepted: list[Recipient]
    refused: dict[str, str]


Deliver = Callable[[Sequence[str]], tuple[list[str], Mapping[str, str]]]
"""Sends the message to the addresses; gives back those accepted and those refused (with the
server's reply). Raises when nothing was sent."""


def send_invitation(
    session: Session,
    confirmed: Prepared,
    targets: Sequence[str],
    deliver: Deliver,
    *,
    again: bool = False,
    today: date | None = None,
) -> Sending:
    """`psi meeting invite N --send`, inside the command's writing transaction: the kallelse
    is planned again (the register is locked now) and must be the one the user confirmed;
    then it is sent, and what the server accepted is recorded on the meeting."""
    meeting_id = confirmed.detail.meeting.id
    now = prepare_invitation(session, meeting_id, targets, again=again, today=today)
    if now.plan != confirmed.plan or now.addresses != confirmed.addresses:
        raise Conflict(
            _(
                "Meeting {number} or those it goes to changed while psi was asking; nothing was "
                "sent. Run psi meeting invite {number} again."
            ).format(number=meeting_id)
        )
    # The row is written before the mail goes, so that a register that cannot take it stops
    # the sending; its counts are what the server then did.
    row = Invitation(
        meeting_id=meeting_id,
        sent_at=datetime.now(UTC),
        method=now.plan.method.value,
        sequence=now.plan.sequence,
        recipients=len(now.recipients),
        refused=0,
    )
    session.add(row)
    session.flush()
    accepted_addresses, refused = deliver(now.addresses)
    accepted = set(accepted_addresses)
    reached = [person for person in now.recipients if person.email in accepted]
    sent_at = datetime.now(UTC)
    row.sent_at, row.recipients, row.refused = sent_at, len(reached), len(refused)
    session.add(row)
    for person in reached:
        session.add(InvitationRecipient(invitation_id=stored_id(row), contact_id=person.contact_id))
    session.flush()
    return Sending(sent_at, reached, dict(refused))
