"""Which item of the dagordning each decision and each passage of a meeting's notes belongs to.

The kallelse numbers the dagordning as the protokoll does: a body that decides has four
standing paragraphs before its items (opening, election, the agenda, the previous protokoll),
so its first item is § 5; another meeting has only the opening, so its first item is 2. A
decision or a passage of the notes names its item by that number or by the item's title (or
the title's unique beginning); what names none belongs under Övriga frågor.

    --decision "5: anta aktivitetslistan 2026"       → item 1 of the agenda
    --decision "Budget: godkänna budgeten"           → the item whose title begins "Budget"
    --decision "anta budgeten: 50 000 kr till ..."   → no item: the text before the colon is
                                                       no item's title, so it stays text

In the notes, a line "§ 5", "§ 5 Aktivitetslistan", a heading "## Aktivitetslistan 2026", or a
line that is an item's whole title starts that item's passage; "§ Övriga frågor" (or the
heading) starts the passage that belongs to none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from psi.domain.meeting import DECIDING, Kind
from psi.domain.text import casefold_key
from psi.errors import InvalidInput
from psi.words import _

STANDING_BEFORE_ITEMS = 4
"""§ 1-4 of a protokoll come before the items; a meeting that does not decide has § 1 only."""

OTHER_BUSINESS = ("övriga frågor", "other business", "any other business")
"""What names the paragraph of the things tied to no item."""
OTHER_BUSINESS_NAME = "Övriga frågor"
"""The paragraph of the things tied to no item, as messages and corrections name it."""

_SECTION_NUMBER = re.compile(r"^#{0,6}\s*§\s*(\d{1,3})\b\s*[.:]?\s*(.*)$")
_SECTION_WORDS = re.compile(r"^#{0,6}\s*§\s*(\D.*)$")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_NUMBERED_DECISION = re.compile(r"^(?:§\s*(\d{1,3})\s*[:.]?|(\d{1,2})\s*:)\s*(.*)$", re.DOTALL)
_TITLED_DECISION = re.compile(r"^([^:]{1,120}?)\s*:\s*(.*)$", re.DOTALL)
_SHORTEST_BEGINNING = 3


@dataclass(frozen=True)
class Agenda:
    """A meeting's own items, numbered as its kallelse numbers them."""

    items: tuple[str, ...]
    first: int = STANDING_BEFORE_ITEMS + 1

    @classmethod
    def of(cls, kind: Kind, items: Sequence[str]) -> Agenda:
        """The agenda as the kallelse of a meeting of this kind numbers it."""
        return cls(tuple(items), first_item_number(kind in DECIDING))

    def number(self, position: int) -> int:
        """The number the dagordning gives the item at `position` (1 for the first item)."""
        return self.first + position - 1

    def numbers(self) -> str:
        """ "§ 5–7", "§ 5", or "no items", for messages (a message about an agenda without
        items says so in its own words)."""
        if not self.items:
            return "no items"
        last = self.number(len(self.items))
        return f"§ {self.first}" if last == self.first else f"§ {self.first}–{last}"

    def listing(self) -> str:
        """ "§ 5 Aktivitetslistan, § 6 Budget", for messages."""
        return ", ".join(f"§ {self.number(n)} {item}" for n, item in enumerate(self.items, 1))

    def by_number(self, number: int, text: str, *, in_notes: bool = False) -> int:
        """The position of the item numbered `number`; InvalidInput if no item has it
        (`in_notes`: `text` is a line of the notes, and the message says so)."""
        position = number - self.first + 1
        if 1 <= position <= len(self.items):
            return position
        if in_notes and self.items:
            message = _(
                "The notes' line {text} names § {number}, which is not an item of this "
                "meeting's agenda ({items}); use an item's number or title, or leave the number "
                "out for Övriga frågor."
            )
        elif in_notes:
            message = _(
                "The notes' line {text} names § {number}, but this meeting's agenda has no "
                "items; leave the number out for Övriga frågor."
            )
        elif self.items:
            message = _(
                "{text} names § {number}, which is not an item of this meeting's agenda "
                "({items}); use an item's number or title, or leave the number out for "
                "Övriga frågor."
            )
        else:
            message = _(
                "{text} names § {number}, which is not an item of this meeting's agenda "
                "(no items); use an item's number or title, or leave the number out for "
                "Övriga frågor."
            )
        raise InvalidInput(message.format(text=quoted(text), number=number, items=self.numbers()))

    def by_title(self, text: str, *, line: str | None = None) -> int | None:
        """The position of the item whose title is `text`, or begins with it; None if none
        does; InvalidInput if the beginning is shared by several items (`line`: the line of
        the notes the text was written in, for the message)."""
        key = casefold_key(text).rstrip(": ")
        if len(key) < _SHORTEST_BEGINNING:
            return None
        titles = [casefold_key(item) for item in self.items]
        if key in titles:
            return titles.index(key) + 1
        found = [n for n, title in enumerate(titles, start=1) if title.startswith(key)]
        if len(found) > 1:
            named = ", ".join(f"§ {self.number(n)} {self.items[n - 1]}" for n in found)
            if line is not None:
                message = _(
                    "The notes' line {text} begins more than one agenda item ({items}); "
                    "give the item's number instead."
                )
            else:
                message = _(
                    "{text} begins more than one agenda item ({items}); "
                    "give the item's number instead."
                )
            raise InvalidInput(message.format(text=quoted(line or text), items=named))
        return found[0] if found else None


