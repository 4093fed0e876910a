"""`psi init --example`: the partnership's documented history plus invented example members."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from sqlmodel import Session

from psi.domain import organisation as rules
from psi.domain.activity import LogKind
from psi.domain.budget import Funding, parse_category
from psi.domain.history import HistoryKind, assessment_finding, parse_decided
from psi.domain.meeting import parse_kind
from psi.domain.money import parse_positive_amount
from psi.domain.organisation import OrgInput
from psi.domain.planning import parse_time_slot
from psi.domain.rotation import Answer
from psi.services import activities, au, budget, history, meetings, rotation, settings
from psi.services.contacts import add_contact
from psi.services.orgs import create_org


@dataclass(frozen=True)
class ExampleLoaded:
    """How much the example put in the database."""

    organisations: int
    contacts: int
    coordinator_terms: int
    au_seats: int
    inquiries: int
    expenses: int
    activities: int
    log_entries: int
    meetings: int


def example_data() -> dict[str, Any]:
    """The example data file shipped in the package."""
    text = resources.files("psi").joinpath("data/example.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_example(session: Session) -> ExampleLoaded:
    """Put the example register in an empty database, checked by the same rules as user input."""
    data = example_data()
    for key, value in data["settings"].items():
        settings.set_setting(session, key, value)
    for entry in data["organisations"]:
        create_org(session, rules.check_org(OrgInput(**entry)))
    for entry in data["contacts"]:
        add_contact(
            session,
            entry["organisation"],
            entry["name"],
            email=entry.get("email"),
            phone=entry.get("phone"),
            role=entry.get("role"),
            no_mail=bool(entry.get("no_mail", False)),
        )
    terms = rotation.record_terms(session, data["coordinators"])
    for entry in data["au"]:
        au.add_seat(session, int(entry["year"]), entry["organisation"], entry.get("person"))
    for entry in data["inquiries"]:
        rotation.record_inquiries(
            session,
            int(entry["year"]),
            [(entry["organisation"], Answer(entry["answer"]))],
            on=date.fromisoformat(entry["asked"]),
            note=entry.get("note"),
        )
    _load_budget(session, data)
    _load_history(session, data)
    _load_activities(session, data)
    _load_meetings(session, data)
    return ExampleLoaded(
        organisations=len(data["organisations"]),
        contacts=len(data["contacts"]),
        coordinator_terms=terms,
        au_seats=len(data["au"]),
        inquiries=len(data["inquiries"]),
        expenses=len(data["expenses"]),
        activities=len(data["activities"]),
        log_entries=len(data["log"]),
        meetings=len(data["meetings"]),
    )


def _load_budget(session: Session, data: dict[str, Any]) -> None:
    for entry in data["grants"]:
        budget.set_grant(
            session,
            int(entry["year"]),
            parse_positive_amount(entry["amount"]),
            source=entry["source"],
            decided_on=date.fromisoformat(entry["decided"]) if entry.get("decided") else None,
            decision_ref=entry.get("ref"),
        )
    for entry in data["funding"]:
        budget.add_funding(
            session,
            int(entry["year"]),
            parse_positive_amount(entry["amount"]) if entry.get("amount") else None,
            entry["source"],
            entry.get("note"),
            Funding.FREES_GRANT if entry.get("frees_grant") else Funding.COORDINATION,
        )
    for entry in data["allocations"]:
        budget.allocate(session, int(entry["year"]), None, even=bool(entry["even"]))
    for entry in data["expenses"]:
        budget.spend(
            session,
            entry["organisation"],
            parse_positive_amount(entry["amount"]),
            on=date.fromisoformat(entry["date"]),
            category=parse_category(entry["category"]),
            note=entry.get("note"),
        )


def _load_history(session: Session, data: dict[str, Any]) -> None:
    for entry in data["history"]:
        kind = HistoryKind(entry["kind"])
        if kind is HistoryKind.ROTATION:
            history.record_rotation(
                session,
                int(entry["year"]),
                parse_decided(entry["decided"]),
                ref=entry.get("ref"),
                note=entry.get("note"),
            )
        else:
            history.record_assessment(
                session,
                int(entry["year"]),
                date.fromisoformat(entry["on"]),
                assessment_finding(bool(entry.get("works_well")), entry.get("needs_change")),
                ref=entry.get("ref"),
            )


def _load_activities(session: Session, data: dict[str, Any]) -> None:
    for plan in data["plans"]:
        activities.add_plan(session, plan["title"], int(plan["from"]), int(plan["to"]))
        for code, text in plan["goals"]:
            activities.add_goal(session, plan["title"], code, text)
    carry_years: set[int] = set()
    for entry in data["activities"]:
        view = activities.add_activity(
            session,
            int(entry["year"]),
            entry["title"],
            goal=entry.get("goal"),
            owner=entry.get("owner"),
            when=date.fromisoformat(entry["when"]) if entry.get("when") else None,
            requested_by=entry.get("requested_by", []),
        )
        status = entry["status"]
        if status == "done":
            activities.finish_activity(
                session, view.id, date.fromisoformat(entry["done_on"]), entry.get("outcome")
            )
        elif status == "ongoing":
            activities.start_activity(session, view.id)
        elif status == "cancelled":
            activities.cancel_activity(session, view.id, entry["reason"])
        elif status == "carry":
            carry_years.add(view.year)
    for year in sorted(carry_years):
        activities.carry_activities(session, year)
    for entry in data["log"]:
        activities.add_log(
            session,
            LogKind(entry["kind"]),
            entry["text"],
            org=entry.get("organisation"),
            on=date.fromisoformat(entry["date"]),
            link=entry.get("link"),
        )


def _load_meetings(session: Session, data: dict[str, Any]) -> None:
    ids: dict[tuple[str, str], int] = {}
    for entry in data["meetings"]:
        day = date.fromisoformat(entry["date"])
        new = meetings.NewMeeting(
            parse_kind(entry["kind"]),
            day,
            slot=parse_time_slot(entry["time"]) if entry.get("time") else None,
            title=entry.get("title"),
            place=entry.get("place"),
            link=entry.get("link"),
            agenda=entry.get("agenda", []),
        )
        view, _ = meetings.add_meeting(session, new)
        ids[(entry["kind"], entry["date"])] = view.id
        if entry["status"] == "held":
            meetings.hold_meeting(
                session,
                view.id,
                attended=entry.get("attended", []),
                decisions=entry.get("decisions", []),
                today=day,
            )
    for entry in data["actions"]:
        action = meetings.add_action(
            session,
            ids[(entry["kind"], entry["meeting_date"])],
            entry["text"],
            entry["owner"],
            date.fromisoformat(entry["due"]),
        )
        if entry.get("done"):
            meetings.finish_action(session, action.id, date.fromisoformat(entry["done"]))
