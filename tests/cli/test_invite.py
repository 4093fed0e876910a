"""`psi meeting invite`: the kallelse as an e-mail, written as a draft `.eml` or sent through a
real SMTP server on loopback (aiosmtpd, started here), read back with the standard library's
`email` and the calendar event with `icalendar`.

What must hold: the envelope's recipients are the audience, and no address of theirs stands in
any header of a sent message (in a draft, in Bcc only); the event is the meeting's own (its
UID and SEQUENCE), a REQUEST or a CANCEL, with no ATTENDEE; a draft changes nothing in the
register; a sending is recorded (when, how many, refused); the password is never kept.
"""

from __future__ import annotations

import email
import json
import os
import socket
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from typer.testing import CliRunner

from psi.cli import app
from psi.errors import ExitCode
from tests.conftest import (
    Db,
    Run,
    assert_snapshot,
    drop_database,
    dump,
    new_database,
    restore,
)
from tests.helpers import as_json, assert_fails, ok

# The test server takes a password without TLS (on loopback), which aiosmtpd warns of.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")

SENDER = "psi@ofr.example.se"
FROM = f"PSI-samordningen, Örebro Föreningsråd <{SENDER}>"
PASSWORD = "s3cret-Lösen!"
USER = "psi-user"
DAY = "2030-03-12"  # a Tuesday, long after any day these tests run


# --- the mail server ---------------------------------------------------------------------------


@dataclass
class Received:
    """One message the server took: its envelope and its bytes."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.content, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Mailbox:
    """What an aiosmtpd handler collects; the addresses it refuses at RCPT TO."""

    port: int = 0
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    logins: list[tuple[bytes, bytes]] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), content))
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        self.logins.append((data.login, data.password))
        good = data.login == USER.encode() and data.password == PASSWORD.encode()
        return AuthResult(success=good, handled=False)

    def clear(self) -> Mailbox:
        self.received.clear()
        self.refuse.clear()
        self.logins.clear()
        return self


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def mail_server() -> Iterator[Mailbox]:
    """A plain SMTP server on loopback, for the module."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


