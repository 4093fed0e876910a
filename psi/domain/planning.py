"""Planning a year's meetings: AU meetings on a rule, stormöten spread over the working year."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from psi.domain.calendar import (
    MELLANDAGARNA,
    is_mellandag,
    nearest_free_day,
    why_not_free,
    why_not_planned,
)
from psi.errors import InvalidInput
from psi.words import MEETING_STATUS, NC_, _, interface_term, pgettext

STORMOTEN_MIN, STORMOTEN_MAX = 2, 4
DEFAULT_STORMOTEN = 3
DEFAULT_AU_RULE = "2nd tuesday"
DEFAULT_TIME = "13:00-15:00"
REGIONAL_UTVECKLING = "Regional utveckling"
PREPARATION_DAYS = (7, 21)
"""An AU meeting this many days (at least, at most) before a stormöte prepares it."""

_ORDINALS = {
    "1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3,
    "4th": 4, "fourth": 4, "last": -1,
    "första": 1, "forsta": 1, "1:a": 1, "1a": 1,
    "andra": 2, "2:a": 2, "2a": 2,
    "tredje": 3, "3:e": 3, "3e": 3,
    "fjärde": 4, "fjarde": 4, "4:e": 4, "4e": 4,
    "sista": -1,
}  # fmt: skip
"""The ordinals of a weekday in its month, in English and Swedish (`2nd`, `andra`, `2:a`)."""
_DAYS = {
    "monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
    "måndag": "MO", "tisdag": "TU", "onsdag": "WE", "torsdag": "TH", "fredag": "FR",
    "mandag": "MO",
}  # fmt: skip
_DAY_ENDINGS = {"day": ("s",), "dag": ("en", "ar", "arna")}
"""What may follow a weekday's name, by how it ends: `tuesdays`; Swedish `tisdagen` (the
definite form), `tisdagar`, `tisdagarna`."""
_FILLERS = frozenset({"every", "each", "the", "varje", "den"})
"""Words around the ordinal and the weekday that change nothing: `every 2nd tuesday`,
`den andra tisdagen`, `varje sista torsdag`."""
_MONTH_TAILS = (
    ("of", "the", "month"), ("of", "each", "month"), ("of", "every", "month"),
    ("in", "the", "month"), ("a", "month"), ("each", "month"), ("every", "month"),
    ("i", "månaden"), ("i", "varje", "månad"), ("varje", "månad"), ("per", "månad"),
    ("i", "manaden"), ("i", "varje", "manad"), ("varje", "manad"), ("per", "manad"),
)  # fmt: skip
"""How a phrase may end, saying what it already says: once a month."""
_MONTHS = (
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
    NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
    NC_("month", "November"), NC_("month", "December"),
)  # fmt: skip
"""The months' names (English; `pgettext("month", ...)` says them in the interface
language)."""


@dataclass(frozen=True)
class TimeSlot:
    """A meeting's start and end time."""

    start: time
    end: time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_time_slot(text: str) -> TimeSlot:
    """`13:00-15:00` as a TimeSlot; the end must come after the start."""
    match = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*-\s*(\d{1,2})[:.](\d{2})\s*", text)
    try:
        if not match:
            raise ValueError(text)
        h1, m1, h2, m2 = (int(part) for part in match.groups())
        slot = TimeSlot(time(h1, m1), time(h2, m2))
    except ValueError:
        raise InvalidInput(
            _("'{text}' is not a time span; write it like 13:00-15:00.").format(text=text)
        ) from None
    if slot.end <= slot.start:
        raise InvalidInput(
            _("'{text}' ends before it starts; write it like 13:00-15:00.").format(text=text)
        )
    return slot


def au_rule_to_rrule(text: str) -> str:
    """An AU rule as an iCalendar RRULE: a phrase like `2nd tuesday`, or an RRULE itself."""
    value = text.strip()
    if value.upper().startswith(("FREQ=", "RRULE:")):
        rule = value.upper().removeprefix("RRULE:")
        _check_rrule(rule)
        return rule
    phrase = _weekday_of_month(value)
    if phrase is None:
        raise InvalidInput(
            _(
                '\'{text}\' is not a meeting rule; write it like "2nd tuesday", "last thursday", '
                '"andra tisdagen", "sista torsdagen" or FREQ=MONTHLY;BYDAY=2TU.'
            ).format(text=text)
        )
    ordinal, day = phrase
    return f"FREQ=MONTHLY;BYDAY={ordinal}{day}"


