"""Build a large synthetic psi register for the benchmarks (issue 10).

    python benchmarks/generate.py OUT.sqlite3

Ten years (2017-2026), 5 000 organisations, 20 000 meetings, 200 000 attendance rows,
100 000 expenses, 50 000 log entries and 20 000 activities, drawn with a fixed random
seed. The schema comes from psi's own migrations (`psi.storage.open_engine(..., create=True)`,
as `psi init` does); the rows go in through SQLAlchemy Core bulk inserts into the real
tables of psi.models, in one transaction, and keep every rule psi keeps: unique names,
valid sectors, statuses, kinds and categories, two civil-society coordinators a year by
the rotation (one stays, one newcomer), a grant of 200 000 kr a year split between them,
expenses only by that year's coordinators, attendance only of members at held meetings.

Meetings up to today (at the latest 2026-12-31) are held or cancelled, later ones planned.
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

SEED = 20_170_101
FIRST_YEAR = 2017
LAST_YEAR = 2026
YEARS = tuple(range(FIRST_YEAR, LAST_YEAR + 1))

ORGANISATIONS = 5_000
MEETINGS = 20_000
ATTENDANCE = 200_000
EXPENSES = 100_000
LOG_ENTRIES = 50_000
ACTIVITIES = 20_000

GRANT_ORE = 20_000_000  # 200 000 kr
BATCH = 5_000

Row = dict[str, Any]

KOMMUNER: dict[str, str] = {
    "1814": "Lekeberg",
    "1860": "Laxå",
    "1861": "Hallsberg",
    "1862": "Degerfors",
    "1863": "Hällefors",
    "1864": "Ljusnarsberg",
    "1880": "Örebro",
    "1881": "Kumla",
    "1882": "Askersund",
    "1883": "Karlskoga",
    "1884": "Nora",
    "1885": "Lindesberg",
}
OUTSIDE = ("Stockholm", "Västerås", "Karlstad", "Eskilstuna", "Uppsala")
PLACES = (
    "Örebro",
    "Kumla",
    "Hallsberg",
    "Askersund",
    "Karlskoga",
    "Degerfors",
    "Nora",
    "Lindesberg",
    "Laxå",
    "Hällefors",
    "Kopparberg",
    "Fjugesta",
    "Vretstorp",
    "Odensbacken",
    "Glanshammar",
    "Pålsboda",
    "Fellingsbro",
    "Frövi",
    "Storå",
    "Grythyttan",
    "Zinkgruvan",
    "Hasselfors",
    "Ervalla",
    "Mullhyttan",
    "Sköllersta",
    "Hovsta",
    "Vivalla",
    "Brickebacken",
    "Baronbackarna",
    "Adolfsberg",
)
CORES = (
    "Bron",
    "Gläntan",
    "Ekdungen",
    "Tallen",
    "Ljuset",
    "Vägen",
    "Hörnet",
    "Källan",
    "Ankaret",
    "Framtiden",
    "Gemenskapen",
    "Nyckeln",
    "Fyren",
    "Kompassen",
    "Trädgården",
    "Verkstaden",
    "Bryggan",
    "Stigen",
    "Ängen",
    "Solrosen",
    "Björken",
    "Linden",
    "Älven",
    "Sjön",
    "Berget",
    "Dalen",
    "Gnistan",
    "Hamnen",
    "Boet",
    "Kvarnen",
    "Smedjan",
    "Stugan",
    "Torget",
    "Vinden",
    "Åkern",
    "Öarna",
    "Rötterna",
    "Grannskapet",
    "Mötesplatsen",
    "Lyktan",
)
CIVIL_KINDS = (
    "Föreningen",
    "Stiftelsen",
    "Idrottsföreningen",
    "Kooperativet",
    "Hembygdsföreningen",
    "Studiecirkeln",
    "Kulturföreningen",
    "Nätverket",
    "Intresseföreningen",
    "Pensionärsföreningen",
    "Ungdomsföreningen",
    "Kvinnojouren",
    "Frivilligcentralen",
    "Sociala företaget",
)
MUNICIPAL_UNITS = (
    "Socialförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Arbetsmarknadsenheten",
    "Förvaltningen för funktionsstöd",
    "Integrationsenheten",
    "Folkhälsoenheten",
)
STATE_BODIES = ("Arbetsförmedlingen", "Försäkringskassan", "Länsstyrelsen", "Polisen")
ACADEMIA = ("Folkhögskolan", "Forskningsmiljön", "Studieförbundet", "Högskolecentrum")
FIRST_NAMES = ("Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Sara", "Ali", "Fatima", "Åsa")
LAST_NAMES = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg")
ROLES = ("ordförande", "verksamhetsledare", "kassör", "sekreterare", "samordnare")
SECTOR_WEIGHTS = {
    "civil-society": 78,
    "municipality": 8,
    "region": 1,
    "state": 3,
    "academia": 3,
    "business": 5,
    "other": 2,
}
CATEGORIES = ("personnel", "venue", "catering", "communication", "travel", "other")
CATEGORY_NOTES = {
    "personnel": "Arvode samordning",
    "venue": "Lokalhyra",
    "catering": "Fika",
    "communication": "Trycksaker och annonser",
    "travel": "Resa",
    "other": "Övrigt",
}
LOG_KINDS = ("member-dialogue", "recruitment", "msi", "website", "social-media", "other")
LOG_WEIGHTS = (35, 20, 10, 15, 15, 5)
MEETING_KINDS = ("au", "stormote", "msi", "other")
MEETING_WEIGHTS = (50, 10, 10, 30)
MEETING_TITLES = {
    "au": "AU-möte",
    "stormote": "Stormöte",
    "msi": "Dialogmöte med Mötesplats social innovation",
    "other": "Möte",
}
SLOTS = ((time(9, 0), time(12, 0)), (time(13, 0), time(15, 0)), (time(18, 0), time(20, 0)))
ACTIVITY_TOPICS = (
    "Workshop om sociala innovationer",
    "Rekryteringsträff",
    "Nyhetsbrev",
    "Temadag",
    "Studiebesök",
    "Nätverksträff",
    "Utbildning i föreningsekonomi",
    "Seminarium med Mötesplats social innovation",
    "Ungdomsforum",
    "Kartläggning av behov",
)
MSI_NAME = "Mötesplats social innovation"


def as_of() -> date:
    """The day the register is seen from: today, but never after the last year."""
    return min(date.today(), date(LAST_YEAR, 12, 31))


def casefold_key(text: str) -> str:
    """The same key psi stores in name_key / short_key (psi.domain.text.casefold_key)."""
    from psi.domain.text import casefold_key as key

    return key(text)


def luhn_check_digit(digits: str) -> int:
    """The Luhn check digit of a string of digits (as psi.domain.orgnr checks it)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def utc(day: date, hour: int = 9) -> datetime:
    """A timezone-aware UTC timestamp on a day."""
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=UTC)


