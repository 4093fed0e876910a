"""Which kallelse a meeting gets by e-mail: a request or a cancellation, with which SEQUENCE
and to whom (`psi meeting invite`).

The calendar event in the mail is the meeting's own (its UID); calendar clients keep the
version with the highest SEQUENCE. So a meeting that changed since its last kallelse (its
SEQUENCE is higher) gets the update, sent to those invited before (and to those `--to` adds);
a cancelled meeting gets METHOD:CANCEL, sent to those invited before, or to its audience when
psi has no record of a kallelse sent (it went out as a draft, or not by psi); the same
kallelse again only when asked (`--again`). A planned meeting whose day has passed gets
nothing: it is moved or recorded held first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from psi.domain.choices import parse_choice
from psi.domain.contact import is_email
from psi.domain.meeting import Kind, MeetingStatus
from psi.errors import Conflict, InvalidInput, RuleViolation
from psi.words import NC_, _, ngettext


class Method(StrEnum):
    """The iTIP method of the calendar event the mail carries (RFC 5546)."""

    REQUEST = "request"
    CANCEL = "cancel"


class Occasion(StrEnum):
    """Why the mail goes out."""

    FIRST = "first"
    """The first kallelse of the meeting."""
    UPDATE = "update"
    """The meeting changed (moved, edited, reinstated) since the last one that went out."""
    AGAIN = "again"
    """Nothing changed; sent again because `--again` was given."""
    CANCEL = "cancel"
    """The meeting is cancelled; those invited are told."""


DEFAULT_AUDIENCE = {Kind.STORMOTE: "members", Kind.AU: "au"}
"""Who a kind of meeting calls when `--to` is not given: the members to a stormöte, the AU
to its own meetings. An MSI dialogue or another meeting has no audience of its own."""


@dataclass(frozen=True)
class Sent:
    """A kallelse that went out earlier (an Invitation row)."""

    sent_at: datetime
    method: Method
    sequence: int
    recipients: int


@dataclass(frozen=True)
class MeetingState:
    """What the rules need to know of the meeting."""

    number: int
    kind: Kind
    day: date
    status: MeetingStatus
    sequence: int


@dataclass(frozen=True)
class Plan:
    """The mail to make: its method, the event's SEQUENCE, and who gets it: the audience
    (`--to`, else the kind's), those invited before, or both."""

    occasion: Occasion
    method: Method
    sequence: int
    to_audience: bool
    to_invited_before: bool


def audience_targets(meeting: MeetingState, targets: Sequence[str]) -> list[str]:
    """The `--to` values typed, else the kind's audience; InvalidInput for a kind that has
    none (an MSI dialogue, another meeting) when nothing was typed."""
    if targets:
        return list(targets)
    default = DEFAULT_AUDIENCE.get(meeting.kind)
    if default is None:
        raise InvalidInput(
            _(
                "Meeting {number} is neither a stormöte nor an AU meeting, so psi does not know "
                "whom to invite; say it with --to: psi meeting invite {number} --to members "
                "(or au, coordinators, prospects, an organisation)."
            ).format(number=meeting.number)
        )
    return [default]


def last_sent(sent: Sequence[Sent]) -> Sent | None:
    """The kallelse calendars now hold: the highest SEQUENCE that went out, the latest of
    those on a tie (a cancellation after the request of the same SEQUENCE)."""
    return max(sent, key=lambda s: (s.sequence, s.sent_at), default=None)


class Kallelse(StrEnum):
    """Where a meeting's kallelse stands."""

    NOT_SENT = "not-sent"
    """No kallelse went out."""
    SENT = "sent"
    """The kallelse went out and the meeting has not changed since."""
    CHANGED = "changed"
    """The kallelse went out, but the meeting has changed since (or was planned again after
    its cancellation): the update has not."""
    CANCEL_NOT_SENT = "cancel-not-sent"
    """The meeting is cancelled, and those invited have not been told."""
    CANCEL_SENT = "cancel-sent"
    """The meeting is cancelled, and the cancellation went out."""
    NOT_NEEDED = "not-needed"
    """A cancelled meeting nobody was invited to, or one already held."""


@dataclass(frozen=True)
class KallelseState:
    """A meeting's kallelse: where it stands, and the last invitation that went out."""

    state: Kallelse
    last: Sent | None

    @property
    def to_do(self) -> bool:
        """Something is still to be sent: the kallelse, its update, or the cancellation."""
        return self.state in (Kallelse.NOT_SENT, Kallelse.CHANGED, Kallelse.CANCEL_NOT_SENT)


def kallelse_state(status: str, sequence: int, sent: Sequence[Sent]) -> KallelseState:
    """Where a meeting's kallelse stands, from its status (`planned`, `held`, `cancelled`),
    its calendar SEQUENCE now and the invitations sent: a meeting changed since its last kallelse (a higher
    SEQUENCE, or planned again after its cancellation went out) is owed the update, a
    cancelled meeting that was invited is owed the cancellation."""
    last = last_sent(sent)
    if status == "held" or (status == "cancelled" and last is None):
        return KallelseState(Kallelse.NOT_NEEDED, last)
    if last is None:
        return KallelseState(Kallelse.NOT_SENT, None)
    if status == "cancelled":
        told = last.method is Method.CANCEL and last.sequence >= sequence
        return KallelseState(Kallelse.CANCEL_SENT if told else Kallelse.CANCEL_NOT_SENT, last)
    if sequence > last.sequence or last.method is Method.CANCEL:
        return KallelseState(Kallelse.CHANGED, last)
    return KallelseState(Kallelse.SENT, last)


def plan_invitation(
    meeting: MeetingState,
    sent: Sequence[Sent],
    *,
    today: date,
    again: bool = False,
    targets_given: bool = False,
) -> Plan:
    """What `psi meeting invite` sends now, from where the meeting's kallelse stands
    (`kallelse_state`, the rule the hand-over reads too).

    - a held meeting gets no kallelse (RuleViolation), nor a planned one whose day is
      before `today` (RuleViolation: move it, or record it held);
    - a cancelled one: METHOD:CANCEL to those invited before (`--to` refused); when psi
      has no record of a kallelse sent (a draft records nothing), to its audience (`--to`,
      else its kind's); its cancellation already sent: Conflict, unless `again`;
    - a planned one: the first kallelse to its audience; once changed since the last one
      (a higher SEQUENCE, or it was cancelled and is planned again), the update to those
      invited before, and to the `--to` audience only when one is given (to add people);
      unchanged: Conflict, unless `again`, which sends it to the audience.
    """
    if meeting.status is MeetingStatus.HELD:
        raise RuleViolation(
            _(
                "Meeting {number} was held on {date}; a kallelse goes out before a meeting, "
                "so there is nothing to send."
            ).format(number=meeting.number, date=meeting.day)
        )
    state = kallelse_state(meeting.status, meeting.sequence, sent)
    if meeting.status is MeetingStatus.CANCELLED:
        return _cancellation(meeting, state, again=again, targets_given=targets_given)
    if meeting.day < today:
        raise RuleViolation(
            _(
                "Meeting {number} was planned for {date}, which has passed; move it with psi "
                "meeting move {number} DATE, or record it with psi meeting held {number}."
            ).format(number=meeting.number, date=meeting.day)
        )
    if state.last is None:
        return Plan(Occasion.FIRST, Method.REQUEST, meeting.sequence, True, False)
    if state.state is Kallelse.CHANGED:
        return Plan(Occasion.UPDATE, Method.REQUEST, meeting.sequence, targets_given, True)
    if not again:
        raise Conflict(_already_sent(meeting, state.last))
    return Plan(Occasion.AGAIN, Method.REQUEST, meeting.sequence, True, False)


def _cancellation(
    meeting: MeetingState, state: KallelseState, *, again: bool, targets_given: bool
) -> Plan:
    if state.last is None:
        # A kallelse that went out as a draft (or not through psi) left no record of whom
        # it reached: the cancellation goes to the meeting's audience.
        return Plan(Occasion.CANCEL, Method.CANCEL, meeting.sequence, True, False)
    if targets_given:
        raise InvalidInput(
            _(
                "A cancellation goes to those the kallelse reached, nobody else; leave out --to: "
                "psi meeting invite {number}."
            ).format(number=meeting.number)
        )
    if state.state is Kallelse.CANCEL_SENT and not again:
        raise Conflict(_already_sent(meeting, state.last))
    return Plan(Occasion.CANCEL, Method.CANCEL, meeting.sequence, False, True)


def occasions(sent: Sequence[Sent]) -> list[Occasion]:
    """What each invitation that went out was, oldest first (`sent` in the order they went
    out): a cancellation; or, by where the kallelse stood before it (`kallelse_state`), the
    first kallelse, the update of a changed meeting, or the same kallelse again."""
    made = {
        Kallelse.NOT_SENT: Occasion.FIRST,
        Kallelse.CHANGED: Occasion.UPDATE,
        Kallelse.SENT: Occasion.AGAIN,
    }
    return [
        Occasion.CANCEL
        if run.method is Method.CANCEL
        else made[kallelse_state(MeetingStatus.PLANNED, run.sequence, sent[:n]).state]
        for n, run in enumerate(sent)
    ]


def local_day(moment: datetime) -> date:
    """The local day of a stored time (a time without a zone is UTC, as psi stores it)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone().date()


def _already_sent(meeting: MeetingState, latest: Sent) -> str:
    day = local_day(latest.sent_at)
    if latest.method is Method.CANCEL:
        text = ngettext(
            "The cancellation of meeting {number} was sent on {date} to {n} address, and the "
            "meeting has not changed since; use --again to send it again.",
            "The cancellation of meeting {number} was sent on {date} to {n} addresses, and the "
            "meeting has not changed since; use --again to send it again.",
            latest.recipients,
        )
    else:
        text = ngettext(
            "The kallelse to meeting {number} was sent on {date} to {n} address, and the "
            "meeting has not changed since; use --again to send it again.",
            "The kallelse to meeting {number} was sent on {date} to {n} addresses, and the "
            "meeting has not changed since; use --again to send it again.",
            latest.recipients,
        )
    return text.format(number=meeting.number, date=day, n=latest.recipients)


# --- who sends, and through which server ---------------------------------------------------------


class Security(StrEnum):
    """How the connection to the mail server is protected."""

    STARTTLS = "starttls"
    """A plain connection made secure before anything is sent (port 587)."""
    TLS = "tls"
    """Secure from the start (SMTPS, port 465)."""
    NONE = "none"
    """Not protected: only for a server on this computer or a trusted network."""

    @property
    def default_port(self) -> int:
        """The port when smtp-port is not set: 465 for tls (RFC 8314), else 587."""
        return 465 if self is Security.TLS else 587


_SECURITY_ALIASES = {"ssl": Security.TLS, "smtps": Security.TLS, "ingen": Security.NONE}
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
"""Hosts on this computer: the one place a password may go over an unprotected connection."""

_HOST = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"
)
_NAMED = re.compile(r"^(?P<name>.*?)\s*<(?P<address>[^<>]*)>$")


@dataclass(frozen=True)
class Sender:
    """Who the kallelse comes from (the setting mail-from): a name and an address."""

    name: str
    address: str


@dataclass(frozen=True)
class Server:
    """The mail server the kallelse is sent through (the smtp- settings)."""

    host: str
    port: int
    security: Security
    user: str | None

    @property
    def place(self) -> str:
        """`smtp.example.se:587`, as messages name it."""
        return f"{self.host}:{self.port}"


def parse_sender(text: str) -> Sender:
    """`PSI-samordningen <psi@ofr.se>` or a bare address; InvalidInput if no address."""
    value = " ".join(text.split())
    match = _NAMED.match(value)
    name, address = (match["name"], match["address"].strip()) if match else ("", value)
    name = name.strip().strip('"').strip()
    if not is_email(address):
        raise InvalidInput(
            _(
                "'{text}' is not a sender; write a name and an address, like "
                'psi config set mail-from "PSI-samordningen <psi@ofr.se>".'
            ).format(text=text)
        )
    return Sender(name, address.lower())


def parse_security(text: str) -> Security:
    """starttls, tls (ssl) or none."""
    return parse_choice(
        text, Security, what=NC_("what", "a connection security"), aliases=_SECURITY_ALIASES
    )


def check_mail_setting(key: str, text: str) -> str:
    """A mail setting's value checked and written as psi stores it (InvalidInput if not)."""
    if key == "mail-from":
        sender = parse_sender(text)
        return f"{sender.name} <{sender.address}>" if sender.name else sender.address
    if key == "smtp-host":
        return _host(text)
    if key == "smtp-port":
        if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 65535):
            raise InvalidInput(
                _(
                    "'{value}' is not a port; write a number from 1 to 65535, like 587 "
                    "(starttls) or 465 (tls)."
                ).format(value=text)
            )
        return str(int(text))
    if key == "smtp-security":
        return parse_security(text).value
    return text