def _weekday_of_month(phrase: str) -> tuple[int, str] | None:
    """`2nd tuesday`, `andra tisdagen`, `2:a tisdag`, `every last thursday of the month` as
    (2, "TU"), (-1, "TH") ...; None if the phrase is not one."""
    words = [word.strip(".,") for word in phrase.casefold().split()]
    for tail in _MONTH_TAILS:
        if tuple(words[-len(tail) :]) == tail:
            words = words[: -len(tail)]
            break
    words = [word for word in words if word not in _FILLERS]
    if len(words) != 2 or words[0] not in _ORDINALS:
        return None
    day = _weekday(words[1])
    return None if day is None else (_ORDINALS[words[0]], day)


def _weekday(word: str) -> str | None:
    """The RRULE name of a weekday written `tuesday`, `tuesdays`, `tisdag`, `tisdagen` ..."""
    if word in _DAYS:
        return _DAYS[word]
    for name, endings in _DAY_ENDINGS.items():
        for ending in endings:
            stem = word.removesuffix(ending)
            if stem != word and stem.endswith(name) and stem in _DAYS:
                return _DAYS[stem]
    return None


_RANGES = {
    "BYMONTH": (1, 12, False),
    "BYMONTHDAY": (1, 31, True),
    "BYYEARDAY": (1, 366, True),
    "BYWEEKNO": (1, 53, True),
    "BYSETPOS": (1, 366, True),
}
"""The values RFC 5545 allows in each BY part: lowest, highest, and whether negative ones
(counted from the end) are allowed too. Outside them a rule can never occur."""


def _check_rrule(rule: str) -> None:
    parts = dict(part.partition("=")[::2] for part in rule.split(";") if part)
    interval = parts.get("INTERVAL", "1")
    try:
        if not interval.isdigit() or int(interval) < 1:
            raise ValueError(interval)
        # Expanding one year proves the rule works (and finds ordinals like 9TU that do not).
        rule_dates(rule, 2000)
    except (ValueError, TypeError, IndexError, OverflowError):
        raise InvalidInput(
            _(
                '\'{rule}\' is not a valid RRULE; write it like "2nd tuesday", "last thursday", '
                '"andra tisdagen", "sista torsdagen" or FREQ=MONTHLY;BYDAY=2TU.'
            ).format(rule=rule)
        ) from None
    for name, (low, high, negative) in _RANGES.items():
        for value in filter(None, parts.get(name, "").split(",")):
            number = int(value)  # dateutil has read it as a number already
            if not (low <= number <= high or (negative and low <= -number <= high)):
                raise InvalidInput(_never_occurs(rule, name, value, low, high, negative=negative))


def _never_occurs(rule: str, name: str, value: str, low: int, high: int, *, negative: bool) -> str:
    """Why an RRULE can never occur: one of its BY parts is outside what RFC 5545 allows."""
    if negative:
        message = _(
            "'{rule}' can never occur: {part}={value} is outside {low}-{high} or -{high} to "
            '-{low}; write it like "2nd tuesday", "last thursday", "andra tisdagen", '
            '"sista torsdagen" or FREQ=MONTHLY;BYDAY=2TU.'
        )
    else:
        message = _(
            "'{rule}' can never occur: {part}={value} is outside {low}-{high}; write it like "
            '"2nd tuesday", "last thursday", "andra tisdagen", "sista torsdagen" or '
            "FREQ=MONTHLY;BYDAY=2TU."
        )
    return message.format(rule=rule, part=name, value=value, low=low, high=high)


def rule_dates(rule: str, year: int) -> list[date]:
    """The dates an RRULE gives in a year."""
    from dateutil.rrule import rrulestr

    start, end = datetime(year, 1, 1), datetime(year, 12, 31, 23, 59)
    return [moment.date() for moment in rrulestr(rule, dtstart=start).between(start, end, inc=True)]


def in_break(day: date) -> bool:
    """Whether a day lies in the summer break (15 June-15 August) or 20 December-6 January."""
    summer = date(day.year, 6, 15) <= day <= date(day.year, 8, 15)
    winter = day >= date(day.year, 12, 20) or day <= date(day.year, 1, 6)
    return summer or winter


