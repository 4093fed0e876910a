"""The rules of psi meeting invite: which kallelse goes out (a request, an update, a
cancellation), with which SEQUENCE and to whom; who sends, and through which server."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psi.domain.duties import (
    Duty,
    KallelseReach,
    Verdict,
    YearFacts,
    assess,
    kallelser_to_members,
)
from psi.domain.invitation import (
    Kallelse,
    MeetingState,
    Method,
    Occasion,
    Plan,
    Security,
    Sent,
    audience_targets,
    check_mail_setting,
    kallelse_state,
    last_sent,
    occasions,
    parse_sender,
    plan_invitation,
    sender_from,
    server_from,
)
from psi.domain.meeting import Kind, MeetingStatus
from psi.domain.membership import Membership
from psi.domain.settings import check_setting
from psi.errors import Conflict, InvalidInput, RuleViolation
from tests.helpers import MET_YEAR

DAY = date(2027, 3, 16)
T0 = datetime(2027, 2, 1, 8, 0, tzinfo=UTC)
TODAY = date(2027, 2, 1)


def meeting(
    status: MeetingStatus = MeetingStatus.PLANNED, sequence: int = 0, kind: Kind = Kind.STORMOTE
) -> MeetingState:
    return MeetingState(33, kind, DAY, status, sequence)


def sent(sequence: int = 0, method: Method = Method.REQUEST, days: int = 0, n: int = 23) -> Sent:
    return Sent(T0 + timedelta(days=days), method, sequence, n)


def plan(
    state: MeetingState,
    before: list[Sent],
    *,
    again: bool = False,
    targets_given: bool = False,
    today: date = TODAY,
) -> Plan:
    return plan_invitation(state, before, today=today, again=again, targets_given=targets_given)


# --- which mail, and to whom ---------------------------------------------------------------------


def test_the_first_kallelse_goes_to_the_audience_with_the_meetings_sequence() -> None:
    made = plan(meeting(sequence=2), [])
    assert (made.occasion, made.method, made.sequence) == (Occasion.FIRST, Method.REQUEST, 2)
    assert made.to_audience and not made.to_invited_before


def test_a_meeting_changed_since_its_kallelse_gets_the_update_to_those_invited() -> None:
    made = plan(meeting(sequence=3), [sent(0), sent(1, days=1)])
    assert (made.occasion, made.method, made.sequence) == (Occasion.UPDATE, Method.REQUEST, 3)
    assert made.to_invited_before and not made.to_audience


def test_the_update_goes_to_the_to_audience_too_when_one_is_given() -> None:
    made = plan(meeting(sequence=3), [sent(0)], targets_given=True)
    assert made.occasion is Occasion.UPDATE
    assert made.to_invited_before and made.to_audience


def test_an_unchanged_meeting_is_refused_unless_again() -> None:
    with pytest.raises(Conflict, match=r"sent on 2027-02-01 to 23 addresses.*--again"):
        plan(meeting(sequence=1), [sent(1)])
    made = plan(meeting(sequence=1), [sent(1)], again=True)
    assert (made.occasion, made.method, made.sequence) == (Occasion.AGAIN, Method.REQUEST, 1)
    assert made.to_audience and not made.to_invited_before


def test_one_address_is_said_in_the_singular() -> None:
    with pytest.raises(Conflict, match=r"to 1 address, and"):
        plan(meeting(), [sent(0, n=1)])


def test_a_cancelled_meeting_gets_the_cancellation_only_to_those_invited() -> None:
    made = plan(meeting(MeetingStatus.CANCELLED, 2), [sent(0), sent(1, days=3)])
    assert (made.occasion, made.method, made.sequence) == (Occasion.CANCEL, Method.CANCEL, 2)
    assert made.to_invited_before and not made.to_audience


@pytest.mark.parametrize("targets_given", [False, True])
def test_a_cancelled_meeting_without_a_record_tells_its_audience(targets_given: bool) -> None:
    """Its kallelse went out as a draft (or not through psi): psi does not know whom it
    reached, so the cancellation goes to the audience (`--to`, else the kind's)."""
    made = plan(meeting(MeetingStatus.CANCELLED, 1), [], targets_given=targets_given)
    assert (made.occasion, made.method, made.sequence) == (Occasion.CANCEL, Method.CANCEL, 1)
    assert made.to_audience and not made.to_invited_before


def test_a_cancellation_sent_without_a_kallelse_is_not_sent_twice_unless_again() -> None:
    before = [sent(1, Method.CANCEL, n=40)]
    with pytest.raises(Conflict, match="cancellation of meeting 33 was sent on 2027-02-01"):
        plan(meeting(MeetingStatus.CANCELLED, 1), before)
    with pytest.raises(InvalidInput, match="leave out --to"):
        plan(meeting(MeetingStatus.CANCELLED, 1), before, again=True, targets_given=True)
    made = plan(meeting(MeetingStatus.CANCELLED, 1), before, again=True)
    assert made.to_invited_before and not made.to_audience


def test_a_cancelled_meeting_without_a_record_owes_nothing_to_the_hand_over() -> None:
    """kallelse_state keeps its meaning: psi cannot say a cancellation is owed when it has
    no record of the kallelse."""
    assert kallelse_state("cancelled", 1, []).state is Kallelse.NOT_NEEDED
    assert not kallelse_state("cancelled", 1, []).to_do


def test_a_cancellation_sent_is_not_sent_twice_unless_again() -> None:
    before = [sent(0), sent(1, Method.CANCEL, days=2)]
    with pytest.raises(Conflict, match="cancellation of meeting 33 was sent on 2027-02-03"):
        plan(meeting(MeetingStatus.CANCELLED, 1), before)
    made = plan(meeting(MeetingStatus.CANCELLED, 1), before, again=True)
    assert made.method is Method.CANCEL and made.to_invited_before


def test_a_cancellation_takes_no_audience() -> None:
    with pytest.raises(InvalidInput, match="leave out --to"):
        plan(meeting(MeetingStatus.CANCELLED, 1), [sent(0)], targets_given=True)


def test_a_meeting_planned_again_after_its_cancellation_gets_the_update() -> None:
    before = [sent(0), sent(1, Method.CANCEL, days=2)]
    made = plan(meeting(MeetingStatus.PLANNED, 2), before)
    assert (made.occasion, made.method, made.sequence) == (Occasion.UPDATE, Method.REQUEST, 2)
    assert made.to_invited_before and not made.to_audience


@pytest.mark.parametrize("before", [[], [sent(0)], [sent(0), sent(1, days=1)]])
@pytest.mark.parametrize("again", [False, True])
def test_a_planned_meeting_whose_day_has_passed_is_refused(before: list[Sent], again: bool) -> None:
    passed = DAY + timedelta(days=1)
    with pytest.raises(RuleViolation, match=r"psi meeting move 33 DATE.*psi meeting held 33"):
        plan(meeting(sequence=1), before, again=again, today=passed)
    assert plan(meeting(sequence=2), before, today=DAY).sequence == 2  # the day itself


def test_a_past_cancelled_meeting_still_gets_its_cancellation() -> None:
    later = DAY + timedelta(days=30)
    made = plan(meeting(MeetingStatus.CANCELLED, 1), [sent(0)], today=later)
    assert made.occasion is Occasion.CANCEL and made.to_invited_before


def test_a_held_meeting_gets_no_kallelse() -> None:
    with pytest.raises(RuleViolation, match="was held on 2027-03-16"):
        plan(meeting(MeetingStatus.HELD, 1), [])


@given(
    sequences=st.lists(st.integers(0, 20), max_size=6),
    now=st.integers(0, 25),
    status=st.sampled_from([MeetingStatus.PLANNED, MeetingStatus.CANCELLED]),
    again=st.booleans(),
)
def test_the_sequence_sent_is_the_meetings_and_never_lower_than_one_sent(
    sequences: list[int], now: int, status: MeetingStatus, again: bool
) -> None:
    """Whatever went out before, a mail that goes out carries the meeting's SEQUENCE, and an
    update or cancellation goes to everyone invited before."""
    history = [sent(s, days=i) for i, s in enumerate(sorted(sequences))]
    current = max([now, *sequences])
    try:
        made = plan(meeting(status, current), history, again=again)
    except (Conflict, RuleViolation):
        return
    assert made.sequence == current
    assert made.to_audience or made.to_invited_before
    if made.occasion in (Occasion.UPDATE, Occasion.CANCEL) and history:
        assert made.to_invited_before
    if history and made.occasion is Occasion.FIRST:
        pytest.fail("a meeting invited before got a first kallelse")
    if made.occasion is Occasion.UPDATE:
        assert not made.to_audience, "an update went to the whole audience without --to"
    # What psi meeting show will call it, once sent, is what was planned.
    assert occasions([*history, Sent(T0 + timedelta(days=9), made.method, current, 1)])[-1] is (
        made.occasion
    )


def test_what_each_sent_invitation_was() -> None:
    assert occasions([]) == []
    history = [
        sent(0),  # the kallelse
        sent(0, days=1),  # --again
        sent(1, days=2),  # moved: the update
        sent(1, Method.CANCEL, days=3),  # cancelled
        sent(2, days=4),  # reinstated: the update
        sent(2, Method.CANCEL, days=5),
        sent(2, Method.CANCEL, days=6),  # --again
    ]
    assert occasions(history) == [
        Occasion.FIRST,
        Occasion.AGAIN,
        Occasion.UPDATE,
        Occasion.CANCEL,
        Occasion.UPDATE,
        Occasion.CANCEL,
        Occasion.CANCEL,
    ]
    # The cancellation of a meeting whose kallelse went out as a draft, then reinstated.
    assert occasions([sent(1, Method.CANCEL), sent(2, days=1)]) == [
        Occasion.CANCEL,
        Occasion.UPDATE,
    ]


def test_the_last_sent_is_the_highest_sequence_then_the_latest() -> None:
    """The key is (SEQUENCE, time): a higher SEQUENCE wins over a later time."""
    assert last_sent([]) is None
    assert last_sent([sent(2, days=0), sent(1, days=5)]) == sent(2, days=0)
    assert last_sent([sent(1, days=0), sent(1, Method.CANCEL, days=1)]) == sent(
        1, Method.CANCEL, days=1
    )


# --- whom by default ---------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "expected"), [(Kind.STORMOTE, ["members"]), (Kind.AU, ["au"])])
def test_the_audience_by_kind(kind: Kind, expected: list[str]) -> None:
    assert audience_targets(meeting(kind=kind), []) == expected
    assert audience_targets(meeting(kind=kind), ["activa"]) == ["activa"]


@pytest.mark.parametrize("kind", [Kind.MSI, Kind.OTHER])
def test_a_kind_without_an_audience_asks_for_to(kind: Kind) -> None:
    with pytest.raises(InvalidInput, match=r"psi meeting invite 33 --to members"):
        audience_targets(meeting(kind=kind), [])
    assert audience_targets(meeting(kind=kind), ["members", "msi"]) == ["members", "msi"]


# --- sender and server -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "address"),
    [
        ("PSI-samordningen <psi@ofr.se>", "PSI-samordningen", "psi@ofr.se"),
        ('"Örebro Föreningsråd, PSI" <PSI@Ofr.se>', "Örebro Föreningsråd, PSI", "psi@ofr.se"),
        ("Örebro Föreningsråd, PSI <psi@ofr.se>", "Örebro Föreningsråd, PSI", "psi@ofr.se"),
        ("  psi@ofr.se ", "", "psi@ofr.se"),
        ("<psi@ofr.se>", "", "psi@ofr.se"),
    ],
)
def test_the_sender_is_read_with_or_without_a_name(text: str, name: str, address: str) -> None:
    sender = parse_sender(text)
    assert (sender.name, sender.address) == (name, address)


