"""Permission matrix: who gets what when asking for each of Semilla's own URLs.

The expected answers are declared here, row by row, from each app's urls.py, views.py and
permissions.py; a change in who may see a page has to change this table on purpose.

* Parameterless URLs: every (URL name, role) pair with the expected status for GET.
* Object URLs: the owner gets the page, another person of the same role gets 404 (the
  object's existence is not revealed), anonymous gets the log-in page; POST-only endpoints
  called with someone else's id answer 404 and write nothing.
* Wrong HTTP method: 405 for every URL, derived from each view's declared methods, in
  test_http_methods.py.

The roles here are bare accounts (role group, verified e-mail, TOTP set up), except the
mentor, who has an active mentor profile (as the ``people`` fixture's mentor): the mentor's
own pages answer 200 to them. An entrepreneur who is not a cohort participant gets 404 from
the participant-only pages, which is the documented answer.
"""

import pytest
from django.apps import apps
from django.urls import reverse

from semilla.enums import Role
from tests.factories.cohorts import (
    ApplicationFactory,
    ParticipantFactory,
    ReviewAssignmentFactory,
)
from tests.factories.mentors import MatchFactory, MentorProfileFactory
from tests.factories.pitchday import make_event, make_grant, make_judge, make_pitch

LOGIN = "login"  # a redirect to the log-in page (302, with ?next= back to the page)

#: role key -> role group (None: anonymous)
ROLES = {
    "anonymous": None,
    "entrepreneur": Role.ENTREPRENEUR,
    "mentor": Role.MENTOR,
    "reviewer": Role.REVIEWER,
    "judge": Role.JUDGE,
    "programme_staff": Role.STAFF,
    "finance": Role.FINANCE,
    "funder": Role.FUNDER,
}
SIGNED_IN = [k for k in ROLES if k != "anonymous"]


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, **overrides):
    """Anonymous -> log-in; every signed-in role -> ``status`` unless overridden."""
    return {"anonymous": LOGIN, **dict.fromkeys(SIGNED_IN, status), **overrides}


def only(*allowed):
    """role_required(...): anonymous -> log-in, ``allowed`` -> 200, everyone else -> 403."""
    return {"anonymous": LOGIN, **{k: 200 if k in allowed else 403 for k in SIGNED_IN}}


