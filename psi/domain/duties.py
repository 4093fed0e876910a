"""The coordinators' six duties, and the one rule that says how each stands.

The follow-up report (a finished year: met, partly met, not met) and `psi status` (a
running year: met, on track, behind) both call `assess`, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """How a duty stands."""

    MET = "met"
    PARTLY = "partly met"
    NOT_MET = "not met"
    ON_TRACK = "on track"
    BEHIND = "behind"


@dataclass(frozen=True)
class YearFacts:
    """The counts a year's duties are judged on."""

    au_planned: int
    au_held: int
    stormoten_held: int
    stormoten_planned: int
    stormoten_with_regional_utveckling: int
    member_dialogue_entries: int
    activities_done: int
    activities_counted: int
    recruitment_entries: int
    members_joined: int
    msi_entries: int
    msi_meetings_held: int
    website_posts: int
    social_media_posts: int


@dataclass(frozen=True)
class Duty:
    """One of the six duties with its result and the rule behind the verdict, in both languages."""

    number: int
    key: str
    title: dict[str, str]
    done: dict[str, str]
    rule: dict[str, str]
    verdict: Verdict


def _duty(number: int, key: str, verdict: Verdict, *texts: str) -> Duty:
    title_sv, title_en, done_sv, done_en, rule_sv, rule_en = texts
    return Duty(
        number,
        key,
        {"sv": title_sv, "en": title_en},
        {"sv": done_sv, "en": done_en},
        {"sv": rule_sv, "en": rule_en},
        verdict,
    )


def _verdict(score: float, share_of_year: float) -> Verdict:
    """score: 1 = fully met, 0.5 = partly, 0 = nothing; judged against the part of the year past."""
    if score >= 1:
        return Verdict.MET
    if share_of_year < 1:
        return Verdict.ON_TRACK if score >= min(1.0, share_of_year) * 0.8 else Verdict.BEHIND
    return Verdict.PARTLY if score >= 0.5 else Verdict.NOT_MET


def _ratio(count: int, target: int) -> float:
    return min(1.0, count / target) if target > 0 else 0.0


def assess(facts: YearFacts, share_of_year: float = 1.0) -> list[Duty]:
    """Judge the six duties; share_of_year < 1 for a year still running."""
    f = facts
    au_target = max(f.au_planned, 1)
    au_score = _ratio(f.au_held, round(au_target * 0.8) or 1)
    stormoten = f.stormoten_held
    co_organised = f.stormoten_with_regional_utveckling
    storm_score = _ratio(min(stormoten, co_organised), 2)
    activity_share = f.activities_done / f.activities_counted if f.activities_counted else 0.0
    dialogue_score = (
        _ratio(f.member_dialogue_entries, 1) + _ratio(round(activity_share * 100), 50)
    ) / 2
    recruit_score = 1.0 if f.members_joined else _ratio(f.recruitment_entries, 3)
    msi_score = _ratio(f.msi_entries + f.msi_meetings_held, 2)
    posts = f.website_posts + f.social_media_posts
    comms_score = _ratio(posts, 4)
    return [
        _duty(1, "au", _verdict(au_score, share_of_year),
              "Arbetsutskottets möten", "The working committee's meetings",
              f"AU-möten hållna: {f.au_held} av {f.au_planned}",
              f"{f.au_held} of {f.au_planned} AU meetings held",
              "uppfyllt när minst 80 % av årets AU-möten hölls",
              "met when at least 80 % of the year's AU meetings were held"),
        _duty(2, "stormoten", _verdict(storm_score, share_of_year),
              "Stormöten 2-4 gånger per år i samverkan med Regional utveckling",
              "General meetings 2-4 times a year with Regional utveckling",
              f"stormöten hållna: {stormoten} (med Regional utveckling: {co_organised}); "
              f"planerade: {f.stormoten_planned}",
              f"{stormoten} stormöten held ({co_organised} with Regional utveckling), "
              f"{f.stormoten_planned} planned",
              "uppfyllt när 2-4 stormöten hölls i samverkan med Regional utveckling",
              "met when 2-4 stormöten were held together with Regional utveckling"),
        _duty(3, "dialogue", _verdict(dialogue_score, share_of_year),
              "Dialog med medlemmarna och aktiviteter som de önskar",
              "Dialogue with the members and the activities they wish for",
              f"dialoganteckningar: {f.member_dialogue_entries}; genomförda aktiviteter: "
              f"{f.activities_done} av {f.activities_counted}",
              f"{f.member_dialogue_entries} dialogue entries; {f.activities_done} of "
              f"{f.activities_counted} activities done",
              "uppfyllt när dialogen är dokumenterad och minst hälften av aktivitetslistan är genomförd",
              "met when the dialogue is logged and at least half of the activity list is done"),
        _duty(4, "recruitment", _verdict(recruit_score, share_of_year),
              "Rekrytering av fler medlemmar", "Recruiting more members",
              f"rekryteringskontakter: {f.recruitment_entries}; nya medlemmar: {f.members_joined}",
              f"{f.recruitment_entries} recruitment contacts; {f.members_joined} new members",
              "uppfyllt när en ny medlem anslöt eller minst 3 rekryteringskontakter togs",
              "met when a new member joined, or at least 3 recruitment contacts were made"),
        _duty(5, "msi", _verdict(msi_score, share_of_year),
              "Löpande dialog med Mötesplats social innovation",
              "A running dialogue with Mötesplats social innovation",
              f"anteckningar om MSI: {f.msi_entries}; möten med MSI: {f.msi_meetings_held}",
              f"{f.msi_entries} MSI log entries; {f.msi_meetings_held} MSI meetings held",
              "uppfyllt med minst 2 kontakter med MSI under året",
              "met with at least 2 contacts with MSI in the year"),
        _duty(6, "communication", _verdict(comms_score, share_of_year),
              "Information via hemsida och sociala medier", "Information on the website and social media",
              f"inlägg på hemsidan: {f.website_posts}; i sociala medier: {f.social_media_posts}",
              f"{f.website_posts} website and {f.social_media_posts} social-media posts",
              "uppfyllt med minst 4 inlägg per år (ett per kvartal)",
              "met with at least 4 posts a year (one a quarter)"),
    ]  # fmt: skip