@pytest.fixture(scope="module")
def auth_server() -> Iterator[Mailbox]:
    """An SMTP server on loopback that takes mail only after AUTH with USER and PASSWORD."""
    box = Mailbox()
    controller = Controller(
        box,
        hostname="127.0.0.1",
        port=_free_port(),
        authenticator=box.authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


@pytest.fixture
def smtp(mail_server: Mailbox) -> Mailbox:
    return mail_server.clear()


@pytest.fixture
def smtp_auth(auth_server: Mailbox) -> Mailbox:
    return auth_server.clear()


# --- the register --------------------------------------------------------------------------------


def configure(run: Run, port: int, *, user: str | None = None) -> None:
    ok(run, "config", "set", "mail-from", FROM)
    ok(run, "config", "set", "smtp-host", "127.0.0.1")
    ok(run, "config", "set", "smtp-port", str(port))
    ok(run, "config", "set", "smtp-security", "none")
    if user:
        ok(run, "config", "set", "smtp-user", user)


def add_meeting(run: Run, kind: str = "stormote", *options: str) -> str:
    ok(run, "meeting", "add", kind, DAY, "--time", "09:00-12:00", *options)
    return str(as_json(run, "meeting", "list", "--kind", kind)["meetings"][-1]["id"])


def members(run: Run) -> list[str]:
    """The members' addresses, as psi contact emails gives them (its warnings aside)."""
    result = run("contact", "emails", "--to", "members", "--json")
    assert result.exit_code == ExitCode.OK, result.output
    return [person["email"] for person in json.loads(result.stdout)["recipients"]]


@pytest.fixture(scope="module")
def register(
    engine: str, tmp_path_factory: pytest.TempPathFactory, mail_server: Mailbox
) -> Iterator[tuple[Db, str]]:
    """The example register set to send through the loopback server, with a stormöte planned,
    made once for the module: each test starts from a copy (`stormote`)."""
    database = new_database(engine, tmp_path_factory.mktemp("invite"))
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Any:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PSI_DB", str(database))
        patch.setenv("NO_COLOR", "1")
        ok(invoke, "init", "--example")
        configure(invoke, mail_server.port)
        meeting = add_meeting(
            invoke, "stormote", "--place", "Föreningarnas hus, Örebro", "--item", "Budget"
        )
    yield database, meeting
    drop_database(database)


@pytest.fixture
def configured_db(db: Db, register: tuple[Db, str]) -> Db:
    """This test's database: a copy of the module's register (the example, set up to send)."""
    restore(register[0], db)
    return db


@pytest.fixture
def stormote(configured_db: Db, register: tuple[Db, str], smtp: Mailbox) -> str:
    """The stormöte the module's register plans."""
    return register[1]


def invite(run: Run, *args: str, input: str | None = None) -> Any:
    """`psi meeting invite ...` that must succeed (warnings on standard error allowed)."""
    result = run("meeting", "invite", *args, input=input)
    assert result.exit_code == ExitCode.OK, (args, result.output)
    return result


def uid_of(run: Run, meeting: str) -> str:
    uid: str = as_json(run, "meeting", "show", meeting)["uid"]
    return uid


def read_eml(path: Path) -> EmailMessage:
    parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def calendar_of(message: EmailMessage) -> icalendar.Calendar:
    """The invitation among the message's alternatives (text/plain, text/html, text/calendar
    in one multipart/alternative), parsed; the .ics attachment must be the same event, as
    RFC 6047 registers it: text/calendar with the method."""
    (alternative,) = [p for p in message.walk() if p.get_content_type() == "multipart/alternative"]
    assert [p.get_content_type() for p in alternative.iter_parts()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]
    inline_part = list(alternative.iter_parts())[-1]
    assert inline_part.get_content_disposition() is None
    attached = [p for p in message.walk() if (p.get_filename() or "").endswith(".ics")]
    assert len(attached) == 1
    assert attached[0].get_content_type() == "text/calendar"
    assert attached[0].get_content_disposition() == "attachment"
    assert not [p for p in message.walk() if p.get_content_type() == "application/ics"]
    inline = icalendar.Calendar.from_ical(inline_part.get_content())
    as_file = icalendar.Calendar.from_ical(attached[0].get_payload(decode=True))
    assert [str(e["UID"]) for e in inline.walk("VEVENT")] == [
        str(e["UID"]) for e in as_file.walk("VEVENT")
    ]
    assert inline_part.get_param("method") == str(inline["METHOD"])
    assert attached[0].get_param("method") == str(as_file["METHOD"]) == str(inline["METHOD"])
    return inline


def event_of(calendar: icalendar.Calendar) -> icalendar.Event:
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert "ATTENDEE" not in event
    return event


def no_address_in_headers(message: EmailMessage, addresses: list[str]) -> None:
    """No recipient's address in any header of the message or of its parts."""
    for part in message.walk():
        for name, value in part.items():
            for address in addresses:
                assert address.casefold() not in str(value).casefold(), (name, address)


# --- the draft -----------------------------------------------------------------------------------


def test_the_draft_is_the_kallelse_in_bcc_with_pdf_and_event(
    run: Run, configured_db: Db, stormote: str, tmp_path: Path
) -> None:
    before = dump(configured_db)
    target = tmp_path / "utkast.eml"
    result = invite(run, stormote, "-o", str(target))
    audience = members(run)
    assert len(audience) >= 2
    assert f"Wrote {target}." in result.stdout
    assert f"The kallelse goes to {len(audience)} addresses, in Bcc." in result.stdout
    assert dump(configured_db) == before  # a draft records nothing
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 or os.name == "nt"
    assert b"\r\n" in target.read_bytes()  # as SMTP and .eml files have it

    message = read_eml(target)
    assert message["X-Unsent"] == "1"
    assert [a.addr_spec for a in message["Bcc"].addresses] == audience
    assert message["From"].addresses[0].addr_spec == SENDER
    assert message["From"].addresses[0].display_name == "PSI-samordningen, Örebro Föreningsråd"
    assert [a.addr_spec for a in message["To"].addresses] == [SENDER]
    assert message["Cc"] is None
    headers = EmailMessage(policy=policy.default)
    for name, value in message.items():
        if name != "Bcc":
            headers[name] = value
    no_address_in_headers(headers, audience)
    assert message["Subject"] == "Kallelse till stormöte 12 mars 2030"

    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    text = plain.get_content()
    assert "Kallelse till stormöte 12 mars 2030" in text
    assert "Plats: Föreningarnas hus, Örebro" in text
    assert "5.  Budget" in text
    assert "**" not in text  # plain text, not Markdown
    page = html.get_content()
    assert "<h1" in page and "Föreningarnas hus, Örebro" in page

    pdfs = [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    assert len(pdfs) == 1
    assert pdfs[0].get_filename() == "kallelse-2030-03-12-stormote.pdf"
    pdf = pdfs[0].get_payload(decode=True)
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    _pdf_reads(pdf, "Kallelse till stormöte 12 mars 2030")

    calendar = calendar_of(message)
    assert str(calendar["METHOD"]) == "REQUEST"
    event = event_of(calendar)
    assert str(event["UID"]) == uid_of(run, stormote)
    assert int(event["SEQUENCE"]) == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]) == f"mailto:{SENDER}"
    assert event["ORGANIZER"].params["CN"] == "PSI-samordningen, Örebro Föreningsråd"