# --- parameterless URLs -------------------------------------------------------------------
# GET on each URL that takes no arguments.
MATRIX: dict[str, dict[str, object]] = {
    # semilla
    "healthz": everyone(200),
    "semilla:dashboard": signed_in(200),
    "semilla:preferences": signed_in(200),
    "semilla:notifications": signed_in(200),
    "semilla:messages": signed_in(200),
    # POST-only (the method check comes before the log-in check)
    "semilla:notifications_read_all": everyone(405),
    "semilla:phone_start": everyone(405),
    "semilla:phone_confirm": everyone(405),
    "semilla:phone_remove": everyone(405),
    "semilla:message_preferences": everyone(405),
    "twilio_status": everyone(405),
    "twilio_inbound": everyone(405),
    # console_login sends everyone to allauth's log-in (the console has no log-in of its own)
    "console_login": everyone("login_plain"),
    # POST-only (method check comes before anything else)
    "set_language": everyone(405),
    "stripe_webhook": everyone(405),
    # curriculum: the catalogue start page is a Wagtail page that does not exist in an
    # empty database (404 for everyone); search and certificate verification are public
    "curriculum:start": everyone(404),
    "curriculum:search": everyone(200),
    "curriculum:verify_form": everyone(200),
    "curriculum:my_learning": signed_in(200),
    # community: the guides' entry redirects to a Wagtail page that does not exist in an
    # empty database (404 for everyone); with guides loaded, see tests/community
    "community:guides": everyone(404),
    # employer partners: the public list and registration; the partner's space answers 404
    # to anyone who acts for no approved partner, the open posts 404 to anyone who is not a
    # participant or alumna (the right employer and the participant: tests/community)
    "community:partners": everyone(200),
    "community:employer_register": everyone(200),
    "community:employer_register_thanks": everyone(200),
    "community:employer_home": signed_in(404),
    "community:post_create": signed_in(404),
    "community:opportunities": signed_in(404),
    # offline learning: the help page, the app manifest and the service worker are public
    "curriculum:learn_offline": everyone(200),
    "curriculum:web_manifest": everyone(200),
    "service_worker": everyone(200),
    # cohorts
    "cohorts:list": everyone(200),
    "cohorts:mine": signed_in(200),
    "cohorts:review_queue": only("reviewer"),
    "cohorts:review_conflicts": only("reviewer"),
    # mentors: anyone signed in may apply to mentor; the mentor-only and participant-only
    # pages answer 404 to an account without a mentor profile / participation
    "mentors:home": signed_in(200),
    "mentors:apply": signed_in(200, mentor=302),  # a mentor already applied: to the profile
    "mentors:sessions": signed_in(200),
    "mentors:profile": signed_in(404, mentor=200),
    "mentors:week": signed_in(404, mentor=200),
    "mentors:availability": signed_in(404, mentor=200),
    "mentors:my_mentorship": signed_in(404),
    "mentors:directory": signed_in(404),
    "mentors:book": signed_in(404),
    "mentors:book_timezone": everyone(405),  # POST-only (tests/trust/test_object_matrix.py)
    "mentors:calendar_feed_rotate": everyone(405),
    # pitchday: grantee side lists only the user's own grants/events
    "pitchday:grant_list": signed_in(200),
    "pitchday:event_list": signed_in(200),
    "pitchday:payout_details": signed_in(200),
    "pitchday:payout_confirm": everyone(405),
    "pitchday:payout_resend": everyone(405),
    "pitchday:payout_stripe_start": everyone(405),
    "pitchday:contribute_thanks": everyone(200),
    # pitchday grants desk: staff manage grants and milestones, finance pays and
    # reconciles, funders only see the desk's overview
    "pitchday:desk_home": only("programme_staff", "finance", "funder"),
    "pitchday:desk_grants": only("programme_staff", "finance"),
    "pitchday:desk_grant_create": only("programme_staff"),
    "pitchday:desk_milestones": only("programme_staff"),
    "pitchday:desk_disbursements": only("programme_staff", "finance"),
    "pitchday:desk_reconciliation": only("finance"),
    # privacy: the page is for everyone signed in; download/request are POST-only
    # (log-in is checked first, so anonymous is sent to log in)
    "privacy:my_data": signed_in(200),
    "privacy:download": signed_in(405),
    "privacy:request_create": signed_in(405),
    # outcomes: the alumni directory is public; the card is the alumnus's own (an
    # entrepreneur who is not an alumnus gets 404, other roles 403)
    "outcomes:alumni_directory": everyone(200),
    "outcomes:alumni_card": signed_in(403, entrepreneur=404),
    # the consents and invitations pages are the alumnus's own, like the card; giving and
    # withdrawing consent are POST-only
    "outcomes:consents": signed_in(403, entrepreneur=404),
    "outcomes:invitations": signed_in(403, entrepreneur=404),
    "outcomes:consent_story_give": everyone(405),
    "outcomes:consent_story_withdraw": everyone(405),
    "outcomes:consent_directory_withdraw": everyone(405),
    "outcomes:consent_research_withdraw": everyone(405),
    # conversations: one's own threads and reports (an empty list for anyone signed in)
    "conversations:inbox": signed_in(200),
    "conversations:reports": signed_in(200),
    # market: the showcase and the finance directory are public; the card is for pitch
    # winners and alumni only (404 to everyone else); the desk is programme staff's
    "market:showcase_list": everyone(200),
    "market:providers": everyone(200),
    "market:my_showcase": signed_in(404),
    "market:showcase_withdraw": everyone(405),
    "market:readiness": signed_in(200),
    "market:my_referrals": signed_in(200),
    "market:desk_interests": only("programme_staff"),
    "market:desk_referrals": only("programme_staff"),
    # reporting: the funders' light page (staff may read it too; aggregates only)
    "reporting:funder": only("programme_staff", "funder"),
}