def random_day(rng: random.Random, first: date, last: date) -> date:
    """A day between first and last, both included."""
    return first + timedelta(days=rng.randint(0, (last - first).days))


def working_day(rng: random.Random, first: date, last: date) -> date:
    """A Monday-Friday between first and last."""
    while True:
        day = random_day(rng, first, last)
        if day.weekday() < 5:
            return day


def spread(rng: random.Random, total: int, parts: int, low: int, high: int) -> list[int]:
    """`parts` random counts, each within [low, high], that add up to exactly `total`."""
    assert low * parts <= total <= high * parts
    counts = [rng.randint(low, high) for _ in range(parts)]
    difference = total - sum(counts)
    while difference:
        index = rng.randrange(parts)
        if difference > 0 and counts[index] < high:
            counts[index] += 1
            difference -= 1
        elif difference < 0 and counts[index] > low:
            counts[index] -= 1
            difference += 1
    return counts


@dataclass
class Register:
    """Every row to insert, by table name, plus what later tables need to know."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    members_by_year: dict[int, list[int]] = field(default_factory=dict)
    coordinators: dict[int, tuple[int, int]] = field(default_factory=dict)
    newcomer: dict[int, int] = field(default_factory=dict)
    contact_of: dict[int, int] = field(default_factory=dict)
    held_by_year: dict[int, list[tuple[int, date]]] = field(default_factory=dict)
    msi_id: int = 0

    def table(self, name: str) -> list[Row]:
        """The rows of one table, created empty on first use."""
        return self.rows.setdefault(name, [])


def org_name(rng: random.Random, sector: str) -> str:
    """A plausible organisation name for a sector."""
    place = rng.choice(PLACES)
    core = rng.choice(CORES)
    if sector == "civil-society":
        return f"{rng.choice(CIVIL_KINDS)} {core} {place}"
    if sector == "municipality":
        kommun = rng.choice(list(KOMMUNER.values()))
        return f"{rng.choice(MUNICIPAL_UNITS)} {kommun} kommun, {core}"
    if sector == "region":
        return f"Region Örebro län, enheten {core} {place}"
    if sector == "state":
        return f"{rng.choice(STATE_BODIES)} {place}, {core}"
    if sector == "academia":
        return f"{rng.choice(ACADEMIA)} {core} {place}"
    if sector == "business":
        return f"{core} {place} AB"
    return f"Nätverket {core} {place} (övrigt)"


def orgnr_for(rng: random.Random, sector: str, taken: set[str]) -> str:
    """A valid, unused organisationsnummer whose group digit fits the sector."""
    first = {"civil-society": "8", "business": "5", "other": "7"}.get(sector, "2")
    while True:
        digits = first + str(rng.randint(0, 9)) + str(rng.randint(2, 9))
        digits += "".join(str(rng.randint(0, 9)) for _ in range(6))
        number = digits + str(luhn_check_digit(digits))
        text = f"{number[:6]}-{number[6:]}"
        if text not in taken:
            taken.add(text)
            return text


def build_organisations(rng: random.Random, register: Register, today: date) -> None:
    """5 000 organisations; the first eleven are the coordinators of 2017-2026."""
    rows = register.table("organisation")
    names: set[str] = set()
    shorts: set[str] = set()
    orgnrs: set[str] = set()
    sectors = list(SECTOR_WEIGHTS)
    weights = list(SECTOR_WEIGHTS.values())
    coordinator_count = 2 + len(YEARS) - 1
    for index in range(ORGANISATIONS):
        org_id = index + 1
        if index == ORGANISATIONS - 1:
            name, sector, status = MSI_NAME, "other", "partner"
        else:
            sector = (
                "civil-society" if index < coordinator_count else rng.choices(sectors, weights)[0]
            )
            name = org_name(rng, sector)
            suffix = 2
            base = name
            while casefold_key(name) in names:
                name = f"{base} {suffix}"
                suffix += 1
            if index < coordinator_count:
                status = "member"
            else:
                status = rng.choices(("member", "prospect", "partner", "former"), (76, 10, 4, 10))[
                    0
                ]
        names.add(casefold_key(name))
        joined: date | None = None
        left: date | None = None
        if index < coordinator_count:
            joined = random_day(rng, date(2008, 1, 1), date(2016, 6, 30))
        elif status == "member":
            joined = (
                None
                if rng.random() < 0.05
                else random_day(rng, date(2010, 1, 1), today - timedelta(days=30))
            )
        elif status == "former":
            joined = random_day(rng, date(2010, 1, 1), date(2022, 12, 31))
            left = random_day(rng, joined + timedelta(days=365), today - timedelta(days=1))
        short: str | None = None
        if name == MSI_NAME:
            short = "MSI"
        elif rng.random() < 0.2:
            candidate = "".join(word[0] for word in name.replace(",", "").split()).upper()
            candidate = f"{candidate}{org_id}"
            if candidate.casefold() not in names:
                short = candidate
        if short is not None:
            shorts.add(casefold_key(short))
        municipality: str | None = None
        code: str | None = None
        draw = rng.random()
        if draw < 0.85:
            code = rng.choice(list(KOMMUNER))
            municipality = KOMMUNER[code]
        elif draw < 0.9:
            municipality = rng.choice(OUTSIDE)
        created = utc(joined or date(FIRST_YEAR, 1, 2))
        rows.append(
            {
                "id": org_id,
                "name": name,
                "name_key": casefold_key(name),
                "short": short,
                "short_key": casefold_key(short) if short else None,
                "orgnr": orgnr_for(rng, sector, orgnrs) if rng.random() < 0.6 else None,
                "sector": sector,
                "municipality": municipality,
                "municipality_code": code,
                "status": status,
                "joined_on": joined,
                "left_on": left,
                "website": f"https://www.example.org/org{org_id}" if rng.random() < 0.4 else None,
                "note": "Syntetisk organisation för prestandatester."
                if rng.random() < 0.1
                else None,
                "created_at": created,
                "updated_at": created,
            }
        )
    assert not names & shorts, "a short name clashes with a full name"
    register.msi_id = ORGANISATIONS
    for year in YEARS:
        register.members_by_year[year] = [
            row["id"]
            for row in rows
            if row["status"] in ("member", "former")
            and (row["joined_on"] is None or row["joined_on"] <= date(year, 1, 1))
            and (row["left_on"] is None or row["left_on"] >= date(year, 12, 31))
        ]


def build_contacts(rng: random.Random, register: Register) -> None:
    """About one contact person for three organisations in five (invented people)."""
    rows = register.table("contact")
    for org in register.table("organisation"):
        if rng.random() >= 0.6:
            continue
        contact_id = len(rows) + 1
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        rows.append(
            {
                "id": contact_id,
                "organisation_id": org["id"],
                "name": f"{first} {last}",
                "email": f"kontakt{contact_id}@example.org",
                "phone": f"019-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
                if rng.random() < 0.7
                else None,
                "role": rng.choice(ROLES),
                "created_at": org["created_at"],
            }
        )
        register.contact_of[org["id"]] = contact_id


def build_rotation(rng: random.Random, register: Register) -> None:
    """Two civil-society coordinators a year; from 2018 last year's newcomer stays."""
    terms = register.table("coordinator_term")
    inquiries = register.table("inquiry")
    next_org = 1
    previous_newcomer = 0
    for year in YEARS:
        decided = date(year - 1, 11, 20)
        if year == FIRST_YEAR:
            pair = [(next_org, "newcomer"), (next_org + 1, "newcomer")]
            newcomer = next_org + 1
            next_org += 2
        else:
            pair = [(previous_newcomer, "continuing"), (next_org, "newcomer")]
            newcomer = next_org
            next_org += 1
        for org_id, role in pair:
            terms.append(
                {
                    "id": len(terms) + 1,
                    "year": year,
                    "organisation_id": org_id,
                    "role": role,
                    "decided_on": decided,
                    "decision_ref": f"AU {decided.isoformat()} § 5",
                    "override_reason": None,
                    "created_at": utc(decided),
                }
            )
        register.coordinators[year] = (pair[0][0], pair[1][0])
        register.newcomer[year] = newcomer
        previous_newcomer = newcomer
    coordinating = {org for pair in register.coordinators.values() for org in pair}
    for year in (*YEARS, LAST_YEAR + 1):
        asked = date(year - 1, 9, 15)
        pool = [
            org
            for org in register.members_by_year[min(year, LAST_YEAR)]
            if org not in coordinating and org > len(coordinating)
        ]
        declined = rng.sample(pool, 2)
        answers: list[tuple[int, str]] = [(org, "no") for org in declined]
        if year in register.newcomer:
            answers.append((register.newcomer[year], "yes"))
        else:
            answers = [(declined[0], "no"), (declined[1], "pending")]
        for org_id, answer in answers:
            inquiries.append(
                {
                    "id": len(inquiries) + 1,
                    "year": year,
                    "organisation_id": org_id,
                    "asked_on": asked,
                    "answer": answer,
                    "note": "Ingen tid i år." if answer == "no" else None,
                }
            )


