import pytest
from django.urls import reverse

from pitchday.enums import DisbursementStatus, EventStatus, GrantStatus


@pytest.mark.django_db
def test_demo_seed_is_complete_and_idempotent(django_capture_on_commit_callbacks):
    from cohorts import demo as cohorts_demo
    from pitchday import demo
    from pitchday.models import Disbursement, Grant, Judge, LedgerEntry, PitchEvent
    from semilla import demo as semilla_demo

    semilla_demo.seed_accounts()
    cohorts_demo.seed()
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed()
    counts = (Grant.objects.count(), LedgerEntry.objects.count())
    demo.seed()
    assert (Grant.objects.count(), LedgerEntry.objects.count()) == counts
    statuses = set(Grant.objects.values_list("status", flat=True))
    assert statuses == {
        GrantStatus.DRAFT,
        GrantStatus.OFFERED,
        GrantStatus.ACTIVE,
        GrantStatus.COMPLETED,
        GrantStatus.CANCELLED,
    }
    mine = Grant.objects.get(grantee__email="emprendedora@demo.semilla.co")
    assert mine.accepted_at is not None
    assert mine.tranches.get(number=1).status == "paid"
    waiting = Disbursement.objects.get(status=DisbursementStatus.REQUESTED)
    assert waiting.requested_by.email == "equipo@demo.semilla.co"
    assert set(PitchEvent.objects.values_list("status", flat=True)) == {
        EventStatus.PUBLISHED,
        EventStatus.OPEN,
    }
    from pitchday.admin_payouts import _held

    held = list(_held())  # a newcomer sees the console's "Payout details to confirm" at work
    assert [(d.user.grants.get().status, d.rail) for d in held] == [
        (GrantStatus.OFFERED, "daviplata")
    ]
    upcoming = PitchEvent.objects.get(status=EventStatus.OPEN)
    assert Judge.objects.filter(
        event=upcoming, user__email="jurado@demo.semilla.co", status="accepted"
    ).exists()


@pytest.mark.django_db
def test_console_screens_render_for_staff(client_for, staff_user, finance_user):
    from pitchday.wagtail_hooks import PitchdayGroup

    staff_client = client_for(staff_user)
    for viewset in PitchdayGroup().registerables:
        url = reverse(viewset.get_url_name("index"))
        user = finance_user if viewset.model.__name__ == "Disbursement" else staff_user
        response = client_for(user).get(url)
        assert (viewset.model.__name__, response.status_code) == (viewset.model.__name__, 200)
    assert staff_client.get("/admin/").status_code == 200