#: rows where the real answer contradicts what a mature product should do:
#: (url name, role) -> reason. Each is xfail(strict=True) until the app's owner fixes it.
DEFECTS: dict[tuple[str, str], str] = {}


def _cases():
    for name, row in MATRIX.items():
        for role, expected in row.items():
            marks = []
            if (name, role) in DEFECTS:
                marks.append(pytest.mark.xfail(strict=True, reason=DEFECTS[(name, role)]))
            yield pytest.param(name, role, expected, id=f"{name}-{role}", marks=marks)


def assert_answer(response, expected, *, context=""):
    if expected == LOGIN:
        assert (response.status_code, "/accounts/login/?next=" in response["Location"]) == (
            302,
            True,
        ), context
    elif expected == "login_plain":
        assert (response.status_code, "/accounts/login/" in response["Location"]) == (
            302,
            True,
        ), context
    else:
        assert response.status_code == expected, context


@pytest.mark.parametrize(("name", "role", "expected"), list(_cases()))
def test_parameterless_url_answers_role_as_declared(name, role, expected, make_user, client_for):
    if role == "mentor":
        user = MentorProfileFactory().user
    else:
        user = make_user(ROLES[role]) if ROLES[role] else None
    response = client_for(user).get(reverse(name))
    assert_answer(response, expected, context=f"{name} as {role}")


def test_matrix_covers_every_parameterless_url():
    """A new URL without arguments has to get a row here."""
    from django.urls import NoReverseMatch

    from tests.url_coverage import our_patterns

    parameterless = set()
    for name in our_patterns():
        try:
            reverse(name)
        except NoReverseMatch:
            continue
        parameterless.add(name)
    assert sorted(parameterless - set(MATRIX)) == []


# --- object URLs --------------------------------------------------------------------------


def _row_counts(*app_labels):
    return {
        model._meta.label: model._default_manager.count()
        for label in app_labels
        for model in apps.get_app_config(label).get_models()
    }


def _answers(client_for, people, url, who):
    """GET ``url`` as each of ``who`` (keys of ``people``) -> {key: status}."""
    return {key: client_for(people[key]).get(url).status_code for key in who}


def test_application_detail_owner_only(people, client_for):
    application = ApplicationFactory(user=people["entrepreneur"])
    url = reverse("cohorts:application", args=[application.pk])
    answers = _answers(
        client_for, people, url, ["entrepreneur", "other_entrepreneur", "mentor", "funder"]
    )
    assert answers == {
        "entrepreneur": 200,
        "other_entrepreneur": 404,
        "mentor": 404,
        "funder": 404,
    }
    assert_answer(client_for(None).get(url), LOGIN)


def test_application_withdraw_by_someone_else_is_404_and_writes_nothing(people, client_for):
    application = ApplicationFactory(user=people["entrepreneur"])
    url = reverse("cohorts:withdraw", args=[application.pk])
    before = _row_counts("cohorts")
    response = client_for(people["other_entrepreneur"]).post(url, {"note": "no"})
    assert response.status_code == 404
    assert _row_counts("cohorts") == before
    application.refresh_from_db()
    assert application.status == "submitted"
    assert_answer(client_for(None).post(url), LOGIN)


def test_offer_respond_by_someone_else_is_404_and_writes_nothing(people, client_for):
    application = ApplicationFactory(user=people["entrepreneur"], status="accepted")
    url = reverse("cohorts:offer", args=[application.pk])
    before = _row_counts("cohorts")
    response = client_for(people["other_entrepreneur"]).post(url, {"answer": "accept"})
    assert response.status_code == 404
    assert _row_counts("cohorts") == before
    application.refresh_from_db()
    assert application.status == "accepted"


def test_match_detail_for_its_mentor_participant_and_staff_only(people, client_for):
    participant = ParticipantFactory(user=people["entrepreneur"])
    match = MatchFactory(participant=participant, mentor=people["mentor"].mentor_profile)
    url = reverse("mentors:match_detail", args=[match.pk])
    answers = _answers(
        client_for,
        people,
        url,
        ["mentor", "entrepreneur", "programme_staff", "other_mentor", "other_entrepreneur"],
    )
    assert answers == {
        "mentor": 200,
        "entrepreneur": 200,
        "programme_staff": 200,
        "other_mentor": 404,
        "other_entrepreneur": 404,
    }
    assert_answer(client_for(None).get(url), LOGIN)


