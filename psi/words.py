"""The words psi shows in Swedish and English: one catalogue per language, the gettext way.

English is the key. Each word or phrase is written in English where it is used (the
msgid), and `words(lang)` gives the language's catalogue, whose `gettext`, `ngettext`,
`pgettext` and `npgettext` return the translation (or the English, for English):

    words("sv").gettext("Attendance per meeting")  # "Närvaro per möte"

A word whose translation depends on where it stands carries a context, gettext's msgctxt
(`planned` is "planerat" for a meeting, "planerad" for an activity). The value of an enum
(a meeting kind, a status, a sector ...) gets its word through `term(lang, context, value)`,
from the English words marked in TERMS.

Today the Swedish catalogue is the table SWEDISH below, served by `Table`. The Swedish
interface will have Babel's tools make real catalogues instead (`pybabel extract` with the
keywords in KEYWORDS, then `init`/`update` and `compile` into `psi/locale`); then `words`
returns `gettext.translation("psi", ...)` for the language, and no caller changes.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from functools import cache

LOCALES = {"sv": "sv_SE", "en": "en_GB"}
"""Each document language and the locale its dates, numbers and catalogue follow."""

KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "N_": None,
    "NC_": ((1, "c"), 2),
}
"""The markers pybabel extract must know besides gettext's own (`-k N_ -k NC_:1c,2`)."""


def N_(message: str) -> str:
    """Mark an English text for the catalogue where it is not yet translated (a constant)."""
    return message


def NC_(context: str, message: str) -> str:
    """Mark an English word with its context for the catalogue, for `term` to translate."""
    return message


MEETING_KIND = "meeting kind"
MEETING_BODY = "meeting body"
MEETING_STATUS = "meeting status"
ACTIVITY_STATUS = "activity status"
LOG_KIND = "log kind"
COORDINATOR_ROLE = "coordinator role"
SECTOR = "sector"
BUDGET_CATEGORY = "budget category"
VERDICT = "verdict"
FUNDING = "funding"

# The English word for each value of psi's enums, by context (an extractor needs literals).
TERMS: dict[str, dict[str, str]] = {
    MEETING_KIND: {
        "au": NC_("meeting kind", "AU meeting"),
        "stormote": NC_("meeting kind", "General meeting"),
        "msi": NC_("meeting kind", "MSI dialogue"),
        "other": NC_("meeting kind", "Other"),
    },
    MEETING_BODY: {
        "au": NC_("meeting body", "The working committee"),
        "stormote": NC_("meeting body", "The general meeting"),
        "msi": NC_("meeting body", "The dialogue meeting"),
        "other": NC_("meeting body", "The meeting"),
    },
    MEETING_STATUS: {
        "planned": NC_("meeting status", "planned"),
        "held": NC_("meeting status", "held"),
        "cancelled": NC_("meeting status", "cancelled"),
    },
    ACTIVITY_STATUS: {
        "planned": NC_("activity status", "planned"),
        "ongoing": NC_("activity status", "ongoing"),
        "done": NC_("activity status", "done"),
        "cancelled": NC_("activity status", "cancelled"),
        "carried": NC_("activity status", "carried"),
    },
    LOG_KIND: {
        "member-dialogue": NC_("log kind", "member-dialogue"),
        "recruitment": NC_("log kind", "recruitment"),
        "msi": NC_("log kind", "msi"),
        "website": NC_("log kind", "website"),
        "social-media": NC_("log kind", "social-media"),
        "other": NC_("log kind", "other"),
    },
    COORDINATOR_ROLE: {
        "continuing": NC_("coordinator role", "continuing"),
        "newcomer": NC_("coordinator role", "newcomer"),
        "other": NC_("coordinator role", "other"),
    },
    SECTOR: {
        "civil-society": NC_("sector", "civil-society"),
        "municipality": NC_("sector", "municipality"),
        "region": NC_("sector", "region"),
        "state": NC_("sector", "state"),
        "academia": NC_("sector", "academia"),
        "business": NC_("sector", "business"),
        "other": NC_("sector", "other"),
    },
    BUDGET_CATEGORY: {
        "personnel": NC_("budget category", "personnel"),
        "venue": NC_("budget category", "venue"),
        "catering": NC_("budget category", "catering"),
        "communication": NC_("budget category", "communication"),
        "travel": NC_("budget category", "travel"),
        "other": NC_("budget category", "other"),
    },
    FUNDING: {
        "coordination": NC_("funding", "co-funds the coordination"),
        "frees-grant": NC_("funding", "pays part of the region's cost, which frees the grant"),
    },
    VERDICT: {
        "met": NC_("verdict", "met"),
        "partly met": NC_("verdict", "partly met"),
        "not met": NC_("verdict", "not met"),
        "on track": NC_("verdict", "on track"),
        "behind": NC_("verdict", "behind"),
    },
}

