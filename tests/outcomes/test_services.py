import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cohorts.enums import ParticipantStatus
from outcomes import services
from outcomes.enums import ResponseChannel, ResponseStatus, WaveKind
from outcomes.models import AlumniStatusChange, Alumnus, Response, ResponseEvent, Wave
from semilla.models import OutboxMessage
from semilla.privacy.models import AccessAudit
from tests.factories import make_user
from tests.factories.cohorts import CohortFactory, ParticipantFactory
from tests.factories.outcomes import make_response, wave_of

ANSWERS = {
    "business_status": "operating",
    "sales_from": 2,
    "sales_to": 3,
    "workers_paid": 2,
    "workers_unpaid": 1,
    "workers_migrant": 1,
    "workers_receptor": 2,
    "new_hires": 1,
    "has_rut": True,
    "has_account": True,
    "credit_applied": True,
    "credit_obtained": True,
    "credit_source": "microfinance",
    "credit_amount": 2,
    "document_type": "ppt",
    "confidence": 4,
}


def test_waves_ensure_creates_four_waves_once(cohort):
    services.waves_ensure(cohort=cohort)
    services.waves_ensure(cohort=cohort)
    assert sorted(Wave.objects.filter(cohort=cohort).values_list("kind", flat=True)) == sorted(
        WaveKind.values
    )


def test_wave_one_per_kind_enforced_by_database(cohort):
    wave = wave_of(cohort, WaveKind.END)
    with pytest.raises(IntegrityError), transaction.atomic():
        Wave.objects.create(
            cohort=cohort,
            kind=WaveKind.END,
            opens_on=wave.opens_on,
            due_on=wave.due_on,
            closes_on=wave.closes_on,
        )


def test_wave_dates_follow_the_cohort_end(cohort):
    opens, due, closes = services.wave_dates(cohort=cohort, kind=WaveKind.MONTH_6)
    assert (opens, due - opens, closes - opens) == (
        services._add_months(cohort.ends_on, 6),
        datetime.timedelta(days=services.DUE_DAYS),
        datetime.timedelta(days=services.LATE_DAYS),
    )


def test_response_one_per_wave_and_person_enforced_by_database(response):
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(wave=response.wave, participant=response.participant)


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"sales_from": 4, "sales_to": 2}, "outcomes_response_sales_range_in_order"),
        ({"sales_from": 2}, "outcomes_response_sales_range_in_order"),
        (
            {"workers_paid": 1, "workers_unpaid": 0, "workers_migrant": 1, "workers_receptor": 1},
            "outcomes_response_workers_add_up",
        ),
        ({"confidence": 6}, "outcomes_response_confidence_range"),
        ({"story": "Mi historia"}, "outcomes_response_story_needs_consent"),
        (
            {"credit_obtained": True, "credit_applied": False},
            "outcomes_response_credit_obtained_was_applied",
        ),
        ({"status": "answered"}, "outcomes_response_answered_complete"),
    ],
)
def test_response_database_refuses_inconsistent_answers(participant, fields, constraint):
    wave = wave_of(participant.cohort, WaveKind.END)
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Response.objects.create(wave=wave, participant=participant, **fields)


def test_response_save_finishes_an_answer(response):
    saved = services.response_save(response=response, answers=ANSWERS, finish=True)
    saved.refresh_from_db()
    assert (saved.status, saved.channel, saved.sales_from, saved.new_hires, saved.recorded_by) == (
        ResponseStatus.ANSWERED,
        ResponseChannel.SELF,
        2,
        1,
        None,
    )
    assert list(saved.events.values_list("action", flat=True)) == ["answered"]


def test_response_save_draft_keeps_it_pending_and_resumable(response):
    services.response_save(response=response, answers={"workers_paid": 3}, finish=False)
    response.refresh_from_db()
    assert (response.status, response.workers_paid, response.answered_at) == (
        ResponseStatus.PENDING,
        3,
        None,
    )
    services.response_save(response=response, answers=ANSWERS, finish=True)
    response.refresh_from_db()
    assert response.status == ResponseStatus.ANSWERED


def test_response_save_refuses_a_second_answer(response):
    services.response_save(response=response, answers=ANSWERS, finish=True)
    with pytest.raises(services.OutcomeError):
        services.response_save(response=response, answers=ANSWERS, finish=True)


def test_response_save_refuses_a_follow_up_for_someone_who_left(response):
    response.participant.status = ParticipantStatus.WITHDRAWN
    response.participant.save()
    with pytest.raises(services.OutcomeError, match="dejó la cohorte"):
        services.response_save(response=response, answers=ANSWERS, finish=True)
    response.refresh_from_db()
    assert (response.status, response.business_status, response.events.count()) == (
        ResponseStatus.PENDING,
        "",
        0,
    )


def test_response_save_accepts_a_late_answer_within_the_window(response):
    late = response.wave.due_on + datetime.timedelta(days=5)
    services.response_save(response=response, answers=ANSWERS, finish=True, today=late)
    response.refresh_from_db()
    assert response.status == ResponseStatus.ANSWERED


def test_response_save_refuses_after_the_window(response):
    after = response.wave.closes_on + datetime.timedelta(days=1)
    with pytest.raises(services.OutcomeError, match="cerró"):
        services.response_save(response=response, answers=ANSWERS, finish=True, today=after)


def test_response_save_with_bad_counts_saves_nothing(response):
    bad = {**ANSWERS, "workers_migrant": 9}
    with pytest.raises(ValidationError):
        services.response_save(response=response, answers=bad, finish=True)
    response.refresh_from_db()
    assert (response.status, response.workers_migrant, response.events.count()) == (
        ResponseStatus.PENDING,
        None,
        0,
    )


