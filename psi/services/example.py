"""`psi init --example`: the partnership's documented history plus invented example members."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from sqlmodel import Session

from psi.domain import organisation as rules
from psi.domain.organisation import OrgInput
from psi.domain.rotation import Answer
from psi.services import rotation
from psi.services.contacts import add_contact
from psi.services.orgs import create_org


@dataclass(frozen=True)
class ExampleLoaded:
    """How much the example put in the database."""

    organisations: int
    contacts: int
    coordinator_terms: int
    inquiries: int


def example_data() -> dict[str, Any]:
    """The example data file shipped in the package."""
    text = resources.files("psi").joinpath("data/example.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_example(session: Session) -> ExampleLoaded:
    """Put the example register in an empty database, checked by the same rules as user input."""
    data = example_data()
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
        )
    terms = rotation.record_terms(session, data["coordinators"])
    for entry in data["inquiries"]:
        rotation.record_inquiries(
            session,
            int(entry["year"]),
            [(entry["organisation"], Answer(entry["answer"]))],
            on=date.fromisoformat(entry["asked"]),
            note=entry.get("note"),
        )
    return ExampleLoaded(
        organisations=len(data["organisations"]),
        contacts=len(data["contacts"]),
        coordinator_terms=terms,
        inquiries=len(data["inquiries"]),
    )