@pytest.mark.parametrize("text", ["psi", "PSI <psi>", "PSI <a@b.se> x", "a b@c.se", ""])
def test_a_sender_without_an_address_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="psi config set mail-from"):
        parse_sender(text)


def test_the_settings_check_the_mail_values() -> None:
    assert check_setting("mail-from", "PSI <PSI@ofr.se>") == ("mail-from", "PSI <psi@ofr.se>")
    assert check_setting("smtp-host", "SMTP.Example.se") == ("smtp-host", "smtp.example.se")
    assert check_setting("smtp-port", "0465") == ("smtp-port", "465")
    assert check_setting("smtp-security", "SSL") == ("smtp-security", "tls")
    assert check_setting("smtp-security", "STARTTLS") == ("smtp-security", "starttls")
    assert check_setting("smtp-user", "psi@ofr.se") == ("smtp-user", "psi@ofr.se")
    assert check_mail_setting("smtp-host", "::1") == "::1"


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("smtp-port", "99999", "from 1 to 65535"),
        ("smtp-port", "port", "from 1 to 65535"),
        ("smtp-security", "maybe", "not a connection security"),
        ("smtp-host", "smtp://smtp.x.se", "the server's name alone"),
        ("smtp-host", "smtp.x.se:587", "psi config set smtp-port 587"),
        ("smtp-host", "-bad-", "not a host name"),
        ("smtp-password", "hemligt", "never stores"),
        ("password", "hemligt", "PSI_SMTP_PASSWORD"),
    ],
)
def test_wrong_mail_settings_are_refused_saying_what_to_type(
    key: str, value: str, says: str
) -> None:
    with pytest.raises(InvalidInput, match=says):
        check_setting(key, value)


