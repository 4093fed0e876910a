"""The follow-up's sentences: each duty's title, what was done and its rule, the summary,
the money, the reach and next year's pair, in the document's language.

The rules (psi.domain.duties, psi.domain.followup) give numbers and kinds; the words come
from the catalogue (psi.words), with gettext's plural forms wherever a number is counted.
`psi status` words its duties here too.
"""

from __future__ import annotations

from collections.abc import Sequence

from psi.domain.duties import Criteria, Duty, Verdict, YearFacts
from psi.domain.followup import Money, MoneyRemark, NextPair, Reach
from psi.domain.money import format_amount
from psi.domain.municipality import KOMMUNER
from psi.words import N_, VERDICT, term, words

TITLES = {
    "au": N_("Plan and lead the working committee's meetings"),
    "stormoten": N_("Plan and hold general meetings 2-4 times a year with Regional utveckling"),
    "dialogue": N_("An active dialogue with the members, and the activities they wish for"),
    "recruitment": N_("Recruit more members"),
    "msi": N_("A running dialogue with Mötesplats social innovation"),
    "communication": N_("Information on the website and social media"),
}


def duty_title(key: str, lang: str) -> str:
    """A duty's title as the decision document words it."""
    return words(lang).gettext(TITLES[key])


def verdict_word(verdict: Verdict, lang: str) -> str:
    """A verdict's word: `uppfyllt`, `ligger efter` ..."""
    return term(lang, VERDICT, verdict)


def _join(parts: Sequence[str], lang: str) -> str:
    """`a, b and c` (`a, b och c`)."""
    if len(parts) < 2:
        return "".join(parts)
    conjunction = words(lang).gettext("and")
    return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"


def _au_done(f: YearFacts, duty: Duty, running: bool, lang: str) -> str:
    t = words(lang)
    text = t.ngettext(
        "{held} of {planned} planned AU meeting has been held",
        "{held} of {planned} planned AU meetings have been held",
        f.au_planned,
    ).format(held=f.au_held, planned=f.au_planned)
    if running and f.au_due < f.au_planned:
        text += t.ngettext(
            " ({due} of them dated until today)", " ({due} of them dated until today)", f.au_due
        ).format(due=f.au_due)
    for c in duty.absent:
        text += "; " + t.ngettext(
            "{org} attended {attended} of {recorded} AU meeting held",
            "{org} attended {attended} of {recorded} AU meetings held",
            c.recorded,
        ).format(org=c.organisation, attended=c.attended, recorded=c.recorded)
    return text


def _stormoten_done(f: YearFacts, lang: str) -> str:
    t = words(lang)
    text = t.ngettext(
        "{held} general meeting has been held",
        "{held} general meetings have been held",
        f.stormoten_held,
    ).format(held=f.stormoten_held)
    if f.stormoten_held:
        text += t.gettext(", {with_ru} of them with Regional utveckling").format(
            with_ru=f.stormoten_with_regional_utveckling
        )
    if f.stormoten_planned:
        text += t.ngettext("; {n} more planned", "; {n} more planned", f.stormoten_planned).format(
            n=f.stormoten_planned
        )
    return text


def duty_done(duty: Duty, facts: YearFacts, running: bool, lang: str) -> str:
    """What the coordinators did towards a duty, counted from the register."""
    t, f = words(lang), facts
    if duty.key == "au":
        return _au_done(f, duty, running, lang)
    if duty.key == "stormoten":
        return _stormoten_done(f, lang)
    if duty.key == "dialogue":
        entries = t.ngettext(
            "{n} entry on the dialogue with the members",
            "{n} entries on the dialogue with the members",
            f.member_dialogue_entries,
        ).format(n=f.member_dialogue_entries)
        if f.member_kallelser:
            # A stormöte's kallelse e-mailed to the members (psi meeting invite --send)
            # counts as an entry (psi.domain.duties.kallelser_to_members).
            entries += "; " + t.ngettext(
                "{n} kallelse to a stormöte e-mailed to the members, counted as an entry",
                "{n} kallelser to stormöten e-mailed to the members, counted as entries",
                f.member_kallelser,
            ).format(n=f.member_kallelser)
        done = t.ngettext(
            "{done} of {listed} activity on the list done",
            "{done} of {listed} activities on the list done",
            f.activities_listed,
        ).format(done=f.activities_done, listed=f.activities_listed)
        return f"{entries}; {done}"
    if duty.key == "recruitment":
        contacts = t.ngettext(
            "{n} recruitment contact", "{n} recruitment contacts", f.recruitment_entries
        ).format(n=f.recruitment_entries)
        joined = t.ngettext("{n} new member", "{n} new members", f.members_joined).format(
            n=f.members_joined
        )
        return f"{contacts}; {joined}"
    if duty.key == "msi":
        entries = t.ngettext(
            "{n} log entry about MSI", "{n} log entries about MSI", f.msi_entries
        ).format(n=f.msi_entries)
        meetings = t.ngettext(
            "{n} meeting with MSI held", "{n} meetings with MSI held", f.msi_meetings_held
        ).format(n=f.msi_meetings_held)
        return f"{entries}; {meetings}"
    quarters = t.ngettext(
        "posts in {n} of {quarters} quarter",
        "posts in {n} of {quarters} quarters",
        f.quarters_passed,
    ).format(n=f.quarters_with_posts, quarters=f.quarters_passed)
    if running:
        quarters += t.gettext(" passed")
    return quarters + t.gettext("; {website} on the website and {social} on social media").format(
        website=f.website_posts, social=f.social_media_posts
    )  # fmt: skip


