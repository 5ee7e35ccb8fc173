"""The selection board and the reviewer's queue are paginated: constant queries whatever
the number of rows, ranks that stay global, filters and actions that keep the page."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import translation

from cohorts import admin_views, views
from cohorts.enums import ApplicationStatus, AssignmentStatus, Decision
from cohorts.models import Application
from semilla.enums import Role
from semilla.privacy.models import AccessAudit
from tests.factories.cohorts import ApplicationFactory, ReviewAssignmentFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(admin_views, "PAGE_SIZE", 3)
    monkeypatch.setattr(views, "REVIEW_PAGE_SIZE", 3)


def _ranked(cohort, n, start=90, **kwargs):
    """``n`` applications, best first (scores ``start``, ``start - 1``, ...)."""
    return [
        ApplicationFactory(
            cohort=cohort, status=S.IN_REVIEW, score_mean=Decimal(start - i), **kwargs
        )
        for i in range(n)
    ]


def _sensitive_staff(make_user):
    staff = make_user(Role.STAFF)
    staff.user_permissions.add(Permission.objects.get(codename="view_sensitive_data"))
    return type(staff).objects.get(pk=staff.pk)


# --- the selection board --------------------------------------------------------------


@pytest.mark.parametrize("sensitive", [False, True])
def test_selection_board_queries_do_not_grow_with_rows(
    make_user, client_for, cohort, small_pages, django_assert_num_queries, sensitive, settings
):
    settings.SEMILLA_TABLE_CACHE = (
        False  # every view counts (the kept counts: test_selection_scale)
    )
    staff = _sensitive_staff(make_user) if sensitive else make_user(Role.STAFF)
    client = client_for(staff)
    url = reverse("cohorts_selection", args=[cohort.pk])
    ReviewAssignmentFactory(application=_ranked(cohort, 1)[0])
    client.get(url)
    expected = 16 if sensitive else 14  # + the audit rows and the check of the last hour
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert len(response.context["ranked"]) == 1
    for app in _ranked(cohort, 10, start=80):
        ReviewAssignmentFactory(application=app)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert len(response.context["ranked"]) == 3
    with django_assert_num_queries(expected):
        response = client.get(url, {"page": 4})
    assert len(response.context["ranked"]) == 2


def test_selection_board_ranks_stay_global_across_pages(make_user, client_for, cohort, small_pages):
    apps = _ranked(cohort, 7)
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_selection", args=[cohort.pk])
    first = client.get(url)
    assert [a.pk for a in first.context["ranked"]] == [a.pk for a in apps[:3]]
    second = client.get(url, {"page": 2})
    assert [a.pk for a in second.context["ranked"]] == [a.pk for a in apps[3:6]]
    html = second.content.decode()
    assert "<td>4</td>" in html and "<td>6</td>" in html
    assert "<td>1</td>" not in html
    assert 'href="?page=1"' in html and 'href="?page=3"' in html
    assert "Página 2 de 3" in html
    # Past the end: the last page; not a number: the first.
    assert [a.pk for a in client.get(url, {"page": 99}).context["ranked"]] == [apps[6].pk]
    assert client.get(url, {"page": "x"}).context["page"].number == 1


def test_selection_board_shortlist_filter_is_kept_by_the_page_links(
    make_user, client_for, cohort, small_pages
):
    listed = _ranked(cohort, 4, shortlisted=True)
    _ranked(cohort, 3, start=95)  # better scores, not shortlisted
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_selection", args=[cohort.pk])
    first = client.get(url, {"shortlisted": "1"})
    assert first.context["page"].paginator.num_pages == 2
    assert 'href="?shortlisted=1&amp;page=2"' in first.content.decode()
    second = client.get(url, {"shortlisted": "1", "page": 2})
    assert [a.pk for a in second.context["ranked"]] == [listed[3].pk]
    assert "<td>4</td>" in second.content.decode()


def test_selection_board_actions_change_the_ticked_rows_and_return_to_the_page(
    make_user, client_for, cohort, small_pages
):
    apps = _ranked(cohort, 7)
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_selection", args=[cohort.pk])
    response = client.post(
        f"{url}?shortlisted=1&page=2",
        {"action": "decide", "decision": Decision.WAITLIST, "applications": [apps[4].pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?shortlisted=1&page=2"
    decided = Application.objects.exclude(decision="").values_list("pk", "decision")
    assert list(decided) == [(apps[4].pk, Decision.WAITLIST)]
    response = client.post(
        f"{url}?page=3", {"action": "shortlist", "applications": [apps[6].pk, apps[0].pk]}
    )
    assert response["Location"] == f"{url}?page=3"
    assert set(Application.objects.filter(shortlisted=True).values_list("pk", flat=True)) == {
        apps[6].pk,
        apps[0].pk,
    }
    # A page parameter that is not a number is not carried over.
    response = client.post(f"{url}?page=evil", {"action": "shortlist", "applications": []})
    assert response["Location"] == url


def test_selection_board_counts_pending_decisions_of_every_page(
    make_user, client_for, cohort, small_pages
):
    apps = _ranked(cohort, 7)
    Application.objects.filter(pk__in=[apps[0].pk, apps[5].pk]).update(decision=Decision.ACCEPT)
    response = client_for(make_user(Role.STAFF)).get(reverse("cohorts_selection", args=[cohort.pk]))
    assert response.context["pending"] == 2
    assert response.context["page"].paginator.count == 7
    html = response.content.decode()
    with translation.override("es"):
        assert str(S.IN_REVIEW.label) in html  # the labels set once per page
        assert str(Decision.ACCEPT.label) in html
        assert str(Decision.ACCEPT.label) != Decision.ACCEPT.value


def test_selection_board_audits_only_the_people_on_the_page(
    make_user, client_for, cohort, small_pages
):
    apps = _ranked(cohort, 5)
    client = client_for(_sensitive_staff(make_user))
    url = reverse("cohorts_selection", args=[cohort.pk])
    client.get(url)
    assert set(AccessAudit.objects.values_list("subject_id", flat=True)) == {
        a.user_id for a in apps[:3]
    }
    client.get(url, {"page": 2})
    assert set(AccessAudit.objects.values_list("subject_id", flat=True)) == {
        a.user_id for a in apps
    }


# --- the reviewer's queue -------------------------------------------------------------


def _queue(reviewer, cohort, todo, done):
    assigned = [
        ReviewAssignmentFactory(
            reviewer=reviewer, application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW)
        )
        for _ in range(todo)
    ]
    finished = [
        ReviewAssignmentFactory(
            reviewer=reviewer,
            application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW),
            status=AssignmentStatus.ABSTAINED,
        )
        for _ in range(done)
    ]
    return assigned, finished


def test_review_queue_queries_do_not_grow_with_rows(
    make_user, client_for, cohort, small_pages, django_assert_num_queries
):
    reviewer = make_user(Role.REVIEWER)
    client = client_for(reviewer)
    url = reverse("cohorts:review_queue")
    _queue(reviewer, cohort, 1, 0)
    client.get(url)
    with django_assert_num_queries(7):
        client.get(url)
    _queue(reviewer, cohort, 5, 4)
    for page in (1, 2, 4):
        with django_assert_num_queries(7):
            response = client.get(url, {"page": page})
        assert response.status_code == 200
    assert response.context["page"].paginator.num_pages == 4


def test_review_queue_pages_list_the_work_to_do_first(make_user, client_for, cohort, small_pages):
    reviewer = make_user(Role.REVIEWER)
    assigned, finished = _queue(reviewer, cohort, 4, 3)
    ReviewAssignmentFactory(application=ApplicationFactory(cohort=cohort, status=S.IN_REVIEW))
    client = client_for(reviewer)
    url = reverse("cohorts:review_queue")
    first = client.get(url)
    assert [a.pk for a in first.context["todo"]] == [a.pk for a in assigned[:3]]
    assert first.context["done"] == []
    assert first.context["progress"] == {"done": 3, "total": 7, "percent": 43}
    html = first.content.decode()
    assert "3 de 7 hechas" in html
    assert 'href="?page=2"' in html
    second = client.get(url, {"page": 2})
    assert [a.pk for a in second.context["todo"]] == [assigned[3].pk]
    assert [a.pk for a in second.context["done"]] == [a.pk for a in finished[:2]]
    third = client.get(url, {"page": 3})
    assert third.context["todo"] == []
    assert [a.pk for a in third.context["done"]] == [finished[2].pk]
    # No empty "to review" section on a later page holding only finished reviews.
    assert "Nada por revisar" not in third.content.decode()
