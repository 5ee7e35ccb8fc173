import pytest
from django.utils import timezone

from mentors.enums import MatchStatus, MentorStatus, RunStatus
from mentors.models import (
    Booking,
    GoalUpdate,
    Match,
    MatchingRun,
    MentorProfile,
    MentorshipGoal,
    SessionLog,
)

pytestmark = pytest.mark.slow


def _counts():
    return (
        MentorProfile.objects.count(),
        Match.objects.count(),
        MatchingRun.objects.count(),
        Booking.objects.count(),
    )


def test_demo_seed_gives_emprendedora_a_mentor_and_is_idempotent(db):
    from cohorts import demo as cohorts_demo
    from mentors import demo
    from semilla.demo import seed_accounts

    seed_accounts()
    cohorts_demo.seed()
    demo.seed()
    counts = _counts()
    demo.seed()
    assert _counts() == counts
    assert counts[0] == 61
    assert MentorProfile.objects.filter(status=MentorStatus.ACTIVE).count() >= 45
    assert set(MentorProfile.objects.exclude(city="").values_list("city", flat=True)) >= {
        "cucuta",
        "bogota",
        "medellin",
    }
    assert MatchingRun.objects.exclude(status=RunStatus.PUBLISHED).count() == 0
    mine = Match.objects.get(participant__user__email="emprendedora@demo.semilla.co")
    assert (mine.mentor.user.email, mine.status) == (
        "mentora@demo.semilla.co",
        MatchStatus.ACCEPTED,
    )
    assert sum(c["points"] for c in mine.components) == mine.score
    assert (
        Match.objects.filter(
            mentor__user__email="mentora@demo.semilla.co", status=MatchStatus.PROPOSED
        ).count()
        == 1
    )
    accepted = Match.objects.filter(status=MatchStatus.ACCEPTED).count()
    assert SessionLog.objects.count() == 2 * accepted
    assert SessionLog.objects.filter(rating__isnull=False).count() >= accepted
    upcoming = Booking.objects.filter(
        participant__user__email="emprendedora@demo.semilla.co", starts_at__gt=timezone.now()
    )
    assert sorted(upcoming.values_list("status", flat=True)) == ["confirmed", "proposed"]
    assert MentorshipGoal.objects.count() == 2 * accepted
    assert GoalUpdate.objects.count() == 2 * SessionLog.objects.count()
    # the newcomer signed in as her sees a mentor with free times, not a refusal
    from zoneinfo import ZoneInfo

    from mentors.selectors import booking_options

    offer = booking_options(match=mine, zone=ZoneInfo("America/Bogota"))
    assert (offer.refusal, len(offer.days) > 5) == ("", True)