def build_budget(register: Register) -> None:
    """The grant of 200 000 kr a year, split evenly, and some co-funding."""
    grants = register.table("budget_grant")
    allocations = register.table("allocation")
    co_funding = register.table("co_funding")
    for year in YEARS:
        decided = date(year - 1, 8, 26)
        grants.append(
            {
                "id": len(grants) + 1,
                "year": year,
                "amount_ore": GRANT_ORE,
                "source": "Kulturnämnden",
                "decided_on": decided,
                "decision_ref": f"Föredragnings-PM kulturnämnden {decided.isoformat()}",
            }
        )
        for org_id in register.coordinators[year]:
            allocations.append(
                {
                    "id": len(allocations) + 1,
                    "year": year,
                    "organisation_id": org_id,
                    "amount_ore": GRANT_ORE // 2,
                    "override_reason": None,
                }
            )
        co_funding.append(
            {
                "id": len(co_funding) + 1,
                "year": year,
                "source": "Externa projektmedel",
                "amount_ore": 4_500_000,
                "note": "Del av lönekostnaden",
            }
        )


def build_plans(register: Register) -> dict[int, list[int]]:
    """Three operations plans of four years with five goals each; goal ids by year."""
    plans = register.table("operations_plan")
    goals = register.table("goal")
    goals_by_year: dict[int, list[int]] = {}
    texts = (
        "Fler medlemmar från länets alla kommuner",
        "Stormöten och aktiviteter som medlemmarna önskar",
        "Synlighet via hemsida och sociala medier",
        "Kunskapsutbyte med Mötesplats social innovation",
        "Fler unga i föreningslivet",
    )
    for first in (2017, 2021, 2025):
        plan_id = len(plans) + 1
        plans.append(
            {
                "id": plan_id,
                "title": f"Verksamhetsplan {first}-{first + 3}",
                "first_year": first,
                "last_year": first + 3,
            }
        )
        ids: list[int] = []
        for number, text in enumerate(texts, start=1):
            goal_id = len(goals) + 1
            goals.append({"id": goal_id, "plan_id": plan_id, "code": f"M{number}", "text": text})
            ids.append(goal_id)
        for year in range(first, first + 4):
            goals_by_year[year] = ids
    return goals_by_year


