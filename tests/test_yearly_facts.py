"""The counts the follow-up judges on, from rows as the register gives them (pure parts)."""

from __future__ import annotations

from psi.domain.duties import CoordinatorAttendance
from psi.services.yearly import Present, coordinator_attendance


def present(meeting: int, org: str, kind: str = "au") -> Present:
    return Present(meeting, kind, org, "1880", None)


def test_each_coordinator_is_counted_over_the_au_meetings_with_attendance() -> None:
    rows = [
        present(1, "Activa"),
        present(1, "Föreningsrådet"),
        present(2, "Föreningsrådet"),
        present(3, "Föreningsrådet"),
        present(4, "Activa", kind="stormote"),  # not an AU meeting
    ]
    assert coordinator_attendance(rows, ["Activa", "Föreningsrådet"]) == (
        CoordinatorAttendance("Activa", 1, 3),
        CoordinatorAttendance("Föreningsrådet", 3, 3),
    )


def test_no_attendance_recorded_counts_nothing() -> None:
    assert coordinator_attendance([], ["Activa"]) == (CoordinatorAttendance("Activa", 0, 0),)