@pytest.mark.parametrize("endpoint", ["mentors:match_accept", "mentors:match_decline"])
def test_match_answer_by_another_mentor_is_404_and_writes_nothing(endpoint, people, client_for):
    match = MatchFactory(mentor=people["mentor"].mentor_profile)
    url = reverse(endpoint, args=[match.pk])
    before = _row_counts("mentors", "cohorts")
    response = client_for(people["other_mentor"]).post(url, {"reason": "other"})
    assert response.status_code == 404
    assert _row_counts("mentors", "cohorts") == before
    match.refresh_from_db()
    assert match.status == "proposed"


def test_grant_detail_for_grantee_and_grant_managers_only(people, client_for):
    grant = make_grant(grantee=people["entrepreneur"])
    url = reverse("pitchday:grant_detail", args=[grant.reference])
    answers = _answers(
        client_for,
        people,
        url,
        ["entrepreneur", "other_entrepreneur", "mentor", "funder", "programme_staff", "finance"],
    )
    assert answers == {
        "entrepreneur": 200,
        "other_entrepreneur": 404,
        "mentor": 404,
        "funder": 404,
        "programme_staff": 200,
        "finance": 200,
    }
    assert_answer(client_for(None).get(url), LOGIN)


def test_desk_grant_for_staff_and_finance_only(people, client_for):
    grant = make_grant(grantee=people["entrepreneur"])
    url = reverse("pitchday:desk_grant", args=[grant.reference])
    answers = _answers(
        client_for,
        people,
        url,
        ["programme_staff", "finance", "funder", "entrepreneur", "mentor", "judge", "reviewer"],
    )
    assert answers == {
        "programme_staff": 200,
        "finance": 200,
        "funder": 403,
        "entrepreneur": 403,
        "mentor": 403,
        "judge": 403,
        "reviewer": 403,
    }
    assert_answer(client_for(None).get(url), LOGIN)


def test_review_detail_for_the_assigned_reviewer_only(people, client_for, make_user):
    assignment = ReviewAssignmentFactory(reviewer=people["reviewer"])
    other_reviewer = make_user(Role.REVIEWER)
    people = {**people, "other_reviewer": other_reviewer}
    url = reverse("cohorts:review", args=[assignment.pk])
    answers = _answers(
        client_for, people, url, ["reviewer", "other_reviewer", "entrepreneur", "programme_staff"]
    )
    assert answers == {
        "reviewer": 200,
        "other_reviewer": 404,
        "entrepreneur": 403,
        "programme_staff": 403,
    }
    assert_answer(client_for(None).get(url), LOGIN)


def test_review_abstain_by_another_reviewer_is_404_and_writes_nothing(
    people, client_for, make_user
):
    assignment = ReviewAssignmentFactory(reviewer=people["reviewer"])
    url = reverse("cohorts:review_abstain", args=[assignment.pk])
    before = _row_counts("cohorts")
    response = client_for(make_user(Role.REVIEWER)).post(url, {"reason": "conflict"})
    assert response.status_code == 404
    assert _row_counts("cohorts") == before
    assignment.refresh_from_db()
    assert assignment.status == "assigned"


@pytest.fixture
def judged_event(people):
    event = make_event()
    pitch = make_pitch(event)
    make_judge(event, people["judge"])
    return event, pitch


def test_judge_pages_for_judges_on_the_panel_only(judged_event, people, client_for, make_user):
    event, pitch = judged_event
    people = {**people, "other_judge": make_user(Role.JUDGE)}
    for url in (
        reverse("pitchday:judge_home", args=[event.pk]),
        reverse("pitchday:judge_pitch", args=[event.pk, pitch.pk]),
    ):
        answers = _answers(
            client_for, people, url, ["judge", "other_judge", "entrepreneur", "programme_staff"]
        )
        assert answers == {
            "judge": 200,
            "other_judge": 404,
            "entrepreneur": 403,
            "programme_staff": 403,
        }, url
        assert_answer(client_for(None).get(url), LOGIN, context=url)