def build_activities(
    rng: random.Random, register: Register, goals_by_year: dict[int, list[int]], today: date
) -> None:
    """20 000 activities; unfinished ones of past years are carried to the next year."""
    rows = register.table("activity")
    requests = register.table("activity_request")
    per_year = spread(rng, ACTIVITIES, len(YEARS), 1_800, 2_200)
    carried_in: list[Row] = []
    asked_by: dict[int, list[int]] = {}
    for year, count in zip(YEARS, per_year, strict=True):
        fresh = count - len(carried_in)
        assert fresh > 0
        year_rows: list[Row] = []
        for original in carried_in:
            goal = original["goal_id"] if original["goal_id"] in goals_by_year[year] else None
            year_rows.append(
                {
                    "year": year,
                    "title": original["title"],
                    "goal_id": goal,
                    "owner_id": original["owner_id"],
                    "planned_on": None,
                    "carried_from_id": original["id"],
                }
            )
        for _ in range(fresh):
            planned = (
                random_day(rng, date(year, 1, 10), date(year, 12, 15))
                if rng.random() < 0.6
                else None
            )
            year_rows.append(
                {
                    "year": year,
                    "title": f"{rng.choice(ACTIVITY_TOPICS)} i {rng.choice(PLACES)}",
                    "goal_id": rng.choice(goals_by_year[year]) if rng.random() < 0.8 else None,
                    "owner_id": rng.choice(register.coordinators[year])
                    if rng.random() < 0.7
                    else None,
                    "planned_on": planned,
                    "carried_from_id": None,
                }
            )
        carried_in = []
        for row in year_rows:
            row["id"] = len(rows) + 1
            row.update(status="planned", done_on=None, outcome=None, cancel_reason=None)
            draw = rng.random()
            if year < today.year:
                if draw < 0.75:
                    _finish(rng, row, today)
                elif draw < 0.85:
                    row.update(status="cancelled", cancel_reason="Ingen lokal")
                elif year < LAST_YEAR:
                    row["status"] = "carried"
                    carried_in.append(row)
                else:
                    row["status"] = "ongoing"
            elif draw < 0.4:
                _finish(rng, row, today)
            elif draw < 0.5:
                row.update(status="cancelled", cancel_reason="För få anmälda")
            elif draw < 0.7:
                row["status"] = "ongoing"
            rows.append(row)
            if row["carried_from_id"] is not None:
                askers = asked_by.get(row["carried_from_id"], [])
            elif rng.random() < 0.3:
                askers = rng.sample(register.members_by_year[year], rng.randint(1, 3))
            else:
                askers = []
            asked_by[row["id"]] = askers
            for org_id in askers:
                requests.append(
                    {"id": len(requests) + 1, "activity_id": row["id"], "organisation_id": org_id}
                )
    assert len(rows) == ACTIVITIES, len(rows)