@dataclass(frozen=True)
class PlannedMeeting:
    """One meeting in a year's plan."""

    key: str
    kind: str
    day: date
    title: str
    co_organiser: str | None = None
    moved_from: date | None = None
    moved_because: str | None = None
    prepares: str | None = None

    @property
    def agenda(self) -> str | None:
        """The agenda the meeting is saved with: `Förberedelse av stormöte 1`, or none."""
        return f"{PREPARATION_ITEM} {self.prepares.lower()}" if self.prepares else None


AU_TITLE = "AU-möte"
PREPARATION_ITEM = "Förberedelse av"


def _stormote_title(n: int | str) -> str:
    return f"Stormöte {n}"


def _preparation_title(stormote_title: str) -> str:
    return f"AU-möte: förberedelse av {stormote_title.lower()}"


_KEY = re.compile(r"(?P<year>\d{4})/(?:au/\d{2}-\d{2}|stormote/(?P<n>\d+)(?P<extra>/au)?)")


def title_for_key(key: str) -> str | None:
    """The title `plan_year` gives the slot with this plan key, or None for a key it never
    makes: `2027/au/03-09` AU-möte, `2027/stormote/2` Stormöte 2, `2027/stormote/2/au`
    AU-möte: förberedelse av stormöte 2."""
    match = _KEY.fullmatch(key)
    if match is None:
        return None
    if match["n"] is None:
        return AU_TITLE
    title = _stormote_title(match["n"])
    return _preparation_title(title) if match["extra"] else title


def kind_for_key(key: str) -> str | None:
    """The kind of meeting a plan key stands for (`au`, `stormote`), or None."""
    match = _KEY.fullmatch(key)
    if match is None:
        return None
    return "stormote" if match["n"] is not None and not match["extra"] else "au"


ANOTHER_MEETING = NC_("moved because", "another meeting that day")
"""Why the planner moves an AU meeting off its rule date when a stormöte is on it (English;
`moved_words` says it in the interface language)."""


def moved_words(reason: str) -> str:
    """Why a meeting was moved, as the plan shows it: a holiday's or weekday's own Swedish
    name as it is, `another meeting that day` in the interface language."""
    return pgettext("moved because", reason) if reason == ANOTHER_MEETING else reason


def why_moved(day: date) -> str | None:
    """Why the planner moves an AU meeting off its rule date: the day is not free
    (`why_not_free`) or one of mellandagarna. A rule date on a klämdag stays (the AU chose
    that weekday); only a move never lands on one (`why_not_planned`)."""
    return why_not_free(day) or (MELLANDAGARNA if is_mellandag(day) else None)


def _moved(meeting: PlannedMeeting, blocked: frozenset[date]) -> PlannedMeeting:
    reason = why_moved(meeting.day) or (ANOTHER_MEETING if meeting.day in blocked else None)
    if reason is None:
        return meeting
    return replace(
        meeting,
        day=nearest_free_day(meeting.day, blocked, why_not_planned),
        moved_from=meeting.day,
        moved_because=reason,
    )


def stormote_dates(year: int, count: int) -> list[date]:
    """`count` dates spread evenly over the year's free working days outside the breaks."""
    if not STORMOTEN_MIN <= count <= STORMOTEN_MAX:
        raise InvalidInput(
            _(
                "{count} stormöten is outside the 2-4 a year the assignment asks for; "
                "give --stormoten 2, 3 or 4."
            ).format(count=count)
        )
    day, days = date(year, 1, 1), []
    while day.year == year:
        if not in_break(day) and why_not_free(day) is None:
            days.append(day)
        day += timedelta(days=1)
    chosen = [int((index + 0.5) * len(days) / count) for index in range(count)]
    return [_off_klamdag(days, index) for index in chosen]


def _off_klamdag(days: list[date], index: int) -> date:
    """The day at `index`, or, if it is a klämdag, the nearest one in `days` that is not
    (the list holds free days outside the breaks; the spread barely changes)."""
    for offset in range(len(days)):
        for probe in (index + offset, index - offset):
            if 0 <= probe < len(days) and why_not_planned(days[probe]) is None:
                return days[probe]
    return days[index]


