"""Employer partners' pages: public list and registration, the partner's space, the open
posts for participants and alumni; the right employer, query counts, both languages."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from community.models import EmployerPartner, PostAnswer
from semilla.enums import Role
from semilla.hooks import outcome_counts
from tests.factories import UserFactory, make_user
from tests.factories.community import make_alumna, make_partner, make_post

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Panadería La Espiga",
    "nit": "900.555.444-1",
    "city": "bogota",
    "sector": "food",
    "size": "micro",
    "contact_name": "Ana Pérez",
    "contact_email": "ana@espiga.example",
    "contact_phone": "",
    "motivation": "Queremos contratar personas migrantes.",
}


def test_employer_register_creates_applied_partner_with_clean_nit(client):
    response = client.post(reverse("community:employer_register"), FORM)
    assert response.status_code == 302
    partner = EmployerPartner.objects.get()
    assert (partner.nit, partner.status, partner.applicant_id) == ("900555444", "applied", None)


def test_employer_register_bad_nit_shows_the_form_again(client):
    response = client.post(reverse("community:employer_register"), {**FORM, "nit": "12ab"})
    assert (response.status_code, EmployerPartner.objects.count()) == (200, 0)


def test_employer_register_signed_in_keeps_the_applicant(client_for):
    person = UserFactory()
    client_for(person).post(reverse("community:employer_register"), FORM)
    assert EmployerPartner.objects.get().applicant_id == person.pk


def test_employer_register_is_rate_limited(client, settings):
    cache.clear()
    settings.SEMILLA_RATE_LIMITS = {**settings.SEMILLA_RATE_LIMITS, "employer_register": (2, 60)}
    url = reverse("community:employer_register")
    codes = [client.post(url, {**FORM, "nit": f"90055544{n}"}).status_code for n in range(3)]
    assert (codes, EmployerPartner.objects.count()) == ([302, 302, 429], 2)
    cache.clear()


def test_employer_register_page_in_english(client):
    with translation.override("en"):
        url = reverse("community:employer_register")
    assert "Register your organisation as an employer partner" in client.get(url).text


def test_employer_register_page_in_spanish(client):
    with translation.override("es"):
        url = reverse("community:employer_register")
    assert "Registra tu organización como empleadora aliada" in client.get(url).text


def test_partners_list_shows_approved_only_in_constant_queries(client, django_assert_num_queries):
    make_partner(name="Aprobada Uno", pledge="Aceptamos el PPT")
    make_partner(name="En revisión", status="applied")
    url = reverse("community:partners")
    with django_assert_num_queries(1):
        first = client.get(url)
    make_partner(name="Aprobada Dos")
    make_partner(name="Aprobada Tres")
    cache.clear()  # the page cache kept the first answer
    with django_assert_num_queries(1):
        client.get(url)
    assert ("Aprobada Uno" in first.text, "En revisión" in first.text) == (True, False)


def test_partners_list_cached_then_fresh_after_an_approval(client):
    from community import services

    cache.clear()
    partner = make_partner(name="Recién Aprobada", status="applied")
    url = reverse("community:partners")
    before = client.get(url).text
    services.partner_decide(partner=partner, approve=True, actor=make_user(Role.STAFF))
    after = client.get(url).text
    assert ("Recién Aprobada" in before, "Recién Aprobada" in after) == (False, True)


def test_partner_page_fresh_after_a_new_post(client):
    from community import services

    cache.clear()
    member = UserFactory()
    partner = make_partner(member=member)
    url = reverse("community:partner", args=[partner.slug])
    client.get(url)
    services.post_create(
        partner=partner,
        actor=member,
        kind="job",
        title="Cajera nueva",
        description="Medio tiempo",
        city="cucuta",
        closes_on=timezone.localdate(),
    )
    assert "Cajera nueva" in client.get(url).text


def test_partner_page_of_applied_partner_is_404(client):
    partner = make_partner(status="applied")
    assert client.get(reverse("community:partner", args=[partner.slug])).status_code == 404


def test_partner_page_lists_open_posts_only(client):
    partner = make_partner(pledge="Pagamos lo justo")
    make_post(partner, title="Cocinera abierta")
    make_post(partner, title="Cerrada", status="closed")
    text = client.get(reverse("community:partner", args=[partner.slug])).text
    assert ("Cocinera abierta" in text, "Cerrada" in text, "Pagamos lo justo" in text) == (
        True,
        False,
        True,
    )


def test_employer_home_for_the_right_employer(client_for):
    member = UserFactory()
    partner = make_partner(member=member, name="Mi Empresa SAS")
    response = client_for(member).get(reverse("community:employer_home"))
    assert (response.status_code, partner.name in response.text) == (200, True)


def test_employer_home_of_applied_partner_is_404(client_for):
    member = UserFactory()
    make_partner(member=member, status="applied")
    assert client_for(member).get(reverse("community:employer_home")).status_code == 404


def test_employer_home_queries_constant(client_for, django_assert_max_num_queries):
    member = UserFactory()
    partner = make_partner(member=member)
    make_post(partner)
    client = client_for(member)
    url = reverse("community:employer_home")
    client.get(url)
    with django_assert_max_num_queries(30) as first:
        client.get(url)
    for _ in range(4):
        make_post(partner)
    with django_assert_max_num_queries(30) as more:
        client.get(url)
    assert len(more.captured_queries) == len(first.captured_queries)


def test_post_create_by_the_right_employer_publishes(client_for):
    member = UserFactory()
    partner = make_partner(member=member)
    response = client_for(member).post(
        reverse("community:post_create"),
        {
            "kind": "job",
            "title": "Auxiliar de bodega",
            "description": "Contrato a término fijo",
            "city": "cali",
            "closes_on": "2099-01-31",
        },
    )
    post = partner.posts.get()
    assert (response.status_code, post.title, post.created_by_id) == (
        302,
        "Auxiliar de bodega",
        member.pk,
    )


POST_FORM = {
    "kind": "job",
    "title": "Auxiliar de bodega",
    "description": "Contrato a término fijo",
    "city": "cali",
    "closes_on": "2099-01-31",
}


def test_post_create_sent_twice_publishes_one_post(client_for):
    member = UserFactory()
    partner = make_partner(member=member)
    client = client_for(member)
    form = POST_FORM
    first = client.post(reverse("community:post_create"), form)
    second = client.post(reverse("community:post_create"), form)
    post = partner.posts.get()
    location = reverse("community:employer_post", args=[post.pk])
    assert (first["Location"], second["Location"]) == (location, location)


def test_post_create_other_title_is_a_second_post(client_for):
    member = UserFactory()
    partner = make_partner(member=member)
    client = client_for(member)
    form = POST_FORM
    client.post(reverse("community:post_create"), form)
    client.post(reverse("community:post_create"), {**form, "title": "Conductor"})
    assert partner.posts.count() == 2


def test_employer_post_shows_answers_to_the_right_employer_only(client_for):
    member, other = UserFactory(), UserFactory()
    post = make_post(make_partner(member=member))
    make_partner(member=other)
    alumna = make_alumna()
    PostAnswer.objects.create(post=post, user=alumna, message="Sé hornear", share_contact=True)
    url = reverse("community:employer_post", args=[post.pk])
    mine = client_for(member).get(url)
    assert (mine.status_code, alumna.email in mine.text, "Sé hornear" in mine.text) == (
        200,
        True,
        True,
    )
    assert client_for(other).get(url).status_code == 404


def test_employer_post_queries_constant(client_for, django_assert_max_num_queries):
    member = UserFactory()
    post = make_post(make_partner(member=member))
    PostAnswer.objects.create(post=post, user=make_alumna(), message="a", share_contact=True)
    client = client_for(member)
    url = reverse("community:employer_post", args=[post.pk])
    client.get(url)
    with django_assert_max_num_queries(30) as first:
        client.get(url)
    for _ in range(3):
        PostAnswer.objects.create(post=post, user=make_alumna(), message="b", share_contact=True)
    with django_assert_max_num_queries(30) as more:
        client.get(url)
    assert len(more.captured_queries) == len(first.captured_queries)


def test_opportunities_for_an_alumna_filtered_by_her_city(client_for):
    alumna = make_alumna(city="cucuta")
    partner = make_partner()
    make_post(partner, city="cucuta", title="Empleo en Cúcuta")
    make_post(partner, city="cali", title="Empleo en Cali")
    make_post(make_partner(status="applied"), city="cucuta", title="De empresa sin aprobar")
    text = client_for(alumna).get(reverse("community:opportunities")).text
    assert (
        "Empleo en Cúcuta" in text,
        "Empleo en Cali" in text,
        "De empresa sin aprobar" in text,
    ) == (True, False, False)


def test_opportunities_all_cities_when_asked(client_for):
    alumna = make_alumna(city="cucuta")
    make_post(make_partner(), city="cali", title="Empleo en Cali")
    text = client_for(alumna).get(reverse("community:opportunities") + "?city=").text
    assert "Empleo en Cali" in text


def test_opportunities_for_an_active_participant(client_for):
    person = make_alumna(status="active")
    assert client_for(person).get(reverse("community:opportunities")).status_code == 200


def test_opportunities_for_an_employer_without_cohort_is_404(client_for):
    member = UserFactory()
    make_partner(member=member)
    assert client_for(member).get(reverse("community:opportunities")).status_code == 404


def test_opportunities_queries_constant(client_for, django_assert_max_num_queries):
    alumna = make_alumna(city="cucuta")
    partner = make_partner()
    make_post(partner)
    client = client_for(alumna)
    url = reverse("community:opportunities")
    client.get(url)
    with django_assert_max_num_queries(30) as first:
        client.get(url)
    for _ in range(4):
        make_post(make_partner())
    with django_assert_max_num_queries(30) as more:
        client.get(url)
    assert len(more.captured_queries) == len(first.captured_queries)


def test_opportunity_answer_once_then_shows_it(client_for):
    alumna = make_alumna()
    post = make_post(make_partner())
    client = client_for(alumna)
    url = reverse("community:opportunity", args=[post.pk])
    client.post(url, {"message": "Tengo experiencia en cocina", "share_contact": "on"})
    again = client.post(url, {"message": "Otra vez", "share_contact": "on"})
    assert (PostAnswer.objects.count(), again.status_code) == (1, 200)
    assert "Tengo experiencia en cocina" in client.get(url).text


def test_opportunity_answer_without_consent_is_not_saved(client_for):
    alumna = make_alumna()
    post = make_post(make_partner())
    response = client_for(alumna).post(
        reverse("community:opportunity", args=[post.pk]), {"message": "Hola"}
    )
    assert (response.status_code, PostAnswer.objects.count()) == (200, 0)


def test_opportunity_closed_post_is_404(client_for):
    alumna = make_alumna()
    post = make_post(make_partner(), status="closed")
    assert (
        client_for(alumna).get(reverse("community:opportunity", args=[post.pk])).status_code == 404
    )


def test_panel_shows_employer_and_opportunity_links(client_for):
    member = make_alumna(city="cucuta")
    partner = make_partner(member=member)
    make_post(partner, city="cucuta")
    text = client_for(member).get(reverse("semilla:dashboard")).text
    assert (
        reverse("community:employer_home") in text,
        reverse("community:opportunities") in text,
    ) == (True, True)


def test_outcome_counts_hires_and_orders_by_cohort_and_city(django_assert_num_queries):
    from community import services

    partner = make_partner()
    alumna = make_alumna()
    cohort = alumna.participations.get().cohort
    today = timezone.localdate()
    services.hire_record(partner=partner, user=alumna, on=today, actor=None)
    services.purchase_order_record(
        partner=partner, user=alumna, on=today, amount_minor=150_000_00, actor=None
    )
    services.purchase_order_record(
        partner=partner, user=alumna, on=today, amount_minor=50_000_00, actor=None
    )
    with django_assert_num_queries(2):
        rows = outcome_counts()
    assert [(r.figure, r.cohort_id, r.city, r.count, r.value_minor) for r in rows] == [
        ("employer_hires", cohort.pk, "cucuta", 1, 0),
        ("employer_purchase_orders", cohort.pk, "cucuta", 2, 200_000_00),
    ]


def test_staff_console_review_approves(client_for):
    staff = make_user(Role.STAFF)
    partner = make_partner(status="applied")
    client = client_for(staff)
    url = reverse("community_partner_review", args=[partner.pk])
    assert client.get(reverse("community_partner_queue")).status_code == 200
    response = client.post(url, {"decision": "approve", "note": ""})
    partner.refresh_from_db()
    assert (response.status_code, partner.status, partner.memberships.count()) == (
        302,
        "approved",
        1,
    )


def test_staff_console_review_refused_to_non_staff(client_for):
    partner = make_partner(status="applied")
    client = client_for(make_user(Role.FUNDER))
    response = client.post(
        reverse("community_partner_review", args=[partner.pk]), {"decision": "approve"}
    )
    partner.refresh_from_db()
    assert (response.status_code, response["Location"], partner.status) == (
        302,
        "/admin/",
        "applied",
    )


def test_staff_console_records_a_hire_through_the_service(client_for):
    from community.models import Hire
    from semilla.models import Notification

    staff = make_user(Role.STAFF)
    partner = make_partner()
    alumna = make_alumna()
    response = client_for(staff).post(
        reverse("community_hires:add"),
        {"partner": partner.pk, "post": "", "user": alumna.pk, "on": "2026-12-01"},
    )
    hire = Hire.objects.get()
    assert (response.status_code, hire.recorded_by_id, hire.city) == (302, staff.pk, "cucuta")
    assert Notification.objects.filter(user=alumna, template="community/hire_recorded").count() == 1


def test_staff_console_lists_open(client_for):
    staff = make_user(Role.STAFF)
    make_partner()
    client = client_for(staff)
    codes = [
        client.get(reverse(name)).status_code
        for name in (
            "community_partners:index",
            "community_posts:index",
            "community_commitments:index",
            "community_hires:index",
            "community_orders:index",
        )
    ]
    assert codes == [200, 200, 200, 200, 200]


def test_staff_console_purchase_order_amount_is_typed_and_listed_in_pesos(client_for):
    from community.models import PurchaseOrder

    staff = make_user(Role.STAFF)
    partner = make_partner()
    alumna = make_alumna()
    client = client_for(staff)
    response = client.post(
        reverse("community_orders:add"),
        {
            "partner": partner.pk,
            "post": "",
            "user": alumna.pk,
            "on": "2026-12-01",
            "amount_minor": "$1.200.000",
            "currency": "COP",
            "reference": "OC-1",
        },
    )
    order = PurchaseOrder.objects.get()
    listing = client.get(reverse("community_orders:index")).text
    assert (response.status_code, order.amount_minor, order.recorded_by_id) == (
        302,
        120_000_000,
        staff.pk,
    )
    assert ("$ 1.200.000 COP" in listing, "120000000" in listing) == (True, False)


def test_staff_console_result_form_names_participants_with_their_email(client_for):
    staff = make_user(Role.STAFF)
    alumna = make_alumna()
    outsider = UserFactory(email="no-cohort@example.org")
    page = client_for(staff).get(reverse("community_orders:add")).text
    assert (f"{alumna.get_full_name()} · {alumna.email}" in page, outsider.email in page) == (
        True,
        False,
    )
    # a text box takes "1.200.000" (a number box refuses the separators in the browser)
    assert '<input type="text" name="amount_minor" inputmode="numeric"' in page