@pytest.mark.parametrize("endpoint", ["pitchday:score_save", "pitchday:comment_save"])
def test_scoring_by_a_judge_not_on_the_panel_is_404_and_writes_nothing(
    endpoint, judged_event, client_for, make_user
):
    event, pitch = judged_event
    criterion = event.rubric.criteria.first()
    url = reverse(endpoint, args=[event.pk, pitch.pk])
    before = _row_counts("pitchday")
    response = client_for(make_user(Role.JUDGE)).post(
        url, {"criterion": criterion.pk, "value": "9", "comment": "Muy bien"}
    )
    assert response.status_code == 404
    assert _row_counts("pitchday") == before


def test_notification_read_by_someone_else_is_404_and_writes_nothing(people, client_for):
    from semilla.models import Notification

    item = Notification.objects.create(
        user=people["entrepreneur"], kind="account", template="t", title="Hola"
    )
    url = reverse("semilla:notification_read", args=[item.pk])
    assert client_for(people["other_entrepreneur"]).post(url).status_code == 404
    item.refresh_from_db()
    assert item.read_at is None
    assert_answer(client_for(None).post(url), LOGIN)
    response = client_for(people["entrepreneur"]).post(url)
    item.refresh_from_db()
    assert (response.status_code, item.read_at is not None) == (302, True)


def test_survey_link_opens_its_answer_only_for_its_person(people, client_for, make_user):
    """The signed link needs no sign-in; signed in as someone else it answers 404, and a
    link forged for another answer answers 404 to everyone."""
    from django.core import signing

    from outcomes.links import SALT, link_path
    from tests.factories.outcomes import ended_cohort, make_response

    response = make_response(
        participant=ParticipantFactory(user=people["entrepreneur"], cohort=ended_cohort())
    )
    other = make_response()
    url = link_path(response)
    answers = _answers(
        client_for,
        people,
        url,
        ["anonymous", "entrepreneur", "other_entrepreneur", "mentor", "funder"],
    )
    assert answers == {
        "anonymous": 200,
        "entrepreneur": 200,
        "other_entrepreneur": 404,
        "mentor": 404,
        "funder": 404,
    }
    forged = signing.TimestampSigner(salt=SALT).sign(
        f"{other.pk}.{response.wave_id}.{people['entrepreneur'].pk}"
    )
    forged_url = reverse("outcomes:answer", kwargs={"token": forged})
    assert _answers(client_for, people, forged_url, ["anonymous", "entrepreneur"]) == {
        "anonymous": 404,
        "entrepreneur": 404,
    }


def test_survey_phone_entry_by_non_staff_writes_nothing(people, client_for):
    from tests.factories.outcomes import make_response

    response = make_response()
    before = _row_counts("outcomes")
    for role in ("entrepreneur", "funder", "finance", "mentor"):
        answer = client_for(people[role]).post(
            reverse("outcomes_phone", args=[response.pk]),
            {"business_status": "operating", "confidence": "3", "confirm": "on"},
        )
        assert answer.status_code == 302, role
    assert _row_counts("outcomes") == before


# --- the password-only column ---------------------------------------------------------------
# Every role that requires a second factor (semilla.enums.MFA_ROLES, and superusers), signed
# in with the password only in this session: every URL of ours, the console and the site's
# pages answer with a redirect to the code page, for GET and POST, and nothing is written.
# Only the URLs below answer before the code (semilla.middleware.SECOND_FACTOR_EXEMPT_URL_NAMES
# lists allauth's set-up/code/log-out pages and these).
PASSWORD_ONLY_ROLES = {
    "reviewer": Role.REVIEWER,
    "judge": Role.JUDGE,
    "programme_staff": Role.STAFF,
    "finance": Role.FINANCE,
    "superuser": None,
}
ANSWER_BEFORE_SECOND_FACTOR = {
    "healthz",
    "set_language",
    "stripe_webhook",
    "twilio_status",
    "twilio_inbound",
}
#: pages that are not URL names of ours but are ours to protect: the console, its documents,
#: Django's admin (absent in production: 404 for everyone) and a page of the site
OTHER_PATHS = ["/admin/", "/admin/pages/", "/documents/1/x.pdf", "/es/", "/es/accounts/email/"]
VERIFY = "/es/accounts/2fa/reauthenticate/?next="