Message = str | tuple[str, str]
"""A catalogue key: the English msgid, or (context, msgid)."""
Translation = str | tuple[str, ...]
"""A catalogue value: the translation, or its plural forms (keyed by the singular msgid)."""

# The Swedish catalogue: what psi/locale/sv/LC_MESSAGES/psi.po will hold.
SWEDISH: dict[Message, Translation] = {
    # Reports
    "MISSING": "SAKNAS",
    "Attendance per meeting": "Närvaro per möte",
    "Attendance per meeting, monthly average": "Närvaro per möte, månadens genomsnitt",
    "Spending against allocation": "Utgifter mot tilldelning",
    ("municipality", "unknown"): "okänd",
    "outside the county": "utanför länet",
    "Follow-up {year}": "Uppföljning {year}",
    "Coordination {year}": "Samordning {year}",
    "Budget {year}": "Budget {year}",
    "Activity list {year}": "Aktivitetslista {year}",
    "Members": "Medlemmar",
    "Coordination": "Samordning",
    ("file name", "agenda"): "kallelse",
    ("file name", "minutes"): "protokoll",
    ("file name", "notes"): "minnesanteckningar",
    # Meeting documents
    ("meeting occasion", "the working committee's meeting"): "arbetsutskottets möte",
    ("meeting occasion", "the general meeting"): "stormöte",
    ("meeting occasion", "the dialogue meeting with Mötesplats social innovation"): (
        "dialogmöte med Mötesplats social innovation"
    ),
    ("meeting occasion", "the meeting"): "möte",
    "Notice of {occasion} on {day}": "Kallelse till {occasion} {day}",
    "Minutes of {occasion} on {day}": "Protokoll fört vid {occasion} {day}",
    "Notes from {occasion} on {day}": "Minnesanteckningar från {occasion} {day}",
    "{body} of {partnership}": "{body} för {partnership}",
    # Terms
    ("meeting kind", "AU meeting"): "AU-möte",
    ("meeting kind", "General meeting"): "Stormöte",
    ("meeting kind", "MSI dialogue"): "MSI-dialog",
    ("meeting kind", "Other"): "Övrigt möte",
    ("meeting body", "The working committee"): "Arbetsutskottet",
    ("meeting body", "The general meeting"): "Stormötet",
    ("meeting body", "The dialogue meeting"): "Dialogmötet",
    ("meeting body", "The meeting"): "Mötet",
    ("meeting status", "planned"): "planerat",
    ("meeting status", "held"): "genomfört",
    ("meeting status", "cancelled"): "inställt",
    ("activity status", "planned"): "planerad",
    ("activity status", "ongoing"): "pågår",
    ("activity status", "done"): "genomförd",
    ("activity status", "cancelled"): "inställd",
    ("activity status", "carried"): "flyttad till nästa år",
    ("log kind", "member-dialogue"): "medlemsdialog",
    ("log kind", "recruitment"): "rekrytering",
    ("log kind", "msi"): "MSI",
    ("log kind", "website"): "hemsida",
    ("log kind", "social-media"): "sociala medier",
    ("log kind", "other"): "övrigt",
    ("coordinator role", "continuing"): "fortsätter",
    ("coordinator role", "newcomer"): "samordningsnybörjare",
    ("coordinator role", "other"): "regionledd period",
    ("sector", "civil-society"): "civilsamhälle",
    ("sector", "municipality"): "kommun",
    ("sector", "region"): "region",
    ("sector", "state"): "statlig myndighet",
    ("sector", "academia"): "akademi",
    ("sector", "business"): "näringsliv",
    ("sector", "other"): "övrigt",
    ("budget category", "personnel"): "lön, arvode",
    ("budget category", "venue"): "lokal",
    ("budget category", "catering"): "fika och mat",
    ("budget category", "communication"): "kommunikation",
    ("budget category", "travel"): "resor",
    ("budget category", "other"): "övrigt",
    ("funding", "co-funds the coordination"): "medfinansierar samordningen",
    ("funding", "pays part of the region's cost, which frees the grant"): (
        "finansierar del av regionens kostnad, vilket frigör medlen"
    ),
    "amount not recorded": "belopp ej registrerat",
    # The decision draft's facts, and what records them
    "the amount": "beloppet",
    "the number of member organisations": "antalet medlemsorganisationer",
    "the year the partnership was founded": "året då partnerskapet bildades",
    "whose decision founded the partnership": "vems beslut partnerskapet bildades efter",
    "the year the region handed the coordination to civil society": (
        "året då regionen lämnade över samordningen till civilsamhället"
    ),
    "the committee's decision that the coordination rotates": (
        "nämndens beslut att samordningsansvaret ska rotera"
    ),
    "last year's coordinators": "förra årets samordnare",
    "the committee report the decision rests on": "föredragnings-PM:et som beslutet bygger på",
    "who signs": "undertecknare",
    "the signer's title": "undertecknarens titel",
    "assessment of the way of working": "bedömning av arbetssättet",
    "the working committee found on {day} that it needs change: {note}": (
        "arbetsutskottet bedömde {day} att det behöver ändras: {note}"
    ),
    "the follow-up of {year} finds these duties not met: {duties}": (
        "uppföljningen av {year} visar att dessa uppgifter inte är uppfyllda: {duties}"
    ),
    "no assessment and no follow-up of {year} is recorded": (
        "varken en bedömning eller en uppföljning av {year} är registrerad"
    ),
    ("verdict", "met"): "uppfyllt",
    ("verdict", "partly met"): "delvis uppfyllt",
    ("verdict", "not met"): "inte uppfyllt",
    ("verdict", "on track"): "i fas",
    ("verdict", "behind"): "ligger efter",
    # The follow-up: the six duties, what was done, the rules and the summary
    "and": "och",
    "Plan and lead the working committee's meetings": (
        "Planera och hålla samman arbetsutskottets möten"
    ),
    "Plan and hold general meetings 2-4 times a year with Regional utveckling": (
        "Planera och genomföra stormöten 2–4 gånger per år i samverkan med Regional utveckling"
    ),
    "An active dialogue with the members, and the activities they wish for": (
        "Aktiv dialog med medlemmarna och aktiviteter som de önskar"
    ),
    "Recruit more members": "Rekrytera fler medlemmar",
    "A running dialogue with Mötesplats social innovation": (
        "Löpande dialog med Mötesplats social innovation"
    ),
    "Information on the website and social media": "Information via hemsida och sociala medier",
    "{held} of {planned} planned AU meeting has been held": (
        "{held} av {planned} planerat AU-möte har hållits",
        "{held} av {planned} planerade AU-möten har hållits",
    ),
    " ({due} of them dated until today)": (
        " (varav {due} med datum fram till i dag)",
        " (varav {due} med datum fram till i dag)",
    ),
    "{org} attended {attended} of {recorded} AU meeting held": (
        "{org} deltog i {attended} av {recorded} hållet AU-möte",
        "{org} deltog i {attended} av {recorded} hållna AU-möten",
    ),
    "{held} general meeting has been held": (
        "{held} stormöte har hållits",
        "{held} stormöten har hållits",
    ),
    ", {with_ru} of them with Regional utveckling": (
        ", varav {with_ru} i samverkan med Regional utveckling"
    ),
    "; {n} more planned": ("; ytterligare {n} planerat", "; ytterligare {n} planerade"),
    "{n} entry on the dialogue with the members": (
        "{n} anteckning om dialogen med medlemmarna",
        "{n} anteckningar om dialogen med medlemmarna",
    ),
    "{done} of {listed} activity on the list done": (
        "{done} av {listed} aktivitet på listan genomförd",
        "{done} av {listed} aktiviteter på listan genomförda",
    ),
    "{n} recruitment contact": ("{n} rekryteringskontakt", "{n} rekryteringskontakter"),
    "{n} new member": ("{n} ny medlem", "{n} nya medlemmar"),
    "{n} log entry about MSI": ("{n} anteckning om MSI", "{n} anteckningar om MSI"),
    "{n} meeting with MSI held": ("{n} möte med MSI har hållits", "{n} möten med MSI har hållits"),
    "posts in {n} of {quarters} quarter": (
        "inlägg under {n} av {quarters} kvartal",
        "inlägg under {n} av {quarters} kvartal",
    ),
    " passed": " som har gått",
    "; {website} on the website and {social} on social media": (
        "; {website} på hemsidan och {social} i sociala medier"
    ),
    "at least {share} % of the year's planned AU meetings are held (cancelled ones "
    "count as planned), and each coordinator attends at least {attendance} % of those held": (
        "minst {share} % av årets planerade AU-möten hålls (inställda räknas som planerade), "
        "och varje samordnare deltar i minst {attendance} % av dem som hålls"
    ),
    "{low}-{high} general meetings are held together with Regional utveckling": (
        "{low}–{high} stormöten hålls i samverkan med Regional utveckling"
    ),
    "at least {n} entry on the dialogue with the members is logged and at least {share} % of "
    "the activity list is done (cancelled and carried activities stay on the list)": (
        "minst {n} anteckning om dialogen med medlemmarna finns och minst {share} % av "
        "aktivitetslistan är genomförd (inställda och flyttade aktiviteter räknas med)",
        "minst {n} anteckningar om dialogen med medlemmarna finns och minst {share} % av "
        "aktivitetslistan är genomförd (inställda och flyttade aktiviteter räknas med)",
    ),
    "a new member joins, or at least {n} recruitment contact is made": (
        "en ny medlem ansluter, eller minst {n} rekryteringskontakt tas",
        "en ny medlem ansluter, eller minst {n} rekryteringskontakter tas",
    ),
    "at least {n} contact with MSI is made (log entries or meetings held)": (
        "minst {n} kontakt med MSI har tagits (anteckningar eller hållna möten)",
        "minst {n} kontakter med MSI har tagits (anteckningar eller hållna möten)",
    ),
    "at least {n} post is published on the website or social media in every quarter": (
        "minst {n} inlägg har publicerats på hemsidan eller i sociala medier varje kvartal",
        "minst {n} inlägg har publicerats på hemsidan eller i sociala medier varje kvartal",
    ),
    "{n} of the six duties is met": (
        "{n} av de sex uppgifterna är uppfylld",
        "{n} av de sex uppgifterna är uppfyllda",
    ),
    "{n} is on track": ("{n} är i fas", "{n} är i fas"),
    "{n} is partly met": ("{n} är delvis uppfylld", "{n} är delvis uppfyllda"),
    "{n} is behind": ("{n} ligger efter", "{n} ligger efter"),
    "{n} is not met": ("{n} är inte uppfylld", "{n} är inte uppfyllda"),
    "So far, {text}": "Hittills: {text}",
    "{title}: {verdict} ({done}).": "{title}: {verdict} ({done}).",
    "No granted funds are recorded for {year}; the expenses are {spent}.": (
        "Inga beviljade medel är registrerade för {year}; utgifterna är {spent}."
    ),
    "The expenses, {spent}, exceed the granted funds of {grant} by {left}.": (
        "Utgifterna, {spent}, överstiger de beviljade medlen på {grant} med {left}."
    ),
    "The granted funds of {grant} were used in full.": (
        "De beviljade medlen på {grant} användes i sin helhet."
    ),
    "Of the granted funds of {grant}, {spent} was used ({share} %); {left} is unspent.": (
        "Av de beviljade medlen på {grant} användes {spent} ({share} %); {left} är outnyttjat."
    ),
    "So far {spent} of the granted {grant} has been used ({share} %), "
    "in pace with the year ({passed} % passed).": (
        "Hittills har {spent} av de beviljade {grant} använts ({share} %), i takt med året "
        "({passed} % har gått)."
    ),
    "So far {spent} of the granted {grant} has been used ({share} %), "
    "ahead of the year ({passed} % passed).": (
        "Hittills har {spent} av de beviljade {grant} använts ({share} %), snabbare än året "
        "går ({passed} % har gått)."
    ),
    "So far {spent} of the granted {grant} has been used ({share} %), "
    "behind the year ({passed} % passed).": (
        "Hittills har {spent} av de beviljade {grant} använts ({share} %), långsammare än året "
        "går ({passed} % har gått)."
    ),
    "The coordinators for {year} are not yet appointed.": (
        "Samordnarna för {year} är ännu inte utsedda."
    ),
    "{names} stays": (
        "{names} har kvar samordningsansvaret",
        "{names} har kvar samordningsansvaret",
    ),
    "{names} leaves the assignment": (
        "{names} frånträder uppdraget",
        "{names} frånträder uppdraget",
    ),
    "{names} joins": (
        "{names} tillkommer som samordningsnybörjare",
        "{names} tillkommer som samordningsnybörjare",
    ),
    "For {year}: {what}.": "Inför {year}: {what}.",
    "The second coordinator is not yet appointed.": "Den andra samordnaren är ännu inte utsedd.",
    "the {n} meeting held": ("det {n} hållna mötet", "de {n} hållna mötena"),
    "{n} organisation": ("{n} organisation", "{n} organisationer"),
    "{n} named person": ("{n} namngiven person", "{n} namngivna personer"),
    "At {meetings}, {persons} from {orgs} were recorded.": (
        "Vid {meetings} registrerades {persons} från {orgs}."
    ),
    "{orgs} attended {meetings}; no persons are recorded.": (
        "{orgs} deltog i {meetings}; inga personer är registrerade."
    ),
    "Organisations from {n} of the county's {total} municipalities were at the meetings.": (
        "Organisationer från {n} av länets {total} kommuner deltog i mötena."
    ),
    "The members are in {n} of the county's {total} municipalities.": (
        "Medlemmarna finns i {n} av länets {total} kommuner."
    ),
    "{n} member organisation is municipal: {names}.": (
        "{n} medlemsorganisation är kommunal: {names}.",
        "{n} medlemsorganisationer är kommunala: {names}.",
    ),
    "No member organisation is municipal.": "Ingen medlemsorganisation är kommunal.",
}

