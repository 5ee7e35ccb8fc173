"""Grant pages: permission matrix, 404 for other people's objects, 405, query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pitchday.enums import DisbursementStatus, GrantStatus, PayoutDetailsStatus, RailCode
from pitchday.models import PayoutDetails
from pitchday.services import disbursements as svc
from semilla.enums import Role
from semilla.upload_pipeline import clean_pdf
from tests.factories.files import pdf_bytes
from tests.factories.pitchday import make_confirmed_details, make_fund, make_grant

PDF = pdf_bytes()


@pytest.fixture
def grant(entrepreneur):
    return make_grant(grantee=entrepreneur)


def _close(response):
    """Close a streamed file response without the request_finished signal closing the
    test's database connection (what Django's test client does internally)."""
    from django.core.signals import request_finished
    from django.db import close_old_connections

    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def _url(name, *args):
    return reverse(f"pitchday:{name}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        (None, 302),
        ("grantee", 200),
        ("other", 404),
        ("staff", 200),
        ("finance", 200),
    ],
)
def test_grant_detail_permissions(
    client_for, grant, entrepreneur, other_entrepreneur, staff_user, finance_user, who, status
):
    user = {
        "grantee": entrepreneur,
        "other": other_entrepreneur,
        "staff": staff_user,
        "finance": finance_user,
        None: None,
    }[who]
    response = client_for(user).get(grant.get_absolute_url())
    assert response.status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "roles_ok"),
    [
        ("desk_home", {"staff", "finance", "funder"}),
        ("desk_grants", {"staff", "finance"}),
        ("desk_milestones", {"staff"}),
        ("desk_disbursements", {"staff", "finance"}),
        ("desk_reconciliation", {"finance"}),
    ],
)
def test_desk_permission_matrix(
    client_for, entrepreneur, staff_user, finance_user, funder_user, judge_user, name, roles_ok
):
    users = {
        "entrepreneur": entrepreneur,
        "staff": staff_user,
        "finance": finance_user,
        "funder": funder_user,
        "judge": judge_user,
    }
    assert client_for(None).get(_url(name)).status_code == 302
    for role, user in users.items():
        expected = 200 if role in roles_ok else 403
        assert (role, client_for(user).get(_url(name)).status_code) == (role, expected)


@pytest.mark.django_db
def test_agreement_accept_by_grantee_only(client_for, grant, entrepreneur, staff_user):
    url = _url("grant_agreement", grant.reference)
    assert client_for(staff_user).post(url, {"accept": "on"}).status_code == 403
    response = client_for(entrepreneur).post(url, {"accept": "on"})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.status == GrantStatus.ACTIVE
    assert grant.accepted_ip == "127.0.0.1"


@pytest.mark.django_db
def test_agreement_needs_the_checkbox(client_for, grant, entrepreneur):
    response = client_for(entrepreneur).post(_url("grant_agreement", grant.reference), {})
    assert response.status_code == 200
    grant.refresh_from_db()
    assert grant.status == GrantStatus.OFFERED


@pytest.mark.django_db
def test_payout_details_page_only_edits_own_details(client_for, entrepreneur, staff_user):
    """There is no URL that takes someone else's id: staff submitting the form change only
    their own details, never the grantee's."""
    make_confirmed_details(entrepreneur, rail=RailCode.NEQUI, phone="3001112233")
    client_for(staff_user).post(
        _url("payout_details"),
        {"rail": RailCode.NEQUI, "holder_name": "Otra persona", "phone": "3119998877"},
    )
    mine = PayoutDetails.objects.filter(user=entrepreneur)
    assert list(mine.values_list("phone", "status")) == [("3001112233", "confirmed")]


@pytest.mark.django_db
def test_payout_details_form_validates_wallet_phone(client_for, entrepreneur):
    response = client_for(entrepreneur).post(
        _url("payout_details"), {"rail": RailCode.NEQUI, "holder_name": "Yuleisy", "phone": "12"}
    )
    assert response.status_code == 200
    assert PayoutDetails.objects.count() == 0


