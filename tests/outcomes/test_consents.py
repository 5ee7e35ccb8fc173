import pytest
from django.urls import reverse
from django.utils import formats, timezone

from outcomes import selectors, services
from outcomes.models import StoryConsent, StoryPage
from semilla.models import ConsentRecord
from semilla.privacy import consent_record, has_consent
from semilla.privacy.services import collect_person_data, person_erase
from tests.factories.outcomes import make_alumnus, make_story

pytestmark = pytest.mark.django_db


def test_consents_page_gives_story_consent_with_its_version(client_for):
    alumnus = make_alumnus()
    client = client_for(alumnus.user)
    assert client.get(reverse("outcomes:consents")).status_code == 200
    answer = client.post(reverse("outcomes:consent_story_give"), {"agree": "on"})
    assert answer.status_code == 302
    consent = StoryConsent.objects.get(user=alumnus.user)
    assert (consent.text_version, consent.withdrawn_at) == ("story-2026-12", None)


def test_consents_page_without_the_box_records_nothing(client_for):
    alumnus = make_alumnus()
    answer = client_for(alumnus.user).post(reverse("outcomes:consent_story_give"), {})
    assert answer.status_code == 400
    assert StoryConsent.objects.count() == 0


def test_consent_story_withdraw_from_the_page_takes_stories_down(client_for):
    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    page = make_story(person=alumnus.user, publish=True)
    client = client_for(alumnus.user)
    answer = client.post(reverse("outcomes:consent_story_withdraw"), follow=True)
    assert StoryPage.objects.get(pk=page.pk).live is False
    assert StoryConsent.objects.get().withdrawn_at is not None
    assert "Todas las historias sobre ti" in answer.content.decode()


def test_consent_directory_withdraw_hides_the_card_at_once(client_for, client):
    alumnus = make_alumnus(listed=True, business_name="Arepas Luz")
    assert "Arepas Luz" in client.get(reverse("outcomes:alumni_directory")).content.decode()
    client_for(alumnus.user).post(reverse("outcomes:consent_directory_withdraw"))
    alumnus.refresh_from_db()
    assert alumnus.listed is False
    assert "Arepas Luz" not in client.get(reverse("outcomes:alumni_directory")).content.decode()


def test_consent_research_withdraw_revokes_the_authorisation(client_for):
    alumnus = make_alumnus()
    consent_record(user=alumnus.user, purpose="research")
    client_for(alumnus.user).post(reverse("outcomes:consent_research_withdraw"))
    assert has_consent(user=alumnus.user, purpose="research") is False
    assert ConsentRecord.objects.get(user=alumnus.user).revoked_at is not None


def test_consents_for_query_count(django_assert_num_queries):
    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    with django_assert_num_queries(2):
        selectors.consents_for(user=alumnus.user)


def test_story_consent_in_data_download_and_kept_on_erasure():
    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    data = collect_person_data(user=alumnus.user)
    rows = data.records["outcomes.storyconsent"]["rows"]
    assert [row["text_version"] for row in rows] == ["story-2026-12"]


def test_erasure_deletes_the_story_pages_and_their_revisions():
    from wagtail.models import Revision

    alumnus = make_alumnus()
    other = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    services.story_consent_give(user=other.user)
    page = make_story(person=alumnus.user, publish=True, summary="Luz vende arepas")
    kept = make_story(person=other.user, publish=True)
    person_erase(user=alumnus.user)
    assert list(StoryPage.objects.values_list("pk", flat=True)) == [kept.pk]
    assert Revision.objects.filter(object_id=str(page.pk)).count() == 0


def test_consents_page_in_both_languages(client_for):
    from django.utils import translation

    alumnus = make_alumnus()
    client = client_for(alumnus.user)
    with translation.override("es"):
        spanish = client.get(reverse("outcomes:consents")).content.decode()
    with translation.override("en"):
        english = client.get(reverse("outcomes:consents")).content.decode()
    assert "Lo que he autorizado" in spanish
    assert "What I have consented to" in english


def test_consents_page_says_the_day_of_consent_in_words(client_for):
    from django.utils import translation

    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    client = client_for(alumnus.user)
    with translation.override("es"):
        spanish = client.get(reverse("outcomes:consents")).content.decode()
    today = timezone.localdate()
    with translation.override("es"):
        expected = formats.date_format(today, "DATE_FORMAT")
    assert (f"Dijiste que sí el {expected}" in spanish, expected.count(" de ")) == (True, 2)
