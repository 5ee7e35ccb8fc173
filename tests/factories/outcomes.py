"""Factories for outcomes: a cohort with its waves, answers in every state, alumni."""

import datetime

from django.utils import timezone

from outcomes.enums import ResponseChannel, ResponseStatus, WaveKind
from outcomes.models import Alumnus, Response, Wave
from outcomes.services import waves_ensure
from tests.factories.cohorts import CohortFactory, ParticipantFactory


def ended_cohort(*, months_ago: int = 6, **kwargs):
    """A cohort whose last day was ``months_ago`` months (of 30 days) ago, so that the wave
    of that many months is open today."""
    today = timezone.localdate()
    ends_on = today - datetime.timedelta(days=30 * months_ago + 3)
    if months_ago == 6:
        from outcomes.services import _add_months

        # the 6-month wave opens on ends_on + 6 calendar months: make that 3 days ago
        ends_on = _add_months(today - datetime.timedelta(days=3), -6)
    starts_on = ends_on - datetime.timedelta(days=84)
    return CohortFactory(
        starts_on=starts_on,
        ends_on=ends_on,
        opens_at=timezone.now() - datetime.timedelta(days=400),
        closes_at=timezone.now() - datetime.timedelta(days=380),
        **kwargs,
    )


def wave_of(cohort, kind: str) -> Wave:
    waves = {w.kind: w for w in waves_ensure(cohort=cohort)}
    return waves[kind]


def make_response(*, participant=None, wave=None, kind=WaveKind.MONTH_6, **answers) -> Response:
    participant = participant or ParticipantFactory(cohort=ended_cohort())
    wave = wave or wave_of(participant.cohort, kind)
    if answers.get("status") == ResponseStatus.ANSWERED:
        answers.setdefault("answered_at", timezone.now())
        answers.setdefault("channel", ResponseChannel.SELF)
        answers.setdefault("business_status", "operating")
        answers.setdefault("confidence", 3)
    return Response.objects.create(wave=wave, participant=participant, **answers)


def make_alumnus(*, participant=None, **kwargs) -> Alumnus:
    participant = participant or ParticipantFactory(cohort=ended_cohort())
    return Alumnus.objects.create(
        user=participant.user,
        cohort=participant.cohort,
        since=participant.cohort.ends_on,
        **kwargs,
    )