def _host(text: str) -> str:
    value = text.strip()
    if "://" in value or "/" in value:
        raise InvalidInput(
            _(
                "'{value}' is not a host name; write the server's name alone, like "
                "psi config set smtp-host smtp.example.se."
            ).format(value=text)
        )
    if value.count(":") == 1:
        raise InvalidInput(
            _(
                "'{value}' names a port too; set the host alone (psi config set smtp-host "
                "{host}) and the port with psi config set smtp-port {port}."
            ).format(value=text, host=value.split(":")[0], port=value.split(":")[1])
        )
    if not _HOST.match(value):
        raise InvalidInput(
            _(
                "'{value}' is not a host name; write the server's name alone, like "
                "psi config set smtp-host smtp.example.se."
            ).format(value=text)
        )
    return value.lower()


def sender_from(settings: Mapping[str, str | None]) -> Sender:
    """The sender the settings name; InvalidInput saying how to set it when none is set."""
    text = settings.get("mail-from")
    if not text:
        raise InvalidInput(
            _(
                "psi does not know who sends the kallelse; set it once with "
                'psi config set mail-from "PSI-samordningen <psi@ofr.se>".'
            )
        )
    return parse_sender(text)


def server_from(settings: Mapping[str, str | None]) -> Server:
    """The mail server the settings name; InvalidInput saying what to set when the host is
    not set, or when a password would go over an unprotected connection to another computer."""
    host = settings.get("smtp-host")
    if not host:
        raise InvalidInput(
            _(
                "No mail server is set; set it with psi config set smtp-host smtp.example.se "
                "(and smtp-user, smtp-port, smtp-security), or leave out --send to write a "
                "draft to send from your mail program."
            )
        )
    security = parse_security(settings.get("smtp-security") or Security.STARTTLS.value)
    port_text = settings.get("smtp-port") or ""
    port = int(port_text) if port_text.isdigit() else security.default_port
    user = settings.get("smtp-user") or None
    if user and security is Security.NONE and host not in LOOPBACK:
        raise InvalidInput(
            _(
                "psi sends no password to {host} over an unprotected connection; set "
                "psi config set smtp-security starttls (or tls, with smtp-port 465)."
            ).format(host=host)
        )
    return Server(host=host, port=port, security=security, user=user)