def _finish(rng: random.Random, row: Row, today: date) -> None:
    year = row["year"]
    done = row["planned_on"] or random_day(rng, date(year, 1, 10), date(year, 12, 15))
    row.update(
        status="done",
        done_on=min(done, today),
        outcome=f"{rng.randint(8, 60)} deltagare från {rng.randint(3, 20)} organisationer",
    )


def build_meetings(rng: random.Random, register: Register, today: date) -> None:
    """20 000 meetings on working days; past ones held (some cancelled), later ones planned."""
    rows = register.table("meeting")
    decisions = register.table("decision")
    days: list[tuple[date, str]] = []
    for year, count in zip(YEARS, spread(rng, MEETINGS, len(YEARS), 1_900, 2_100), strict=True):
        for _ in range(count):
            kind = rng.choices(MEETING_KINDS, MEETING_WEIGHTS)[0]
            days.append((working_day(rng, date(year, 1, 8), date(year, 12, 18)), kind))
    days.sort()
    for index, (day, kind) in enumerate(days):
        meeting_id = index + 1
        start, end = rng.choice(SLOTS)
        status = "planned"
        if day <= today:
            status = "cancelled" if rng.random() < 0.06 else "held"
        created = utc(day - timedelta(days=40))
        rows.append(
            {
                "id": meeting_id,
                "uid": f"synthetic-{meeting_id}@psi.orebro",
                "plan_key": None,
                "kind": kind,
                "title": MEETING_TITLES[kind],
                "day": day,
                "start_time": start,
                "end_time": end,
                "place": f"Föreningarnas hus, {rng.choice(PLACES)}",
                "link": "https://meet.example.se/psi" if kind == "msi" else None,
                "co_organiser": "Regional utveckling" if kind == "stormote" else None,
                "status": status,
                "cancel_reason": "För få anmälda" if status == "cancelled" else None,
                "agenda": "Aktivitetslistan\nBudget\nÖvriga frågor",
                "minutes": "Mötet gick igenom dagordningen." if status == "held" else None,
                "sequence": 1 if status == "cancelled" else 0,
                "created_at": created,
                "updated_at": utc(day) if status != "planned" else created,
            }
        )
        if status == "held":
            register.held_by_year.setdefault(day.year, []).append((meeting_id, day))
            if rng.random() < 0.3:
                decisions.append(
                    {
                        "id": len(decisions) + 1,
                        "meeting_id": meeting_id,
                        "position": 1,
                        "text": "Mötet beslutade att anta aktivitetslistan.",
                    }
                )


