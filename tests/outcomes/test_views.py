import datetime
import time

import pytest
from django.core import signing
from django.urls import reverse

from cohorts.enums import ParticipantStatus
from outcomes.enums import ResponseStatus, WaveKind
from outcomes.links import SALT, link_path, make_token
from outcomes.models import Response
from semilla.enums import Role
from tests.factories.cohorts import ParticipantFactory
from tests.factories.outcomes import make_response

VALID = {
    "business_status": "operating",
    "sales_from": "2",
    "sales_to": "3",
    "workers_paid": "2",
    "workers_unpaid": "1",
    "workers_migrant": "1",
    "workers_receptor": "1",
    "new_hires": "1",
    "has_rut": "true",
    "has_account": "true",
    "credit_applied": "false",
    "document_type": "ppt",
    "confidence": "4",
    "finish": "1",
}


def _fields(response):
    return Response.objects.filter(pk=response.pk).values().get()


def test_answer_link_opens_the_form_without_signing_in(client, response):
    page = client.get(link_path(response))
    assert (page.status_code, "¿Cómo va tu negocio?" in page.content.decode()) == (200, True)
    assert "_auth_user_id" not in client.session


def test_answer_link_finishes_the_survey(client, response):
    url = link_path(response)
    posted = client.post(url, VALID)
    response.refresh_from_db()
    assert (posted.status_code, posted["Location"], response.status, response.channel) == (
        302,
        url,
        ResponseStatus.ANSWERED,
        "self",
    )
    assert client.get(url).status_code == 200
    assert "survey-thanks" in client.get(url).content.decode()


def test_answer_link_saves_a_draft_to_finish_later(client, response):
    url = link_path(response)
    client.post(url, {"workers_paid": "4", "save": "1"})
    response.refresh_from_db()
    assert (response.status, response.workers_paid) == (ResponseStatus.PENDING, 4)
    page = client.get(url)
    assert 'name="workers_paid" value="4"' in page.content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"sales_from": "5", "sales_to": "2"},
            "El segundo valor debe ser igual o mayor que el primero.",
        ),
        ({"workers_paid": "-1"}, "Escribe 0 o un número positivo."),
        (
            {"workers_migrant": "3", "workers_receptor": "3"},
            "Migrantes y comunidad local juntos no pueden ser más que las 3 personas",
        ),
        ({"business_status": ""}, "Cuéntanos cómo está tu negocio hoy."),
    ],
)
def test_answer_bad_input_gets_a_message_in_spanish_and_saves_nothing(
    client, response, change, message
):
    before = _fields(response)
    page = client.post(link_path(response), {**VALID, **change})
    assert (page.status_code, message in page.content.decode()) == (200, True)
    assert _fields(response) == before


def test_answer_bad_input_message_in_english_on_the_english_link(client, response):
    page = client.post(link_path(response, language="en"), {**VALID, "sales_from": "5"})
    assert "The second amount must be the same as or higher than the first." in (
        page.content.decode()
    )


def test_answer_link_for_someone_who_left_is_closed(client, response):
    response.participant.status = ParticipantStatus.WITHDRAWN
    response.participant.save()
    page = client.post(link_path(response), VALID)
    response.refresh_from_db()
    assert (page.status_code, response.status) == (410, ResponseStatus.PENDING)
    assert "dejó la cohorte" in page.content.decode()


def test_answer_link_tampered_is_404(client, response):
    token = make_token(response)
    url = reverse("outcomes:answer", kwargs={"token": "9" + token[1:]})
    assert client.get(url).status_code == 404


def test_answer_link_cannot_be_reused_for_another_wave_or_person(client, response):
    other = make_response(kind=WaveKind.MONTH_6)
    same_person_other_wave = make_response(participant=response.participant, kind=WaveKind.END)
    signer = signing.TimestampSigner(salt=SALT)
    forged = [
        # a valid signature, but naming another person's answer with this person's wave
        signer.sign(f"{other.pk}.{response.wave_id}.{response.participant.user_id}"),
        # this person, another wave
        signer.sign(
            f"{same_person_other_wave.pk}.{response.wave_id}.{response.participant.user_id}"
        ),
        # the right answer and wave but another person
        signer.sign(f"{response.pk}.{response.wave_id}.{other.participant.user_id}"),
    ]
    answers = [
        client.get(reverse("outcomes:answer", kwargs={"token": t})).status_code for t in forged
    ]
    assert answers == [404, 404, 404]