def test_no_sender_or_server_says_which_setting() -> None:
    with pytest.raises(InvalidInput, match='psi config set mail-from "'):
        sender_from({"mail-from": None})
    with pytest.raises(InvalidInput, match="psi config set smtp-host"):
        server_from({"smtp-host": None})


def test_the_server_defaults_to_starttls_on_587() -> None:
    server = server_from({"smtp-host": "smtp.example.se", "smtp-port": None})
    assert (server.port, server.security, server.user) == (587, Security.STARTTLS, None)
    assert server.place == "smtp.example.se:587"


@pytest.mark.parametrize(
    ("security", "port", "expected"),
    [
        ("tls", None, 465),
        ("ssl", None, 465),
        ("starttls", None, 587),
        ("none", None, 587),
        ("tls", "2465", 2465),
        ("starttls", "25", 25),
    ],
)
def test_the_port_defaults_by_the_security(security: str, port: str | None, expected: int) -> None:
    server = server_from(
        {"smtp-host": "smtp.example.se", "smtp-security": security, "smtp-port": port}
    )
    assert server.port == expected


def test_no_password_goes_unprotected_to_another_computer() -> None:
    settings = {"smtp-host": "smtp.example.se", "smtp-security": "none", "smtp-user": "psi"}
    with pytest.raises(InvalidInput, match="unprotected connection"):
        server_from(settings)
    assert server_from({**settings, "smtp-host": "127.0.0.1"}).user == "psi"
    assert server_from({**settings, "smtp-user": None}).security is Security.NONE


