"""The data-at-scale benchmark's seed (bench/lists.py, used by bench/scale.py) builds what
every timed page needs, in the shape the services write it, and every page and export
answers 200 with it, with the same number of queries for few and for more rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import lists

pytestmark = pytest.mark.django_db


def _clients(client_for):
    from semilla.models import User

    emails = {"all": lists.STAFF_EMAIL, **lists.ROLE_EMAILS}
    return {key: client_for(User.objects.get(email=email)) for key, email in emails.items()}


def _get(clients, paths, page):
    response = clients[lists.PAGE_CLIENT.get(page, "all")].get(paths[page])
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def test_scale_seed_builds_the_rows_of_issue_22_in_proportion():
    from cohorts.models import Application, Participant
    from mentors.models import Booking
    from pitchday.models import Disbursement, LedgerEntry, Tranche

    lists._seed(40)

    assert Application.objects.filter(user__email__startswith="bench-export-").count() == 40
    assert Participant.objects.filter(user__email__startswith="bench-export-").count() == 8
    assert Booking.objects.filter(topic="Precios y costos").count() == 200
    assert Tranche.objects.filter(grant__fund__name="Fondo benchmark 40").count() == 20
    assert Disbursement.objects.filter(status="paid").count() == 10
    assert Disbursement.objects.filter(status="requested").count() == 1
    # the budget, a commitment per grant and a payment per paid disbursement
    assert LedgerEntry.objects.filter(fund__name="Fondo benchmark 40").count() == 21


def test_scale_pages_and_exports_answer(client_for):
    paths = lists._seed(10)
    clients = _clients(client_for)
    pages = lists.PAGES + lists.EXPORTS
    assert set(paths) == set(pages)
    counts = {}
    for page in pages:
        _get(clients, paths, page)
        with CaptureQueriesContext(connection) as captured:
            assert (page, _get(clients, paths, page).status_code) == (page, 200)
        counts[page] = len(captured.captured_queries)
    # at most 15 queries a page (P3, P13), the console's home included since its summary
    # and empty panels are read in one query (semilla.console_home)
    assert {page: count for page, count in counts.items() if count > 15} == {}