def test_answer_link_signed_for_another_purpose_is_404(client, response):
    token = signing.TimestampSigner(salt="another").sign(
        f"{response.pk}.{response.wave_id}.{response.participant.user_id}"
    )
    assert client.get(reverse("outcomes:answer", kwargs={"token": token})).status_code == 404


def test_answer_link_expired_is_410(client, response):
    class Old(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 31 * 86400)

    token = Old(salt=SALT).sign(f"{response.pk}.{response.wave_id}.{response.participant.user_id}")
    page = client.get(reverse("outcomes:answer", kwargs={"token": token}))
    assert page.status_code == 410


def test_answer_link_sent_weeks_ago_promises_the_day_it_still_works(client, response):
    """A link sent 25 days ago expires in 5 days, long before the wave closes: the page and
    the saved notice name the link's last day, not the wave's."""
    from django.utils import timezone

    from semilla.templatetags.semilla_tags import day

    class Old(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 25 * 86400)

    token = Old(salt=SALT).sign(f"{response.pk}.{response.wave_id}.{response.participant.user_id}")
    url = reverse("outcomes:answer", kwargs={"token": token})
    last_day = day(timezone.localdate() + datetime.timedelta(days=4))
    page = client.get(url).content.decode()
    saved = client.post(url, {"workers_paid": "1", "save": "1"}, follow=True).content.decode()
    assert response.wave.closes_on > timezone.localdate() + datetime.timedelta(days=5)
    assert (
        f"con el mismo enlace hasta el {last_day}" in page,
        f"para terminar a más tardar el {last_day}" in saved,
        day(response.wave.closes_on) in page,
    ) == (True, True, False)


def test_answer_link_opens_no_other_page(client, response):
    url = link_path(response)
    client.get(url)
    client.post(url, {"workers_paid": "1", "save": "1"})
    token = make_token(response)
    others = [
        reverse("semilla:dashboard"),
        reverse("privacy:my_data"),
        reverse("outcomes:alumni_card"),
        f"{reverse('cohorts:mine')}?token={token}",
        "/admin/",
    ]
    statuses = [client.get(u).status_code for u in others]
    assert statuses == [302, 302, 302, 302, 302]
    assert "_auth_user_id" not in client.session


def test_my_space_panel_links_to_the_pending_survey(client_for, response):
    page = client_for(response.participant.user).get(reverse("semilla:dashboard"))
    assert "/resultados/encuesta/" in page.content.decode()


# --- staff console --------------------------------------------------------------------------


def test_rates_page_staff_only(client_for, make_user, response):
    url = reverse("outcomes_rates")
    statuses = {
        role: client_for(make_user(role)).get(url).status_code
        for role in (Role.STAFF, Role.FUNDER, Role.FINANCE)
    }
    # the console answers a forbidden page with a redirect to its home (Wagtail)
    assert statuses == {Role.STAFF: 200, Role.FUNDER: 302, Role.FINANCE: 302}


def test_rates_and_wave_pages_query_count_constant(
    client_for, make_user, response, django_assert_num_queries, django_assert_max_num_queries
):
    client = client_for(make_user(Role.STAFF))
    urls = [reverse("outcomes_rates"), reverse("outcomes_wave", args=[response.wave_id])]
    counts = []
    for url in urls:
        client.get(url)  # the first console visit keeps the person's zone for Wagtail
        with django_assert_max_num_queries(1000) as captured:
            client.get(url)
        counts.append(len(captured))
    for _ in range(3):
        make_response(participant=ParticipantFactory(cohort=response.wave.cohort))
        make_response(kind=WaveKind.END)
    for url, expected in zip(urls, counts, strict=True):
        with django_assert_num_queries(expected):
            client.get(url)


def test_phone_answer_by_staff_is_marked(client_for, make_user, response):
    staff = make_user(Role.STAFF)
    url = reverse("outcomes_phone", args=[response.pk])
    posted = client_for(staff).post(url, {**VALID, "confirm": "on"})
    response.refresh_from_db()
    assert (posted.status_code, response.channel, response.recorded_by) == (302, "phone", staff)


def test_phone_answer_needs_the_confirmation(client_for, make_user, response):
    client_for(make_user(Role.STAFF)).post(reverse("outcomes_phone", args=[response.pk]), VALID)
    response.refresh_from_db()
    assert response.status == ResponseStatus.PENDING