# --- the follow-up's count of member contacts ------------------------------------------------


MEMBER = Membership("member", date(2020, 1, 1))
PROSPECT = Membership("prospect")
LEFT = Membership("former", date(2020, 1, 1), date(2026, 6, 30))


def reached(
    meeting: int, day: date, org: Membership, kind: Kind = Kind.STORMOTE, coordinator: bool = False
) -> KallelseReach:
    return KallelseReach(meeting, kind.value, day, org, coordinator)


def test_a_meeting_counts_once_when_its_kallelse_reached_a_member() -> None:
    sent_to = [
        reached(1, date(2026, 3, 1), MEMBER),
        reached(1, date(2026, 3, 1), PROSPECT),
        reached(1, date(2026, 3, 8), MEMBER),  # its update
        reached(2, date(2026, 5, 1), PROSPECT),  # only a prospect
        reached(3, date(2026, 9, 1), LEFT),  # left before
        reached(4, date(2026, 6, 1), LEFT),  # still a member then
    ]
    assert kallelser_to_members(sent_to) == 2
    assert kallelser_to_members([]) == 0


@pytest.mark.parametrize("kind", [Kind.AU, Kind.MSI, Kind.OTHER])
def test_only_a_stormotes_kallelse_is_a_dialogue_with_the_members(kind: Kind) -> None:
    """The AU's seats are members, and so may be those an MSI dialogue or another meeting
    calls: their kallelser are not a dialogue with the members."""
    day = date(2026, 3, 1)
    assert kallelser_to_members([reached(1, day, MEMBER, kind)]) == 0
    assert kallelser_to_members([reached(1, day, MEMBER, kind), reached(2, day, MEMBER)]) == 1