def build_attendance(rng: random.Random, register: Register) -> None:
    """200 000 (meeting, organisation) pairs: the coordinators and other members of the year."""
    rows = register.table("attendance")
    held = [item for year in YEARS for item in register.held_by_year.get(year, [])]
    average = ATTENDANCE // len(held)
    counts = spread(rng, ATTENDANCE, len(held), 3, 2 * average - 3)
    for (meeting_id, day), count in zip(held, counts, strict=True):
        coordinators = [org for org in register.coordinators[day.year] if rng.random() < 0.9]
        others = rng.sample(register.members_by_year[day.year], count + 2)
        chosen = list(dict.fromkeys(coordinators + others))[:count]
        for org_id in chosen:
            contact = register.contact_of.get(org_id)
            rows.append(
                {
                    "id": len(rows) + 1,
                    "meeting_id": meeting_id,
                    "organisation_id": org_id,
                    "contact_id": contact if contact and rng.random() < 0.5 else None,
                }
            )
    assert len(rows) == ATTENDANCE, len(rows)


def build_action_items(rng: random.Random, register: Register, today: date) -> None:
    """One to three action items on about one held meeting in ten."""
    rows = register.table("action_item")
    for year in YEARS:
        for meeting_id, day in register.held_by_year.get(year, []):
            if rng.random() >= 0.1:
                continue
            for _ in range(rng.randint(1, 3)):
                due = day + timedelta(days=rng.randint(14, 60))
                done = day + timedelta(days=rng.randint(1, 70))
                rows.append(
                    {
                        "id": len(rows) + 1,
                        "meeting_id": meeting_id,
                        "text": f"Boka lokal i {rng.choice(PLACES)}",
                        "owner_id": rng.choice(register.coordinators[year]),
                        "due_on": due,
                        "done_on": done if done <= today and rng.random() < 0.9 else None,
                    }
                )


def build_expenses(rng: random.Random, register: Register, today: date) -> None:
    """100 000 expenses, each by one of that year's two coordinators, within the allocation."""
    rows = register.table("expense")
    for year, count in zip(YEARS, spread(rng, EXPENSES, len(YEARS), 9_000, 11_000), strict=True):
        last = min(date(year, 12, 31), today)
        held = register.held_by_year.get(year, [])
        for _ in range(count):
            category = rng.choice(CATEGORIES)
            meeting = rng.choice(held)[0] if held and rng.random() < 0.2 else None
            rows.append(
                {
                    "id": len(rows) + 1,
                    "spent_on": random_day(rng, date(year, 1, 1), last),
                    "organisation_id": rng.choice(register.coordinators[year]),
                    "amount_ore": rng.randint(100, 1_500),
                    "category": category,
                    "note": CATEGORY_NOTES[category],
                    "meeting_id": meeting,
                }
            )


