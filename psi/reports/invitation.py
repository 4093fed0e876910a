"""The kallelse as an e-mail (`psi meeting invite`): the kallelse's text as plain text and
HTML, its PDF, and the meeting's calendar event as an invitation (iTIP METHOD:REQUEST with
the meeting's own UID and SEQUENCE, or METHOD:CANCEL for a cancelled meeting).

The text is the one `psi meeting agenda` writes, from the same template; the HTML is made by
pandoc as `--format html` makes it, the PDF as `--format pdf` does. A cancellation has its
own short text (`cancellation.<lang>.md.j2`) and no PDF.

Those invited are never named in the message: sent, it has no Bcc header (the addresses are
the envelope's); as a draft (`.eml`, `X-Unsent: 1`, which Outlook opens ready to send) the
addresses stand in Bcc only, and To is the sender.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from psi.domain.invitation import Method, Occasion, Plan, Sender
from psi.reports import meeting_docs
from psi.reports.render import (
    PANDOC_MARKDOWN,
    DocumentRequest,
    escape_markdown,
    format_date,
    markdown_to_editable,
    markdown_to_pdf,
    render_markdown,
)
from psi.services.meetings import MeetingDetail
from psi.words import N_, words

if TYPE_CHECKING:
    from email.message import EmailMessage

CANCELLED_HEADING = N_("Cancelled: {occasion} on {day}")
CHANGED_SUBJECT = N_("Changed: {heading}")
CHANGED_NOTE = N_(
    "The meeting has changed since the kallelse sent on {date}. This one replaces it, and the "
    "attached calendar event updates the one in your calendar."
)


def cancellation_context(
    detail: MeetingDetail, lang: str, settings: Mapping[str, str | None]
) -> dict[str, Any]:
    """The context of `cancellation.<lang>.md.j2`: the kallelse's, headed as cancelled."""
    context = meeting_docs.document_context(detail, lang, document="agenda", settings=settings)
    occasion = words(lang).pgettext("meeting occasion", meeting_docs.OCCASIONS[detail.meeting.kind])
    context["heading"] = (
        words(lang)
        .gettext(CANCELLED_HEADING)
        .format(occasion=occasion, day=format_date(detail.meeting.day, lang))
    )
    reason = (detail.meeting.cancel_reason or "").strip().rstrip(".").strip()
    context["meeting"]["cancel_reason"] = reason or None
    return context


def invitation(
    detail: MeetingDetail,
    settings: Mapping[str, str | None],
    request: DocumentRequest,
    plan: Plan,
    sender: Sender,
    *,
    draft_to: Sequence[str] | None = None,
    last_sent: date | None = None,
) -> EmailMessage:
    """The message for `plan`: from `sender`, to the sender (the invited are in Bcc only, and
    only in a draft: `draft_to` gives them; without it the message is for sending, dated and
    with no Bcc). `last_sent` is the day of the kallelse an update replaces."""
    from psi.reports.calendars import invitation_calendar
    from psi.reports.ics import Organizer

    lang = request.lang
    catalogue = words(lang)
    pdf: bytes | None = None
    if plan.method is Method.CANCEL:
        context = cancellation_context(detail, lang, settings)
        markdown = render_markdown("cancellation", context, request)
        subject = context["heading"]
    else:
        meeting_docs.check_can_invite(detail)
        context = meeting_docs.document_context(detail, lang, document="agenda", settings=settings)
        markdown = render_markdown("agenda", context, request)
        pdf = markdown_to_pdf(
            markdown,
            replace(request, file_format="pdf"),
            title=context["heading"],
            header=context["partnership"],
            dated=context.get("dated_on"),
        )
        subject = context["heading"]
        if plan.occasion is Occasion.UPDATE:
            subject = catalogue.gettext(CHANGED_SUBJECT).format(heading=subject)
            if last_sent is not None:
                note = catalogue.gettext(CHANGED_NOTE).format(date=format_date(last_sent, lang))
                markdown = f"*{escape_markdown(note)}*\n\n{markdown}"
    plain = markdown_to_plain(markdown)
    html = markdown_to_editable(markdown, replace(request, file_format="html"), title=subject)
    calendar = invitation_calendar(
        detail.meeting, plan.method.value.upper(), Organizer(sender.name, sender.address)
    )
    pdf_name = meeting_docs.default_filename("agenda", detail, lang, "pdf")
    return _message(
        subject=subject,
        sender=sender,
        lang=lang,
        draft_to=draft_to,
        plain=plain,
        html=html.decode("utf-8"),
        calendar=calendar,
        method=plan.method,
        pdf=(pdf_name, pdf) if pdf is not None else None,
        ics_name=meeting_docs.default_filename("agenda", detail, lang, "ics"),
    )


def _message(
    *,
    subject: str,
    sender: Sender,
    lang: str,
    draft_to: Sequence[str] | None,
    plain: str,
    html: str,
    calendar: bytes,
    method: Method,
    pdf: tuple[str, bytes] | None,
    ics_name: str,
) -> EmailMessage:
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    # Every part in 7-bit transfer encodings (quoted-printable or base64), which any mail
    # server passes on as it is; lines end in CRLF, as SMTP and .eml files have them.
    message = EmailMessage(policy=policy.SMTP.clone(cte_type="7bit"))
    message["Subject"] = subject
    own = Address(sender.name, addr_spec=sender.address)
    message["From"] = own
    message["To"] = own
    if draft_to is not None:
        # Outlook opens a message marked unsent as a draft, ready to send; Thunderbird opens
        # it with File > Open and sends it with Edit as New Message. The invited are in Bcc.
        message["Bcc"] = ", ".join(draft_to)
        message["X-Unsent"] = "1"
    else:
        message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.address.rpartition("@")[2])
    message.set_content(plain)
    message.add_alternative(html, subtype="html")
    # The invitation itself, which calendars read from the message's alternatives...
    message.add_alternative(
        calendar.decode("utf-8"), subtype="calendar", params={"method": method.value.upper()}
    )
    if pdf is not None:
        message.add_attachment(pdf[1], maintype="application", subtype="pdf", filename=pdf[0])
    # ... and as a file, for a reader that shows no invitation (to import by hand).
    # As RFC 6047 registers it: text/calendar with the iTIP method.
    message.add_attachment(
        calendar,
        maintype="text",
        subtype="calendar",
        filename=ics_name,
        params={"charset": "utf-8", "method": method.value.upper()},
    )
    # Last: setting the content moves every Content- header of the message into its parts.
    message["Content-Language"] = lang
    return message


def markdown_to_plain(markdown: str) -> str:
    """The document as plain text, by pandoc (the text of the message): no markup left, the
    lists and headings as plain lines."""
    import pypandoc

    text = pypandoc.convert_text(
        markdown, "plain", format=PANDOC_MARKDOWN, extra_args=["--sandbox", "--wrap=none"]
    )
    return str(text).replace("\r\n", "\n")
