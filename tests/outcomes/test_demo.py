from outcomes import demo
from outcomes.models import Alumnus, Response
from semilla.reporting.outcomes import build_outcomes
from semilla.reporting.selectors import Filters


def test_demo_answers_show_change_and_seeding_twice_adds_nothing(db):
    demo.seed()
    count = Response.objects.count()
    demo.seed()
    assert Response.objects.count() == count
    report = build_outcomes(Filters.default(), breakdown="sex", after_wave="end", suppress=True)
    by_key = {item.measure.key: item.total for item in report.items}
    assert by_key["operating"].before.suppressed is False
    assert by_key["new_jobs"].after.value > 0
    assert by_key["account"].after.value > by_key["account"].before.value
    assert Alumnus.objects.filter(listed=True).count() == 6


def test_demo_has_a_published_story_a_withdrawn_one_and_an_event_with_answers(db, client):
    from outcomes.models import AlumniEvent, StoryConsent, StoryIndexPage, StoryPage

    demo.seed()
    demo.seed()
    assert sorted(StoryPage.objects.values_list("live", flat=True)) == [False, True]
    assert StoryConsent.objects.filter(withdrawn_at__isnull=False).count() == 1
    event = AlumniEvent.objects.get()
    assert (event.accepted, event.invitations.filter(status="declined").count()) == (4, 1)
    index = StoryIndexPage.objects.get(locale__language_code="es")
    listed = client.get(index.url).context["stories"]
    assert [story.live for story in listed] == [True]


def test_demo_alumni_applications_have_their_timeline(db):
    """An alumna's application page shows how it went (it showed an empty "Historial")."""
    from cohorts.models import Application

    demo.seed()
    alumni_apps = Application.objects.filter(participant__isnull=False)
    assert alumni_apps.exists()
    for application in alumni_apps.prefetch_related("history"):
        path = [c.to_status for c in sorted(application.history.all(), key=lambda c: c.at)]
        assert path == ["draft", "submitted", "in_review", "accepted", "confirmed"]
