"""The selection board at scale (issue 22): the ranking read page by page in index order,
the counts by status from an index alone, the reviewers' progress of the page only, and
the same number of queries whatever the size of the cohort."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cohorts import admin_views, selectors
from cohorts.enums import ApplicationStatus, AssignmentStatus
from cohorts.models import Application
from semilla.enums import Role
from tests.factories.cohorts import ApplicationFactory, CohortFactory, ReviewAssignmentFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def _app(cohort, mean, median, minutes_ago, **kwargs):
    return ApplicationFactory(
        cohort=cohort,
        status=kwargs.pop("status", S.IN_REVIEW),
        score_mean=None if mean is None else Decimal(mean),
        score_median=None if median is None else Decimal(median),
        submitted_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        **kwargs,
    )


def test_ranking_orders_by_mean_then_median_then_submission_with_unscored_last(cohort):
    early_tie_a = _app(cohort, "80", "70", 30)
    best = _app(cohort, "90", None, 1)
    unscored_early = _app(cohort, None, None, 50)
    better_median = _app(cohort, "80", "75", 1)
    late_tie = _app(cohort, "80", "70", 10)
    no_median = _app(cohort, "80", None, 60)
    unscored_late = _app(cohort, None, None, 5)
    worst = _app(cohort, "40", "40", 90)
    same_moment = _app(cohort, "80", "70", 30)
    same_moment.submitted_at = early_tie_a.submitted_at
    same_moment.save(update_fields=["submitted_at"])
    ApplicationFactory(cohort=cohort, status=S.DRAFT, score_mean=Decimal(99))  # never ranked
    _app(CohortFactory(), "99", "99", 1)  # another cohort
    ranked = [a.pk for a in selectors.ranked_applications(cohort=cohort)]
    assert ranked == [
        best.pk,
        better_median.pk,
        early_tie_a.pk,  # same mean and median, same moment: the lower id first
        same_moment.pk,
        late_tie.pk,
        no_median.pk,
        worst.pk,
        unscored_early.pk,
        unscored_late.pk,
    ]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan wording")
def test_ranking_page_is_read_in_index_order_without_sorting_the_cohort(cohort):
    page = selectors.ranked_applications(cohort=cohort)[100:150]
    plan = _plan(page)
    assert "cohorts_app_ranking" in plan
    assert "TEMP B-TREE" not in plan
    shortlist = _plan(selectors.ranked_applications(cohort=cohort, shortlisted_only=True)[:50])
    assert "TEMP B-TREE" not in shortlist


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's NULLS LAST")
def test_ranking_page_on_postgresql_is_read_in_index_order_with_unscored_last(cohort):
    """PostgreSQL sorts NULLs first in a descending order unless told: the ranking index
    says NULLS LAST there (``RankingIndex``), so a page of the ranking (which puts the
    unscored last) is read in the index's order, with no sort of the cohort. Table scans
    and sorts are priced out for the plan (the test's table is too small for the planner to
    prefer an index on its own): if the index's order did not match, the plan would still
    have to sort."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", ["cohorts_app_ranking"]
        )
        [(definition,)] = cursor.fetchall()
    assert "score_mean DESC NULLS LAST, score_median DESC NULLS LAST" in definition
    sql, params = selectors.ranked_applications(cohort=cohort)[100:150].query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_incremental_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " | ".join(row[0] for row in cursor.fetchall())
    assert "cohorts_app_ranking" in plan
    assert "Sort" not in plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan wording")
def test_counts_by_status_read_only_the_index(cohort):
    from django.db.models import Count, Q

    # the query of selectors.selection_summary
    counts = (
        Application.objects.filter(cohort=cohort)
        .values("status")
        .annotate(
            n=Count("pk"),
            shortlisted=Count("pk", filter=Q(shortlisted=True)),
            pending=Count("pk", filter=~Q(decision="") & Q(released_at__isnull=True)),
        )
        .order_by()
    )
    assert "COVERING INDEX cohorts_app_cohort_status" in _plan(counts)


def test_reviewer_progress_lists_the_reviewers_of_the_page_with_their_cohort_totals(
    make_user, client_for, cohort, monkeypatch
):
    monkeypatch.setattr(admin_views, "PAGE_SIZE", 2)
    ana = make_user(Role.REVIEWER, full_name="Ana Acosta")
    beto = make_user(Role.REVIEWER, full_name="Beto Bernal")
    carla = make_user(Role.REVIEWER, full_name="Carla Cruz")
    top, second, third = (_app(cohort, m, m, 5) for m in ("90", "80", "70"))
    ReviewAssignmentFactory(application=top, reviewer=beto)
    ReviewAssignmentFactory(application=second, reviewer=ana, status=AssignmentStatus.ABSTAINED)
    ReviewAssignmentFactory(application=third, reviewer=ana)  # on page 2, counted for Ana
    ReviewAssignmentFactory(application=third, reviewer=carla)  # only on page 2
    elsewhere = ApplicationFactory(cohort=CohortFactory(), status=S.IN_REVIEW)
    ReviewAssignmentFactory(application=elsewhere, reviewer=beto)  # another cohort
    client = client_for(make_user(Role.STAFF))
    url = reverse("cohorts_selection", args=[cohort.pk])
    progress = client.get(url).context["progress"]
    assert [(r["reviewer__full_name"], r["done"], r["total"]) for r in progress] == [
        ("Ana Acosta", 1, 2),
        ("Beto Bernal", 0, 1),
    ]
    second_page = client.get(url, {"page": 2})
    assert [r["reviewer__full_name"] for r in second_page.context["progress"]] == [
        "Ana Acosta",
        "Carla Cruz",
    ]
    link = reverse("cohorts_assignment:index") + f"?application__cohort={cohort.pk}"
    assert f'href="{link}"' in second_page.content.decode()