@pytest.mark.django_db
def test_payout_details_submit_and_confirm_by_code(
    client_for, entrepreneur, mailoutbox, django_capture_on_commit_callbacks
):
    import re

    c = client_for(entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        c.post(
            _url("payout_details"),
            {
                "rail": RailCode.BANK_TRANSFER,
                "holder_name": "Y",
                "bank_name": "Bancolombia",
                "account_type": "savings",
                "account_number": "12345678901",
            },
        )
    code = re.search(r"\b(\d{6})\b", mailoutbox[-1].body).group(1)
    c.post(_url("payout_confirm"), {"code": code})
    assert PayoutDetails.objects.get(user=entrepreneur).status == PayoutDetailsStatus.CONFIRMED


@pytest.mark.django_db
def test_evidence_file_served_to_grantee_and_staff_only(
    client_for, entrepreneur, other_entrepreneur, staff_user
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    milestone = grant.tranches.get(number=2).milestone
    url = _url("milestone_detail", grant.reference, milestone.pk)
    response = client_for(entrepreneur).post(
        url,
        {
            "upload": "1",
            "kind": "receipt",
            "amount_spent": "250000",
            "file": SimpleUploadedFile("factura.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    evidence = milestone.evidence.get()
    assert evidence.amount_spent == 250_000_00
    file_url = _url("evidence_file", evidence.pk)
    assert client_for(other_entrepreneur).get(file_url).status_code == 404
    staff_response = client_for(staff_user).get(file_url)
    _close(staff_response)
    assert staff_response.status_code == 200
    response = client_for(entrepreneur).get(file_url)
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == clean_pdf(PDF)  # as the pipeline stored it
    _close(response)
    assert client_for(other_entrepreneur).get(url).status_code == 404
    assert client_for(entrepreneur).put(url).status_code == 405


@pytest.mark.django_db
def test_request_and_approve_through_the_desk(
    client_for, entrepreneur, staff_user, finance_user, django_capture_on_commit_callbacks
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur)
    tranche = grant.tranches.get(number=1)
    assert (
        client_for(finance_user).post(_url("desk_request_payment", tranche.pk)).status_code == 403
    )
    client_for(staff_user).post(_url("desk_request_payment", tranche.pk))
    disbursement = tranche.disbursements.get()
    action = _url("desk_disbursement_action", disbursement.pk, "approve")
    assert client_for(staff_user).post(action).status_code == 302  # refused by the service
    disbursement.refresh_from_db()
    assert disbursement.status == DisbursementStatus.REQUESTED
    with django_capture_on_commit_callbacks(execute=True):
        client_for(finance_user).post(action)
    disbursement.refresh_from_db()
    assert disbursement.status == DisbursementStatus.PROCESSING


@pytest.mark.django_db
def test_use_of_funds_export_hides_names_from_funders(
    client_for, entrepreneur, funder_user, staff_user
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    url = _url("use_of_funds_export", grant.reference)
    staff_csv = client_for(staff_user).get(url).content.decode()
    funder_csv = client_for(funder_user).get(url).content.decode()
    assert entrepreneur.full_name in staff_csv
    assert entrepreneur.full_name not in funder_csv
    assert "Horno industrial" in funder_csv


def _disbursements(n, staff):
    fund = make_fund()
    for _ in range(n):
        grant = make_grant(fund=fund, accept=True)
        make_confirmed_details(grant.grantee)
        svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff)


@pytest.mark.django_db
def test_disbursement_queue_query_count_is_constant(
    client_for, finance_user, staff_user, django_assert_num_queries
):
    c = client_for(finance_user)
    c.get(_url("desk_disbursements"))
    _disbursements(1, staff_user)
    with django_assert_num_queries(6) as one:  # ... the page's count and rows
        c.get(_url("desk_disbursements"))
    _disbursements(4, staff_user)
    with django_assert_num_queries(len(one.captured_queries)):
        response = c.get(_url("desk_disbursements"))
    assert response.content.decode().count('data-testid="disbursement-status"') == 5


@pytest.mark.django_db
def test_desk_home_query_count_is_constant(
    client_for, staff_user, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # the balances computed every time (not kept)
    c = client_for(staff_user)
    make_fund()
    c.get(_url("desk_home"))  # warm: the bell's unread count is cached after a first page
    with django_assert_num_queries(8) as one:
        c.get(_url("desk_home"))
    make_fund()
    make_fund()
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(_url("desk_home"))


@pytest.mark.django_db
def test_grant_detail_query_count_is_constant(
    client_for, staff_user, entrepreneur, django_assert_num_queries
):
    small = make_grant(grantee=entrepreneur, percentages=(100,))
    big = make_grant(grantee=entrepreneur, percentages=(40, 20, 20, 20))
    c = client_for(entrepreneur)
    c.get(small.get_absolute_url())  # warm: the bell's unread count is cached after a first page
    with django_assert_num_queries(11) as one:
        c.get(small.get_absolute_url())
    with django_assert_num_queries(len(one.captured_queries)):
        c.get(big.get_absolute_url())


@pytest.mark.django_db
def test_funder_sees_aggregates_only(client_for, funder_user, staff_user):
    fund = make_fund(budget=5_000_00)
    make_grant(fund=fund, amount=1_000_00)
    body = client_for(funder_user).get(_url("desk_home")).content.decode()
    assert fund.name in body
    assert client_for(funder_user).get(_url("desk_grants")).status_code == 403
    assert Role.FUNDER


def _approved(entrepreneur, staff_user, finance_user, rail, capture, execute):
    """A tranche payment on ``rail``, requested by staff and approved by finance; with
    ``execute`` the queued execution runs (a manual rail then waits in PROCESSING)."""
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur, rail=rail)
    tranche = grant.tranches.get(number=1)
    disbursement = svc.disbursement_request(tranche=tranche, actor=staff_user)
    with capture(execute=execute):
        svc.disbursement_approve(disbursement=disbursement, actor=finance_user)
    disbursement.refresh_from_db()
    return grant, disbursement


MANUAL_RAILS = [
    (RailCode.BANK_TRANSFER, "Transferencia bancaria"),
    (RailCode.NEQUI, "Nequi"),
    (RailCode.DAVIPLATA, "Daviplata"),
    (RailCode.CASH, "Efectivo"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("rail", "label"), MANUAL_RAILS)
def test_grant_page_says_finance_makes_a_manual_payment_in_processing(
    client_for,
    entrepreneur,
    staff_user,
    finance_user,
    rail,
    label,
    django_capture_on_commit_callbacks,
):
    grant, disbursement = _approved(
        entrepreneur,
        staff_user,
        finance_user,
        rail,
        django_capture_on_commit_callbacks,
        execute=True,
    )
    assert disbursement.status == DisbursementStatus.PROCESSING
    body = client_for(entrepreneur).get(grant.get_absolute_url()).content.decode()
    assert (
        '<p data-testid="tranche-in-flight">El equipo de finanzas del programa hará este '
        f"pago ({label}) y lo registrará aquí. Todavía no se ha enviado nada; te "
        "escribiremos cuando quede registrado.</p>"
    ) in body
    assert "se está enviando" not in body


@pytest.mark.django_db
def test_grant_page_says_a_stripe_payment_in_processing_is_being_sent(
    client_for, entrepreneur, staff_user, finance_user, django_capture_on_commit_callbacks
):
    grant, disbursement = _approved(
        entrepreneur,
        staff_user,
        finance_user,
        RailCode.STRIPE,
        django_capture_on_commit_callbacks,
        execute=False,
    )
    # the execution task has moved it to PROCESSING and Stripe has not answered yet
    type(disbursement).objects.filter(pk=disbursement.pk).update(
        status=DisbursementStatus.PROCESSING
    )
    body = client_for(entrepreneur).get(grant.get_absolute_url()).content.decode()
    assert (
        '<p data-testid="tranche-in-flight">El pago se está enviando a tu cuenta de Stripe.</p>'
    ) in body


@pytest.mark.django_db
def test_grant_page_says_nothing_in_flight_before_approval(client_for, entrepreneur, staff_user):
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur)
    svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    body = client_for(entrepreneur).get(grant.get_absolute_url()).content.decode()
    assert 'data-testid="tranche-in-flight"' not in body


def _approve_through_desk(client, disbursement):
    from django.contrib.messages import get_messages

    response = client.post(_url("desk_disbursement_action", disbursement.pk, "approve"))
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.django_db
@pytest.mark.parametrize(("rail", "label"), MANUAL_RAILS)
def test_desk_approval_of_a_manual_payment_says_finance_must_make_it(
    client_for, entrepreneur, staff_user, finance_user, rail, label
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur, rail=rail)
    disbursement = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    assert _approve_through_desk(client_for(finance_user), disbursement) == [
        "Aprobado. Todavía no se ha enviado nada: finanzas debe hacer ahora el pago "
        f"({label}) por fuera de Semilla y registrar aquí su referencia y su comprobante."
    ]


@pytest.mark.django_db
def test_desk_approval_of_a_stripe_payment_says_it_is_being_sent(
    client_for, entrepreneur, staff_user, finance_user
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur, rail=RailCode.STRIPE)
    disbursement = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    assert _approve_through_desk(client_for(finance_user), disbursement) == [
        "Aprobado. El pago se está enviando."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "vence 20 de diciembre de 2026"), ("en", "due 20 December 2026")],
)
def test_grant_page_gives_a_milestone_due_date_in_words(
    client_for, entrepreneur, language, expected
):
    import datetime

    from django.utils import translation

    from pitchday.models import Milestone

    grant = make_grant(grantee=entrepreneur)
    Milestone.objects.filter(tranche__grant=grant, tranche__number=2).update(
        due_date=datetime.date(2026, 12, 20)
    )
    with translation.override(language):
        url = grant.get_absolute_url()
    body = client_for(entrepreneur).get(url).content.decode()
    assert body.count(expected) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "términos 2026-11, en español"), ("en", "terms 2026-11, in Spanish")],
)
def test_desk_grant_history_says_the_accepted_terms_in_words(
    client_for, staff_user, language, expected
):
    """The acceptance reads as words with a short fingerprint (the whole digest in its
    title), not the stored technical note."""
    from django.utils import translation

    grant = make_grant(accept=True)
    with translation.override(language):
        url = _url("desk_grant", grant.reference)
    body = client_for(staff_user).get(url).content.decode()
    history = body.split('class="links grant-history">', 1)[1].split("</ul>", 1)[0]
    digest = grant.accepted_terms_sha256
    assert len(digest) == 64
    assert expected in history
    assert f'title="sha256 {digest}"' in history
    assert f"{digest[:12]}</span>" in history
    assert " sha256 " + digest not in history  # the stored note is not shown


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "20 de diciembre de 2026, 6:30 p.m."), ("en", "20 December 2026, 6:30 p.m.")],
)
def test_desk_grant_history_gives_dates_in_words(client_for, staff_user, language, expected):
    import datetime
    from zoneinfo import ZoneInfo

    from django.utils import translation

    grant = make_grant(accept=True)
    at = datetime.datetime(2026, 12, 20, 18, 30, tzinfo=ZoneInfo("America/Bogota"))
    grant.history.update(at=at)
    with translation.override(language):
        url = _url("desk_grant", grant.reference)
    body = client_for(staff_user).get(url).content.decode()
    history = body.split('class="links grant-history">', 1)[1].split("</ul>", 1)[0]
    assert (history.count("<li>"), history.count(f"<li>{expected} · ")) == (
        grant.history.count(),
        grant.history.count(),
    )
    assert grant.history.count() == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rail", "shown"),
    [
        (RailCode.CASH, "Efectivo · Yuleisy Rodríguez"),
        (RailCode.NEQUI, "Nequi · ••••••4567 · Yuleisy Rodríguez"),
    ],
)
def test_payments_queue_names_the_payee_once(
    client_for, finance_user, staff_user, entrepreneur, rail, shown
):
    grant = make_grant(grantee=entrepreneur, accept=True)
    details = make_confirmed_details(entrepreneur, rail=rail, holder_name="Yuleisy Rodríguez")
    d = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    d.__class__.objects.filter(pk=d.pk).update(payout_details=details)
    body = client_for(finance_user).get(_url("desk_disbursements")).content.decode()
    assert body.count(f"<p>A: {shown}</p>") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "Pagado el 20 de diciembre de 2026, 6:30 p.m."),
        ("en", "Paid on 20 December 2026, 6:30 p.m."),
    ],
)
def test_payments_queue_says_when_each_payment_was_made(
    client_for, finance_user, staff_user, entrepreneur, language, expected
):
    """The "Paid" filter shows when each payment was made; a payment not made yet says
    nothing of it."""
    import datetime
    from zoneinfo import ZoneInfo

    from django.utils import translation

    grant = make_grant(grantee=entrepreneur, accept=True)
    paid = svc.disbursement_request(tranche=grant.tranches.get(number=1), actor=staff_user)
    at = datetime.datetime(2026, 12, 20, 18, 30, tzinfo=ZoneInfo("America/Bogota"))
    paid.__class__.objects.filter(pk=paid.pk).update(
        status=DisbursementStatus.PAID, approved_by=finance_user, paid_at=at
    )
    with translation.override(language):
        url = _url("desk_disbursements")
    client = client_for(finance_user)
    body = client.get(url, {"status": DisbursementStatus.PAID}).content.decode()
    assert body.count('data-testid="disbursement-paid-at"') == 1
    assert f'<p data-testid="disbursement-paid-at">{expected}</p>' in body
    requested = client.get(url, {"status": DisbursementStatus.REQUESTED}).content.decode()
    assert 'data-testid="disbursement-paid-at"' not in requested