def test_response_save_baseline_takes_the_document_from_the_application(participant):
    baseline = make_response(participant=participant, kind=WaveKind.BASELINE)
    answers = {k: v for k, v in ANSWERS.items() if k not in ("document_type", "new_hires")}
    # the baseline of an ended cohort closed long ago: answer it on its last day
    services.response_save(
        response=baseline, answers=answers, finish=True, today=baseline.wave.closes_on
    )
    baseline.refresh_from_db()
    assert baseline.document_type == participant.application.document_type == "ppt"


def test_response_by_phone_is_marked_and_audited(response):
    staff = make_user("programme_staff")
    services.response_save(
        response=response, answers=ANSWERS, finish=True, actor=staff, by_phone=True
    )
    response.refresh_from_db()
    audit = AccessAudit.objects.get()
    assert (response.channel, response.recorded_by, audit.actor, audit.subject_id) == (
        ResponseChannel.PHONE,
        staff,
        staff,
        response.participant.user_id,
    )
    assert list(response.events.values_list("action", "actor")) == [("phone", staff.pk)]


def test_story_consent_is_timestamped_and_withdrawal_blanks_the_story(response):
    services.response_save(
        response=response,
        answers={**ANSWERS, "story": "Abrí un segundo local", "story_consent": True},
        finish=True,
    )
    response.refresh_from_db()
    assert response.story_consent_at is not None
    services.story_consent_withdraw(response=response, actor=None)
    response.refresh_from_db()
    assert (response.story, response.story_consent, response.story_consent_at) == ("", False, None)


def test_baseline_open_creates_the_answer_and_sends_one_link(db):
    participant = ParticipantFactory(cohort=CohortFactory())
    services.baseline_open(participant=participant)
    services.baseline_open(participant=participant)
    response = Response.objects.get(participant=participant)
    message = OutboxMessage.objects.get(user=participant.user)
    assert (response.wave.kind, response.reminders_sent) == (WaveKind.BASELINE, 1)
    assert "/encuesta/" in message.body


def test_seat_confirmation_opens_the_baseline_on_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        participant = ParticipantFactory(cohort=CohortFactory())
    assert list(
        Response.objects.filter(participant=participant).values_list("wave__kind", flat=True)
    ) == [WaveKind.BASELINE]


def test_responses_open_asks_everyone_but_those_who_left(cohort):
    stays = ParticipantFactory(cohort=cohort)
    left = ParticipantFactory(cohort=cohort, status=ParticipantStatus.WITHDRAWN)
    created = services.responses_open()
    assert created == 1
    assert list(Response.objects.values_list("participant", "wave__kind")) == [
        (stays.pk, WaveKind.MONTH_6)
    ]
    assert services.responses_open() == 0
    assert left.outcome_responses.count() == 0


def test_reminders_send_spaces_and_caps_reminders(response):
    now = timezone.now()
    assert services.reminders_send(now=now) == 1
    assert services.reminders_send(now=now + datetime.timedelta(days=1)) == 0
    assert services.reminders_send(now=now + datetime.timedelta(days=8)) == 1
    assert services.reminders_send(now=now + datetime.timedelta(days=16)) == 1
    assert services.reminders_send(now=now + datetime.timedelta(days=24)) == 0
    response.refresh_from_db()
    assert (response.reminders_sent, OutboxMessage.objects.count()) == (3, 3)
    assert ResponseEvent.objects.filter(action="reminded").count() == 3


def test_reminders_send_skips_answered(response):
    services.response_save(response=response, answers=ANSWERS, finish=True)
    assert services.reminders_send() == 0


def test_alumni_from_ended_cohorts_once_with_history(cohort):
    stays = ParticipantFactory(cohort=cohort)
    ParticipantFactory(cohort=cohort, status=ParticipantStatus.WITHDRAWN)
    ParticipantFactory(cohort=CohortFactory())  # not ended
    assert services.alumni_from_ended_cohorts() == 1
    assert services.alumni_from_ended_cohorts() == 0
    alumnus = Alumnus.objects.get()
    assert (alumnus.user, alumnus.since, alumnus.listed) == (stays.user, cohort.ends_on, False)
    assert list(AlumniStatusChange.objects.values_list("from_status", "to_status")) == [
        ("", "alumni")
    ]


def test_alumnus_status_change_recorded(cohort):
    ParticipantFactory(cohort=cohort)
    services.alumni_from_ended_cohorts()
    alumnus = Alumnus.objects.get()
    staff = make_user("programme_staff")
    services.alumnus_set_status(alumnus=alumnus, status="mentor", actor=staff, note="Mentora")
    assert list(alumnus.history.values_list("from_status", "to_status", "actor")) == [
        ("", "alumni", None),
        ("alumni", "mentor", staff.pk),
    ]


def test_alumnus_card_opt_out_hides_it_at_once(cohort):
    ParticipantFactory(cohort=cohort)
    services.alumni_from_ended_cohorts()
    alumnus = Alumnus.objects.get()
    services.alumnus_update_card(alumnus=alumnus, listed=True, card={"business_name": "Arepas"})
    from outcomes.selectors import alumni_directory

    assert [a.business_name for a in alumni_directory()] == ["Arepas"]
    services.alumnus_update_card(alumnus=alumnus, listed=False, card={})
    assert alumni_directory() == []


def test_reminder_says_the_closing_date_in_words(response):
    from django.utils.formats import date_format

    from semilla.models import OutboxMessage

    services.reminders_send()
    body = OutboxMessage.objects.filter(user=response.participant.user).get().body
    closes = response.wave.closes_on
    assert date_format(closes) in body
    assert closes.isoformat() not in body
    assert " de " in date_format(closes)
