"""The market pages: the public showcase (cached, constant queries, withdrawal at once),
"support this business" (rate limited, never the entrepreneur's contacts), the person's
card and answers, the finance directory, the checklist, referrals and the staff desk."""

import pytest
from django.urls import reverse

from market.enums import InterestStatus, ReferralStatus
from market.models import Interest, ShowcaseProfile
from semilla import pagecache_middleware as pcm
from semilla.enums import Role
from semilla.templatetags.semilla_tags import money
from tests.factories.market import (
    make_interest,
    make_profile,
    make_provider,
    make_referral,
    make_winner,
)

pytestmark = pytest.mark.django_db

LIST = "/es/apoya/"


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    pcm.reset_local()
    yield
    pcm.reset_local()


def test_showcase_list_queries_constant_in_the_number_of_businesses(
    client, django_assert_num_queries
):
    make_profile(business_name="Negocio Uno")
    url = f"{LIST}?sector=food"  # a query string: never answered from the page cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    make_profile(business_name="Negocio Dos", city="bogota")
    make_profile(business_name="Negocio Tres", city="cali")
    with django_assert_num_queries(len(one)):
        body = client.get(url).content.decode()
    assert ("Negocio Uno" in body, "Negocio Dos" in body, "Negocio Tres" in body) == (
        True,
        True,
        True,
    )


def test_showcase_list_filters_by_city(client):
    make_profile(business_name="Arepas Cúcuta", city="cucuta")
    make_profile(business_name="Empanadas Cali", city="cali")
    body = client.get(f"{LIST}?city=cali").content.decode()
    assert ("Empanadas Cali" in body, "Arepas Cúcuta" in body) == (True, False)


