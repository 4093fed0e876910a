"""The partnership's settings: names, the committee, the signer, defaults for reports."""

from __future__ import annotations

from dataclasses import dataclass

from psi.domain.duties import CRITERIA_SETTINGS, criteria_from, criterion_text, parse_criterion
from psi.domain.money import format_amount, parse_positive_amount
from psi.domain.text import check_line, plain_digits
from psi.errors import InvalidInput
from psi.words import N_, _


@dataclass(frozen=True)
class Setting:
    """A setting: its key, what it is, and its value when nothing is set."""

    key: str
    help: str
    """What it is, in English (marked for the catalogue; shown with `_`)."""
    default: str | None


SETTINGS = (
    Setting("name", N_("The partnership's name"), "Partnerskapet för sociala innovationer"),
    Setting("short-name", N_("Its short name"), "PSI"),
    Setting("founded", N_("The year the partnership was founded"), None),
    Setting(
        "founded-by",
        N_(
            "Whose decision founded it, as it reads after 'efter beslut hos': "
            "dåvarande Örebro läns landsting samt Regionförbundet"
        ),
        None,
    ),
    Setting("county", N_("The county (län)"), "Örebro län"),
    Setting("region", N_("The region that grants the money"), "Region Örebro län"),
    Setting("committee", N_("The committee that decides"), "Kulturnämnden"),
    Setting("signer", N_("Who signs the decision document"), None),
    Setting("signer-title", N_("The signer's title"), None),
    Setting(
        "signer-title-en",
        N_("The signer's title in English documents (else the Swedish title): Head of Culture"),
        None,
    ),
    Setting(
        "default-grant",
        N_("The yearly grant, when a year has none recorded"),
        "200\u00a0000\u00a0kr",
    ),
    Setting("meeting-place", N_("Where meetings are held unless told otherwise"), None),
    Setting(
        "rsvp-to",
        N_(
            "Who takes the answers to a kallelse, name and/or e-mail: Anna Andersson, anna@ofr.se "
            "(unset: a line to fill in)"
        ),
        None,
    ),
    Setting("rsvp-days", N_("How many days before a meeting the answers are due"), "7"),
    Setting(
        "mail-from",
        N_(
            "Who sends the kallelse by e-mail (psi meeting invite), name and address: "
            "PSI-samordningen <psi@ofr.se>"
        ),
        None,
    ),
    Setting("smtp-host", N_("The mail server psi meeting invite --send sends through"), None),
    Setting("smtp-port", N_("The mail server's port: 587 for starttls, 465 for tls"), "587"),
    Setting(
        "smtp-security",
        N_("How the connection to the mail server is protected: starttls, tls or none"),
        "starttls",
    ),
    Setting(
        "smtp-user",
        N_(
            'The user name at the mail server; "" for none (the password is never stored: '
            "PSI_SMTP_PASSWORD or asked)"
        ),
        None,
    ),
    Setting("backups-kept", N_("How many backups psi db backup keeps beside the database"), "10"),
    Setting(
        "criterion-au-meetings",
        N_("Follow-up: the share of the year's planned AU meetings to be held"),
        criterion_text("criterion-au-meetings"),
    ),
    Setting(
        "criterion-coordinator-attendance",
        N_("Follow-up: the share of the AU meetings held each coordinator attends"),
        criterion_text("criterion-coordinator-attendance"),
    ),
    Setting(
        "criterion-stormoten",
        N_("Follow-up: how many stormöten with Regional utveckling, lowest-highest"),
        criterion_text("criterion-stormoten"),
    ),
    Setting(
        "criterion-member-dialogue",
        N_(
            "Follow-up: log entries on the dialogue with the members (a kallelse e-mailed to "
            "them counts as one)"
        ),
        criterion_text("criterion-member-dialogue"),
    ),
    Setting(
        "criterion-activities",
        N_("Follow-up: the share of the activity list to be done"),
        criterion_text("criterion-activities"),
    ),
    Setting(
        "criterion-recruitment",
        N_("Follow-up: recruitment contacts, when no new member joined"),
        criterion_text("criterion-recruitment"),
    ),
    Setting(
        "criterion-msi",
        N_("Follow-up: contacts with MSI (log entries and meetings held)"),
        criterion_text("criterion-msi"),
    ),
    Setting(
        "criterion-posts-per-quarter",
        N_("Follow-up: posts on the website or social media in each quarter"),
        criterion_text("criterion-posts-per-quarter"),
    ),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}
MAIL_SETTINGS = ("mail-from", "smtp-host", "smtp-port", "smtp-security", "smtp-user")
PASSWORD_KEYS = ("smtp-password", "mail-password", "password")
"""Keys a user may try for the password, which psi refuses to store, saying why."""


def not_a_setting(key: str) -> str:
    """The message for a key that names no setting, with the settings there are."""
    return _("'{key}' is not a setting; the settings are: {keys}.").format(
        key=key, keys=", ".join(BY_KEY)
    )


def check_setting(key: str, value: str) -> tuple[str, str]:
    """A known key and a checked value (a year for founded, an amount for default-grant)."""
    name = key.strip().casefold()
    if name in PASSWORD_KEYS:
        raise InvalidInput(
            _(
                "psi never stores the mail server's password; set the environment variable "
                "PSI_SMTP_PASSWORD, or type it when psi meeting invite --send asks for it."
            )
        )
    if name not in BY_KEY:
        raise InvalidInput(not_a_setting(key))
    if name == "smtp-user" and not value.strip():
        return name, ""  # a mail server that takes no login
    text = check_line(value, what=name, limit=300)
    if name == "founded" and not (plain_digits(text) and 1900 <= int(text) <= 2100):
        raise InvalidInput(_("'{value}' is not a year; write it like 2015.").format(value=value))
    if name == "backups-kept" and not (plain_digits(text) and 1 <= int(text) <= 1000):
        raise InvalidInput(
            _("'{value}' is not a number of backups; write a number from 1 to 1000.").format(
                value=value
            )
        )
    if name == "rsvp-days" and not (plain_digits(text) and int(text) <= 60):
        raise InvalidInput(
            _("'{value}' is not a number of days; write a number from 0 to 60.").format(value=value)
        )
    if name == "rsvp-days":
        text = str(int(text))
    if name in MAIL_SETTINGS:
        from psi.domain.invitation import check_mail_setting

        text = check_mail_setting(name, text)
    if name == "default-grant":
        text = format_amount(parse_positive_amount(text))
    if name in CRITERIA_SETTINGS:
        parse_criterion(name, text)
        text = criterion_text(name, criteria_from({name: text}))
    return name, text