#: The board for a superuser holding every role (the benchmark's account), test settings
#: (no table cache): 4 of them the board's own (the cohort, the counts by status, the page
#: of the ranking, its reviewers' progress); the rest are the session, the person,
#: Wagtail's profile and menu, and the access audit of the people on the page.
QUERIES = 13


def test_selection_board_queries_for_a_superuser_are_the_same_for_1_and_many_rows(
    make_user, client_for, cohort, django_assert_num_queries, settings
):
    settings.SEMILLA_TABLE_CACHE = False  # every view counts (the kept counts: below)
    everyone = make_user(*Role, is_superuser=True, is_staff=True)
    client = client_for(everyone)
    url = reverse("cohorts_selection", args=[cohort.pk])
    ReviewAssignmentFactory(application=_app(cohort, "50", "50", 1))
    client.get(url)
    with django_assert_num_queries(QUERIES):
        response = client.get(url)
    assert len(response.context["ranked"]) == 1
    reviewers = [make_user(Role.REVIEWER) for _ in range(4)]
    for n in range(12):
        app = _app(cohort, str(60 + n), "50", n, shortlisted=n % 2 == 0)
        for reviewer in reviewers[: 1 + n % 3]:
            ReviewAssignmentFactory(application=app, reviewer=reviewer)
    with django_assert_num_queries(QUERIES):
        response = client.get(url)
    assert len(response.context["ranked"]) == 13
    assert len(response.context["progress"]) == 4  # the first one's and reviewers[:3]
    with django_assert_num_queries(QUERIES):
        response = client.get(url, {"shortlisted": "1"})
    assert len(response.context["ranked"]) == 6


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan wording")
def test_reviewer_progress_starts_from_the_page_reviewers_not_the_cohort(cohort):
    app = _app(cohort, "50", "50", 1)
    ReviewAssignmentFactory(application=app)
    with CaptureQueriesContext(connection) as captured:
        assert len(selectors.reviewer_progress(cohort=cohort, applications=[app.pk])) == 1
    [query] = captured.captured_queries
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert "cohorts_reviewassignment_reviewer_id" in plan
    assert "cohort_id=?" not in plan


# --- the console's list of applications --------------------------------------------------

#: The console's application list for the same superuser, test settings: 3 of them the
#: list's own (its COUNT, its page of rows with person and cohort, the cohorts of the
#: filter); Wagtail's profile and menu (the locale and two page queries) 4; the session and
#: the person 3; the audit of the people listed and the check of the last hour 2.
LIST_QUERIES = 12


def test_console_application_list_queries_for_a_superuser_are_the_same_for_1_and_many(
    make_user, client_for, django_assert_num_queries
):
    client = client_for(make_user(*Role, is_superuser=True, is_staff=True))
    url = reverse("cohorts_application:index")
    ApplicationFactory()
    client.get(url)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url)
    assert len(response.context["object_list"]) == 1
    cohorts = [CohortFactory() for _ in range(3)]
    for n in range(30):
        ApplicationFactory(cohort=cohorts[n % 3])
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url)
    assert len(response.context["object_list"]) == 20
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url, {"p": 2})
    assert len(response.context["object_list"]) == 11


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan wording")
def test_console_application_list_page_is_read_in_index_order_without_sorting(
    make_user, client_for
):
    """The console's list of every application, newest first (the model's order): its page
    is read in the order of ``cohorts_app_latest`` and the scan stops after the page,
    instead of sorting every application (issue 22's scale: 100,000)."""
    client = client_for(make_user(*Role, is_superuser=True, is_staff=True))
    ApplicationFactory()
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("cohorts_application:index"))
    [page] = [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith('SELECT "cohorts_application"."id"') and "LIMIT" in q["sql"]
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {page}")
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    assert plan.startswith("SCAN cohorts_application USING INDEX cohorts_app_latest")
    assert "TEMP B-TREE" not in plan


def _board_counts(client, url) -> tuple[list, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    counted = [
        q["sql"] for q in captured.captured_queries if 'COUNT("cohorts_application"' in q["sql"]
    ]
    return response.context["counts"], counted


def test_selection_board_counts_are_kept_and_a_repeat_view_counts_nothing(
    make_user, client_for, cohort
):
    """The counts by status read an index entry per application of the cohort; kept in the
    table cache, a repeat view reads none (issue 22's scale), and they equal a count made
    now."""
    for n in range(3):
        _app(cohort, str(60 + n), "50", n, shortlisted=n == 0)
    client = client_for(make_user(*Role, is_superuser=True, is_staff=True))
    url = reverse("cohorts_selection", args=[cohort.pk])
    client.get(url)  # learns the tables the counts read
    client.get(url)  # stores them
    counts, counted = _board_counts(client, url)
    assert counted == []
    assert counts == [(str(S.IN_REVIEW.label), 3)]
    assert selectors.selection_summary(cohort=cohort).shortlisted == 1


def test_selection_board_counts_show_a_change_in_the_next_view(make_user, client_for, cohort):
    apps = [_app(cohort, str(60 + n), "50", n) for n in range(3)]
    client = client_for(make_user(*Role, is_superuser=True, is_staff=True))
    url = reverse("cohorts_selection", args=[cohort.pk])
    client.get(url)
    client.get(url)
    Application.objects.filter(pk=apps[0].pk).update(status=S.WITHDRAWN)
    counts, counted = _board_counts(client, url)
    assert len(counted) == 1
    assert counts == [(str(S.IN_REVIEW.label), 2), (str(S.WITHDRAWN.label), 1)]
