"""Hostile input (hypothesis) into every form and parser that takes what a user types: the
answer is never a server error (the test client re-raises any exception a view lets
escape), refusals are explained, and what was there before is still there.

Each property runs a small number of examples (profile ``trust-hostile``; raise it with
HYPOTHESIS_HOSTILE_EXAMPLES=200 for a deeper local run). Form fields are read from the page
itself (every input, select and textarea of the form that posts to the URL), so a field
added to a form is fed hostile input without changing this file.
"""

import datetime
import html
import json
import os
import time
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import quote, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from semilla.enums import Role
from tests.factories.cohorts import DraftApplicationFactory
from tests.factories.mentors import MatchFactory, MentorProfileFactory, mentor_available_every_day
from tests.factories.pitchday import make_event, make_fund, make_grant, make_judge, make_pitch
from tests.fakes.stripe_server import sign_header

pytestmark = pytest.mark.django_db

settings.register_profile(
    "trust-hostile",
    max_examples=int(os.environ.get("HYPOTHESIS_HOSTILE_EXAMPLES", "12")),
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
hostile_settings = settings(settings.get_profile("trust-hostile"))

#: strings that have broken web forms before
NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "-0",
    "9" * 40,
    "1,000.50",
    "１２３",  # full-width digits
    "٣",  # Arabic-Indic digit
    "2026-02-30",
    "99:99",
    "'; DROP TABLE semilla_user; --",
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "{{ settings.SECRET_KEY }}",
    "%(x)s %s {0}",
    "../../../etc/passwd",
    "\u202etxt.exe",
    "a\u0000b",
    "\r\n\r\nSet-Cookie: x=1",
    "x" * 5000,
    "😀👩🏽‍💻",
    "null",
    "[]",
    "{}",
]
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats().map(str),
)
#: a field's POST value: one string, several (multi-selects), or left out
field_value = st.one_of(values, st.lists(values, min_size=1, max_size=3), st.none())


