"""A meeting's time and a list of names are written one way in every document psi writes:
`13:00–15:00` (psi.reports.render.format_time_span) and `A, B och C` (format_names)."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from psi.reports.render import format_names, format_time_span
from tests.conftest import Db, Run
from tests.helpers import add_meeting, ok


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (time(13), time(15), "13:00–15:00"),
        (time(9), time(12, 30), "09:00–12:30"),
        (time(9, 5), None, "09:05"),
        (None, None, ""),
        (None, time(15), ""),
    ],
)
def test_a_time_span_is_hours_and_minutes_with_an_en_dash(
    start: time | None, end: time | None, text: str
) -> None:
    assert format_time_span(start, end) == text


@pytest.mark.parametrize(
    ("names", "sv", "en"),
    [
        ([], "", ""),
        (["A"], "A", "A"),
        (["A", "B"], "A och B", "A and B"),
        (["A", "B", "C"], "A, B och C", "A, B and C"),
    ],
)
def test_names_are_listed_as_the_language_lists_them(names: list[str], sv: str, en: str) -> None:
    assert format_names(names, "sv") == sv
    assert format_names(names) == sv
    assert format_names(names, "en") == en


def _cancellation(lang: str) -> str:
    from psi.domain.meeting import Kind, MeetingStatus
    from psi.reports.invitation import cancellation_context
    from psi.reports.render import DocumentRequest, render_markdown
    from psi.services.meetings import MeetingDetail, MeetingView

    view = MeetingView(
        id=1,
        uid="x@psi.orebro",
        kind=Kind.STORMOTE,
        title="Vårmöte",
        day=date(2027, 3, 17),
        start=time(13),
        end=time(15),
        place=None,
        link=None,
        co_organiser=None,
        status=MeetingStatus.CANCELLED,
        cancel_reason=None,
        agenda=[],
        sequence=1,
    )
    context = cancellation_context(MeetingDetail(meeting=view), lang, {})
    return render_markdown("cancellation", context, DocumentRequest("md", None, lang, None))


def test_every_document_writes_the_meetings_time_the_same_way(run: Run, empty_db: Db) -> None:
    today = date.today()
    soon = today + timedelta(days=10)
    soon += timedelta(days=(1 - soon.weekday()) % 7)  # a Tuesday, 10 to 16 days ahead
    number = add_meeting(
        run, "stormote", soon.isoformat(), "--time", "13:00-15:00", "--title", "Vårmöte"
    )
    documents = {
        "kallelse": ok(run, "meeting", "agenda", str(number)),
        "newsletter": run("report", "newsletter").stdout_bytes.decode("utf-8"),
        "handover": ok(run, "report", "handover", str(today.year)),
        "cancellation": _cancellation("sv"),
    }
    assert "- **Tid:** 13:00–15:00" in documents["kallelse"]
    assert " kl. 13:00–15:00" in documents["newsletter"]
    assert "| 13:00–15:00 |" in documents["handover"]
    assert " kl. 13:00–15:00 " in documents["cancellation"]
    for name, markdown in documents.items():
        assert "13:00-15:00" not in markdown and "13.00" not in markdown, name
        assert "klockan" not in markdown, name
    english = run("report", "newsletter", "--lang", "en").stdout_bytes.decode("utf-8")
    assert ", 13:00–15:00" in english and " at 13:00–15:00 " in _cancellation("en")


def test_the_handover_lists_who_asked_for_an_activity_as_the_newsletter_does(
    run: Run, empty_db: Db
) -> None:
    year = date.today().year
    for name in ("Alfa (exempel)", "Beta (exempel)", "Gamma (exempel)"):
        ok(run, "org", "add", name, "--sector", "civil-society")
    ok(run, "activity", "add", str(year), "Julfika", "--requested-by", "Alfa (exempel)",
       "--requested-by", "Beta (exempel)", "--requested-by", "Gamma (exempel)")  # fmt: skip
    handover = ok(run, "report", "handover", str(year))
    assert "Alfa (exempel), Beta (exempel) och Gamma (exempel)" in handover
