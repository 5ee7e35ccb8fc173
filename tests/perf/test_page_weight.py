"""P8: every main public page transfers at most 150 KB on a first visit (empty cache).

Measured in Chromium from the Chrome DevTools Protocol: the sum of ``encodedDataLength``
(bytes on the wire, headers included) over every response of the page load until the
network is idle. The live test server sends static files uncompressed, so the figure is
an upper bound of what a phone downloads from production (whitenoise serves them
compressed). Anonymous HTML is gzipped (``semilla.compression``); signed-in pages are
measured too, and their HTML is never compressed (BREACH: docs/performance.md, "Fewer
bytes"). Pages are found by URL name; a page whose app has not got it yet is skipped
with the reason.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BUDGET_BYTES = 150 * 1024


def _reverse(name: str, **kwargs) -> str:
    with translation.override("es"):
        try:
            return reverse(name, kwargs=kwargs or None)
        except NoReverseMatch:
            pytest.skip(f"the URL name {name!r} does not exist yet")


def _lesson() -> str:
    from curriculum.loader import load
    from curriculum.models import LessonPage

    load()  # the starter curriculum: real lessons, as deployments have them
    lesson = LessonPage.objects.live().filter(locale__language_code="es").order_by("path").first()
    return lesson.url


def _guide() -> str:
    from community.loader import load
    from community.models import GuidePage

    load()  # the starter guides; the free-help guide is the heaviest (offices of 8 cities)
    return GuidePage.objects.get(slug="ayuda-gratuita", locale__language_code="es").url


def _cohort():
    from tests.factories.cohorts import CohortFactory

    return CohortFactory(name="Cohorte 4 · Bogotá", slug="cohorte-4-bogota")


def _apply_step_1(live_server, context) -> str:
    from cohorts.enums import ApplicationStep
    from semilla.enums import Role
    from tests.factories import make_user
    from tests.factories.cohorts import DraftApplicationFactory

    user = make_user(Role.ENTREPRENEUR)
    application = DraftApplicationFactory(user=user, cohort=_cohort())
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value,
          "url": live_server.url}]
    )  # fmt: skip
    return _reverse("cohorts:step", pk=application.pk, step=ApplicationStep.ABOUT)


def _sign_in(live_server, context, *roles):
    from semilla.enums import Role
    from tests.factories import make_user

    user = make_user(*(roles or (Role.ENTREPRENEUR,)))
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value,
          "url": live_server.url}]
    )  # fmt: skip
    return user


def _lesson_signed_in(live_server, context) -> str:
    url = _lesson()
    _sign_in(live_server, context)
    return url


def _dashboard(live_server, context) -> str:
    _lesson()  # the learning panel has a course to show
    _sign_in(live_server, context)
    return _reverse("semilla:dashboard")


def _my_learning(live_server, context) -> str:
    _lesson()
    _sign_in(live_server, context)
    return _reverse("curriculum:my_learning")


def _module() -> str:
    from curriculum.models import ModulePage

    _lesson()
    return ModulePage.objects.live().filter(locale__language_code="es").order_by("path")[0].url


PAGES = {
    "home": lambda live_server, context: "/es/",
    "lesson": lambda live_server, context: _lesson(),
    "guide": lambda live_server, context: _guide(),
    "cohort_list": lambda live_server, context: _reverse("cohorts:list"),
    "signup": lambda live_server, context: _reverse("account_signup"),
    "apply_prescreen": lambda live_server, context: _reverse(
        "cohorts:prescreen", slug=_cohort().slug
    ),
    "apply_step_1": _apply_step_1,
    "module": lambda live_server, context: _module(),
    # signed in: uncompressed HTML (BREACH), no page cache
    "lesson_signed_in": _lesson_signed_in,
    "dashboard_signed_in": _dashboard,
    "my_learning_signed_in": _my_learning,
}


def first_load_bytes(page, url: str) -> tuple[int, int, dict[str, int]]:
    """Load ``url`` with an empty cache; return (bytes on the wire, the document's HTTP
    status, bytes per resource type)."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    types: dict[str, str] = {}
    sizes: dict[str, int] = {}

    def on_response(event):
        types[event["requestId"]] = event.get("type", "Other")

    def on_finished(event):
        kind = types.get(event["requestId"], "Other")
        sizes[kind] = sizes.get(kind, 0) + int(event["encodedDataLength"])

    session.on("Network.responseReceived", on_response)
    session.on("Network.loadingFinished", on_finished)
    response = page.goto(url, wait_until="networkidle")
    session.detach()
    return sum(sizes.values()), response.status, sizes


@pytest.mark.parametrize("name", list(PAGES))
def test_page_weight_first_load_within_budget(name, page, live_server, site_data):
    path = PAGES[name](live_server, page.context)
    total, status, sizes = first_load_bytes(page, live_server.url + path)
    assert status == 200, f"{path} answered {status}"
    assert sizes.get("Document", 0) > 0
    assert total <= BUDGET_BYTES, f"{path}: {total} bytes on first load ({sizes})"