class _FormFields(HTMLParser):
    """Names of the fields of the POST forms whose action is ``target`` (or empty)."""

    def __init__(self, target: str):
        super().__init__()
        self.target = target
        self.inside = False
        self.names: set[str] = set()
        self.files: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            action = urlsplit(a.get("action") or "").path
            self.inside = (a.get("method") or "").lower() == "post" and action in ("", self.target)
        elif tag in ("input", "select", "textarea", "button") and self.inside and a.get("name"):
            if a["name"] != "csrfmiddlewaretoken":
                (self.files if a.get("type") == "file" else self.names).add(a["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def form_fields(client, url, target=None) -> tuple[list[str], list[str]]:
    """Field names (and file fields) of the form on the page ``url`` posting to ``target``."""
    response = client.get(url)
    assert response.status_code == 200, url
    parser = _FormFields(target or url)
    parser.feed(response.content.decode())
    assert parser.names or parser.files, f"no form posting to {url}"
    return sorted(parser.names), sorted(parser.files)


def draw_post(data, names, files=()):
    """A POST body: hostile values for ``names``; for ``files``, (file name, content)
    pairs with hostile names (path parts, control characters, nothing at all)."""
    post = {}
    for name in names:
        value = data.draw(field_value, label=name)
        if value is not None:
            post[name] = value
    for name in files:
        filename = data.draw(st.sampled_from(NASTY) | st.text(max_size=20), label=name)
        content = data.draw(
            st.sampled_from([b"%PDF-1.4\n%%EOF", b"<svg onload=alert(1)>", b"MZ\x90", b""])
            | st.binary(max_size=64),
            label=f"{name} content",
        )
        post[name] = Upload(filename, content)
    return post


class Upload(NamedTuple):
    filename: str
    content: bytes


BOUNDARY = "----semilla-hostile-boundary"


def multipart(post: dict) -> bytes:
    """Encode ``post`` by hand: the test client would clean the file names we want to send
    as a browser (or an attacker) can."""
    lines: list[bytes] = []
    for name, value in post.items():
        for item in value if isinstance(value, list) else [value]:
            lines.append(f"--{BOUNDARY}".encode())
            if isinstance(item, Upload):
                filename = item.filename.replace('"', "%22").replace("\r", "").replace("\n", "")
                lines.append(
                    f'Content-Disposition: form-data; name="{name}"; filename="{filename}"'.encode()
                )
                lines += [b"Content-Type: application/octet-stream", b"", item.content]
            else:
                lines += [f'Content-Disposition: form-data; name="{name}"'.encode(), b""]
                lines.append(str(item).encode("utf-8", "surrogatepass"))
    lines += [f"--{BOUNDARY}--".encode(), b""]
    return b"\r\n".join(lines)


def send(client, url, post):
    return client.post(
        url, multipart(post), content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )


def assert_answered(response, context=""):
    """No server error; a redirect stays on this site."""
    assert response.status_code < 500, context
    if response.status_code in (301, 302, 303):
        location = response["Location"]
        assert location.startswith("/") and not location.startswith("//"), location


def hostile_form_test(client, url, data, *, extra=None):
    names, files = form_fields(client, url)
    post = {**draw_post(data, names, files), **(extra or {})}
    response = send(client, url, post)
    assert_answered(response, url)
    return response


# --- cohorts: eligibility check and the application's steps ---------------------------------


@pytest.fixture
def cohort(db):
    from tests.factories.cohorts import CohortFactory

    return CohortFactory()


@hostile_settings
@given(data=st.data())
def test_prescreen_survives_hostile_answers(data, cohort, client):
    hostile_form_test(client, reverse("cohorts:prescreen", args=[cohort.slug]), data)


@pytest.fixture
def draft(entrepreneur):
    application = DraftApplicationFactory(user=entrepreneur)
    type(application).objects.filter(pk=application.pk).update(current_step="consent")
    return application


@pytest.mark.parametrize("step", ["about", "business", "needs", "documents", "consent"])
@hostile_settings
@given(data=st.data())
def test_application_steps_survive_hostile_input(data, step, draft, client_for):
    client = client_for(draft.user)
    url = reverse("cohorts:step", args=[draft.pk, step])
    hostile_form_test(client, url, data)
    # the application is still there, still the applicant's
    assert type(draft).objects.filter(pk=draft.pk, user=draft.user).exists()


# --- mentors: availability, booking, session log, cancellation, calendar feed --------------


@pytest.fixture
def accepted_match(db):
    from mentors.enums import MatchStatus

    match = MatchFactory(status=MatchStatus.ACCEPTED)
    mentor_available_every_day(match.mentor)
    return match


@hostile_settings
@given(data=st.data())
def test_availability_survives_hostile_input(data, accepted_match, client_for):
    from mentors.models import WeeklyAvailability

    mentor = accepted_match.mentor
    before = list(WeeklyAvailability.objects.filter(mentor=mentor).values_list())
    response = hostile_form_test(client_for(mentor.user), reverse("mentors:availability"), data)
    if response.status_code == 200:  # refused (the form again): the hours are as they were
        assert list(WeeklyAvailability.objects.filter(mentor=mentor).values_list()) == before


@hostile_settings
@given(data=st.data())
def test_booking_survives_hostile_input(data, accepted_match, client_for):
    from mentors import selectors
    from mentors.models import Booking

    client = client_for(accepted_match.participant.user)
    before = Booking.objects.count()
    slot = selectors.free_slots(match=accepted_match)[2]
    day = timezone.localtime(slot).date()
    # the booking form is on the page once a day and a time are chosen
    url = f"{reverse('mentors:book')}?dia={day:%Y-%m-%d}&hora={int(slot.timestamp())}"
    response = hostile_form_test(client, url, data)
    if response.status_code == 200:  # refused: nothing half-booked
        assert Booking.objects.count() == before


@pytest.fixture
def past_booking(accepted_match):
    from mentors.models import Booking

    start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=3)
    return Booking.objects.create(
        match=accepted_match,
        mentor=accepted_match.mentor,
        participant=accepted_match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )


@hostile_settings
@given(data=st.data())
def test_session_log_and_cancel_survive_hostile_input(data, past_booking, client_for):
    from mentors.forms import CancelBookingForm, SessionLogForm

    mentor_client = client_for(past_booking.mentor.user)
    post = draw_post(data, list(SessionLogForm().fields))
    response = mentor_client.post(reverse("mentors:session_log", args=[past_booking.pk]), post)
    assert_answered(response)
    post = draw_post(data, list(CancelBookingForm().fields))
    mentee = client_for(past_booking.participant.user)
    assert_answered(mentee.post(reverse("mentors:booking_cancel", args=[past_booking.pk]), post))


def path_segment(text: str) -> str:
    """``text`` as one URL path segment (no slash; never "." or "..")."""
    text = text.replace("/", "")
    return quote(text if text not in ("", ".", "..") else "x", safe="")


def printable(text: str) -> str:
    """Without spaces and control characters, at most 100 characters (such paths have a test of
    their own below)."""
    return "".join(c for c in text if ord(c) > 32 and ord(c) != 127)[:100]


@hostile_settings
@given(token=st.sampled_from(NASTY[1:]) | st.text(min_size=1, max_size=40))
def test_calendar_feed_with_a_hostile_token_is_404(token, client):
    url = reverse("mentors:calendar_feed", args=["T"]).replace("T", path_segment(printable(token)))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("segment", ["a b", "a\tb", "\x7f", "x" * 300])
def test_paths_with_spaces_control_characters_or_great_length_are_not_server_errors(
    segment, client
):
    for url in (
        reverse("mentors:calendar_feed", args=["T"]).replace("T", quote(segment, safe="")),
        reverse("curriculum:verify", args=["C"]).replace("C", quote(segment, safe="")),
    ):
        assert client.get(url).status_code < 500, url


# --- pitch day: scores, pitch form (use of funds parser), grants desk amounts, payouts -------


@pytest.fixture
def judged(judge_user):
    event = make_event()
    pitch = make_pitch(event)
    make_judge(event, judge_user)
    return event, pitch, judge_user


@hostile_settings
@given(data=st.data())
def test_judge_score_survives_hostile_values(data, judged, client_for):
    from pitchday.models import PitchScore

    event, pitch, judge = judged
    criterion = event.rubric.criteria.first()
    client = client_for(judge)
    url = reverse("pitchday:score_save", args=[event.pk, pitch.pk])
    value = data.draw(values, label="value")
    response = client.post(url, {"criterion": str(criterion.pk), "value": value})
    assert_answered(response)
    for score in PitchScore.objects.filter(pitch=pitch):
        assert 1 <= score.value <= 10


@hostile_settings
@given(data=st.data())
def test_pitch_form_survives_hostile_input(data, judged, client_for):
    event, pitch, _judge = judged
    client = client_for(pitch.participant.user)
    hostile_form_test(client, reverse("pitchday:pitch_submit", args=[event.pk]), data)


@hostile_settings
@given(data=st.data())
def test_grant_create_amounts_survive_hostile_input(data, staff_user, client_for):
    from pitchday.models import Fund

    if not Fund.objects.exists():
        make_fund()
    hostile_form_test(client_for(staff_user), reverse("pitchday:desk_grant_create"), data)


@hostile_settings
@given(data=st.data())
def test_payout_details_survive_hostile_input(data, entrepreneur, client_for):
    hostile_form_test(client_for(entrepreneur), reverse("pitchday:payout_details"), data)


@hostile_settings
@given(data=st.data())
def test_contribution_survives_hostile_amounts(data, client):
    from pitchday.models import Fund

    fund = Fund.objects.filter(accepts_contributions=True).first() or make_fund(
        accepts_contributions=True
    )
    hostile_form_test(client, reverse("pitchday:contribute", args=[fund.pk]), data)


@pytest.fixture
def requested_disbursement(entrepreneur, staff_user, finance_user):
    from pitchday.services import disbursements
    from tests.factories.pitchday import make_confirmed_details

    grant = make_grant(grantee=entrepreneur, accept=True)
    make_confirmed_details(entrepreneur)
    return disbursements.disbursement_request(
        tranche=grant.tranches.get(number=1), actor=staff_user
    )


@hostile_settings
@given(data=st.data())
def test_disbursement_actions_survive_hostile_input(
    data, requested_disbursement, finance_user, client_for
):
    from pitchday.models import LedgerEntry

    action = data.draw(st.sampled_from(["record", "approve", "cancel", "retry", "x"]))
    post = draw_post(data, ["reference", "note"], ["proof"])
    url = reverse("pitchday:desk_disbursement_action", args=[requested_disbursement.pk, action])
    response = send(client_for(finance_user), url, post)
    assert_answered(response)
    # whatever was typed, the tranche is never paid twice
    assert (
        LedgerEntry.objects.filter(disbursement=requested_disbursement, kind="disbursement").count()
        <= 1
    )


# --- webhooks ------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10) | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
stripe_shaped = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values | st.text(max_size=20),
        "type": st.sampled_from(
            [
                "transfer.created",
                "transfer.reversed",
                "payout.failed",
                "account.updated",
                "checkout.session.completed",
                "payment_intent.succeeded",
                "x",
            ]
        )
        | json_values,
        "created": json_values,
        "data": st.fixed_dictionaries({}, optional={"object": json_values}) | json_values,
    },
)