def _percent(value: int) -> str:
    # The sign goes with the number: a msgid with "% of" would read as a %-placeholder.
    return f"{value} %"


def duty_rule(key: str, criteria: Criteria, lang: str) -> str:
    """The rule a duty is judged by, with the AU's criteria."""
    t, c = words(lang), criteria
    rules = {
        "au": t.gettext(
            "at least {share} of the year's planned AU meetings are held (cancelled ones "
            "count as planned), and each coordinator attends at least {attendance} of those held"
        ).format(share=_percent(c.au_share), attendance=_percent(c.coordinator_attendance)),
        "stormoten": t.gettext(
            "{low}-{high} general meetings are held together with Regional utveckling"
        ).format(low=c.stormoten_min, high=c.stormoten_max),
        "dialogue": t.ngettext(
            "at least {n} entry on the dialogue with the members is logged and at least {share} of "
            "the activity list is done (cancelled and carried activities stay on the list)",
            "at least {n} entries on the dialogue with the members are logged and at least {share} of "
            "the activity list is done (cancelled and carried activities stay on the list)",
            c.dialogue_entries,
        ).format(n=c.dialogue_entries, share=_percent(c.activities_share)),
        "recruitment": t.ngettext(
            "a new member joins, or at least {n} recruitment contact is made",
            "a new member joins, or at least {n} recruitment contacts are made",
            c.recruitment_contacts,
        ).format(n=c.recruitment_contacts),
        "msi": t.ngettext(
            "at least {n} contact with MSI is made (log entries or meetings held)",
            "at least {n} contacts with MSI are made (log entries or meetings held)",
            c.msi_contacts,
        ).format(n=c.msi_contacts),
        "communication": t.ngettext(
            "at least {n} post is published on the website or social media in every quarter",
            "at least {n} posts are published on the website or social media in every quarter",
            c.posts_per_quarter,
        ).format(n=c.posts_per_quarter),
    }
    return rules[key]


def _count(verdict: Verdict, duties: Sequence[Duty]) -> int:
    return sum(1 for d in duties if d.verdict is verdict)


def verdict_sentence(duties: Sequence[Duty], running: bool, lang: str) -> str:
    """How many of the six duties are met, and how the others stand."""
    t = words(lang)
    met = _count(Verdict.MET, duties)
    first = t.ngettext("{n} of the six duties is met", "{n} of the six duties are met", met).format(
        n=met
    )
    counts = {verdict: _count(verdict, duties) for verdict in Verdict}
    phrases = (
        (
            counts[Verdict.ON_TRACK],
            t.ngettext("{n} is on track", "{n} are on track", counts[Verdict.ON_TRACK]),
        ),
        (
            counts[Verdict.PARTLY],
            t.ngettext("{n} is partly met", "{n} are partly met", counts[Verdict.PARTLY]),
        ),
        (
            counts[Verdict.BEHIND],
            t.ngettext("{n} is behind", "{n} are behind", counts[Verdict.BEHIND]),
        ),
        (
            counts[Verdict.NOT_MET],
            t.ngettext("{n} is not met", "{n} are not met", counts[Verdict.NOT_MET]),
        ),
    )
    others = [text.format(n=n) for n, text in phrases if n]
    if running:
        first = t.gettext("So far, {text}").format(text=first)
    return _join([first, *others], lang) + "."


def below_sentences(
    duties: Sequence[Duty], facts: YearFacts, running: bool, lang: str
) -> list[str]:
    """One sentence per duty not met: its title, its verdict and what was done."""
    return [
        words(lang)
        .gettext("{title}: {verdict} ({done}).")
        .format(
            title=duty_title(d.key, lang),
            verdict=verdict_word(d.verdict, lang),
            done=duty_done(d, facts, running, lang),
        )
        for d in duties
        if d.verdict is not Verdict.MET
    ]


