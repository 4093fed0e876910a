"""Views: a stored row's id, views that hold enums, and the one conversion of a view to JSON."""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

import pytest

import psi.services as services_package
from psi.domain.budget import Category
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.organisation import Sector, Status
from psi.models import Meeting, Organisation
from psi.services import stored_id
from psi.services.budget import BudgetStatus
from psi.services.meetings import view_of as meeting_view
from psi.services.orgs import view_of as org_view
from psi.services.views import json_as, to_json

NOW = datetime(2026, 3, 10, 9, 30, tzinfo=UTC)


def _org(**values: Any) -> Organisation:
    fields: dict[str, Any] = {
        "name": "Stiftelsen Activa",
        "name_key": "stiftelsen activa",
        "sector": "civil-society",
        "status": "member",
        "orgnr": "802000-0000",
        "created_at": NOW,
        "updated_at": NOW,
    }
    return Organisation(**(fields | values))


def _meeting(**values: Any) -> Meeting:
    fields: dict[str, Any] = {
        "id": 12,
        "uid": "x@psi.orebro",
        "kind": "stormote",
        "title": "Stormöte",
        "day": date(2026, 3, 10),
        "start_time": time(13, 0),
        "end_time": time(15, 30),
        "status": "held",
        "agenda": "Välkommen\n\nFika",
        "created_at": NOW,
        "updated_at": NOW,
    }
    return Meeting(**(fields | values))


# --- stored_id ---------------------------------------------------------------------------------


def test_stored_id_gives_the_id_of_a_stored_row() -> None:
    assert stored_id(_org(id=7)) == 7


def test_stored_id_refuses_a_row_not_flushed_yet() -> None:
    with pytest.raises(RuntimeError, match="Organisation has no id yet"):
        stored_id(_org())


def test_stored_id_after_a_flush() -> None:
    from sqlmodel import Session, SQLModel, create_engine

    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        row = _org()
        session.add(row)
        with pytest.raises(RuntimeError):
            stored_id(row)
        session.flush()
        assert stored_id(row) == row.id
        assert stored_id(row) > 0
    engine.dispose()


# --- views hold enums --------------------------------------------------------------------------


def test_views_hold_the_domain_enums_and_still_compare_as_text() -> None:
    meeting = meeting_view(_meeting())
    # Reports and templates compare with the words and print them: a StrEnum is its value.
    assert meeting.status == "held"
    assert f"{meeting.kind} {meeting.status}" == "stormote held"
    assert meeting.kind is Kind.STORMOTE
    assert meeting.status is MeetingStatus.HELD
    org = org_view(_org(id=3))
    assert org.sector is Sector.CIVIL_SOCIETY
    assert org.status is Status.MEMBER


def test_a_meeting_view_knows_its_week_and_holds_no_weekday_name() -> None:
    view = meeting_view(_meeting())
    assert (view.week, view.time_text) == (11, "13:00-15:30")
    assert not hasattr(view, "weekday")


# --- to_json -----------------------------------------------------------------------------------


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@dataclass(frozen=True)
class Inner:
    name: str
    colour: Colour


@dataclass(frozen=True)
class Outer:
    inner: Inner = field(metadata=json_as(flatten=True))
    day: date = field(metadata=json_as("date"))
    at: datetime
    start: time | None
    secret: str = field(metadata=json_as(omit=True))
    pairs: list[tuple[str, int]] = field(metadata=json_as(items=("name", "count")))
    cost: int = field(metadata=json_as(money=True))
    costs: dict[Colour, int] = field(metadata=json_as(money=True))
    share: float = field(metadata=json_as(digits=2))
    by_year: dict[int, list[Inner]] = field(default_factory=dict)
    nothing: None = None