def plan_year(
    year: int,
    *,
    stormoten: int = DEFAULT_STORMOTEN,
    au_rule: str = DEFAULT_AU_RULE,
    skip_months: tuple[int, ...] = (7,),
) -> list[PlannedMeeting]:
    """The year's AU meetings and stormöten, each on a free working day, in date order."""
    stormote_days = stormote_dates(year, stormoten)
    stormoten_planned = [
        PlannedMeeting(
            key=f"{year}/stormote/{n}",
            kind="stormote",
            day=day,
            title=_stormote_title(n),
            co_organiser=REGIONAL_UTVECKLING,
        )
        for n, day in enumerate(stormote_days, start=1)
    ]
    taken = frozenset(stormote_days)
    au: list[PlannedMeeting] = []
    rule = au_rule_to_rrule(au_rule)
    rule_days = [day for day in rule_dates(rule, year) if day.month not in skip_months]
    if not rule_days:
        raise InvalidInput(_no_au_meeting(au_rule.strip(), year, skip_months))
    for day in rule_days:
        meeting = PlannedMeeting(key=f"{year}/au/{day:%m-%d}", kind="au", day=day, title=AU_TITLE)
        moved = _moved(meeting, taken | frozenset(m.day for m in au))
        au.append(moved)
    for stormote in stormoten_planned:
        au = _ensure_preparation(au, stormote, taken)
    return sorted([*au, *stormoten_planned], key=lambda m: (m.day, m.kind))


def _no_au_meeting(rule: str, year: int, skip_months: tuple[int, ...]) -> str:
    """Why a rule gives no AU meeting in a year (outside the months the AU does not meet)."""
    skipped = ", ".join(pgettext("month", _MONTHS[month - 1]) for month in sorted(set(skip_months)))
    if skipped:
        message = _(
            "'{rule}' gives no AU meeting in {year} outside {months}, when the AU does not "
            'meet; write it like "2nd tuesday", "last thursday", "andra tisdagen", '
            '"sista torsdagen" or FREQ=MONTHLY;BYDAY=2TU.'
        )
    else:
        message = _(
            "'{rule}' gives no AU meeting in {year}; write it like \"2nd tuesday\", "
            '"last thursday", "andra tisdagen", "sista torsdagen" or FREQ=MONTHLY;BYDAY=2TU.'
        )
    return message.format(rule=rule, year=year, months=skipped)


def _ensure_preparation(
    au: list[PlannedMeeting], stormote: PlannedMeeting, taken: frozenset[date]
) -> list[PlannedMeeting]:
    earliest = stormote.day - timedelta(days=PREPARATION_DAYS[1])
    latest = stormote.day - timedelta(days=PREPARATION_DAYS[0])
    for index, meeting in enumerate(au):
        if earliest <= meeting.day <= latest:
            au[index] = replace(meeting, prepares=stormote.title)
            return au
    target = stormote.day - timedelta(days=14)
    blocked = taken | frozenset(m.day for m in au)
    extra = PlannedMeeting(
        key=f"{stormote.key}/au",
        kind="au",
        day=target,
        title=_preparation_title(stormote.title),
        prepares=stormote.title,
    )
    day = nearest_free_day(target, blocked, why_not_planned)
    if not earliest <= day <= latest:
        day = _first_free_in(earliest, latest, blocked) or day
    return [*au, replace(extra, day=day)]


def _first_free_in(start: date, end: date, blocked: frozenset[date]) -> date | None:
    day = start
    while day <= end:
        if why_not_planned(day) is None and day not in blocked:
            return day
        day += timedelta(days=1)
    return None


# --- saving a year's plan again: what would change --------------------------------------------


@dataclass(frozen=True)
class SavedMeeting:
    """A meeting an earlier `psi meeting plan --save` stored, as a new save compares it."""

    id: int
    key: str
    """Its plan key: the slot of the plan it stands for."""
    kind: str
    day: date
    start: time | None
    end: time | None
    title: str
    agenda: str | None
    edited: str | None = None
    """Why it is left as it is (`held`, `cancelled`, `moved or edited`, ...; see
    `edited_because`), or None if it is as the plan saved it."""