def quoted(text: str) -> str:
    """Text as a message quotes it: 'Budget'."""
    return f"'{text.strip()}'"


def first_item_number(protocol: bool) -> int:
    """The number of a meeting's first own item: 5 in a protokoll, 2 otherwise."""
    return STANDING_BEFORE_ITEMS + 1 if protocol else 2


def names_other_business(text: str) -> bool:
    """Whether `text` is "Övriga frågor" (or its English), the paragraph of the untied."""
    return casefold_key(text).rstrip(": ") in OTHER_BUSINESS


_UNNAMED = -1
"""What `_named_item` says of a decision that names no item (positions start at 1)."""


def _named_item(value: str, agenda: Agenda) -> tuple[int | None, str]:
    """The item a decision names (its place; None: Övriga frågor; _UNNAMED: none) and its text."""
    numbered = _NUMBERED_DECISION.match(value)
    if numbered:
        number = int(numbered.group(1) or numbered.group(2))
        return agenda.by_number(number, value), numbered.group(3)
    titled = _TITLED_DECISION.match(value)
    if titled:
        if names_other_business(titled.group(1)):
            return None, titled.group(2)
        position = agenda.by_title(titled.group(1))
        if position is not None:
            return position, titled.group(2)
    return _UNNAMED, value


def retie_decision(text: str, agenda: Agenda, current: int | None) -> tuple[int | None, str]:
    """A decision's new wording (`psi meeting decision --change N TEXT`): the item it names,
    as `tie_decision` reads it, or the item it was under (`current`) when it names none."""
    position, body = _named_item(text.strip(), agenda)
    return (current, body) if position == _UNNAMED else (position, body)


def tie_decision(text: str, agenda: Agenda) -> tuple[int | None, str]:
    """The decision as typed to `psi meeting held --decision`: the place of the item it
    names (None: Övriga frågor) and its own text. When the agenda has items, a decision must
    say where it belongs, by an item or "Övriga frågor:" (InvalidInput if it does not)."""
    value = text.strip()
    position, body = _named_item(value, agenda)
    if position != _UNNAMED:
        return position, body
    if agenda.items:
        raise InvalidInput(
            _(
                "The decision '{text}' names no item of the agenda ({items}); begin it with "
                'the item\'s number, like --decision "{first}: {text}", or with "Övriga frågor: " '
                "if it was not on the agenda."
            ).format(text=value, items=agenda.listing(), first=agenda.first)
        )
    return None, value


