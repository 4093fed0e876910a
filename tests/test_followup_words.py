"""The follow-up's sentences in Swedish and English: the duties, the summary, the money, the
reach and next year's pair, with the plural forms right."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.duties import (
    DEFAULT_CRITERIA,
    DUTY_KEYS,
    CoordinatorAttendance,
    Duty,
    Verdict,
    YearFacts,
    assess,
    criteria_from,
)
from psi.domain.followup import Money, MoneyRemark, Reach, money_remark, next_pair
from psi.domain.money import NBSP, format_amount
from psi.reports.followup_words import (
    TITLES,
    below_sentences,
    duty_done,
    duty_rule,
    duty_title,
    money_sentence,
    reach_sentences,
    rotation_sentence,
    verdict_sentence,
    verdict_word,
)
from tests.helpers import MET_YEAR

FACTS = MET_YEAR


def done(key: str, facts: YearFacts, lang: str, share: float = 1.0) -> str:
    """What was done towards a duty, as the follow-up words it."""
    duty = next(d for d in assess(facts, share) if d.key == key)
    return duty_done(duty, facts, share < 1, lang)


def duties_with(*verdicts: Verdict) -> list[Duty]:
    pairs = zip(DUTY_KEYS, verdicts, strict=True)
    return [Duty(i + 1, key, (), verdict) for i, (key, verdict) in enumerate(pairs)]


def kr(text: str) -> str:
    """`200 000 kr` with the non-breaking spaces format_amount writes in amounts."""
    return re.sub(r"(?<=\d) (?=\d{3}\b|kr\b)", NBSP, text)


# --- Titles and verdict words --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "swedish"),
    [
        ("au", "Planera och hålla samman arbetsutskottets möten"),
        (
            "stormoten",
            "Planera och genomföra stormöten 2–4 gånger per år i samverkan med Regional utveckling",
        ),
        ("dialogue", "Aktiv dialog med medlemmarna och aktiviteter som de önskar"),
        ("recruitment", "Rekrytera fler medlemmar"),
        ("msi", "Löpande dialog med Mötesplats social innovation"),
        ("communication", "Information via hemsida och sociala medier"),
    ],
)
def test_duty_titles(key: str, swedish: str) -> None:
    assert duty_title(key, "sv") == swedish
    assert duty_title(key, "en") == TITLES[key]


def test_every_duty_has_a_title() -> None:
    assert set(TITLES) == set(DUTY_KEYS)


@pytest.mark.parametrize(
    ("verdict", "swedish", "english"),
    [
        (Verdict.MET, "uppfyllt", "met"),
        (Verdict.PARTLY, "delvis uppfyllt", "partly met"),
        (Verdict.NOT_MET, "inte uppfyllt", "not met"),
        (Verdict.ON_TRACK, "i fas", "on track"),
        (Verdict.BEHIND, "ligger efter", "behind"),
    ],
)
def test_verdict_words(verdict: Verdict, swedish: str, english: str) -> None:
    assert verdict_word(verdict, "sv") == swedish
    assert verdict_word(verdict, "en") == english


# --- What was done -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("planned", "held", "swedish", "english"),
    [
        (
            1,
            1,
            "1 av 1 planerat AU-möte har hållits",
            "1 of 1 planned AU meeting has been held",
        ),
        (
            1,
            0,
            "0 av 1 planerat AU-möte har hållits",
            "0 of 1 planned AU meeting has been held",
        ),
        (
            11,
            10,
            "10 av 11 planerade AU-möten har hållits",
            "10 of 11 planned AU meetings have been held",
        ),
        (
            0,
            0,
            "0 av 0 planerade AU-möten har hållits",
            "0 of 0 planned AU meetings have been held",
        ),
    ],
)
def test_au_done(planned: int, held: int, swedish: str, english: str) -> None:
    facts = replace(FACTS, au_planned=planned, au_due=planned, au_held=held)
    assert done("au", facts, "sv") == swedish
    assert done("au", facts, "en") == english


def test_au_done_in_a_running_year_says_how_many_are_dated_until_today() -> None:
    facts = replace(FACTS, au_planned=10, au_due=5, au_held=4)
    assert done("au", facts, "sv", 0.5) == (
        "4 av 10 planerade AU-möten har hållits (varav 5 med datum fram till i dag)"
    )
    assert done("au", facts, "en", 0.5) == (
        "4 of 10 planned AU meetings have been held (5 of them dated until today)"
    )
    # All dated until today, or a finished year: nothing to add.
    assert done("au", replace(facts, au_due=10), "en", 0.9) == (
        "4 of 10 planned AU meetings have been held"
    )
    assert done("au", facts, "en") == "4 of 10 planned AU meetings have been held"


def test_au_done_names_the_absent_coordinator() -> None:
    facts = replace(
        FACTS,
        au_planned=11,
        au_due=11,
        au_held=10,
        coordinators=(
            CoordinatorAttendance("Coompanion", 9, 10),
            CoordinatorAttendance("Ideell Arena", 3, 10),
        ),
    )
    assert done("au", facts, "sv") == (
        "10 av 11 planerade AU-möten har hållits; Ideell Arena deltog i 3 av 10 hållna AU-möten"
    )
    assert done("au", facts, "en") == (
        "10 of 11 planned AU meetings have been held; Ideell Arena attended 3 of 10 AU meetings held"
    )


def test_au_done_with_one_meeting_recorded() -> None:
    facts = replace(
        FACTS,
        au_planned=1,
        au_due=1,
        au_held=1,
        coordinators=(CoordinatorAttendance("Ideell Arena", 0, 1),),
    )
    assert done("au", facts, "sv") == (
        "1 av 1 planerat AU-möte har hållits; Ideell Arena deltog i 0 av 1 hållet AU-möte"
    )
    assert done("au", facts, "en") == (
        "1 of 1 planned AU meeting has been held; Ideell Arena attended 0 of 1 AU meeting held"
    )


@pytest.mark.parametrize(
    ("held", "with_ru", "planned", "swedish", "english"),
    [
        (0, 0, 0, "0 stormöten har hållits", "0 general meetings have been held"),
        (
            1,
            1,
            0,
            "1 stormöte har hållits, varav 1 i samverkan med Regional utveckling",
            "1 general meeting has been held, 1 of them with Regional utveckling",
        ),
        (
            3,
            2,
            1,
            "3 stormöten har hållits, varav 2 i samverkan med Regional utveckling; "
            "ytterligare 1 planerat",
            "3 general meetings have been held, 2 of them with Regional utveckling; 1 more planned",
        ),
        (
            0,
            0,
            2,
            "0 stormöten har hållits; ytterligare 2 planerade",
            "0 general meetings have been held; 2 more planned",
        ),
    ],
)
def test_stormoten_done(held: int, with_ru: int, planned: int, swedish: str, english: str) -> None:
    facts = replace(
        FACTS,
        stormoten_held=held,
        stormoten_with_regional_utveckling=with_ru,
        stormoten_planned=planned,
    )
    assert done("stormoten", facts, "sv") == swedish
    assert done("stormoten", facts, "en") == english


@pytest.mark.parametrize(
    ("entries", "done_", "listed", "swedish", "english"),
    [
        (
            1,
            1,
            1,
            "1 anteckning om dialogen med medlemmarna; 1 av 1 aktivitet på listan genomförd",
            "1 entry on the dialogue with the members; 1 of 1 activity on the list done",
        ),
        (
            4,
            2,
            8,
            "4 anteckningar om dialogen med medlemmarna; 2 av 8 aktiviteter på listan genomförda",
            "4 entries on the dialogue with the members; 2 of 8 activities on the list done",
        ),
        (
            0,
            0,
            0,
            "0 anteckningar om dialogen med medlemmarna; 0 av 0 aktiviteter på listan genomförda",
            "0 entries on the dialogue with the members; 0 of 0 activities on the list done",
        ),
    ],
)
def test_dialogue_done(entries: int, done_: int, listed: int, swedish: str, english: str) -> None:
    facts = replace(
        FACTS, member_dialogue_entries=entries, activities_done=done_, activities_listed=listed
    )
    assert done("dialogue", facts, "sv") == swedish
    assert done("dialogue", facts, "en") == english


@pytest.mark.parametrize(
    ("contacts", "joined", "swedish", "english"),
    [
        (1, 1, "1 rekryteringskontakt; 1 ny medlem", "1 recruitment contact; 1 new member"),
        (3, 2, "3 rekryteringskontakter; 2 nya medlemmar", "3 recruitment contacts; 2 new members"),
        (0, 0, "0 rekryteringskontakter; 0 nya medlemmar", "0 recruitment contacts; 0 new members"),
    ],
)
def test_recruitment_done(contacts: int, joined: int, swedish: str, english: str) -> None:
    facts = replace(FACTS, recruitment_entries=contacts, members_joined=joined)
    assert done("recruitment", facts, "sv") == swedish
    assert done("recruitment", facts, "en") == english


@pytest.mark.parametrize(
    ("entries", "meetings", "swedish", "english"),
    [
        (
            1,
            1,
            "1 anteckning om MSI; 1 möte med MSI har hållits",
            "1 log entry about MSI; 1 meeting with MSI held",
        ),
        (
            2,
            0,
            "2 anteckningar om MSI; 0 möten med MSI har hållits",
            "2 log entries about MSI; 0 meetings with MSI held",
        ),
    ],
)
def test_msi_done(entries: int, meetings: int, swedish: str, english: str) -> None:
    facts = replace(FACTS, msi_entries=entries, msi_meetings_held=meetings)
    assert done("msi", facts, "sv") == swedish
    assert done("msi", facts, "en") == english


def test_communication_done() -> None:
    facts = replace(FACTS, quarters_with_posts=3, website_posts=5, social_media_posts=1)
    assert done("communication", facts, "sv") == (
        "inlägg under 3 av 4 kvartal; 5 på hemsidan och 1 i sociala medier"
    )
    assert done("communication", facts, "en") == (
        "posts in 3 of 4 quarters; 5 on the website and 1 on social media"
    )


def test_communication_done_in_a_running_year() -> None:
    one = replace(FACTS, quarters_with_posts=1, quarters_passed=1, website_posts=2)
    assert done("communication", one, "sv", 0.3) == (
        "inlägg under 1 av 1 kvartal som har gått; 2 på hemsidan och 4 i sociala medier"
    )
    assert done("communication", one, "en", 0.3) == (
        "posts in 1 of 1 quarter passed; 2 on the website and 4 on social media"
    )
    three = replace(one, quarters_with_posts=2, quarters_passed=3)
    assert done("communication", three, "en", 0.8).startswith("posts in 2 of 3 quarters passed;")


# --- The rules ---------------------------------------------------------------------------------


def test_duty_rules_in_swedish() -> None:
    rules = {key: duty_rule(key, DEFAULT_CRITERIA, "sv") for key in DUTY_KEYS}
    assert rules == {
        "au": "minst 80 % av årets planerade AU-möten hålls (inställda räknas som planerade), "
        "och varje samordnare deltar i minst 50 % av dem som hålls",
        "stormoten": "2–4 stormöten hålls i samverkan med Regional utveckling",
        "dialogue": "minst 4 anteckningar om dialogen med medlemmarna finns och minst 50 % av "
        "aktivitetslistan är genomförd (inställda och flyttade aktiviteter räknas med)",
        "recruitment": "en ny medlem ansluter, eller minst 3 rekryteringskontakter tas",
        "msi": "minst 2 kontakter med MSI har tagits (anteckningar eller hållna möten)",
        "communication": "minst 1 inlägg har publicerats på hemsidan eller i sociala medier "
        "varje kvartal",
    }


def test_duty_rules_in_english() -> None:
    assert duty_rule("stormoten", DEFAULT_CRITERIA, "en") == (
        "2-4 general meetings are held together with Regional utveckling"
    )
    assert duty_rule("recruitment", DEFAULT_CRITERIA, "en") == (
        "a new member joins, or at least 3 recruitment contacts are made"
    )
    assert duty_rule("communication", DEFAULT_CRITERIA, "en") == (
        "at least 1 post is published on the website or social media in every quarter"
    )


def test_duty_rules_follow_the_aus_criteria() -> None:
    criteria = criteria_from(
        {
            "criterion-au-meetings": "75 %",
            "criterion-coordinator-attendance": "60 %",
            "criterion-stormoten": "3-5",
            "criterion-member-dialogue": "1",
            "criterion-activities": "40 %",
            "criterion-recruitment": "1",
            "criterion-msi": "1",
            "criterion-posts-per-quarter": "2",
        }
    )
    sv = {key: duty_rule(key, criteria, "sv") for key in DUTY_KEYS}
    assert sv["au"].startswith("minst 75 % av årets planerade AU-möten hålls")
    assert "minst 60 % av dem som hålls" in sv["au"]
    assert sv["stormoten"] == "3–5 stormöten hålls i samverkan med Regional utveckling"
    assert sv["dialogue"].startswith("minst 1 anteckning om dialogen med medlemmarna finns")
    assert "minst 40 % av aktivitetslistan" in sv["dialogue"]
    assert sv["recruitment"] == "en ny medlem ansluter, eller minst 1 rekryteringskontakt tas"
    assert sv["msi"] == "minst 1 kontakt med MSI har tagits (anteckningar eller hållna möten)"
    assert sv["communication"].startswith("minst 2 inlägg har publicerats")
    en = {key: duty_rule(key, criteria, "en") for key in DUTY_KEYS}
    assert en["dialogue"].startswith("at least 1 entry on the dialogue with the members is logged")
    assert en["recruitment"] == "a new member joins, or at least 1 recruitment contact is made"
    assert en["msi"] == "at least 1 contact with MSI is made (log entries or meetings held)"
    assert en["communication"].startswith("at least 2 posts are published")


# --- The summary ---------------------------------------------------------------------------------

M, P, N, T, B = Verdict.MET, Verdict.PARTLY, Verdict.NOT_MET, Verdict.ON_TRACK, Verdict.BEHIND


@pytest.mark.parametrize(
    ("verdicts", "running", "swedish", "english"),
    [
        (
            (M, M, M, M, M, M),
            False,
            "6 av de sex uppgifterna är uppfyllda.",
            "6 of the six duties are met.",
        ),
        (
            (M, M, P, N, M, P),
            False,
            "3 av de sex uppgifterna är uppfyllda, 2 är delvis uppfyllda och 1 är inte uppfylld.",
            "3 of the six duties are met, 2 are partly met and 1 is not met.",
        ),
        (
            (M, P, N, N, N, N),
            False,
            "1 av de sex uppgifterna är uppfylld, 1 är delvis uppfylld och 4 är inte uppfyllda.",
            "1 of the six duties is met, 1 is partly met and 4 are not met.",
        ),
        (
            (N, N, N, N, N, N),
            False,
            "0 av de sex uppgifterna är uppfyllda och 6 är inte uppfyllda.",
            "0 of the six duties are met and 6 are not met.",
        ),
        (
            (M, T, T, T, B, B),
            True,
            "Hittills: 1 av de sex uppgifterna är uppfylld, 3 är i fas och 2 ligger efter.",
            "So far, 1 of the six duties is met, 3 are on track and 2 are behind.",
        ),
        (
            (T, T, T, T, T, B),
            True,
            "Hittills: 0 av de sex uppgifterna är uppfyllda, 5 är i fas och 1 ligger efter.",
            "So far, 0 of the six duties are met, 5 are on track and 1 is behind.",
        ),
        (
            (M, P, T, B, M, M),
            True,
            "Hittills: 3 av de sex uppgifterna är uppfyllda, 1 är i fas, 1 är delvis uppfylld "
            "och 1 ligger efter.",
            "So far, 3 of the six duties are met, 1 is on track, 1 is partly met and 1 is behind.",
        ),
    ],
)
def test_verdict_sentence(
    verdicts: tuple[Verdict, ...], running: bool, swedish: str, english: str
) -> None:
    duties = duties_with(*verdicts)
    assert verdict_sentence(duties, running, "sv") == swedish
    assert verdict_sentence(duties, running, "en") == english


@given(st.lists(st.sampled_from(list(Verdict)), min_size=6, max_size=6), st.booleans())
def test_verdict_sentence_counts_every_duty(verdicts: list[Verdict], running: bool) -> None:
    for lang in ("sv", "en"):
        sentence = verdict_sentence(duties_with(*verdicts), running, lang)
        numbers = [int(n) for n in re.findall(r"\d+", sentence)]
        assert sum(numbers) == 6
        assert numbers[0] == verdicts.count(Verdict.MET)
        assert sentence.endswith(".")


def test_below_sentences_name_the_duties_not_met() -> None:
    facts = replace(FACTS, au_held=7, msi_entries=0)
    duties = assess(facts)
    assert below_sentences(duties, facts, False, "sv") == [
        "Planera och hålla samman arbetsutskottets möten: delvis uppfyllt "
        "(7 av 10 planerade AU-möten har hållits).",
        "Löpande dialog med Mötesplats social innovation: inte uppfyllt "
        "(0 anteckningar om MSI; 0 möten med MSI har hållits).",
    ]
    assert below_sentences(duties, facts, False, "en") == [
        "Plan and lead the working committee's meetings: partly met "
        "(7 of 10 planned AU meetings have been held).",
        "A running dialogue with Mötesplats social innovation: not met "
        "(0 log entries about MSI; 0 meetings with MSI held).",
    ]


def test_below_sentences_in_a_running_year() -> None:
    facts = replace(FACTS, au_due=5, au_held=2, quarters_passed=2, quarters_with_posts=2)
    duties = assess(facts, 0.5)
    sentences = below_sentences(duties, facts, True, "sv")
    assert sentences[0] == (
        "Planera och hålla samman arbetsutskottets möten: ligger efter "
        "(2 av 10 planerade AU-möten har hållits (varav 5 med datum fram till i dag))."
    )
    assert all("uppfyllt" not in s for s in sentences)


def test_no_below_sentences_when_all_are_met() -> None:
    assert below_sentences(assess(FACTS), FACTS, False, "sv") == []


# --- The money ---------------------------------------------------------------------------------

GRANT = 20_000_000  # 200 000 kr


@pytest.mark.parametrize(
    ("remark", "swedish", "english"),
    [
        (
            money_remark(0, 150_000, 1.0),
            "Inga beviljade medel är registrerade för 2026; utgifterna är 1 500 kr.",
            "No granted funds are recorded for 2026; the expenses are 1 500 kr.",
        ),
        (
            money_remark(GRANT, 25_000_000, 1.0),
            "Utgifterna, 250 000 kr, överstiger de beviljade medlen på 200 000 kr med 50 000 kr.",
            "The expenses, 250 000 kr, exceed the granted funds of 200 000 kr by 50 000 kr.",
        ),
        (
            money_remark(GRANT, GRANT, 1.0),
            "De beviljade medlen på 200 000 kr användes i sin helhet.",
            "The granted funds of 200 000 kr were used in full.",
        ),
        (
            money_remark(GRANT, 15_000_000, 1.0),
            "Av de beviljade medlen på 200 000 kr användes 150 000 kr (75 %); "
            "50 000 kr är outnyttjat.",
            "Of the granted funds of 200 000 kr, 150 000 kr was used (75 %); 50 000 kr is unspent.",
        ),
        (
            money_remark(GRANT, 10_000_000, 0.5),
            "Hittills har 100 000 kr av de beviljade 200 000 kr använts (50 %), i takt med året "
            "(50 % har gått).",
            "So far 100 000 kr of the granted 200 000 kr has been used (50 %), in pace with the "
            "year (50 % passed).",
        ),
        (
            money_remark(GRANT, 18_000_000, 0.5),
            "Hittills har 180 000 kr av de beviljade 200 000 kr använts (90 %), snabbare än året "
            "går (50 % har gått).",
            "So far 180 000 kr of the granted 200 000 kr has been used (90 %), ahead of the year "
            "(50 % passed).",
        ),
        (
            money_remark(GRANT, 2_000_000, 0.5),
            "Hittills har 20 000 kr av de beviljade 200 000 kr använts (10 %), långsammare än "
            "året går (50 % har gått).",
            "So far 20 000 kr of the granted 200 000 kr has been used (10 %), behind the year "
            "(50 % passed).",
        ),
    ],
)
def test_money_sentence(remark: MoneyRemark, swedish: str, english: str) -> None:
    assert money_sentence(remark, 2026, "sv") == kr(swedish)
    assert money_sentence(remark, 2026, "en") == kr(english)


def test_money_sentence_with_ore() -> None:
    remark = money_remark(GRANT, 12_345_650, 1.0)
    sentence = money_sentence(remark, 2026, "sv")
    assert format_amount(12_345_650) == kr("123 456,50 kr")
    assert kr("användes 123 456,50 kr (62 %); 76 543,50 kr är outnyttjat.") in sentence


@pytest.mark.parametrize("kind", list(Money))
def test_every_money_kind_has_a_swedish_sentence(kind: Money) -> None:
    remark = MoneyRemark(kind, GRANT, 10_000_000, 0.5, 0.5)
    swedish, english = money_sentence(remark, 2026, "sv"), money_sentence(remark, 2026, "en")
    assert swedish != english
    assert kr("100 000 kr") in swedish or kr("200 000 kr") in swedish


# --- Next year's pair ----------------------------------------------------------------------------

PAIR = ("Coompanion", "Ideell Arena")


def test_rotation_sentence_undecided() -> None:
    pair = next_pair(2026, PAIR, ())
    assert rotation_sentence(pair, "sv") == ("Samordnarna för 2027 är ännu inte utsedda.")
    assert rotation_sentence(pair, "en") == ("The coordinators for 2027 are not yet appointed.")


def test_rotation_sentence_one_continuing() -> None:
    pair = next_pair(2026, PAIR, ("Coompanion",))
    assert rotation_sentence(pair, "sv") == (
        "Inför 2027: Coompanion har kvar samordningsansvaret och Ideell Arena frånträder "
        "uppdraget. Den andra samordnaren är ännu inte utsedd."
    )
    assert rotation_sentence(pair, "en") == (
        "For 2027: Coompanion stays and Ideell Arena leaves the assignment. The second "
        "coordinator is not yet appointed."
    )


def test_rotation_sentence_full_pair() -> None:
    pair = next_pair(2026, PAIR, ("Ideell Arena", "Hela Människan"))
    assert rotation_sentence(pair, "sv") == (
        "Inför 2027: Ideell Arena har kvar samordningsansvaret, Coompanion frånträder uppdraget "
        "och Hela Människan tillkommer som samordningsnybörjare."
    )
    assert rotation_sentence(pair, "en") == (
        "For 2027: Ideell Arena stays, Coompanion leaves the assignment and Hela Människan joins."
    )


def test_rotation_sentence_extension() -> None:
    pair = next_pair(2024, PAIR, PAIR)
    assert rotation_sentence(pair, "sv") == (
        "Inför 2025: Coompanion och Ideell Arena har kvar samordningsansvaret."
    )
    assert rotation_sentence(pair, "en") == "For 2025: Coompanion and Ideell Arena stay."


def test_rotation_sentence_only_a_newcomer() -> None:
    pair = next_pair(2026, PAIR, ("Hela Människan",))
    assert rotation_sentence(pair, "sv") == (
        "Inför 2027: Coompanion och Ideell Arena frånträder uppdraget och Hela Människan "
        "tillkommer som samordningsnybörjare. Den andra samordnaren är ännu inte utsedd."
    )


def test_rotation_sentence_two_newcomers_in_english() -> None:
    pair = next_pair(2026, PAIR, ("Hela Människan", "Studieförbundet"))
    assert rotation_sentence(pair, "en").endswith("Hela Människan and Studieförbundet join.")


# --- The reach -----------------------------------------------------------------------------------


def test_reach_sentences_plural() -> None:
    reach = Reach(
        meetings_held=3,
        persons=12,
        organisations=7,
        member_municipalities=("Kumla", "Örebro"),
        municipalities_as_members=("Kumla kommun", "Örebro kommun"),
        meeting_municipalities=("Kumla", "Örebro"),
    )
    assert reach_sentences(reach, "sv") == [
        "Vid de 3 hållna mötena registrerades 12 namngivna personer från 7 organisationer.",
        "Organisationer från 2 av länets 12 kommuner deltog i mötena.",
        "Medlemmarna finns i 2 av länets 12 kommuner.",
        "2 medlemsorganisationer är kommunala: Kumla kommun och Örebro kommun.",
    ]
    assert reach_sentences(reach, "en") == [
        "At the 3 meetings held, 12 named persons from 7 organisations were recorded.",
        "Organisations from 2 of the county's 12 municipalities were at the meetings.",
        "The members are in 2 of the county's 12 municipalities.",
        "2 member organisations are municipal: Kumla kommun and Örebro kommun.",
    ]


def test_reach_sentences_singular() -> None:
    reach = Reach(
        meetings_held=1,
        persons=5,
        organisations=3,
        member_municipalities=("Örebro",),
        municipalities_as_members=("Örebro kommun",),
        meeting_municipalities=("Örebro",),
    )
    assert reach_sentences(reach, "sv") == [
        "Vid det 1 hållna mötet registrerades 5 namngivna personer från 3 organisationer.",
        "Organisationer från 1 av länets 12 kommuner deltog i mötena.",
        "Medlemmarna finns i 1 av länets 12 kommuner.",
        "1 medlemsorganisation är kommunal: Örebro kommun.",
    ]
    assert reach_sentences(reach, "en") == [
        "At the 1 meeting held, 5 named persons from 3 organisations were recorded.",
        "Organisations from 1 of the county's 12 municipalities were at the meetings.",
        "The members are in 1 of the county's 12 municipalities.",
        "1 member organisation is municipal: Örebro kommun.",
    ]


def test_reach_sentences_without_persons() -> None:
    reach = Reach(2, 0, 3, (), (), ("Nora",))
    assert reach_sentences(reach, "sv") == [
        "3 organisationer deltog i de 2 hållna mötena; inga personer är registrerade.",
        "Organisationer från 1 av länets 12 kommuner deltog i mötena.",
        "Medlemmarna finns i 0 av länets 12 kommuner.",
        "Ingen medlemsorganisation är kommunal.",
    ]
    assert reach_sentences(reach, "en")[0] == (
        "3 organisations attended the 2 meetings held; no persons are recorded."
    )
    one = Reach(1, 0, 3, (), (), ())
    assert reach_sentences(one, "sv")[0] == (
        "3 organisationer deltog i det 1 hållna mötet; inga personer är registrerade."
    )


def test_reach_sentences_without_meetings() -> None:
    reach = Reach(0, 0, 0, ("Nora",), (), ())
    assert reach_sentences(reach, "sv") == [
        "Medlemmarna finns i 1 av länets 12 kommuner.",
        "Ingen medlemsorganisation är kommunal.",
    ]
    assert reach_sentences(reach, "en") == [
        "The members are in 1 of the county's 12 municipalities.",
        "No member organisation is municipal.",
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_reach_sentences_one_person_from_one_organisation(lang: str) -> None:
    reach = Reach(1, 1, 1, ("Nora",), (), ("Nora",))
    first = reach_sentences(reach, lang)[0]
    assert "1 named person " in first or "1 namngiven person " in first
    assert first.endswith(("1 organisation were recorded.", "1 organisation."))


# --- No English left in the Swedish ---------------------------------------------------------------

ENGLISH = re.compile(
    r"\b(of|the|held|meetings?|planned|entry|entries|posts?|quarters?|activity|activities|"
    r"duties|met|behind|track|stays?|leaves?|joins?|granted|spent|unspent|members?)\b"
)


@given(
    st.integers(0, 3),
    st.integers(0, 3),
    st.integers(0, 3),
    st.floats(0.1, 1.0),
)
def test_the_swedish_follow_up_has_no_english_words(a: int, b: int, c: int, share: float) -> None:
    facts = YearFacts(
        au_planned=a + b,
        au_due=a + b,
        au_held=a,
        stormoten_held=b,
        stormoten_with_regional_utveckling=min(b, c),
        stormoten_planned=c,
        member_dialogue_entries=a,
        activities_listed=b + c,
        activities_done=c,
        recruitment_entries=b,
        members_joined=c,
        msi_entries=a,
        msi_meetings_held=b,
        website_posts=c,
        social_media_posts=a,
        quarters_with_posts=min(a, 4),
        quarters_passed=4 if share >= 1 else c,
        coordinators=(CoordinatorAttendance("Nora Folkets hus", 0, a),),
    )
    running = share < 1
    duties = assess(facts, share)
    texts = [
        verdict_sentence(duties, running, "sv"),
        *below_sentences(duties, facts, running, "sv"),
        *(duty_done(d, facts, running, "sv") for d in duties),
        *(duty_rule(key, DEFAULT_CRITERIA, "sv") for key in DUTY_KEYS),
        money_sentence(money_remark(GRANT, a * 7_000_000, share), 2026, "sv"),
        rotation_sentence(next_pair(2026, PAIR, PAIR[:a]), "sv"),
        *reach_sentences(Reach(a, b, c, ("Nora",) * a, ("Nora kommun",) * b, ()), "sv"),
    ]
    for text in texts:
        assert not ENGLISH.search(text.replace("Mötesplats social innovation", "")), text
