import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry

from outcomes import services
from outcomes.models import StoryConsent, StoryPage
from semilla.models import AccessAudit
from tests.factories.outcomes import make_alumnus, make_response, make_story, story_index

pytestmark = pytest.mark.django_db


def test_story_publish_without_consent_is_refused():
    alumnus = make_alumnus()
    page = make_story(person=alumnus.user)
    with pytest.raises(ValidationError):
        page.save_revision().publish()
    assert StoryPage.objects.get(pk=page.pk).live is False


def test_story_publish_with_consent_goes_live():
    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    page = make_story(person=alumnus.user, publish=True)
    assert StoryPage.objects.get(pk=page.pk).live is True


def test_story_consent_give_records_version_and_time_once():
    alumnus = make_alumnus()
    first = services.story_consent_give(user=alumnus.user)
    second = services.story_consent_give(user=alumnus.user)
    assert first.pk == second.pk
    assert first.text_version == "story-2026-12"
    assert StoryConsent.objects.filter(user=alumnus.user).count() == 1


def test_story_consent_withdraw_unpublishes_every_story_in_every_language(staff_user):
    alumnus = make_alumnus()
    other = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    services.story_consent_give(user=other.user)
    mine = make_story(person=alumnus.user, publish=True)
    english = make_story(person=alumnus.user, publish=True, index=story_index("en"))
    theirs = make_story(person=other.user, publish=True)

    taken_down = services.story_consent_withdraw_all(user=alumnus.user, actor=alumnus.user)

    assert taken_down == 2
    live = dict(StoryPage.objects.values_list("pk", "live"))
    assert live == {mine.pk: False, english.pk: False, theirs.pk: True}
    assert StoryConsent.objects.get(user=alumnus.user).withdrawn_by == alumnus.user
    assert (
        PageLogEntry.objects.filter(page_id__in=[mine.pk, english.pk], action="wagtail.unpublish")
        .values_list("user_id", flat=True)
        .distinct()
        .get()
        == alumnus.user.pk
    )
    assert (
        AccessAudit.objects.filter(subject=alumnus.user, model="outcomes.storyconsent").count() == 1
    )


def test_story_consent_withdraw_blocks_republishing():
    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    page = make_story(person=alumnus.user, publish=True)
    services.story_consent_withdraw_all(user=alumnus.user, actor=alumnus.user)
    with pytest.raises(ValidationError):
        StoryPage.objects.get(pk=page.pk).save_revision().publish()
    assert StoryPage.objects.get(pk=page.pk).live is False


def test_story_consent_withdraw_blanks_the_survey_story():
    response = make_response(story="Mi historia", story_consent=True)
    services.story_consent_withdraw_all(user=response.participant.user, actor=None)
    response.refresh_from_db()
    assert (response.story, response.story_consent) == ("", False)


def test_story_page_from_answer_makes_a_draft_about_the_person(staff_user):
    index = story_index()
    response = make_response(story="Vendo empanadas\nY crecí", story_consent=True)
    alumnus = make_alumnus(participant=response.participant)
    page = services.story_page_from_answer(response=response, actor=staff_user, index=index)
    page = StoryPage.objects.get(pk=page.pk)
    assert (page.alumnus_id, page.live, page.source_answer_id) == (
        alumnus.pk,
        False,
        response.pk,
    )
    assert page.body == "<p>Vendo empanadas</p><p>Y crecí</p>"


def test_story_page_from_answer_without_consent_is_refused(staff_user):
    from semilla.errors import ServiceError

    response = make_response()
    with pytest.raises(ServiceError):
        services.story_page_from_answer(response=response, actor=staff_user, index=story_index())
    assert StoryPage.objects.count() == 0


def test_story_index_lists_only_live_stories(client):
    index = story_index()
    yes, no = make_alumnus(), make_alumnus()
    services.story_consent_give(user=yes.user)
    make_story(person=yes.user, publish=True, title="Publicada")
    make_story(person=no.user, title="Borrador")
    page = client.get(index.url)
    assert page.status_code == 200
    assert [s.title for s in page.context["stories"]] == ["Publicada"]