def test_showcase_withdrawal_removes_the_card_from_the_cached_pages_at_once(
    client, client_for, django_capture_on_commit_callbacks
):
    profile = make_profile(business_name="Panadería Maracucha")
    detail = reverse("market:showcase_detail", args=[profile.pk])
    assert (client.get(LIST)["X-Page-Cache"], client.get(LIST)["X-Page-Cache"]) == (
        "miss",
        "hit",
    )
    client.get(detail)
    owner = client_for(profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        owner.post(reverse("market:showcase_withdraw"))
    pcm.reset_local()  # another process: only the shared generation tells it
    assert (
        "Panadería Maracucha" in client.get(LIST).content.decode(),
        client.get(detail).status_code,
    ) == (
        False,
        404,
    )


def test_showcase_detail_shows_granted_amounts_from_the_ledger_and_no_contacts(client):
    user, award = make_winner(business_name="Jugos del Zulia", amount=6_000_000_00)
    profile = make_profile(user=user, event=award.event, business_name="Jugos del Zulia")
    body = client.get(profile.get_absolute_url()).content.decode()
    assert (money(6_000_000_00, "COP") in body, user.email in body, user.full_name in body) == (
        True,
        False,
        False,
    )


def test_showcase_detail_of_an_unlisted_business_is_404(client):
    profile = make_profile(listed=False)
    assert client.get(profile.get_absolute_url()).status_code == 404


def _interest_data(**overrides):
    return {
        "kind": "investor",
        "name": "Ana Inversora",
        "organisation": "Fondo Andino",
        "email": "ana@fondo.example.org",
        "message": "Quiero conocer el negocio.",
        **overrides,
    }


def test_interest_create_records_it_for_staff(client):
    profile = make_profile()
    response = client.post(reverse("market:interest_create", args=[profile.pk]), _interest_data())
    interest = Interest.objects.get()
    assert (response.status_code, interest.status, interest.profile_id) == (
        200,
        InterestStatus.NEW,
        profile.pk,
    )
    assert profile.user.email not in response.content.decode()


def test_interest_create_is_rate_limited(client, settings):
    settings.SEMILLA_RATE_LIMITS = {**settings.SEMILLA_RATE_LIMITS, "market_interest": (2, 3600)}
    profile = make_profile()
    url = reverse("market:interest_create", args=[profile.pk])
    codes = [
        client.post(url, _interest_data(message=f"Propuesta {n}")).status_code for n in range(3)
    ]
    assert (codes, Interest.objects.count()) == ([200, 200, 302], 2)


def test_interest_create_sent_twice_is_one_interest_and_one_message_to_staff(
    client, make_user, django_capture_on_commit_callbacks
):
    from semilla.models import OutboxMessage

    make_user(Role.STAFF)
    profile = make_profile()
    url = reverse("market:interest_create", args=[profile.pk])
    with django_capture_on_commit_callbacks(execute=True):
        codes = [client.post(url, _interest_data()).status_code for _ in range(2)]
    sent = OutboxMessage.objects.filter(key__startswith="market-interest-new:").count()
    staff_count = (
        Interest._meta.apps.get_model("semilla", "User")
        .objects.filter(groups__name=Role.STAFF.value)
        .count()
    )
    assert (codes, Interest.objects.count(), sent) == ([200, 200], 1, staff_count)


def test_interest_create_with_another_message_is_a_second_interest(client):
    profile = make_profile()
    url = reverse("market:interest_create", args=[profile.pk])
    client.post(url, _interest_data())
    client.post(url, _interest_data(message="Y también quiero comprar."))
    assert Interest.objects.count() == 2


def test_interest_create_with_the_hidden_field_filled_stores_nothing(client):
    profile = make_profile()
    url = reverse("market:interest_create", args=[profile.pk])
    response = client.post(url, _interest_data(website="http://spam.example"))
    assert (response.status_code, Interest.objects.count()) == (200, 0)


def test_my_showcase_saves_and_lists_the_card(client_for):
    user, _award = make_winner(business_name="Cocina Wayuu")
    response = client_for(user).post(
        reverse("market:my_showcase"),
        {
            "business_name": "Cocina Wayuu",
            "city": "riohacha",
            "sector": "food",
            "summary": "Comida típica.",
            "needs": "Un local.",
            "listed": "on",
        },
    )
    profile = ShowcaseProfile.objects.get(user=user)
    assert (response.status_code, profile.listed, profile.city) == (302, True, "riohacha")


def test_my_showcase_answer_agree_moves_the_interest(client_for):
    interest = make_interest(status=InterestStatus.ROUTED)
    owner = client_for(interest.profile.user)
    page = owner.get(reverse("market:my_showcase")).content.decode()
    owner.post(reverse("market:interest_answer", args=[interest.pk]), {"answer": "agree"})
    interest.refresh_from_db()
    assert ("Supermercados del Norte" in page, interest.status) == (True, InterestStatus.AGREED)


def test_my_showcase_answer_agree_clicked_twice_shows_no_error(client_for):
    interest = make_interest(status=InterestStatus.ROUTED)
    owner = client_for(interest.profile.user)
    url = reverse("market:interest_answer", args=[interest.pk])
    owner.post(url, {"answer": "agree"})
    moves = interest.history.count()
    page = owner.post(url, {"answer": "agree"}, follow=True).content.decode()
    interest.refresh_from_db()
    assert (interest.status, "no es posible" in page, interest.history.count()) == (
        InterestStatus.AGREED,
        False,
        moves,
    )


def test_referral_move_clicked_twice_shows_no_error(client_for, entrepreneur):
    referral = make_referral(user=entrepreneur)
    client = client_for(entrepreneur)
    url = reverse("market:referral_move", args=[referral.pk])
    client.post(url, {"to": "applied"})
    page = client.post(url, {"to": "applied"}, follow=True).content.decode()
    referral.refresh_from_db()
    assert (referral.status, "no es posible" in page) == (ReferralStatus.APPLIED, False)


def test_desk_route_and_introduce_by_staff(client_for, make_user):
    interest = make_interest()
    staff = client_for(make_user(Role.STAFF))
    staff.post(reverse("market:desk_interest_action", args=[interest.pk, "route"]))
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ROUTED
    staff.post(reverse("market:desk_interest_action", args=[interest.pk, "introduce"]))
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ROUTED  # refused: she has not agreed


def test_desk_interest_hides_the_entrepreneur_until_she_agrees(client_for, make_user):
    interest = make_interest(status=InterestStatus.ROUTED)
    staff = client_for(make_user(Role.STAFF))
    url = reverse("market:desk_interest", args=[interest.pk])
    before = interest.profile.user.email in staff.get(url).content.decode()
    Interest.objects.filter(pk=interest.pk).update(status=InterestStatus.AGREED)  # noqa: status
    after = interest.profile.user.email in staff.get(url).content.decode()
    assert (before, after) == (False, True)


def test_desk_interests_queries_constant(client_for, make_user, django_assert_num_queries):
    staff = client_for(make_user(Role.STAFF))
    url = reverse("market:desk_interests")
    make_interest()
    staff.get(url)  # the first request of a session loads what later ones keep
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        staff.get(url)
    make_interest(profile=make_profile(business_name="Otro"))
    make_interest(profile=make_profile(business_name="Uno más"))
    with django_assert_num_queries(len(one)):
        staff.get(url)


def test_providers_filter_by_product_and_document(client):
    make_provider("Cooperativa PPT", offers_microcredit=True, accepts_ppt=True)
    make_provider(
        "Banco Pasaporte", offers_microcredit=True, accepts_ppt=False, accepts_passport=True
    )
    # (a name that no filter label contains: "Billetera digital" is a product's label)
    make_provider("Monedero Ágil", offers_microcredit=False, offers_wallet=True, accepts_ppt=True)
    body = client.get("/es/apoya/finanzas/?product=microcredit&document=ppt").content.decode()
    assert ("Cooperativa PPT" in body, "Banco Pasaporte" in body, "Monedero Ágil" in body) == (
        True,
        False,
        False,
    )


def test_referral_move_by_the_person(client_for, entrepreneur):
    referral = make_referral(user=entrepreneur)
    client_for(entrepreneur).post(
        reverse("market:referral_move", args=[referral.pk]), {"to": "applied"}
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.APPLIED


def test_desk_referrals_record_one_for_a_person_by_email(client_for, make_user, entrepreneur):
    provider = make_provider()
    staff = client_for(make_user(Role.STAFF))
    staff.post(
        reverse("market:desk_referrals"),
        {
            "email": entrepreneur.email,
            "provider": provider.pk,
            "product": "account",
            "referred_on": "2026-11-30",
        },
    )
    assert list(entrepreneur.finance_referrals.values_list("provider", "product")) == [
        (provider.pk, "account")
    ]


def test_readiness_shows_the_checklist_in_english(client_for, entrepreneur):
    entrepreneur.language = "en"
    entrepreneur.save(update_fields=["language"])
    body = client_for(entrepreneur).get("/en/apoya/finanzas/mi-preparacion/").content.decode()
    assert ("RUT (tax registration)" in body, "0 of 8 ready" in body) == (True, True)


def test_showcase_list_filters_by_sector(client):
    make_profile(business_name="Arepas Sector", sector="food")
    make_profile(business_name="Taller Sector", sector="services")
    body = client.get(f"{LIST}?sector=services").content.decode()
    assert ("Taller Sector" in body, "Arepas Sector" in body) == (True, False)


def test_showcase_list_groups_businesses_by_event_newest_first(client):
    import datetime

    from django.utils import timezone

    from tests.factories.pitchday import make_event

    older = make_event(status="published", title="Pitch de junio")
    newer = make_event(status="published", title="Pitch de noviembre")
    type(older).objects.filter(pk=older.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=200)
    )
    make_profile(event=older, business_name="Negocio Antiguo")
    make_profile(event=newer, business_name="Negocio Nuevo")
    older.refresh_from_db()
    body = client.get(f"{LIST}?q=Negocio").content.decode()
    positions = [
        body.index(f"<h2>{newer.title} · "),
        body.index("Negocio Nuevo"),
        body.index(f"<h2>{older.title} · "),
        body.index("Negocio Antiguo"),
    ]
    assert positions == sorted(positions)


def test_my_referrals_sent_twice_records_one_referral(client_for, entrepreneur):
    provider = make_provider()
    client = client_for(entrepreneur)
    form = {"provider": provider.pk, "product": "account", "referred_on": "2026-11-30"}
    codes = [client.post(reverse("market:my_referrals"), form).status_code for _ in range(2)]
    assert (codes, entrepreneur.finance_referrals.count()) == ([302, 302], 1)