def test_a_stormotes_kallelse_only_to_the_coordinators_does_not_count() -> None:
    """`--to coordinators`: the coordinating organisations are members, but the coordination
    writing to itself is no dialogue with the members; one other member reached is."""
    day = date(2026, 3, 1)
    to_themselves = [reached(1, day, MEMBER, coordinator=True)] * 2
    assert kallelser_to_members(to_themselves) == 0
    assert kallelser_to_members([*to_themselves, reached(1, day, MEMBER)]) == 1


@given(
    st.lists(
        st.tuples(
            st.integers(1, 5),
            st.sampled_from(list(Kind)),
            st.sampled_from([MEMBER, PROSPECT, LEFT]),
            st.booleans(),
        ),
        max_size=12,
    )
)
def test_the_count_is_at_most_the_stormoten_reached(
    rows: list[tuple[int, Kind, Membership, bool]],
) -> None:
    sent_to = [reached(m, date(2026, 3, 1), org, kind, c) for m, kind, org, c in rows]
    stormoten = {m for m, kind, _org, _c in rows if kind is Kind.STORMOTE}
    assert kallelser_to_members(sent_to) <= len(stormoten)
    without_others = [r for r in sent_to if r.kind == Kind.STORMOTE]
    assert kallelser_to_members(sent_to) == kallelser_to_members(without_others)


def test_a_kallelse_counts_as_a_contact_with_the_members() -> None:
    short = replace(MET_YEAR, member_dialogue_entries=2)
    assert _dialogue(short).checks[0].count == 2
    assert _dialogue(short).verdict is Verdict.PARTLY
    counted = replace(short, member_kallelser=2)
    assert _dialogue(counted).checks[0].count == 4
    assert _dialogue(counted).verdict is Verdict.MET


def _dialogue(facts: YearFacts) -> Duty:
    return {duty.key: duty for duty in assess(facts)}["dialogue"]


def test_the_follow_up_names_the_kallelser_apart_from_the_log() -> None:
    from psi.reports.followup_words import duty_done

    facts = replace(MET_YEAR, member_dialogue_entries=2, member_kallelser=1)
    duty = _dialogue(facts)
    assert duty_done(duty, facts, False, "en").startswith(
        "2 entries on the dialogue with the members; 1 kallelse to a stormöte e-mailed to the "
        "members, counted as an entry; "
    )
    assert duty_done(duty, replace(facts, member_kallelser=2), False, "sv").startswith(
        "2 anteckningar om dialogen med medlemmarna; 2 kallelser till stormöten mejlade till "
        "medlemmarna, räknade som anteckningar; "
    )
    assert "kallelse" not in duty_done(duty, replace(facts, member_kallelser=0), False, "en")