def build_log(rng: random.Random, register: Register, today: date) -> None:
    """50 000 log entries of the six kinds over the ten years."""
    rows = register.table("log_entry")
    prospects = [row["id"] for row in register.table("organisation") if row["status"] == "prospect"]
    for year, count in zip(YEARS, spread(rng, LOG_ENTRIES, len(YEARS), 4_500, 5_500), strict=True):
        last = min(date(year, 12, 31), today)
        for _ in range(count):
            kind = rng.choices(LOG_KINDS, LOG_WEIGHTS)[0]
            org: int | None = None
            link: str | None = None
            if kind == "member-dialogue":
                org = rng.choice(register.members_by_year[year])
            elif kind == "recruitment":
                org = rng.choice(prospects)
            elif kind == "msi":
                org = register.msi_id
            elif kind in ("website", "social-media"):
                link = "https://www.example.org/psi/nyheter"
            rows.append(
                {
                    "id": len(rows) + 1,
                    "logged_on": random_day(rng, date(year, 1, 1), last),
                    "kind": kind,
                    "organisation_id": org,
                    "text": f"Syntetisk loggpost ({kind})",
                    "link": link,
                }
            )


def build_settings(register: Register) -> None:
    """The settings the reports use."""
    register.table("setting").extend(
        [
            {"key": "founded", "value": "2015"},
            {"key": "signer", "value": "Katarina Strömgren Sandh"},
            {"key": "signer-title", "value": "Kulturchef"},
            {"key": "meeting-place", "value": "Föreningarnas hus, Örebro"},
        ]
    )


def build(seed: int = SEED) -> Register:
    """Every row of the synthetic register, drawn from one seeded generator."""
    rng = random.Random(seed)
    today = as_of()
    register = Register()
    build_organisations(rng, register, today)
    build_contacts(rng, register)
    build_rotation(rng, register)
    build_budget(register)
    goals_by_year = build_plans(register)
    build_activities(rng, register, goals_by_year, today)
    build_meetings(rng, register, today)
    build_attendance(rng, register)
    build_action_items(rng, register, today)
    build_expenses(rng, register, today)
    build_log(rng, register, today)
    build_settings(register)
    return register


def write(path: Path, register: Register) -> dict[str, int]:
    """Make the database with psi's migrations, then insert every row in one transaction."""
    from sqlmodel import SQLModel

    import psi.models  # noqa: F401  (registers the tables on SQLModel.metadata)
    from psi.location import locate_db
    from psi.storage import open_engine

    engine = open_engine(locate_db(str(path)), write=True, create=True)
    counts: dict[str, int] = {}
    try:
        with engine.begin() as connection:
            for table in SQLModel.metadata.sorted_tables:
                rows = register.rows.get(table.name, [])
                for start in range(0, len(rows), BATCH):
                    connection.execute(table.insert(), rows[start : start + BATCH])
                counts[table.name] = len(rows)
    finally:
        engine.dispose()
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, build the register and write it."""
    parser = argparse.ArgumentParser(description="Build a large synthetic psi register.")
    parser.add_argument("out", type=Path, help="the new SQLite file (must not exist)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    args = parser.parse_args(argv)
    out: Path = args.out.expanduser().resolve()
    if out.exists():
        print(f"Error: {out} already exists; give a new file name.", file=sys.stderr)
        return 2
    started = clock.perf_counter()
    register = build(args.seed)
    built = clock.perf_counter()
    try:
        counts = write(out, register)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            out.with_name(out.name + suffix).unlink(missing_ok=True)
        raise
    finished = clock.perf_counter()
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        print(f"{name:<{width}}  {count:>8,}".replace(",", " "))
    print(
        f"Wrote {out} in {finished - started:.1f} s "
        f"({built - started:.1f} s to draw the rows, {finished - built:.1f} s to insert them; "
        f"as of {as_of().isoformat()}, seed {args.seed})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