def money_sentence(remark: MoneyRemark, year: int, lang: str) -> str:
    """The remark on the money: unspent, overspent or all spent; the pace of a running year."""
    t = words(lang)
    values = {
        "year": year,
        "grant": format_amount(remark.grant),
        "spent": format_amount(remark.spent),
        "left": format_amount(abs(remark.difference)),
        "share": round(remark.share_spent * 100),
        "passed": round(remark.share_of_year * 100),
    }
    texts = {
        Money.NO_GRANT: t.gettext(
            "No granted funds are recorded for {year}; the expenses are {spent}."
        ),
        Money.OVERSPENT: t.gettext(
            "The expenses, {spent}, exceed the granted funds of {grant} by {left}."
        ),
        Money.ALL_SPENT: t.gettext("The granted funds of {grant} were used in full."),
        Money.UNSPENT: t.gettext(
            "Of the granted funds of {grant}, {spent} was used ({share} %); {left} is unspent."
        ),
        Money.IN_PACE: t.gettext(
            "So far {spent} of the granted {grant} has been used ({share} %), "
            "in pace with the year ({passed} % passed)."
        ),
        Money.AHEAD: t.gettext(
            "So far {spent} of the granted {grant} has been used ({share} %), "
            "ahead of the year ({passed} % passed)."
        ),
        Money.BEHIND: t.gettext(
            "So far {spent} of the granted {grant} has been used ({share} %), "
            "behind the year ({passed} % passed)."
        ),
    }
    return texts[remark.kind].format(**values)


def rotation_sentence(pair: NextPair, lang: str) -> str:
    """Next year's pair as recorded: who stays, who leaves, whether the newcomer is appointed."""
    t = words(lang)
    if not pair.decided:
        return t.gettext("The coordinators for {year} are not yet appointed.").format(
            year=pair.year
        )
    parts = []
    if pair.stays:
        parts.append(
            t.ngettext("{names} stays", "{names} stay", len(pair.stays)).format(
                names=_join(pair.stays, lang)
            )
        )
    if pair.leaves:
        parts.append(
            t.ngettext(
                "{names} leaves the assignment", "{names} leave the assignment", len(pair.leaves)
            ).format(names=_join(pair.leaves, lang))
        )
    if pair.joins:
        parts.append(
            t.ngettext("{names} joins", "{names} join", len(pair.joins)).format(
                names=_join(pair.joins, lang)
            )
        )
    text = t.gettext("For {year}: {what}.").format(year=pair.year, what=_join(parts, lang))
    if not pair.complete:
        text += " " + t.gettext("The second coordinator is not yet appointed.").format(
            year=pair.year
        )
    return text


def reach_sentences(reach: Reach, lang: str) -> list[str]:
    """Persons and organisations at the meetings, and the län's kommuner reached."""
    t = words(lang)
    total = len(KOMMUNER)
    lines = []
    if reach.meetings_held:
        meetings = t.ngettext(
            "the {n} meeting held", "the {n} meetings held", reach.meetings_held
        ).format(n=reach.meetings_held)
        orgs = t.ngettext("{n} organisation", "{n} organisations", reach.organisations).format(
            n=reach.organisations
        )
        if reach.persons:
            persons = t.ngettext("{n} named person", "{n} named persons", reach.persons).format(
                n=reach.persons
            )
            said = t.gettext("At {meetings}, {persons} from {orgs} were recorded.")
        else:
            persons = ""
            said = t.gettext("{orgs} attended {meetings}; no persons are recorded.")
        sentence = said.format(meetings=meetings, persons=persons, orgs=orgs)
        lines.append(sentence[0].upper() + sentence[1:])
        lines.append(
            t.gettext(
                "Organisations from {n} of the county's {total} municipalities were at the meetings."
            ).format(n=len(reach.meeting_municipalities), total=total)
        )
    lines.append(
        t.gettext("The members are in {n} of the county's {total} municipalities.").format(
            n=len(reach.member_municipalities), total=total
        )
    )
    if reach.municipalities_as_members:
        lines.append(
            t.ngettext(
                "{n} member organisation is municipal: {names}.",
                "{n} member organisations are municipal: {names}.",
                len(reach.municipalities_as_members),
            ).format(
                n=len(reach.municipalities_as_members),
                names=_join(reach.municipalities_as_members, lang),
            )
        )
    else:
        lines.append(t.gettext("No member organisation is municipal."))
    return lines
