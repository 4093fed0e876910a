"""The catalogue of words: every message psi shows has its Swedish, the compiled catalogue is
the one its source makes, and the interface speaks the user's language."""

from __future__ import annotations

import re
import string
from enum import StrEnum

import pytest
from babel.messages.catalog import Catalog

from psi import catalogue as making
from psi import words as catalogue
from psi.domain.activity import ActivityStatus, LogKind
from psi.domain.budget import Category
from psi.domain.duties import Verdict
from psi.domain.history import HistoryKind
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.organisation import Sector, Status
from psi.domain.rotation import Answer, Role
from psi.reports.render import LANGUAGES
from psi.words import LOCALES, TERMS, interface_language, locale, term, words

ENUMS: dict[str, type[StrEnum]] = {
    catalogue.MEETING_KIND: Kind,
    catalogue.MEETING_BODY: Kind,
    catalogue.MEETING_STATUS: MeetingStatus,
    catalogue.ACTIVITY_STATUS: ActivityStatus,
    catalogue.LOG_KIND: LogKind,
    catalogue.COORDINATOR_ROLE: Role,
    catalogue.SECTOR: Sector,
    catalogue.BUDGET_CATEGORY: Category,
    catalogue.VERDICT: Verdict,
    catalogue.ORG_STATUS: Status,
    catalogue.INQUIRY_ANSWER: Answer,
    catalogue.HISTORY_KIND: HistoryKind,
}


@pytest.fixture(scope="module")
def template() -> Catalog:
    """Every message of the code and the help, as `python -m psi.catalogue extract` finds them."""
    return making.extract()


@pytest.fixture(scope="module")
def swedish() -> Catalog:
    """psi/locale/sv/LC_MESSAGES/psi.po."""
    return making.read_translation("sv")


def _key(message: object) -> tuple[str | None, str]:
    msgid = getattr(message, "id")  # noqa: B009 - Message has no stubs
    return getattr(message, "context"), msgid if isinstance(msgid, str) else msgid[0]  # noqa: B009


def test_every_message_has_its_swedish(template: Catalog, swedish: Catalog) -> None:
    missing = [
        _key(message)
        for message in template
        if message.id and not making._translated(swedish.get(message.id, context=message.context))
    ]
    assert missing == [], (
        f"{len(missing)} messages have no Swedish; run `python -m psi.catalogue update`, "
        f"translate them in psi.po, then `python -m psi.catalogue compile`. First: {missing[:5]}"
    )


def test_every_swedish_message_is_used(template: Catalog, swedish: Catalog) -> None:
    used = {_key(message) for message in template if message.id}
    unused = [_key(message) for message in swedish if message.id and _key(message) not in used]
    assert unused == [], "run `python -m psi.catalogue update` to drop what the code no longer says"


def test_the_compiled_catalogue_is_made_from_its_source(swedish: Catalog) -> None:
    assert making.mo_path("sv").read_bytes() == making.compiled(swedish), (
        "psi.mo is older than psi.po: run `python -m psi.catalogue compile`"
    )


def _names(text: str) -> set[str]:
    return {
        name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None
    }


def test_placeholders_are_kept_in_swedish(swedish: Catalog) -> None:
    for message in swedish:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_names(text) for text in english))
        for form in filter(None, forms):  # one not yet translated fails the test above
            assert _names(form) <= wanted, (message.id, form)  # no name psi does not give
            # Every name is kept; a count may be said in words ("ett möte") instead of {n}.
            assert wanted - {"n"} <= _names(form), (message.id, form)