@dataclass(frozen=True)
class MeetingFacts:
    """What the record holds about a meeting a plan saved, to tell whether anybody has
    touched it since (`edited_because`)."""

    key: str
    kind: str
    status: str
    sequence: int
    title: str
    agenda: str | None
    co_organiser: str | None
    link: str | None
    minutes: bool = False
    adjusted: bool = False
    recorded: tuple[str, ...] = ()
    """What else the record holds about it: `attendance`, `decisions`, `action items`..."""


_PREPARATION_AGENDA = re.compile(rf"{PREPARATION_ITEM} stormöte \d+")


def edited_because(facts: MeetingFacts) -> str | None:
    """Why a meeting saved from a plan must be left alone by a new save, or None when nobody
    has edited, moved or held it, so `--replace` may move or remove it.

    It is left alone when any of these holds:

    - its status is not `planned`: it was held or cancelled;
    - its `sequence` is above 0: every command that changes a meeting (`psi meeting move`,
      `edit`, `cancel`, `held`) raises it, so a meeting with sequence 0 has not been
      changed since the plan saved it (this covers its date, time, place and link);
    - it has minutes or a justering date, or the record holds anything about it
      (attendance, decisions, action items, corrections, expenses);
    - its kind, title, co-organiser, link or agenda differ from what the plan saves for its
      slot (the title from its plan key, Regional utveckling beside a stormöte, no link, no
      agenda or the one line `Förberedelse av stormöte N`): a change made some other way,
      such as an import, still counts as an edit.
    """
    if facts.status != "planned":
        return facts.status
    if facts.sequence > 0:
        return "moved or edited"
    if facts.minutes or facts.adjusted:
        return "has minutes"
    if facts.recorded:
        return "has " + " and ".join(facts.recorded)
    co_organiser = REGIONAL_UTVECKLING if facts.kind == "stormote" else None
    as_saved = (
        kind_for_key(facts.key) == facts.kind
        and title_for_key(facts.key) == facts.title
        and facts.co_organiser == co_organiser
        and facts.link is None
        and (facts.agenda is None or _PREPARATION_AGENDA.fullmatch(facts.agenda) is not None)
    )
    return None if as_saved else "edited"


LEFT_BECAUSE = (
    NC_("left because", "moved or edited"),
    NC_("left because", "has minutes"),
    NC_("left because", "edited"),
)
"""The words `edited_because` gives besides a status and what the record holds (English;
`edited_words` says them in the interface language)."""
STATUS_REASONS = ("held", "cancelled")
"""The statuses `edited_because` gives as they are: a held or cancelled meeting."""


def edited_words(reason: str) -> str:
    """Why a saved meeting is left as it is (what `edited_because` says), in the interface
    language: `held`, `moved or edited`, `has attendance and decisions` ...; what the record
    holds is in the catalogue with the context "meeting record"."""
    if reason in STATUS_REASONS:
        return interface_term(MEETING_STATUS, reason)
    if reason in LEFT_BECAUSE:
        return pgettext("left because", reason)
    if not reason.startswith("has "):
        return reason
    records = [
        pgettext("meeting record", record) for record in reason.removeprefix("has ").split(" and ")
    ]
    if len(records) == 1:
        return _("has {record}").format(record=records[0])
    return _("has {records} and {last}").format(records=", ".join(records[:-1]), last=records[-1])


Pair = tuple[SavedMeeting, PlannedMeeting]


@dataclass(frozen=True)
class PlanDiff:
    """What saving a plan again would do to the meetings an earlier save stored.

    Every saved meeting is in exactly one of kept, moved, removed and left; every planned
    meeting in exactly one of kept, moved, added and left (or nowhere, in left, when an
    edited meeting stands for no slot of the new plan).
    """

    kept: list[Pair] = field(default_factory=list)
    """Already as the plan has it (at most its plan key changes)."""
    moved: list[Pair] = field(default_factory=list)
    """Untouched meetings that get the new date (or time, title or agenda)."""
    added: list[PlannedMeeting] = field(default_factory=list)
    """Slots of the new plan that no saved meeting stands for."""
    removed: list[SavedMeeting] = field(default_factory=list)
    """Untouched meetings for which the new plan has no slot."""
    left: list[tuple[SavedMeeting, PlannedMeeting | None]] = field(default_factory=list)
    """Edited, moved by hand, held or cancelled meetings: never changed; each stands for
    the slot it is paired with (if any), which is therefore not added."""

    @property
    def changes(self) -> int:
        """How many meetings the save would move, add or remove."""
        return len(self.moved) + len(self.added) + len(self.removed)