@dataclass
class Passages:
    """A meeting's notes, split by the item each passage belongs to."""

    by_item: dict[int, str] = field(default_factory=dict)
    other: str = ""


def split_notes(text: str | None, agenda: Agenda, *, strict: bool = False) -> Passages:
    """The notes by item: each marker line starts the passage of the item it names, and
    what comes before the first marker, or after "§ Övriga frågor", belongs to none.

    With `strict` (when the notes are recorded), a "§ N" that is no item of the agenda, or a
    heading that begins several items' titles, is InvalidInput; otherwise such a line is
    kept as text of the passage it is in (notes recorded before items were tied).
    """
    if not agenda.items:  # nothing to name: every line is text
        return Passages(other=(text or "").strip())
    lines: dict[int | None, list[str]] = {}
    current: int | None = None
    for line in (text or "").splitlines():
        try:
            marker, rest = _marker(line.strip(), agenda)
        except InvalidInput:
            if strict:
                raise
            marker, rest = _TEXT, line
        if marker == _TEXT:
            lines.setdefault(current, []).append(line)
            continue
        current = marker
        # A passage named a second time goes on after a blank line: a new paragraph.
        passage = lines.setdefault(current, [])
        if passage and passage[-1].strip():
            passage.append("")
        if rest:
            lines[current].append(rest)
    passages = {key: "\n".join(body).strip() for key, body in lines.items()}
    return Passages(
        by_item={key: body for key, body in passages.items() if key is not None and body},
        other=passages.get(None, ""),
    )


_TEXT = 0
"""What `_marker` says of a line that starts no passage (item positions start at 1)."""


def _marker(line: str, agenda: Agenda) -> tuple[int | None, str]:
    """The item a line starts (its position; None for Övriga frågor, _TEXT for none), and
    what of the line is text: all of it, or what follows "§ 5" other than the title."""
    numbered = _SECTION_NUMBER.match(line)
    if numbered:
        position = agenda.by_number(int(numbered.group(1)), line, in_notes=True)
        rest = numbered.group(2)
        title = casefold_key(agenda.items[position - 1])
        return position, "" if title.startswith(casefold_key(rest)) else rest
    section, heading = _SECTION_WORDS.match(line), _HEADING.match(line)
    named = section or heading
    if named:
        if names_other_business(named.group(1)):
            return None, ""
        found = agenda.by_title(named.group(1), line=line)
        if found is None and section:
            # The agenda has items here: notes of a meeting without items are all text.
            raise InvalidInput(
                _(
                    "The notes' line {text} names no item of this meeting's agenda "
                    "({items}); use an item's number or title, or § Övriga frågor."
                ).format(text=quoted(line), items=agenda.numbers())
            )
        return (_TEXT, line) if found is None else (found, "")
    if names_other_business(line):
        return None, ""
    whole = casefold_key(line).rstrip(": ")
    titles = [casefold_key(item) for item in agenda.items]
    return (titles.index(whole) + 1, "") if whole in titles else (_TEXT, line)


def changed_passages(before: str | None, after: str | None, agenda: Agenda) -> list[str]:
    """Which passages of the notes differ between two versions, named as the kallelse names
    them: ["§ 6", "Övriga frågor"] (whitespace alone is no change)."""
    old, new = split_notes(before, agenda), split_notes(after, agenda)

    def same(a: str, b: str) -> bool:
        return a.split() == b.split()

    names = [
        f"§ {agenda.number(place)}"
        for place in range(1, len(agenda.items) + 1)
        if not same(old.by_item.get(place, ""), new.by_item.get(place, ""))
    ]
    if not same(old.other, new.other):
        names.append(OTHER_BUSINESS_NAME)
    return names