def test_no_message_hides_inside_an_f_string() -> None:
    """pybabel does not read inside f-strings: `f"{_('x')}"` would never be translated."""
    hidden = [
        f"{path.relative_to(making.PACKAGE)}:{number}"
        for path in sorted(making.PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\{(?:_|n?gettext)\(\s*['\"]|\{n?pgettext\([^,]+,\s*['\"]", line)
    ]
    assert hidden == []


def test_no_percent_placeholder_hides_in_a_message(template: Catalog) -> None:
    """psi's messages name values in braces; "75 % of" reads to gettext as a %-placeholder."""
    assert [m.id for m in template if m.id and m.python_format] == []


def test_the_installed_psi_ships_its_compiled_catalogue() -> None:
    """`pip install .` (as the README and CI install psi) puts psi.mo into the package."""
    from importlib.metadata import PackageNotFoundError, files

    try:
        installed = {str(path) for path in files("psi") or []}
    except PackageNotFoundError:
        pytest.skip("psi is not installed")
    if "psi/__init__.py" not in installed:
        pytest.skip("an editable install: psi is read from the checkout")
    assert "psi/locale/sv/LC_MESSAGES/psi.mo" in installed


@pytest.mark.parametrize("context", sorted(ENUMS))
def test_every_enum_value_has_its_words(context: str, swedish: Catalog) -> None:
    values = {member.value for member in ENUMS[context]}
    assert set(TERMS[context]) == values
    for value in values:
        english = TERMS[context][value]
        assert term("sv", context, value) == swedish.get(english, context=context).string
        assert term("en", context, value) == english


def test_terms() -> None:
    assert term("sv", catalogue.MEETING_KIND, "au") == "AU-möte"
    assert term("en", catalogue.MEETING_KIND, "stormote") == "General meeting"
    assert term("sv", catalogue.MEETING_STATUS, "planned") == "planerat"
    assert term("sv", catalogue.ACTIVITY_STATUS, "planned") == "planerad"
    assert term("en", catalogue.ACTIVITY_STATUS, "planned") == "planned"
    assert term("sv", catalogue.VERDICT, Verdict.PARTLY) == "delvis uppfyllt"
    assert term("sv", catalogue.MEETING_BODY, Kind.AU) == "Arbetsutskottet"
    assert term("sv", catalogue.SECTOR, "civil-society") == "civilsamhälle"
    assert term("sv", catalogue.ORG_STATUS, Status.FORMER) == "tidigare medlem"
    assert term("sv", catalogue.INQUIRY_ANSWER, Answer.PENDING) == "väntar på svar"
    assert term("sv", catalogue.HISTORY_KIND, HistoryKind.ASSESSMENT) == "bedömning"


def test_an_unknown_value_is_shown_as_it_is() -> None:
    assert term("sv", catalogue.MEETING_KIND, "picnic") == "picnic"
    assert term("sv", "no such context", "au") == "au"


def test_english_is_the_msgid_and_any_other_language_english() -> None:
    for lang in ("en", "fr", ""):
        assert words(lang).gettext("Attendance per meeting") == "Attendance per meeting"
        assert words(lang).pgettext("file name", "minutes") == "minutes"
    assert words("sv").gettext("Attendance per meeting") == "Närvaro per möte"
    assert words("sv").pgettext("file name", "minutes") == "protokoll"
    assert words("sv") is words("sv")


def test_a_missing_word_falls_back_to_the_english() -> None:
    sv = words("sv")
    assert sv.gettext("Not in the catalogue") == "Not in the catalogue"
    assert sv.pgettext("no context", "Members") == "Members"
    assert sv.ngettext("{n} thing", "{n} things", 1) == "{n} thing"
    assert sv.ngettext("{n} thing", "{n} things", 2) == "{n} things"


@pytest.mark.parametrize(("n", "form"), [(0, 1), (1, 0), (2, 1), (5, 1), (21, 1), (101, 1)])
def test_the_plural_forms_of_the_compiled_catalogue(n: int, form: int) -> None:
    singular, plural = (
        "at least {n} contact with MSI is made (log entries or meetings held)",
        "at least {n} contacts with MSI are made (log entries or meetings held)",
    )
    swedish = words("sv").ngettext(singular, plural, n)
    assert swedish.startswith("minst {n} kontakt " if form == 0 else "minst {n} kontakter ")


@pytest.mark.parametrize(
    ("environment", "language"),
    [
        ({"PSI_LANG": "sv"}, "sv"),
        ({"PSI_LANG": "en", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"PSI_LANG": "sv_SE"}, "sv"),
        ({"PSI_LANG": "de"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_ALL": "C.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "sv_FI.UTF-8", "LANG": "en_GB.UTF-8"}, "sv"),
        ({"LANGUAGE": "sv:en", "LANG": "en_GB.UTF-8"}, "sv"),
        ({}, "en"),
    ],
)
def test_the_interface_language_follows_the_locale_and_psi_lang(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], language: str
) -> None:
    for name in ("PSI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert interface_language() == language


def test_the_interface_words_follow_psi_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PSI_LANG", "sv")
    assert catalogue._("Attendance per meeting") == "Närvaro per möte"
    assert catalogue.interface_term(catalogue.MEETING_STATUS, "held") == "genomfört"
    assert catalogue.interface_term(catalogue.ORG_STATUS, "prospect") == "intresserad"
    monkeypatch.setenv("PSI_LANG", "en")
    assert catalogue._("Attendance per meeting") == "Attendance per meeting"
    assert catalogue.interface_term(catalogue.MEETING_STATUS, "held") == "held"
    assert catalogue.interface_term(catalogue.ORG_STATUS, "prospect") == "prospect"


def test_locales() -> None:
    assert locale("sv") == "sv_SE"
    assert locale("en") == "en_GB"
    assert locale("de") == "en_GB"
    assert set(LANGUAGES) == set(LOCALES)


def test_help_paragraphs_flow_at_any_width() -> None:
    """A docstring's line breaks inside a paragraph are not the terminal's: every help text
    is whole paragraphs, so Typer wraps each at the terminal's width."""
    from psi.help_words import english_texts, flowing

    assert flowing("One line\n  and its rest.\n\nA second\nparagraph.") == (
        "One line and its rest.\n\nA second paragraph."
    )
    broken = [text for text, _path in english_texts() if "\n" in text.replace("\n\n", "")]
    assert broken == []