def _group(kind: str, key: str, day: date) -> tuple[str, int]:
    """Saved and planned meetings pair within a group: the same stormöte (by its number) or
    AU meetings of the same month."""
    match = _KEY.fullmatch(key)
    if kind == "stormote" and match is not None and match["n"] and not match["extra"]:
        return ("stormote", int(match["n"]))
    return (kind, -day.month)


def _distance(old: SavedMeeting, new: PlannedMeeting) -> tuple[bool, int, date]:
    """How far a slot is from a saved meeting: a slot of another sort (a stormöte's extra
    preparation AU meeting against one on the rule) is farther than any date."""
    extra = old.key.endswith("/au"), new.key.endswith("/au")
    return (extra[0] != extra[1], abs((new.day - old.day).days), new.day)


def _same(old: SavedMeeting, new: PlannedMeeting, slot: TimeSlot | None) -> bool:
    same_time = slot is None or (old.start, old.end) == (slot.start, slot.end)
    return old.day == new.day and same_time and (old.title, old.agenda) == (new.title, new.agenda)


def plan_diff(
    saved: Sequence[SavedMeeting], plan: Sequence[PlannedMeeting], slot: TimeSlot | None
) -> PlanDiff:
    """What saving `plan` would change in the meetings an earlier save of the year stored.

    A saved meeting first pairs with the planned slot of the same plan key (the same rule
    date, or the same stormöte); the rest pair within their group, the same stormöte number
    or AU meetings of the same month: edited ones first, then untouched ones in date order,
    each with the nearest slot of its sort (on the rule, or preparing a stormöte). So a rule
    change from the 2nd tuesday to the 2nd wednesday moves each AU meeting a day, keeping
    its number and calendar UID. `slot` None keeps the saved meetings' times (no --time
    given); otherwise a different time is a change too.
    """
    diff = PlanDiff()
    waiting = {meeting.key: meeting for meeting in plan}
    rest: list[SavedMeeting] = []
    pairs: list[Pair] = []
    for old in sorted(saved, key=lambda m: (m.day, m.id)):
        new = waiting.pop(old.key, None)
        if new is None:
            rest.append(old)
        else:
            pairs.append((old, new))
    open_slots: dict[tuple[str, int], list[PlannedMeeting]] = {}
    for new in sorted(waiting.values(), key=lambda m: (m.day, m.key)):
        open_slots.setdefault(_group(new.kind, new.key, new.day), []).append(new)
    unpaired: list[SavedMeeting] = []
    for old in sorted(rest, key=lambda m: (m.edited is None, m.day, m.id)):
        candidates = open_slots.get(_group(old.kind, old.key, old.day), [])
        if not candidates:
            unpaired.append(old)
            continue
        new = min(candidates, key=lambda m: _distance(old, m))
        candidates.remove(new)
        pairs.append((old, new))
    for old, new in sorted(pairs, key=lambda pair: (pair[1].day, pair[1].key)):
        if old.edited:
            diff.left.append((old, new))
        elif _same(old, new, slot):
            diff.kept.append((old, new))
        else:
            diff.moved.append((old, new))
    for old in unpaired:
        if old.edited:
            diff.left.append((old, None))
        else:
            diff.removed.append(old)
    diff.added.extend(sorted((m for ms in open_slots.values() for m in ms), key=lambda m: m.day))
    diff.left.sort(key=lambda pair: (pair[0].day, pair[0].id))
    diff.removed.sort(key=lambda m: (m.day, m.id))
    return diff


def updated(old: SavedMeeting, new: PlannedMeeting, slot: TimeSlot | None) -> SavedMeeting:
    """A kept or moved meeting as the save leaves it: the slot's key, date, title and agenda
    (and the new time, if one was given); its number stays."""
    return replace(
        old,
        key=new.key,
        day=new.day,
        start=slot.start if slot else old.start,
        end=slot.end if slot else old.end,
        title=new.title,
        agenda=new.agenda,
    )