@hostile_settings
@given(body=stripe_shaped | json_values)
@example(body=None)  # were 500s before the webhook checked the event's shape
@example(body={"id": "evt_1", "type": "account.updated", "created": [], "data": {"object": {}}})
@example(body={"id": "evt_2", "type": "transfer.created", "data": {"object": {"id": "tr_1"}}})
def test_signed_webhook_with_hostile_body_never_errors(body, client, settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_hostile_test"  # noqa: S105
    payload = json.dumps(body)
    response = client.post(
        reverse("stripe_webhook"),
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=sign_header(payload, "whsec_hostile_test", int(time.time())),
    )
    assert response.status_code in (200, 400)


@hostile_settings
@given(body=st.binary(max_size=200), signature=st.sampled_from(NASTY) | st.text(max_size=60))
def test_unsigned_webhook_is_refused(body, signature, client, settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_hostile_test"  # noqa: S105
    response = client.post(
        reverse("stripe_webhook"),
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature.replace("\r", "").replace("\n", ""),
    )
    assert response.status_code == 400


# --- search, certificate verification, language switch, privacy requests -------------------


@hostile_settings
@given(q=values)
def test_lesson_search_survives_hostile_queries(q, client):
    assert client.get(reverse("curriculum:search"), {"q": q}).status_code == 200


@hostile_settings
@given(code=values)
@example(code="😀👩🏽‍💻")  # nothing left after normalising: was a 500 (reverse with "")
def test_certificate_verification_survives_hostile_codes(code, client):
    assert_answered(client.get(reverse("curriculum:verify_form"), {"code": code}))
    url = reverse("curriculum:verify", args=["C"]).replace("C", path_segment(printable(code)))
    assert client.get(url).status_code in (200, 302, 404)


@hostile_settings
@given(
    next_url=st.sampled_from(
        [
            "//evil.example/",
            "https://evil.example/",
            "/\\evil.example",
            "javascript:alert(1)",
            "/es/cohortes/",
            "\\\\evil",
            "/%2F%2Fevil.example",
        ]
    )
    | values,
    language=values,
)
def test_language_switch_never_leaves_the_site(next_url, language, client):
    response = client.post(reverse("set_language"), {"next": next_url, "language": language})
    assert response.status_code == 302
    location = response["Location"]
    parts = urlsplit(location)
    # a path on this site (absolute or relative), never another host or a script
    assert (parts.scheme, parts.netloc) == ("", ""), location
    assert not location.startswith(("//", "/\\", "\\")), location


@hostile_settings
@given(data=st.data())
def test_privacy_request_survives_hostile_input(data, entrepreneur, client_for):
    client = client_for(entrepreneur)
    target = reverse("privacy:request_create")
    names, _files = form_fields(client, reverse("privacy:my_data"), target)
    post = draw_post(data, names)
    assert_answered(client.post(reverse("privacy:request_create"), post))


@hostile_settings
@given(data=st.data())
def test_mentor_application_survives_hostile_input(data, make_user, client_for):
    hostile_form_test(client_for(make_user(Role.ENTREPRENEUR)), reverse("mentors:apply"), data)


@hostile_settings
@given(data=st.data())
def test_mentor_profile_survives_hostile_input(data, client_for):
    from mentors.models import MentorProfile

    profile = MentorProfile.objects.first() or MentorProfileFactory()
    hostile_form_test(client_for(profile.user), reverse("mentors:profile"), data)


# --- reviews, grant milestones (evidence uploads), quizzes, session proposals -------------


@hostile_settings
@given(data=st.data())
def test_review_form_survives_hostile_scores(data, reviewer_user, client_for):
    from cohorts.models import ReviewAssignment
    from tests.factories.cohorts import ReviewAssignmentFactory

    assignment = ReviewAssignment.objects.filter(
        reviewer=reviewer_user
    ).first() or ReviewAssignmentFactory(reviewer=reviewer_user)
    client = client_for(reviewer_user)
    hostile_form_test(client, reverse("cohorts:review", args=[assignment.pk]), data)


@hostile_settings
@given(data=st.data())
def test_milestone_evidence_and_report_survive_hostile_input(data, entrepreneur, client_for):
    from pitchday.models import Grant, LedgerEntry

    grant = Grant.objects.filter(grantee=entrepreneur).first() or make_grant(
        grantee=entrepreneur, accept=True
    )
    milestone = grant.tranches.get(number=2).milestone
    ledger = LedgerEntry.objects.count()
    url = reverse("pitchday:milestone_detail", args=[grant.reference, milestone.pk])
    hostile_form_test(client_for(entrepreneur), url, data)
    assert LedgerEntry.objects.count() == ledger  # a grantee's upload never moves money


@hostile_settings
@given(data=st.data())
def test_quiz_answers_survive_hostile_input(data, client_for, entrepreneur):
    from curriculum.models import LessonPage
    from tests.factories.curriculum import load_course

    lesson = LessonPage.objects.live().first() or load_course().lessons[0]
    quiz_id = lesson.quiz_ids[0]
    names = [f"q{n}" for n in range(len(lesson.quiz_value(quiz_id)["questions"]) + 1)]
    url = reverse("curriculum:quiz_submit", args=[lesson.pk, quiz_id])
    response = client_for(entrepreneur).post(url, draw_post(data, names))
    assert response.status_code in (200, 400)


@hostile_settings
@given(data=st.data())
def test_session_proposal_and_reschedule_survive_hostile_input(data, accepted_match, client_for):
    from django.utils import timezone

    from mentors import selectors, services
    from mentors.enums import BookingStatus

    mentor = client_for(accepted_match.mentor.user)
    hostile_form_test(mentor, reverse("mentors:booking_propose", args=[accepted_match.pk]), data)
    booking = accepted_match.bookings.filter(
        status=BookingStatus.CONFIRMED, starts_at__gt=timezone.now()
    ).first()
    if booking is None:
        slot = selectors.free_slots(match=accepted_match)[-1]
        booking = services.booking_create(
            match=accepted_match, starts_at=slot, actor=accepted_match.participant.user
        )
    mentee = client_for(accepted_match.participant.user)
    hostile_form_test(mentee, reverse("mentors:booking_reschedule", args=[booking.pk]), data)


# --- refusals are explained in the page's language ----------------------------------------
# For the main forms, one refused input in Spanish and in English: the answer carries the
# message for that refusal in the language of the page (and not the other language's text),
# not merely "no server error".


def _in_language(lang, msgid):
    with translation.override(lang):
        return gettext(msgid)


def assert_refusal_explained(response, msgid, lang, status=200):
    """``response`` (a page in ``lang``) shows the refusal ``msgid`` translated to ``lang``."""
    other = "en" if lang == "es" else "es"
    expected, elsewhere = _in_language(lang, msgid), _in_language(other, msgid)
    assert expected != elsewhere, f"{msgid!r} has no Spanish translation"
    assert response.status_code == status, response.status_code
    text = html.unescape(response.content.decode())
    assert f'<html lang="{lang}"' in text
    assert expected in text, f"{lang} page lacks {expected!r}"
    assert elsewhere not in text, f"{lang} page shows {elsewhere!r}"


def _url(lang, name, *args):
    with translation.override(lang):
        return reverse(name, args=args)


LANGUAGES = pytest.mark.parametrize("lang", ["es", "en"])


@LANGUAGES
def test_application_step_refusal_is_explained(lang, draft, client_for):
    response = client_for(draft.user).post(
        _url(lang, "cohorts:step", draft.pk, "about"), {"phone": "llámame"}
    )
    msgid = "Write a phone number with digits only, e.g. +57 300 123 4567."
    assert_refusal_explained(response, msgid, lang)


@LANGUAGES
def test_booking_refusal_is_explained(lang, accepted_match, client_for):
    response = client_for(accepted_match.participant.user).post(
        _url(lang, "mentors:book"),
        {"hora": "1578322800", "mode": "virtual", "topic": "Precios"},  # 2020-01-06 15:00 UTC
    )
    assert_refusal_explained(response, "That time is no longer free. Please choose another.", lang)


@LANGUAGES
def test_sign_up_refusal_is_explained(lang, client):
    response = client.post(
        _url(lang, "account_signup"),
        {
            "email": "nueva@example.org",
            "full_name": "Ana Pérez",
            "password1": "a-Good-passw0rd-1",
            "password2": "another-Passw0rd-2",
        },
    )
    assert_refusal_explained(response, "You must type the same password each time.", lang)


@LANGUAGES
def test_session_log_refusal_is_explained(lang, past_booking, client_for):
    response = client_for(past_booking.mentor.user).post(
        _url(lang, "mentors:session_log", past_booking.pk), {"notes": "Sin resultado"}
    )
    # the sessions page again, with the mentor's notes kept (400: the form was refused)
    assert_refusal_explained(response, "Say what happened in the session.", lang, status=400)
    assert "Sin resultado" in response.content.decode()


@LANGUAGES
def test_payout_details_refusal_is_explained(lang, entrepreneur, client_for):
    response = client_for(entrepreneur).post(
        _url(lang, "pitchday:payout_details"), {"rail": "nequi", "holder_name": "Ana Pérez"}
    )
    assert_refusal_explained(response, "Enter the mobile number of the wallet.", lang)
