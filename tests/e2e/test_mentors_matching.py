"""Browser journey for matching: staff compute a run, pin a pair, re-run around the pin,
publish; the mentor opens the request, reads why, and accepts."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from mentors.enums import MatchStatus
from mentors.models import Match, MatchingRun
from semilla.enums import Role
from tests.e2e.conftest import axe_serious
from tests.factories import make_user
from tests.factories.cohorts import CohortFactory, ParticipantFactory
from tests.factories.mentors import MentorProfileFactory

pytestmark = pytest.mark.e2e


def _page_as(browser, user, base):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="es-CO", timezone_id="America/Bogota")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_run_pin_rerun_publish_then_mentor_accepts(browser, live_server, site_data):
    base = live_server.url
    cohort = CohortFactory(name="Cohorte 3 · Cúcuta")
    participants = [ParticipantFactory(cohort=cohort) for _ in range(2)]
    mentors = [MentorProfileFactory(capacity=1) for _ in range(2)]
    staff = make_user(Role.STAFF)

    page = _page_as(browser, staff, base)
    page.goto(f"{base}/admin/mentoring/runs/")
    page.select_option("select[name=cohort]", str(cohort.pk))
    page.get_by_test_id("new-run").click()
    page.wait_for_url(f"{base}/admin/mentoring/runs/*/")
    run = MatchingRun.objects.get()
    first = participants[0]
    proposal = run.proposals.get(participant=first)
    # Pin the first participant with the mentor the solver did not choose for them.
    other = next(m for m in mentors if m.pk != proposal.mentor_id)
    page.get_by_test_id(f"pin-{first.pk}").wait_for()
    page.evaluate(
        "([sel, mentor]) => { document.querySelector(sel).closest('form')"
        ".querySelector('input[name=mentor]').value = mentor; }",
        [f"[data-testid=pin-{first.pk}]", str(other.pk)],
    )
    page.get_by_test_id(f"pin-{first.pk}").click()
    page.get_by_test_id("rerun").click()
    page.get_by_test_id("publish").wait_for()
    assert run.proposals.get(participant=first).mentor_id == other.pk
    assert "fijada" in page.get_by_test_id(f"proposal-{first.pk}").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_test_id("publish").click()
    page.get_by_text("Publicado").first.wait_for()
    assert Match.objects.filter(status=MatchStatus.PROPOSED).count() == 2

    mentor_page = _page_as(browser, other.user, base)
    mentor_page.goto(f"{base}/es/mentores/")
    mentor_page.get_by_role("link", name=first.user.get_full_name()).click()
    expect(mentor_page.get_by_role("heading", name="Por qué esta pareja")).to_be_visible()
    assert axe_serious(mentor_page) == []
    mentor_page.get_by_test_id("accept-match").click()
    assert mentor_page.get_by_test_id("match-status").inner_text() == "Activa"
    assert Match.objects.get(participant=first).status == MatchStatus.ACCEPTED