def test_story_index_query_count_constant(client, django_assert_num_queries):
    index = story_index()
    people = [make_alumnus() for _ in range(3)]
    for person in people:
        services.story_consent_give(user=person.user)
    make_story(person=people[0].user, publish=True)
    client.get(index.url)  # warm the routes
    from semilla import pagecache_middleware

    pagecache_middleware.invalidate()
    with CaptureQueriesContext(connection) as one:
        client.get(index.url)
    make_story(person=people[1].user, publish=True)
    make_story(person=people[2].user, publish=True)
    pagecache_middleware.invalidate()
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(index.url)


def test_story_index_gone_after_withdrawal_for_anonymous_reader(client):
    index = story_index()
    alumnus = make_alumnus()
    services.story_consent_give(user=alumnus.user)
    make_story(person=alumnus.user, publish=True, title="Luz y sus arepas")
    assert "Luz y sus arepas" in client.get(index.url).content.decode()
    services.story_consent_withdraw_all(user=alumnus.user, actor=alumnus.user)
    assert "Luz y sus arepas" not in client.get(index.url).content.decode()


def test_editor_publish_without_consent_is_refused_with_a_message(client_for, make_user):
    from semilla.enums import Role

    alumnus = make_alumnus()
    page = make_story(person=alumnus.user)
    admin = make_user(Role.STAFF)
    admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    answer = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            "title": page.title,
            "slug": page.slug,
            "alumnus": alumnus.pk,
            "summary": page.summary,
            "body": '{"blocks":[{"key":"a","type":"unstyled","depth":0,"text":"Hola","inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "business_name": page.business_name,
            "city": "cucuta",
            "sector": "",
            "action-publish": "action-publish",
        },
    )
    assert StoryPage.objects.get(pk=page.pk).live is False
    assert answer.status_code == 302


def test_console_stories_lists_missing_consent_first(client_for, staff_user):
    yes, no = make_alumnus(), make_alumnus()
    services.story_consent_give(user=yes.user)
    with_consent = make_story(person=yes.user, publish=True)
    without = make_story(person=no.user)
    page = client_for(staff_user).get(reverse("outcomes_stories"))
    assert [(p.pk, p.has_consent) for p in page.context["pages"]] == [
        (without.pk, False),
        (with_consent.pk, True),
    ]


def test_console_stories_query_count_constant(client_for, staff_user, django_assert_num_queries):
    from outcomes import selectors

    person = make_alumnus()
    make_story(person=person.user)
    make_response(story="Uno", story_consent=True)
    with django_assert_num_queries(1):
        selectors.stories_for_staff()
    with django_assert_num_queries(1):
        selectors.story_answers_for_staff()
    for _ in range(3):
        make_story(person=make_alumnus().user)
        make_response(story="Otro", story_consent=True)
    with django_assert_num_queries(1):
        assert len(selectors.stories_for_staff()) == 4
    with django_assert_num_queries(1):
        assert len(selectors.story_answers_for_staff()) == 4


def test_console_story_from_answer_opens_the_editor(client_for, staff_user):
    story_index()
    response = make_response(story="Vendo empanadas", story_consent=True)
    make_alumnus(participant=response.participant)
    answer = client_for(staff_user).post(reverse("outcomes_story_from_answer", args=[response.pk]))
    page = StoryPage.objects.get()
    assert answer["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_console_story_from_answer_clicked_twice_opens_the_same_draft(client_for, staff_user):
    story_index()
    response = make_response(story="Vendo empanadas", story_consent=True)
    make_alumnus(participant=response.participant)
    client = client_for(staff_user)
    url = reverse("outcomes_story_from_answer", args=[response.pk])
    first, second = client.post(url), client.post(url)
    page = StoryPage.objects.get()
    editor = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert (first.status_code, first["Location"], second.status_code, second["Location"]) == (
        302,
        editor,
        302,
        editor,
    )


def test_console_stories_refused_to_non_staff(client_for, make_user):
    from semilla.enums import Role

    response = make_response(story="Vendo empanadas", story_consent=True)
    story_index()
    for role in (Role.ENTREPRENEUR, Role.FUNDER, Role.MENTOR):
        client = client_for(make_user(role))
        assert client.get(reverse("outcomes_stories")).status_code in (302, 403)
        client.post(reverse("outcomes_story_from_answer", args=[response.pk]))
    assert StoryPage.objects.count() == 0