def _pdf_reads(pdf: bytes, words: str) -> None:
    import io

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert words in " ".join(text.split())


def test_the_draft_gets_a_name_in_the_documents_language(
    run: Run, stormote: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invite(run, stormote, "--lang", "en")
    assert "Wrote agenda-2030-03-12-stormote.eml." in result.stdout
    message = read_eml(tmp_path / "agenda-2030-03-12-stormote.eml")
    assert message["Subject"] == "Notice of the general meeting on 12 March 2030"
    assert message["Content-Language"] == "en"


def test_the_au_is_called_to_its_meetings(run: Run, example_db: Db, tmp_path: Path) -> None:
    ok(run, "config", "set", "mail-from", FROM)
    meeting = add_meeting(run, "au")
    assert_fails(run, example_db, ExitCode.NOT_FOUND, "meeting", "invite", meeting)
    ok(run, "au", "add", "2030", "exempelgården", "--person", "Anna Exempelsson")
    target = tmp_path / "au.eml"
    invite(run, meeting, "-o", str(target))
    message = read_eml(target)
    assert [a.addr_spec for a in message["Bcc"].addresses] == ["anna.exempelsson@example.org"]
    assert message["Subject"].startswith("Kallelse till arbetsutskottets möte")


def test_another_kind_needs_to_and_takes_organisations(
    run: Run, example_db: Db, tmp_path: Path
) -> None:
    ok(run, "config", "set", "mail-from", FROM)
    meeting = add_meeting(run, "msi")
    error = assert_fails(run, example_db, ExitCode.INVALID, "meeting", "invite", meeting)
    assert f"psi meeting invite {meeting} --to members" in error
    target = tmp_path / "msi.eml"
    invite(run, meeting, "--to", "bron", "--to", "exempelgården", "-o", str(target))
    bcc = [a.addr_spec for a in read_eml(target)["Bcc"].addresses]
    assert bcc == ["erik.exempelsson@example.org", "anna.exempelsson@example.org"]


def test_without_a_sender_psi_says_how_to_set_it(run: Run, example_db: Db) -> None:
    meeting = add_meeting(run)
    error = assert_fails(run, example_db, ExitCode.INVALID, "meeting", "invite", meeting)
    assert 'psi config set mail-from "' in error


def test_those_left_out_are_named(run: Run, stormote: str, tmp_path: Path) -> None:
    ok(run, "contact", "add", "exempelgården", "Bo Utanpost")
    ok(
        run,
        "contact",
        "add",
        "bron",
        "Cilla Ingenpost",
        "--email",
        "cilla@example.org",
        "--no-mail",
    )
    result = invite(run, stormote, "-o", str(tmp_path / "k.eml"))
    lines = result.stderr.splitlines()
    (without,) = [line for line in lines if "have no e-mail address" in line]
    assert "Bo Utanpost at Föreningen Exempelgården (exempel)" in without
    (no_mail,) = [line for line in lines if "asked for no mail" in line]
    assert "Cilla Ingenpost at Exempelstiftelsen Bron (exempel)" in no_mail
    assert "organisations have no contact person" in result.stderr
    bcc = [a.addr_spec for a in read_eml(tmp_path / "k.eml")["Bcc"].addresses]
    assert "cilla@example.org" not in bcc and bcc == members(run)


def test_nobody_to_invite_is_refused(run: Run, example_db: Db) -> None:
    ok(run, "config", "set", "mail-from", FROM)
    meeting = add_meeting(run, "other")
    error = assert_fails(
        run, example_db, ExitCode.NOT_FOUND, "meeting", "invite", meeting, "--to", "activa"
    )
    assert "Nobody to send the kallelse" in error


def test_a_held_meeting_gets_no_kallelse(run: Run, example_db: Db) -> None:
    ok(run, "config", "set", "mail-from", FROM)
    error = assert_fails(run, example_db, ExitCode.RULE, "meeting", "invite", "16")
    assert "was held on 2026-01-13" in error


def test_a_planned_meeting_whose_day_has_passed_gets_no_kallelse(
    run: Run, example_db: Db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: Mailbox
) -> None:
    """Refused before anything is made or sent: move it, or record it held. Its cancellation
    may still go out."""
    from datetime import date, timedelta

    configure(run, smtp.port)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    day = (date.today() - timedelta(days=7)).isoformat()
    assert run("meeting", "add", "stormote", day, "--time", "09:00-12:00").exit_code == 0
    listed = as_json(run, "meeting", "list", "--kind", "stormote")["meetings"]
    (meeting,) = [str(m["id"]) for m in listed if m["date"] == day]
    for options in ([], ["--send", "--yes"], ["--again"]):
        error = assert_fails(run, example_db, ExitCode.RULE, "meeting", "invite", meeting, *options)
        assert f"was planned for {day}, which has passed; move it with psi meeting move " in error
        assert f"{meeting} DATE, or record it with psi meeting held {meeting}." in error
    assert list(here.iterdir()) == [] and smtp.received == []  # no draft written
    ok(run, "meeting", "cancel", meeting, "--reason", "Krockar")
    invite(run, meeting, "-o", str(here / "c.eml"))
    assert str(calendar_of(read_eml(here / "c.eml"))["METHOD"]) == "CANCEL"


def test_the_draft_is_an_eml_file(run: Run, configured_db: Db, stormote: str) -> None:
    error = assert_fails(
        run, configured_db, ExitCode.INVALID, "meeting", "invite", stormote, "-o", "kallelse.pdf"
    )
    assert "-o kallelse.eml" in error


def test_send_and_output_do_not_go_together(run: Run, configured_db: Db, stormote: str) -> None:
    assert_fails(
        run, configured_db, ExitCode.INVALID, "meeting", "invite", stormote, "--send", "-o", "x.eml"
    )


# --- sending -----------------------------------------------------------------------------------


def test_send_delivers_to_the_audience_in_one_transaction_and_records_it(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    result = invite(run, stormote, "--send", "--yes")
    audience = members(run)
    n = len(audience)
    assert f"Sent to {n} addresses; psi meeting show {stormote} lists what was sent." in (
        result.stdout
    )
    assert len(smtp.received) == 1
    got = smtp.received[0]
    assert got.mail_from == SENDER
    assert sorted(got.rcpt_tos) == sorted(audience)
    message = got.message
    assert message["Bcc"] is None and message["X-Unsent"] is None
    assert message["Date"] is not None
    no_address_in_headers(message, audience)
    event = event_of(calendar_of(message))
    assert str(event["UID"]) == uid_of(run, stormote)

    shown = as_json(run, "meeting", "show", stormote)["invitations"]
    assert len(shown) == 1
    assert {k: shown[0][k] for k in ("method", "sequence", "recipients", "refused")} == {
        "method": "request",
        "sequence": 0,
        "recipients": n,
        "refused": 0,
    }
    assert f"kallelse to {n} addresses" in ok(run, "meeting", "show", stormote)
    rows = dump(configured_db)
    assert len(rows["invitation_recipient"]) == n


def test_the_same_kallelse_is_not_sent_twice_unless_again(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    invite(run, stormote, "--send", "--yes")
    error = assert_fails(
        run, configured_db, ExitCode.CONFLICT, "meeting", "invite", stormote, "--send", "--yes"
    )
    n = len(members(run))
    assert f"to {n} addresses, and the meeting has not changed since; use --again" in error
    assert len(smtp.received) == 1
    invite(run, stormote, "--send", "--yes", "--again")
    assert len(smtp.received) == 2
    shown = as_json(run, "meeting", "show", stormote)["invitations"]
    assert [sent["occasion"] for sent in shown] == ["first", "again"]
    lines = ok(run, "meeting", "show", stormote).splitlines()
    assert [line.split(" ", 5)[-1] for line in lines if line.startswith("  - 2")] == [
        f"kallelse to {n} addresses",
        f"kallelse again to {n} addresses",
    ]


def test_a_moved_meeting_sends_the_update_to_those_invited_and_new_ones(
    run: Run, stormote: str, smtp: Mailbox
) -> None:
    invite(run, stormote, "--send", "--yes", "--to", "bron")
    assert smtp.received[0].rcpt_tos == ["erik.exempelsson@example.org"]
    ok(run, "meeting", "move", stormote, "2030-03-19")
    result = invite(run, stormote, "--send", "--yes", "--to", "exempelgården")
    assert "Sent to 2 addresses" in result.stdout
    got = smtp.received[1]
    assert sorted(got.rcpt_tos) == ["anna.exempelsson@example.org", "erik.exempelsson@example.org"]
    message = got.message
    assert message["Subject"] == "Ändrad: Kallelse till stormöte 19 mars 2030"
    plain = message.get_body(("plain",))
    assert plain is not None and "Mötet har ändrats sedan kallelsen" in plain.get_content()
    event = event_of(calendar_of(message))
    assert str(calendar_of(message)["METHOD"]) == "REQUEST"
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART").date().isoformat() == "2030-03-19"
    shown = ok(run, "meeting", "show", stormote)
    assert "kallelse to 1 address" in shown and "changed kallelse to 2 addresses" in shown
    occasions = [i["occasion"] for i in as_json(run, "meeting", "show", stormote)["invitations"]]
    assert occasions == ["first", "update"]


def test_the_update_goes_only_to_those_invited_before_without_to(
    run: Run, stormote: str, smtp: Mailbox, tmp_path: Path
) -> None:
    invite(run, stormote, "--send", "--yes", "--to", "bron")
    ok(run, "meeting", "move", stormote, "2030-03-19")
    result = invite(run, stormote, "-o", str(tmp_path / "u.eml"))
    assert "The changed kallelse goes to 1 address, in Bcc." in result.stdout
    bcc = [a.addr_spec for a in read_eml(tmp_path / "u.eml")["Bcc"].addresses]
    assert bcc == ["erik.exempelsson@example.org"]
    invite(run, stormote, "--send", "--yes")
    assert smtp.received[-1].rcpt_tos == ["erik.exempelsson@example.org"]
    assert int(event_of(calendar_of(smtp.received[-1].message))["SEQUENCE"]) == 1


def test_a_cancelled_meeting_tells_only_those_invited(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    invite(run, stormote, "--send", "--yes", "--to", "bron", "--to", "exempelgården")
    ok(run, "meeting", "cancel", stormote, "--reason", "För få anmälda.")
    assert_fails(
        run, configured_db, ExitCode.INVALID, "meeting", "invite", stormote, "--to", "members"
    )
    result = invite(run, stormote, "--send", "--yes")
    assert "Sent to 2 addresses" in result.stdout
    got = smtp.received[-1]
    assert sorted(got.rcpt_tos) == ["anna.exempelsson@example.org", "erik.exempelsson@example.org"]
    message = got.message
    assert message["Subject"] == "Inställt: stormöte 12 mars 2030"
    assert not [p for p in message.walk() if p.get_content_type() == "application/pdf"]
    plain = message.get_body(("plain",))
    assert plain is not None
    assert "är inställt: För få anmälda." in " ".join(plain.get_content().split())
    calendar = calendar_of(message)
    assert str(calendar["METHOD"]) == "CANCEL"
    event = event_of(calendar)
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1
    assert str(event["UID"]) == uid_of(run, stormote)
    assert as_json(run, "meeting", "show", stormote)["invitations"][-1]["method"] == "cancel"
    assert "cancellation to 2 addresses" in ok(run, "meeting", "show", stormote)
    assert_fails(
        run, configured_db, ExitCode.CONFLICT, "meeting", "invite", stormote, "--send", "--yes"
    )


def test_a_cancelled_meeting_whose_kallelse_was_a_draft_tells_its_audience(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox, tmp_path: Path
) -> None:
    """A draft records nothing, so psi does not know whom the kallelse reached: the
    cancellation goes to the meeting's audience (or --to), and says so."""
    invite(run, stormote, "-o", str(tmp_path / "k.eml"))
    ok(run, "meeting", "cancel", stormote, "--reason", "Krockar")
    audience = members(run)
    note = (
        f"psi has no record of a kallelse to meeting {stormote} sent with --send; the "
        "cancellation goes to the meeting's audience."
    )
    result = invite(run, stormote, "-o", str(tmp_path / "c.eml"))
    assert note in " ".join(result.stderr.split())
    assert f"The cancellation goes to {len(audience)} addresses, in Bcc." in result.stdout
    message = read_eml(tmp_path / "c.eml")
    assert [a.addr_spec for a in message["Bcc"].addresses] == audience
    assert str(calendar_of(message)["METHOD"]) == "CANCEL"
    assert int(event_of(calendar_of(message))["SEQUENCE"]) == 1

    invite(run, stormote, "--to", "bron", "-o", str(tmp_path / "b.eml"))
    bcc = [a.addr_spec for a in read_eml(tmp_path / "b.eml")["Bcc"].addresses]
    assert bcc == ["erik.exempelsson@example.org"]

    result = invite(run, stormote, "--send", "--yes")
    assert sorted(smtp.received[-1].rcpt_tos) == sorted(audience)
    shown = as_json(run, "meeting", "show", stormote)["invitations"]
    assert [(i["method"], i["occasion"], i["recipients"]) for i in shown] == [
        ("cancel", "cancel", len(audience))
    ]
    # Now psi knows whom it told: not twice, and to nobody else.
    assert_fails(
        run, configured_db, ExitCode.CONFLICT, "meeting", "invite", stormote, "--send", "--yes"
    )
    assert_fails(
        run, configured_db, ExitCode.INVALID, "meeting", "invite", stormote, "--to", "bron"
    )


def test_each_refused_address_is_reported_and_the_rest_recorded(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    ok(run, "contact", "add", "bron", "Fia Felstavad", "--email", "fia@example.invalid")
    audience = members(run)
    smtp.refuse.add("fia@example.invalid")
    result = invite(run, stormote, "--send", "--yes")
    assert "The mail server refused fia@example.invalid (550 5.1.1 No such user here)" in (
        result.stderr
    )
    accepted = [address for address in audience if address != "fia@example.invalid"]
    assert f"Sent to {len(accepted)} addresses" in result.stdout
    assert sorted(smtp.received[0].rcpt_tos) == sorted(accepted)
    shown = as_json(run, "meeting", "show", stormote)["invitations"][0]
    assert (shown["recipients"], shown["refused"]) == (len(accepted), 1)
    assert len(dump(configured_db)["invitation_recipient"]) == len(accepted)


def test_every_address_refused_sends_and_records_nothing(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    smtp.refuse.update(members(run))
    error = assert_fails(
        run, configured_db, ExitCode.MAIL, "meeting", "invite", stormote, "--send", "--yes"
    )
    assert "refused every address (550 5.1.1 No such user here); nothing was sent" in error
    assert smtp.received == []


def test_no_server_set_says_how_to_set_it(run: Run, example_db: Db) -> None:
    ok(run, "config", "set", "mail-from", FROM)
    meeting = add_meeting(run)
    error = assert_fails(
        run, example_db, ExitCode.INVALID, "meeting", "invite", meeting, "--send", "--yes"
    )
    assert "psi config set smtp-host" in error


def test_a_server_out_of_reach_is_one_line_and_nothing_recorded(
    run: Run, configured_db: Db, stormote: str
) -> None:
    port = _free_port()
    ok(run, "config", "set", "smtp-port", str(port))
    error = assert_fails(
        run, configured_db, ExitCode.MAIL, "meeting", "invite", stormote, "--send", "--yes"
    )
    assert f"Cannot reach the mail server 127.0.0.1:{port}: " in error
    assert "check psi config smtp-host" in error


def test_starttls_that_the_server_does_not_offer_is_refused(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    ok(run, "config", "set", "smtp-security", "starttls")
    error = assert_fails(
        run, configured_db, ExitCode.MAIL, "meeting", "invite", stormote, "--send", "--yes"
    )
    assert "does not offer STARTTLS" in error
    ok(run, "config", "set", "smtp-security", "tls")
    error = assert_fails(
        run, configured_db, ExitCode.MAIL, "meeting", "invite", stormote, "--send", "--yes"
    )
    assert "Cannot make a secure connection to the mail server" in error
    assert smtp.received == []


def test_a_no_at_the_question_sends_nothing(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    before = dump(configured_db)
    result = run("meeting", "invite", stormote, "--send", input="n\n")
    assert result.exit_code == ExitCode.ABORTED
    assert f"Send the kallelse to {len(members(run))} addresses? [y/N]" in result.stdout
    assert "Nothing was sent." in result.stderr
    assert smtp.received == [] and dump(configured_db) == before


# --- the password ------------------------------------------------------------------------------


def test_the_password_from_the_environment_is_used_and_never_kept(
    run: Run, example_db: Db, smtp_auth: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(run, smtp_auth.port, user=USER)
    meeting = add_meeting(run)
    monkeypatch.setenv("PSI_SMTP_PASSWORD", PASSWORD)
    result = invite(run, meeting, "--send", "--yes")
    assert PASSWORD not in result.output
    assert smtp_auth.logins == [(USER.encode(), PASSWORD.encode())]
    assert len(smtp_auth.received) == 1
    assert PASSWORD not in str(dump(example_db))
    audit = ok(run, "audit", "--json")
    assert PASSWORD not in audit
    commands = [entry["command"] for entry in json.loads(audit)]
    assert f"psi meeting invite {meeting} --send --yes" in commands


def test_the_password_is_asked_hidden_when_not_in_the_environment(
    run: Run, example_db: Db, smtp_auth: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(run, smtp_auth.port, user=USER)
    meeting = add_meeting(run)
    monkeypatch.delenv("PSI_SMTP_PASSWORD", raising=False)
    result = invite(run, meeting, "--send", input=f"y\n{PASSWORD}\n")
    assert f"Password of {USER} at 127.0.0.1" in result.stdout
    assert PASSWORD not in result.output  # not echoed
    assert len(smtp_auth.received) == 1
    assert PASSWORD not in str(dump(example_db))


def test_a_wrong_password_sends_nothing(
    run: Run, example_db: Db, smtp_auth: Mailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(run, smtp_auth.port, user=USER)
    meeting = add_meeting(run)
    wrong = "Fel-Lösen-7Qz!x9"
    monkeypatch.setenv("PSI_SMTP_PASSWORD", wrong)
    result = run("meeting", "invite", meeting, "--send", "--yes")
    assert result.exit_code == ExitCode.MAIL, result.output
    assert f"refused the login of {USER}" in result.stderr
    assert smtp_auth.logins == [(USER.encode(), wrong.encode())]  # it went to the server
    assert wrong not in result.output and wrong not in result.stderr
    assert wrong not in str(dump(example_db))
    assert wrong not in ok(run, "audit", "--json")
    for file in example_db.parent.iterdir() if isinstance(example_db, Path) else []:
        if file.is_file():
            assert wrong.encode() not in file.read_bytes(), file
    assert smtp_auth.received == []
    monkeypatch.delenv("PSI_SMTP_PASSWORD")
    error = assert_fails(
        run, example_db, ExitCode.ABORTED, "meeting", "invite", meeting, "--send", "--yes"
    )
    assert "PSI_SMTP_PASSWORD" in error


def test_a_server_that_needs_a_login_says_so(run: Run, example_db: Db, smtp_auth: Mailbox) -> None:
    configure(run, smtp_auth.port)
    meeting = add_meeting(run)
    error = assert_fails(
        run, example_db, ExitCode.MAIL, "meeting", "invite", meeting, "--send", "--yes"
    )
    assert "nothing was sent" in error.casefold()
    assert smtp_auth.received == []


def test_the_password_cannot_be_stored(run: Run, example_db: Db) -> None:
    error = assert_fails(
        run, example_db, ExitCode.INVALID, "config", "set", "smtp-password", PASSWORD
    )
    assert "never stores" in error


# --- the follow-up -----------------------------------------------------------------------------


def test_a_kallelse_to_the_members_counts_in_the_follow_up(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    from datetime import date

    from psi import storage
    from psi.location import locate_db
    from psi.services.yearly import year_report

    year = date.today().year

    def counted() -> int:
        with storage.transaction(locate_db(str(configured_db)), write=False) as session:
            return year_report(session, year).facts.member_kallelser

    assert counted() == 0
    invite(run, stormote, "--send", "--yes")
    assert counted() == 1
    ok(run, "meeting", "move", stormote, "2030-03-19")
    invite(run, stormote, "--send", "--yes")  # the update: still one meeting's kallelse
    assert counted() == 1


def test_an_au_kallelse_is_not_a_dialogue_with_the_members(
    run: Run, configured_db: Db, stormote: str, smtp: Mailbox
) -> None:
    """The AU's seats are members, but its kallelse is the AU's business; and a stormöte's
    kallelse only to the coordinators is the coordination writing to itself."""
    from datetime import date

    from psi import storage
    from psi.location import locate_db
    from psi.services.yearly import year_report

    year = date.today().year

    def counted() -> int:
        with storage.transaction(locate_db(str(configured_db)), write=False) as session:
            return year_report(session, year).facts.member_kallelser

    ok(run, "au", "add", "2030", "exempelgården", "--person", "Anna Exempelsson")
    au = add_meeting(run, "au")
    invite(run, au, "--send", "--yes")
    assert smtp.received[-1].rcpt_tos == ["anna.exempelsson@example.org"]
    assert counted() == 0

    # The year the kallelse goes out decides who coordinates (the example records 2026's).
    coordinating = [c["organisation"] for c in as_json(run, "coordinators") if c["year"] == year]
    if "Örebro Föreningsråd" not in coordinating:
        pytest.skip(f"the example records no coordinator with a contact person for {year}")
    ok(run, "contact", "add", "Örebro Föreningsråd", "Sam Samordnare", "--email", "sam@ofr.example")
    invite(run, stormote, "--send", "--yes", "--to", "Örebro Föreningsråd")
    assert smtp.received[-1].rcpt_tos == ["sam@ofr.example"]
    assert counted() == 0
    invite(run, stormote, "--send", "--yes", "--again", "--to", "bron")
    assert counted() == 1


# --- the cancellation's text -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_cancellation_reads_as_its_snapshot(lang: str) -> None:
    from datetime import date, time

    from psi.domain.meeting import Kind, MeetingStatus
    from psi.reports.invitation import cancellation_context, markdown_to_plain
    from psi.reports.render import DocumentRequest, render_markdown
    from psi.services.meetings import MeetingDetail, MeetingView

    view = MeetingView(
        id=33,
        uid="x@psi.orebro",
        kind=Kind.AU,
        title="AU-möte",
        day=date(2027, 3, 17),
        start=time(13),
        end=time(15),
        place="Föreningarnas hus, Örebro",
        link=None,
        co_organiser=None,
        status=MeetingStatus.CANCELLED,
        cancel_reason="För få anmälda.",
        agenda=["Budget"],
        sequence=2,
    )
    context = cancellation_context(MeetingDetail(meeting=view), lang, {})
    markdown = render_markdown("cancellation", context, DocumentRequest("md", None, lang, None))
    assert_snapshot(f"cancellation-au.{lang}.md", markdown)
    assert "För få anmälda." in markdown_to_plain(markdown)
