"""Sending a message through the mail server set with `psi config` (smtp-host, smtp-port,
smtp-security, smtp-user), by the standard library's smtplib.

One run is one SMTP transaction: one MAIL FROM, an RCPT TO for every address, one DATA. The
server accepts or refuses each address; what it accepted gets the message, the refused are
reported. A server that cannot be reached, refuses the login, the sender or every address, or
the message itself, sends nothing: one error line, saying what to check.

The password comes from the environment variable PSI_SMTP_PASSWORD or a hidden prompt, only
when a user is set; it is passed to the server and nowhere else (never stored, printed or put
in the audit log).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from psi.errors import MailProblem
from psi.words import _

if TYPE_CHECKING:
    import smtplib

    from psi.domain.invitation import Server

PASSWORD_ENV = "PSI_SMTP_PASSWORD"
TIMEOUT = 30.0
"""Seconds to wait for the server before giving up."""


@dataclass(frozen=True)
class Delivery:
    """What the server did with the addresses: accepted, and refused with its reply."""

    accepted: list[str]
    refused: dict[str, str]


def password_from_environment() -> str | None:
    """The password in PSI_SMTP_PASSWORD, if set (an empty value counts as not set)."""
    return os.environ.get(PASSWORD_ENV) or None


def send(
    server: Server,
    password: str | None,
    sender: str,
    recipients: Sequence[str],
    message: bytes,
    *,
    timeout: float = TIMEOUT,
) -> Delivery:
    """Send `message` (as it is: no Bcc header in it) to `recipients` in one transaction.

    MailProblem when nothing was sent: the server out of reach, a secure connection that
    fails, a refused login, sender, message, or every address."""
    import smtplib

    where = server.place
    try:
        with _connect(server, timeout) as connection:
            if server.user:
                _login(connection, server, password)
            options = ["SMTPUTF8"] if _needs_utf8(sender, recipients) else []
            refused = connection.sendmail(sender, list(recipients), message, mail_options=options)
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailProblem(
            _(
                "The mail server {server} refused every address ({reason}); nothing was sent."
            ).format(server=where, reason=_first_reason(exc.recipients))
        ) from None
    except smtplib.SMTPSenderRefused as exc:
        raise MailProblem(
            _(
                "The mail server {server} refused the sender {sender} ({reason}); nothing was "
                "sent. Check psi config mail-from and smtp-user."
            ).format(server=where, sender=sender, reason=_reply(exc.smtp_code, exc.smtp_error))
        ) from None
    except smtplib.SMTPDataError as exc:
        raise MailProblem(
            _("The mail server {server} refused the message ({reason}); nothing was sent.").format(
                server=where, reason=_reply(exc.smtp_code, exc.smtp_error)
            )
        ) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailProblem(
            _(
                "The mail server {server} does not support what psi asked ({reason}); nothing "
                "was sent. Check psi config smtp-security and smtp-port."
            ).format(server=where, reason=str(exc) or "SMTPUTF8")
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise MailProblem(
            _("The mail server {server} answered {reason}; nothing was sent.").format(
                server=where, reason=_reply(exc.smtp_code, exc.smtp_error)
            )
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _unreachable(server, exc) from None
    return Delivery(
        accepted=[address for address in recipients if address not in refused],
        refused={address: _reply(*reply) for address, reply in refused.items()},
    )


def _connect(server: Server, timeout: float) -> smtplib.SMTP:
    import smtplib
    import ssl

    from psi.domain.invitation import Security

    context = ssl.create_default_context()
    if server.security is Security.TLS:
        return smtplib.SMTP_SSL(server.host, server.port, timeout=timeout, context=context)
    connection = smtplib.SMTP(server.host, server.port, timeout=timeout)
    try:
        if server.security is Security.STARTTLS:
            connection.ehlo()
            if not connection.has_extn("starttls"):
                raise MailProblem(
                    _(
                        "The mail server {server} does not offer STARTTLS; nothing was sent. "
                        "Set psi config set smtp-security tls (with smtp-port 465), or none for a "
                        "server on this computer."
                    ).format(server=server.place)
                )
            connection.starttls(context=context)
            connection.ehlo()
    except BaseException:
        connection.close()
        raise
    return connection


def _login(connection: smtplib.SMTP, server: Server, password: str | None) -> None:
    import smtplib

    if not password:
        raise MailProblem(
            _(
                "The mail server {server} needs the password of {user}; set {env} or type it "
                "when asked. Nothing was sent."
            ).format(server=server.place, user=server.user, env=PASSWORD_ENV)
        )
    user = server.user or ""
    try:
        if (user + password).isascii():
            connection.login(user, password)
        else:
            _login_utf8(connection, server, user, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailProblem(
            _(
                "The mail server {server} refused the login of {user} ({reason}); nothing was "
                "sent. Check psi config smtp-user and the password."
            ).format(
                server=server.place, user=server.user, reason=_reply(exc.smtp_code, exc.smtp_error)
            )
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise MailProblem(
            _(
                "The mail server {server} does not take a login; nothing was sent. If it needs "
                'none, set psi config set smtp-user ""; else check smtp-security.'
            ).format(server=server.place)
        ) from None


def _login_utf8(connection: smtplib.SMTP, server: Server, user: str, password: str) -> None:
    """AUTH PLAIN with a user or password beyond ASCII (å, ä, ö), as RFC 4616 has it: UTF-8.
    smtplib's own login sends ASCII only."""
    import base64
    import smtplib

    connection.ehlo_or_helo_if_needed()
    methods = connection.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in methods:
        raise MailProblem(
            _(
                "The mail server {server} cannot take a password with letters beyond a-z (such "
                "as å, ä, ö) from psi; nothing was sent."
            ).format(server=server.place)
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = connection.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _unreachable(server: Server, exc: BaseException) -> MailProblem:
    import ssl

    reason = str(exc).strip() or type(exc).__name__
    if isinstance(exc, ssl.SSLError):
        return MailProblem(
            _(
                "Cannot make a secure connection to the mail server {server}: {reason}; check "
                "psi config smtp-security (starttls on port 587, tls on 465) and smtp-port. "
                "Nothing was sent."
            ).format(server=server.place, reason=reason.splitlines()[0])
        )
    return MailProblem(
        _(
            "Cannot reach the mail server {server}: {reason}; check psi config smtp-host, "
            "smtp-port and smtp-security. Nothing was sent."
        ).format(server=server.place, reason=reason.splitlines()[0])
    )


def _needs_utf8(sender: str, recipients: Sequence[str]) -> bool:
    return not all(address.isascii() for address in (sender, *recipients))


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(words.split())}".strip()


def _first_reason(refused: dict[str, tuple[int, bytes]]) -> str:
    for code, text in refused.values():
        return _reply(code, text)
    return ""
