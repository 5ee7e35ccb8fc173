"""Staff grant creation, the reconciliation command, judge invitations, the vote QR code."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from pitchday.enums import EventStatus, GrantStatus, JudgeStatus
from pitchday.models import Grant, Judge
from pitchday.money import fund_balance
from pitchday.services import events as svc
from semilla.enums import Role
from semilla.transitions import InvalidTransition
from tests.factories.pitchday import make_event, make_fund


@pytest.mark.django_db
def test_staff_create_and_offer_a_grant(client_for, staff_user, finance_user, entrepreneur):
    fund = make_fund(budget=10_000_000_00)
    url = reverse("pitchday:desk_grant_create")
    data = {
        "fund": fund.pk,
        "grantee_email": entrepreneur.email,
        "business_name": "Taller",
        "amount": "3.000.000",
        "percentages": "60,40",
        "offer": "on",
    }
    assert client_for(finance_user).post(url, data).status_code == 403
    response = client_for(staff_user).post(url, data)
    grant = Grant.objects.get()
    assert response.status_code == 302
    assert (grant.status, grant.amount) == (GrantStatus.OFFERED, 3_000_000_00)
    assert list(grant.tranches.values_list("amount", flat=True)) == [1_800_000_00, 1_200_000_00]
    assert fund_balance(fund=fund).committed == 3_000_000_00


@pytest.mark.django_db
def test_staff_grant_form_rejects_bad_percentages(client_for, staff_user, entrepreneur):
    fund = make_fund()
    response = client_for(staff_user).post(
        reverse("pitchday:desk_grant_create"),
        {
            "fund": fund.pk,
            "grantee_email": entrepreneur.email,
            "business_name": "Taller",
            "amount": "1000000",
            "percentages": "60,30",
        },
    )
    assert response.status_code == 200
    assert Grant.objects.count() == 0


@pytest.mark.django_db
def test_reconcile_command_needs_stripe_settings(settings):
    settings.STRIPE_SECRET_KEY = ""
    with pytest.raises(CommandError):
        call_command("reconcile_stripe")


@pytest.mark.django_db
def test_reconcile_command_reports_in_english_when_asked(fake_stripe, capsys):
    call_command("reconcile_stripe", language="en")
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "0 payments retried",
        "0 events recovered",
        "0 transfers checked",
        "0 new differences",
    ]


@pytest.mark.django_db
def test_reconcile_command_reports_in_spanish_by_default(fake_stripe, capsys, settings):
    settings.LANGUAGE_CODE = "es"
    call_command("reconcile_stripe")
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "0 pagos reintentados",
        "0 eventos recuperados",
        "0 transferencias revisadas",
        "0 diferencias nuevas",
    ]


@pytest.mark.django_db
def test_judge_invite_accept_and_decline(
    client_for, staff_user, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event()
    person = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff_user).post(
            reverse("pitchday:judge_invite", args=[event.pk]), {"email": person.email}
        )
    assert response.status_code == 302
    assert mailoutbox[-1].to == [person.email]
    judge = Judge.objects.get()
    person.refresh_from_db()
    assert person.has_role(Role.JUDGE)
    other = make_user(Role.JUDGE)
    assert (
        client_for(other)
        .post(reverse("pitchday:judge_respond", args=[event.pk]), {"answer": "accept"})
        .status_code
        == 404
    )
    client_for(person).post(
        reverse("pitchday:judge_respond", args=[event.pk]), {"answer": "accept"}
    )
    judge.refresh_from_db()
    assert judge.status == JudgeStatus.ACCEPTED


@pytest.mark.django_db
def test_judge_invite_sent_twice_the_same_day_sends_one_email(
    client_for, staff_user, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event()
    person = make_user()
    url = reverse("pitchday:judge_invite", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff_user).post(url, {"email": person.email})
        client_for(staff_user).post(url, {"email": person.email})

    assert [m.to for m in mailoutbox] == [[person.email]]
    assert Judge.objects.get().status == JudgeStatus.INVITED


@pytest.mark.django_db
def test_vote_qr_is_an_svg_for_staff(client_for, staff_user, entrepreneur):
    event = make_event(status=EventStatus.SCORING, audience_vote=True)
    url = reverse("pitchday:vote_qr", args=[event.pk])
    response = client_for(staff_user).get(url)
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml") or b"<svg" in response.content[:200]
    assert client_for(entrepreneur).get(url).status_code == 403


@pytest.mark.django_db
def test_event_transition_table_is_enforced(staff_user):
    event = make_event(status=EventStatus.DRAFT)
    with pytest.raises(InvalidTransition):
        svc.event_transition(event=event, to=EventStatus.PUBLISHED, actor=staff_user)
    svc.event_transition(event=event, to=EventStatus.OPEN, actor=staff_user)
    assert event.log.get().to_status == EventStatus.OPEN


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "es",
            [
                "Fecha: 17 de diciembre de 2026, 6:30 p.m. (hora de America/Bogota).",
                "Lugar: Cámara de Comercio",
            ],
        ),
        (
            "en",
            [
                "When: 17 December 2026, 6:30 p.m. (America/Bogota time).",
                "Where: Cámara de Comercio",
            ],
        ),
    ],
)
def test_judge_invite_email_says_when_in_words(
    client_for,
    staff_user,
    make_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
    language,
    expected,
):
    import datetime
    from zoneinfo import ZoneInfo

    bogota = ZoneInfo("America/Bogota")
    event = make_event()
    event.starts_at = datetime.datetime(2026, 12, 17, 18, 30, tzinfo=bogota)
    event.save(update_fields=["starts_at"])
    person = make_user(language=language)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff_user).post(
            reverse("pitchday:judge_invite", args=[event.pk]), {"email": person.email}
        )
    lines = mailoutbox[-1].body.splitlines()
    labels = ("Fecha:", "Lugar:", "When:", "Where:")
    assert [line for line in lines if line.startswith(labels)] == expected


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["", "no-es-un-correo"])
def test_judge_invite_with_a_bad_email_says_so(client_for, staff_user, email):
    from django.contrib.messages import get_messages

    event = make_event()
    response = client_for(staff_user).post(
        reverse("pitchday:judge_invite", args=[event.pk]), {"email": email}
    )
    messages = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert messages == [("error", "Escribe un correo válido para invitar al jurado.")]
    assert Judge.objects.count() == 0