def test_to_json_follows_its_rules() -> None:
    view = Outer(
        inner=Inner("a", Colour.RED),
        day=date(2026, 1, 2),
        at=NOW,
        start=time(9, 5),
        secret="left out",
        pairs=[("x", 1)],
        cost=20_000_000,
        costs={Colour.BLUE: 150},
        share=0.12345,
        by_year={2026: [Inner("b", Colour.BLUE)]},
    )
    assert to_json(view) == {
        "name": "a",
        "colour": "red",
        "date": "2026-01-02",
        "at": "2026-03-10T09:30:00+00:00",
        "start": "09:05",
        "pairs": [{"name": "x", "count": 1}],
        "cost": {"ore": 20_000_000, "text": "200\u00a0000\u00a0kr"},
        "costs": {"blue": {"ore": 150, "text": "1,50\u00a0kr"}},
        "share": 0.12,
        "by_year": {"2026": [{"name": "b", "colour": "blue"}]},
        "nothing": None,
    }
    assert list(to_json(view)) == [
        "name",
        "colour",
        "date",
        "at",
        "start",
        "pairs",
        "cost",
        "costs",
        "share",
        "by_year",
        "nothing",
    ]


def test_to_json_converts_lists_and_plain_values() -> None:
    assert to_json([Inner("a", Colour.RED), None, 3, "x", (1.5, True)]) == [
        {"name": "a", "colour": "red"},
        None,
        3,
        "x",
        [1.5, True],
    ]


@dataclass(frozen=True)
class Shaped:
    items: list[Inner]

    def json_data(self) -> dict[str, Any]:
        return {"count": len(self.items), "first": self.items[0], "when": date(2026, 5, 1)}


def test_a_view_with_json_data_is_written_as_that_data() -> None:
    view = Shaped([Inner("a", Colour.BLUE)])
    assert to_json(view) == {
        "count": 1,
        "first": {"name": "a", "colour": "blue"},
        "when": "2026-05-01",
    }


def test_a_meeting_view_in_json() -> None:
    data = to_json(meeting_view(_meeting()))
    assert data == {
        "id": 12,
        "uid": "x@psi.orebro",
        "kind": "stormote",
        "title": "Stormöte",
        "date": "2026-03-10",
        "iso_week": 11,
        "start": "13:00",
        "end": "15:30",
        "place": None,
        "link": None,
        "co_organiser": None,
        "status": "held",
        "cancel_reason": None,
        "agenda": ["Välkommen", "Fika"],
        "sequence": 0,
    }
    assert type(data["kind"]) is str
    json.dumps(data)


def test_an_organisation_view_in_json_names_its_orgnr_group_last() -> None:
    data = to_json(org_view(_org(id=3)))
    assert (data["sector"], data["status"]) == ("civil-society", "member")
    assert list(data)[-1] == "orgnr_group"
    assert data["orgnr_group"] == "non-profit association or foundation"
    assert to_json(org_view(_org(id=3, orgnr=None)))["orgnr_group"] is None


def test_a_budget_status_in_json_has_its_remaining_amount_after_the_spent() -> None:
    status = BudgetStatus(
        year=2026,
        grants=[("Kulturnämnden", 20_000_000, date(2025, 11, 20), "KN 2025/1")],
        grant=20_000_000,
        allocated={"Stiftelsen Activa": 10_000_000},
        spent_by_org={"Stiftelsen Activa": 250_000},
        spent_by_category={Category.VENUE: 250_000},
        spent=250_000,
        co_funding=[],
        share_of_year=0.5,
    )
    assert status.remaining == 19_750_000
    data = to_json(status)
    assert list(data)[5:9] == ["spent_by_category", "spent", "remaining", "co_funding"]
    assert data["remaining"]["ore"] == 19_750_000
    assert data["spent_by_category"] == {"venue": {"ore": 250_000, "text": "2\u00a0500\u00a0kr"}}
    assert data["grants"][0]["decided_on"] == "2025-11-20"
    assert "burns" not in data


def test_no_view_has_its_own_to_json() -> None:
    """One conversion: no service view (nor the audit view) writes its own JSON."""
    import psi.audit

    modules = [psi.audit] + [
        importlib.import_module(f"psi.services.{info.name}")
        for info in pkgutil.iter_modules(services_package.__path__)
    ]
    own = [
        f"{module.__name__}.{name}"
        for module in modules
        for name, value in vars(module).items()
        if dataclasses.is_dataclass(value) and "to_json" in vars(value)
    ]
    assert own == []