def test_phone_and_remind_refused_to_non_staff(client_for, make_user, response):
    funder = client_for(make_user(Role.FUNDER))
    answers = [
        funder.post(reverse("outcomes_phone", args=[response.pk]), {**VALID, "confirm": "on"}),
        funder.post(reverse("outcomes_remind", args=[response.pk])),
    ]
    response.refresh_from_db()
    assert [a.status_code for a in answers] == [302, 302]
    assert (response.status, response.reminders_sent) == (ResponseStatus.PENDING, 0)


def test_remind_sends_a_new_link(client_for, make_user, response):
    client_for(make_user(Role.STAFF)).post(reverse("outcomes_remind", args=[response.pk]))
    response.refresh_from_db()
    assert response.reminders_sent == 1


def test_remind_clicked_twice_sends_one_message(client_for, make_user, response):
    from semilla.models import Notification

    client = client_for(make_user(Role.STAFF))
    url = reverse("outcomes_remind", args=[response.pk])
    client.post(url)
    second = client.post(url, follow=True)
    response.refresh_from_db()
    sent = Notification.objects.filter(
        user=response.participant.user, template="outcomes/survey_reminder"
    ).count()
    assert (response.reminders_sent, sent) == (1, 1)
    assert "ya recibió un enlace hoy" in second.content.decode()


def test_alumnus_status_change_by_staff_recorded_and_invites_to_mentor(client_for, make_user):
    from semilla.models import OutboxMessage
    from tests.factories.outcomes import make_alumnus

    alumnus = make_alumnus()
    staff = make_user(Role.STAFF)
    url = reverse("outcomes_alumnus_status", args=[alumnus.pk])
    posted = client_for(staff).post(url, {"status": "mentor", "note": "Cohorte 2026"})
    refused = client_for(make_user(Role.FUNDER)).post(url, {"status": "inactive"})
    alumnus.refresh_from_db()
    assert (posted.status_code, refused.status_code, alumnus.status) == (302, 302, "mentor")
    assert list(alumnus.history.values_list("to_status", "actor", "note")) == [
        ("mentor", staff.pk, "Cohorte 2026")
    ]
    assert OutboxMessage.objects.filter(user=alumnus.user).count() == 1


def test_alumni_card_owner_opts_in_and_out(db, client_for):
    from tests.factories.outcomes import make_alumnus

    alumnus = make_alumnus()
    client = client_for(alumnus.user)
    url = reverse("outcomes:alumni_card")
    client.post(url, {"listed": "on", "business_name": "Arepas La Abuela", "city": "cucuta"})
    directory = client_for(None).get(reverse("outcomes:alumni_directory")).content.decode()
    assert "Arepas La Abuela" in directory
    client.post(url, {"business_name": "Arepas La Abuela"})
    directory = client_for(None).get(reverse("outcomes:alumni_directory")).content.decode()
    assert "Arepas La Abuela" not in directory


def test_alumni_card_listed_without_name_refused_in_spanish(db, client_for):
    from tests.factories.outcomes import make_alumnus

    alumnus = make_alumnus()
    page = client_for(alumnus.user).post(reverse("outcomes:alumni_card"), {"listed": "on"})
    alumnus.refresh_from_db()
    assert (page.status_code, alumnus.listed) == (200, False)
    assert (
        "Escribe el nombre de tu negocio para aparecer en el directorio." in page.content.decode()
    )


def test_wave_page_says_its_dates_in_words(client_for, make_user, response):
    from semilla.templatetags.semilla_tags import day

    page = client_for(make_user(Role.STAFF)).get(reverse("outcomes_wave", args=[response.wave_id]))
    text = page.content.decode()
    assert (day(response.wave.due_on) in text, day(response.wave.closes_on) in text) == (
        True,
        True,
    )


def test_rates_page_headings_in_spanish(client_for, make_user, response):
    text = client_for(make_user(Role.STAFF)).get(reverse("outcomes_rates")).content.decode()
    assert (
        '<th scope="col">Abierta</th>' in text,
        '<th scope="col">Respondidas</th>' in text,
        '<th scope="col">Abrir</th>' in text,
    ) == (True, True, False)


def test_alumni_card_speaks_to_her_without_a_masculine_title(db, client_for):
    """The card read "Mi tarjeta de egresado · Egresado de …" to every alumna."""
    from tests.factories.outcomes import make_alumnus

    alumnus = make_alumnus()
    body = client_for(alumnus.user).get(reverse("outcomes:alumni_card")).content.decode()
    assert "Mi tarjeta de la red de egresados" in body
    assert "Formas parte de la red de egresados de " in body
    assert "Egresado de" not in body