def _our_urls():
    from tests.trust.test_http_methods import _placeholder
    from tests.url_coverage import our_url_patterns

    urls = {}
    for _ns, key, pattern in our_url_patterns():
        kwargs = {k: _placeholder(c) for k, c in pattern.pattern.converters.items()}
        urls[key] = reverse(key, kwargs=kwargs)
    return urls


def _password_only_user(make_user, role):
    if role == "superuser":
        return make_user(is_superuser=True, is_staff=True)
    return make_user(PASSWORD_ONLY_ROLES[role])


@pytest.mark.parametrize("role", list(PASSWORD_ONLY_ROLES))
def test_password_only_session_of_an_mfa_role_gets_only_the_code_page(role, make_user):
    from tests.factories import password_only_client

    client = password_only_client(_password_only_user(make_user, role))
    urls = {**_our_urls(), **{path: path for path in OTHER_PATHS}}
    before = _row_counts("semilla", "cohorts", "mentors", "pitchday", "curriculum")
    answers = {}
    for key, url in urls.items():
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            location = response.get("Location", "")
            verified = response.status_code == 302 and location.startswith(VERIFY)
            answers[(key, method)] = "verify" if verified else response.status_code
    expected = {
        (key, method): "verify"
        for key in urls
        for method in ("get", "post")
        if key not in ANSWER_BEFORE_SECOND_FACTOR
    }
    assert {k: v for k, v in answers.items() if k[0] not in ANSWER_BEFORE_SECOND_FACTOR} == (
        expected
    )
    assert _row_counts("semilla", "cohorts", "mentors", "pitchday", "curriculum") == before


def test_password_only_session_answers_before_the_code_only_where_declared():
    """Widening the list of pages shown before the second factor is a decision taken here."""
    from semilla.middleware import SECOND_FACTOR_EXEMPT_URL_NAMES

    assert SECOND_FACTOR_EXEMPT_URL_NAMES == {
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        *ANSWER_BEFORE_SECOND_FACTOR,
    }


def test_password_only_session_without_totp_is_sent_to_set_it_up(make_user):
    from tests.factories import password_only_client

    client = password_only_client(make_user(Role.STAFF, mfa=False))
    response = client.get(reverse("pitchday:desk_home"))
    assert (response.status_code, response["Location"]) == (
        302,
        "/es/accounts/2fa/totp/activate/?next=%2Fes%2Fpitch%2Fgestion%2F",
    )


def test_password_only_staff_cannot_download_an_identity_document(people, make_user):
    """Finding 1: staff with the password only opened other people's identity documents."""
    from semilla.privacy.models import AccessAudit
    from tests.factories import password_only_client
    from tests.trust.test_object_matrix import document

    url = reverse("cohorts:document", args=document(people))
    response = password_only_client(make_user(Role.STAFF)).get(url)
    assert (response.status_code, response["Location"]) == (302, VERIFY + url.replace("/", "%2F"))
    assert AccessAudit.objects.count() == 0


def test_code_in_this_session_lets_the_person_back_to_the_page(make_user):
    """The code page (allauth's re-authentication with TOTP) marks the session and returns
    to ``next``; from then on the pages answer."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    from tests.factories import add_totp, password_only_client

    user = make_user(Role.FINANCE, mfa=False)
    secret = add_totp(user)
    client = password_only_client(user)
    target = reverse("pitchday:desk_reconciliation")
    assert client.get(target).status_code == 302
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post(f"/es/accounts/2fa/reauthenticate/?next={target}", {"code": code})
    assert (response.status_code, response["Location"]) == (302, target)
    assert client.get(target).status_code == 200