CATALOGUES: dict[str, Mapping[Message, Translation]] = {"sv": SWEDISH}


def two_forms(n: int) -> int:
    """The plural rule of Swedish and English (`nplurals=2; plural=(n != 1);`)."""
    return int(n != 1)


class Table(gettext.NullTranslations):
    """A catalogue read from a table instead of a compiled .mo file, with gettext's methods.

    A missing word falls back to the English, as with gettext.
    """

    def __init__(
        self, messages: Mapping[Message, Translation], plural: Callable[[int], int] = two_forms
    ) -> None:
        super().__init__()
        self._messages = messages
        self._plural = plural

    def gettext(self, message: str) -> str:
        """The translation of a text."""
        return self._one(message, message)

    def pgettext(self, context: str, message: str) -> str:
        """The translation of a text in a context."""
        return self._one((context, message), message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        """The translation of a text whose form depends on the number n."""
        return self._many(msgid1, msgid1, msgid2, n)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        """The translation of a text in a context, whose form depends on the number n."""
        return self._many((context, msgid1), msgid1, msgid2, n)

    def _one(self, key: Message, english: str) -> str:
        found = self._messages.get(key)
        return found if isinstance(found, str) else english

    def _many(self, key: Message, singular: str, plural: str, n: int) -> str:
        forms = self._messages.get(key)
        if isinstance(forms, tuple):
            return forms[self._plural(n)]
        return singular if n == 1 else plural


@cache
def words(lang: str) -> gettext.NullTranslations:
    """The catalogue of a language: Swedish for `sv`, English (the msgids) for any other."""
    table = CATALOGUES.get(lang)
    return gettext.NullTranslations() if table is None else Table(table)


def term(lang: str, context: str, value: str) -> str:
    """The word for an enum value (a meeting kind, a status ...); an unknown value as it is."""
    english = TERMS.get(context, {}).get(value)
    return value if english is None else words(lang).pgettext(context, english)


def locale(lang: str) -> str:
    """The locale of a document language (`sv_SE`, `en_GB`), for Babel's dates and numbers."""
    return LOCALES.get(lang, LOCALES["en"])
