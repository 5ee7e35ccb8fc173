"""Permission matrix of the URLs that take an argument (an object's id, slug, code or token).

HOW TO ADD A ROW (one line per URL, in ``OBJECT_MATRIX`` below):

    #  url name                  method  maker         owner            gets  other               gets  anonymous
    R("cohorts:step",            "get",  draft_step,   "entrepreneur",  200,  "other_entrepreneur", 404, LOGIN),

* ``maker(people)`` builds the object for ``people[owner]`` and returns the URL's ``args``
  (a list), or ``(args, post_data)`` for a POST. Reuse a maker below or add a small one.
* ``owner``: the person who may use the URL (a key of the ``people`` fixture, or
  ``"anonymous"`` for public URLs); ``gets``: their answer (200, or 302 after a POST).
* ``other``: someone who must not (another person of the same role for owned objects, a
  person without the role for role-protected desks), or ``None`` when every signed-in person
  may use the URL; their ``gets`` is 404 (someone else's object: existence not revealed) or
  403 (wrong role). Their request must write nothing.
* ``anonymous``: ``LOGIN`` (redirect to the log-in page with ``?next=``), or the status for
  public URLs. An anonymous request must write nothing either.

For each row the test asks as ``other`` first, then anonymous, comparing a snapshot of every
row of Semilla's own tables before and after each, then as ``owner``.
``test_every_url_pattern_has_a_permission_row`` fails, naming the URL, when a URL pattern of
ours has no row here, in ``test_permission_matrix.MATRIX`` (URLs without arguments) or in
``DEDICATED`` (URLs with a hand-written permission test).
"""

import datetime
from typing import NamedTuple

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.factories.cohorts import ApplicationFactory, DraftApplicationFactory, ParticipantFactory
from tests.factories.mentors import MatchFactory, MentorProfileFactory, mentor_available_every_day
from tests.factories.pitchday import (
    make_confirmed_details,
    make_event,
    make_fund,
    make_grant,
    make_judge,
    make_pitch,
)
from tests.trust.test_permission_matrix import LOGIN, MATRIX, assert_answer

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
#: Semilla's own apps: an unauthorised request must leave all their rows as they were
OUR_APPS = ("semilla", "cohorts", "mentors", "pitchday", "curriculum")


# --- makers: build the object for people[owner], return the URL's args (and POST data) -----


def cohort_slug(people):
    return [ApplicationFactory(user=people["entrepreneur"]).cohort.slug]


def draft_step(people):
    return [DraftApplicationFactory(user=people["entrepreneur"]).pk, "about"]


def _document(application):
    name = storages["private"].save("cohorts/trust/x.pdf", ContentFile(PDF))
    from cohorts.models import ApplicationDocument

    return ApplicationDocument.objects.create(
        application=application,
        kind="identity",
        storage_name=name,
        display_name="documento.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )


def document(people):
    return [_document(ApplicationFactory(user=people["entrepreneur"])).pk]


def draft_document(people):
    application = DraftApplicationFactory(user=people["entrepreneur"])
    return [application.pk, _document(application).pk], {}


def participant_slug(people):
    return [ParticipantFactory(user=people["entrepreneur"]).cohort.slug]


def _course():
    from tests.factories.curriculum import load_course

    return load_course()


def lesson_complete(people):
    return [_course().lessons[0].pk], {}


def quiz(people):
    from tests.factories.curriculum import correct_answers

    lesson = _course().lessons[0]
    quiz_id, answers = correct_answers(lesson)
    return [lesson.pk, quiz_id], {f"q{n}": a for n, a in enumerate(answers)}


def certificate(people):
    from curriculum.models import Certificate

    cert = Certificate.objects.create(
        user=people["entrepreneur"], course=None, course_title="Curso", recipient_name="Ana"
    )
    return [cert.code]


def _accepted_match(people):
    from mentors.enums import MatchStatus

    participant = ParticipantFactory(user=people["entrepreneur"])
    match = MatchFactory(
        participant=participant,
        mentor=people["mentor"].mentor_profile,
        status=MatchStatus.ACCEPTED,
    )
    mentor_available_every_day(match.mentor)
    return match


def match_end(people):
    return [_accepted_match(people).pk], {"reason": "No podemos coincidir en horarios."}


def directory_mentor(people):
    participant = ParticipantFactory(user=people["entrepreneur"])
    type(participant.cohort).objects.filter(pk=participant.cohort_id).update(
        allow_mentor_directory=True
    )
    return [MentorProfileFactory().pk], {}


def _future_booking(people):
    from mentors import session_services

    match = _accepted_match(people)
    start = session_services.free_slots(match=match)[2]
    return session_services.booking_create(
        match=match, starts_at=start, actor=match.participant.user
    )


def _past_booking(people):
    from mentors.models import Booking

    match = _accepted_match(people)
    start = timezone.now() - datetime.timedelta(hours=3)
    return Booking.objects.create(
        match=match,
        mentor=match.mentor,
        participant=match.participant,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )


def booking_cancel(people):
    return [_future_booking(people).pk], {"reason": "Me surgió un viaje."}


def session_log(people):
    data = {"outcome": "held", "duration_minutes": "50", "notes": "Costos", "action_items": "X"}
    return [_past_booking(people).pk], data


def _log(people):
    from mentors import session_services

    return session_services.session_log(
        booking=_past_booking(people),
        actor=people["mentor"],
        outcome="held",
        duration_minutes=50,
        action_items=["Hacer el flujo de caja"],
    )


def session_confirm(people):
    return [_log(people).pk], {"rating": "5", "comment": "Muy útil"}


def action_item(people):
    return [_log(people).action_items.get().pk], {"done": "1"}


def proposal(people):
    from mentors import session_services

    match = _accepted_match(people)
    start = session_services.free_slots(match=match)[2]
    booking = session_services.booking_propose(match=match, starts_at=start, actor=people["mentor"])
    return [booking.pk], {"accept": "1"}


def future_booking(people):
    return [_future_booking(people).pk]


def match_goal(people):
    return [_accepted_match(people).pk], {"title": "Saber el costo de cada producto"}


def goal(people):
    from mentors import session_services

    match = _accepted_match(people)
    item = session_services.goal_add(match=match, actor=people["mentor"], title="Costos")
    return [item.pk], {"status": "achieved"}


def match_pk(people):
    return [_accepted_match(people).pk]


def calendar_token(people):
    from mentors import session_services

    return [session_services.calendar_feed_token(user=people["entrepreneur"])]


def _event_with_pitch(people, **kwargs):
    participant = ParticipantFactory(user=people["entrepreneur"])
    event = make_event(cohort=participant.cohort, **kwargs)
    pitch = make_pitch(event, participant=participant)
    return event, pitch


def event(people):
    return [_event_with_pitch(people)[0].pk]


def event_post(data):
    def maker(people):
        return [_event_with_pitch(people)[0].pk], dict(data)

    return maker


def invited_judge(people):
    event, _pitch = _event_with_pitch(people)
    make_judge(event, people["judge"], accepted=False)
    return [event.pk], {"answer": "accept"}


def judge_conflict(people):
    event, pitch = _event_with_pitch(people)
    make_judge(event, people["judge"])
    return [event.pk], {"pitch": str(pitch.pk), "reason": "Es mi prima."}


def deck(people):
    _event, pitch = _event_with_pitch(people)
    pitch.deck.save("deck.pdf", ContentFile(PDF))
    return [pitch.pk]


def published_event(people):
    event, _pitch = _event_with_pitch(people, status="published", winners_public=True)
    return [event.pk]


def vote_token(people):
    return [_event_with_pitch(people, audience_vote=True)[0].vote_token]


def vote_event(people):
    return [_event_with_pitch(people, audience_vote=True)[0].pk]


def grant_reference(people):
    return [make_grant(grantee=people["entrepreneur"]).reference]


def milestone(people):
    grant = make_grant(grantee=people["entrepreneur"], accept=True)
    return [grant.reference, grant.tranches.get(number=2).milestone.pk]


def evidence(people):
    from pitchday.services import grants as grant_services

    grant = make_grant(grantee=people["entrepreneur"], accept=True)
    item = grant_services.evidence_add(
        milestone=grant.tranches.get(number=2).milestone,
        user=people["entrepreneur"],
        uploaded=SimpleUploadedFile("factura.pdf", PDF, "application/pdf"),
        kind="receipt",
    )
    return [item.pk]


def tranche(people):
    grant = make_grant(grantee=people["entrepreneur"], accept=True)
    make_confirmed_details(people["entrepreneur"])
    return [grant.tranches.get(number=1).pk], {"note": "Primer tramo"}


def submitted_milestone(people):
    from pitchday.services import grants as grant_services

    grant = make_grant(grantee=people["entrepreneur"], accept=True)
    item = grant.tranches.get(number=2).milestone
    grant_services.evidence_add(
        milestone=item,
        user=people["entrepreneur"],
        uploaded=SimpleUploadedFile("factura.pdf", PDF, "application/pdf"),
        kind="receipt",
    )
    grant_services.milestone_submit(milestone=item, user=people["entrepreneur"], report="Hecho")
    return [item.pk], {"decision": "approve", "note": "Bien"}


def requested_disbursement(people):
    from pitchday.services import disbursements

    grant = make_grant(grantee=people["entrepreneur"], accept=True)
    make_confirmed_details(people["entrepreneur"])
    requested = disbursements.disbursement_request(
        tranche=grant.tranches.get(number=1), actor=people["programme_staff"]
    )
    return [requested.pk, "cancel"], {"note": "Datos mal escritos"}


def payout_update(people):
    return [make_grant(grantee=people["entrepreneur"]).reference], {"reason": "Cuenta cerrada"}


def fund(people):
    return [make_fund(accepts_contributions=True).pk]


def data_export(people):
    from semilla.privacy.models import DataExport

    name = storages["private"].save("privacy/trust.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    export = DataExport.objects.create(
        user=people["entrepreneur"], status="ready", storage_name=name, ready_at=timezone.now()
    )
    return [export.pk]


def consent_purpose(people):
    from semilla.enums import ConsentPurpose

    return [ConsentPurpose.values[0]], {}


class R(NamedTuple):
    name: str
    method: str
    maker: object
    owner: str
    owner_gets: int
    other: str | None
    other_gets: int | None
    anonymous: object


E, OE = "entrepreneur", "other_entrepreneur"
STAFF = "programme_staff"

# fmt: off
OBJECT_MATRIX = [
    #  url name                                method  maker                 owner        gets  other           gets  anonymous
    # cohorts: public cohort pages; the applicant's own application, documents, participation
    R("cohorts:detail",                        "get",  cohort_slug,          "anonymous", 200,  None,           None, 200),
    R("cohorts:prescreen",                     "get",  cohort_slug,          "anonymous", 200,  None,           None, 200),
    R("cohorts:start",                         "post", lambda p: (cohort_slug(p), {}), E, 302, None,          None, LOGIN),
    R("cohorts:step",                          "get",  draft_step,           E,           200,  OE,             404,  LOGIN),
    R("cohorts:document",                      "get",  document,             E,           200,  OE,             404,  LOGIN),
    R("cohorts:document_delete",               "post", draft_document,       E,           302,  OE,             404,  LOGIN),
    R("cohorts:participant",                   "get",  participant_slug,     E,           200,  OE,             404,  LOGIN),
    # curriculum: lessons are for every signed-in learner; quizzes are graded for anyone
    R("curriculum:lesson_complete",            "post", lesson_complete,      E,           302,  None,           None, LOGIN),
    R("curriculum:quiz_submit",                "post", quiz,                 E,           200,  None,           None, 200),
    R("curriculum:certificate",                "get",  certificate,          E,           200,  OE,             404,  LOGIN),
    R("curriculum:verify",                     "get",  certificate,          "anonymous", 200,  None,           None, 200),
    # mentors: the match's mentor / mentee only
    R("mentors:match_end_request",             "post", match_end,            "mentor",    302,  "other_mentor", 404,  LOGIN),
    R("mentors:directory_request",             "post", directory_mentor,     E,           302,  OE,             404,  LOGIN),
    R("mentors:booking_cancel",                "post", booking_cancel,       E,           302,  OE,             404,  LOGIN),
    R("mentors:session_log",                   "post", session_log,          "mentor",    302,  "other_mentor", 404,  LOGIN),
    R("mentors:session_confirm",               "post", session_confirm,      E,           302,  OE,             404,  LOGIN),
    R("mentors:action_item_toggle",            "post", action_item,          E,           302,  OE,             404,  LOGIN),
    R("mentors:booking_propose",               "get",  match_pk,             "mentor",    200,  "other_mentor", 404,  LOGIN),
    R("mentors:booking_respond",               "post", proposal,             E,           302,  OE,             404,  LOGIN),
    R("mentors:booking_reschedule",            "get",  future_booking,       E,           200,  OE,             404,  LOGIN),
    R("mentors:goal_add",                      "post", match_goal,           "mentor",    302,  "other_mentor", 404,  LOGIN),
    R("mentors:goal_status",                   "post", goal,                 "mentor",    302,  "other_mentor", 404,  LOGIN),
    R("mentors:calendar_feed",                 "get",  calendar_token,       "anonymous", 200,  None,           None, 200),
    # pitchday events: participants of the event's cohort, its judges, programme staff
    R("pitchday:event_detail",                 "get",  event,                E,           200,  OE,             404,  LOGIN),
    R("pitchday:event_transition",             "post", event_post({"to": "closed"}), STAFF, 302, E,           403,  LOGIN),
    R("pitchday:judge_invite",                 "post", event_post({"email": "x@example.org"}), STAFF, 302, "judge", 403, LOGIN),
    R("pitchday:judge_respond",                "post", invited_judge,        "judge",     302,  "other_judge",  404,  LOGIN),
    R("pitchday:judge_conflict",               "post", judge_conflict,       "judge",     302,  "other_judge",  404,  LOGIN),
    R("pitchday:running_order",                "post", event_post({"action": "generate"}), STAFF, 302, E,     403,  LOGIN),
    R("pitchday:pitch_submit",                 "get",  event,                E,           200,  OE,             404,  LOGIN),
    R("pitchday:deck_file",                    "get",  deck,                 E,           200,  OE,             404,  LOGIN),
    R("pitchday:leaderboard",                  "get",  event,                STAFF,       200,  "judge",        403,  LOGIN),
    R("pitchday:awards",                       "get",  event,                STAFF,       200,  "finance",      403,  LOGIN),
    R("pitchday:my_results",                   "get",  published_event,      E,           200,  OE,             404,  LOGIN),
    R("pitchday:winners",                      "get",  published_event,      "anonymous", 200,  None,           None, 200),
    R("pitchday:audience_vote",                "get",  vote_token,           OE,          200,  None,           None, LOGIN),
    R("pitchday:vote_qr",                      "get",  vote_event,           STAFF,       200,  E,              403,  LOGIN),
    # pitchday grants: the grantee, and the grants desk by role
    R("pitchday:grant_agreement",              "get",  grant_reference,      E,           200,  OE,             404,  LOGIN),
    R("pitchday:milestone_detail",             "get",  milestone,            E,           200,  OE,             404,  LOGIN),
    R("pitchday:evidence_file",                "get",  evidence,             E,           200,  OE,             404,  LOGIN),
    R("pitchday:use_of_funds_export",          "get",  grant_reference,      STAFF,       200,  E,              403,  LOGIN),
    R("pitchday:desk_request_payment",         "post", tranche,              STAFF,       302,  E,              403,  LOGIN),
    R("pitchday:desk_milestone_review",        "post", submitted_milestone,  STAFF,       302,  "finance",      403,  LOGIN),
    R("pitchday:desk_disbursement_action",     "post", requested_disbursement, "finance", 302,  E,              403,  LOGIN),
    R("pitchday:desk_request_payout_update",   "post", payout_update,        STAFF,       302,  E,              403,  LOGIN),
    R("pitchday:contribute",                   "get",  fund,                 "anonymous", 200,  None,           None, 200),
    # privacy: the person's own exports and consents
    R("privacy:export_file",                   "get",  data_export,          E,           200,  OE,             404,  LOGIN),
    R("privacy:revoke",                        "post", consent_purpose,      E,           302,  None,           None, LOGIN),
]
# fmt: on

#: object URLs whose permissions a hand-written test covers (test_permission_matrix.py,
#: test_more_permissions.py), because they need more than one line to set up
DEDICATED = {
    "cohorts:application",
    "cohorts:withdraw",
    "cohorts:offer",
    "cohorts:review",
    "cohorts:review_abstain",
    "mentors:match_detail",
    "mentors:match_accept",
    "mentors:match_decline",
    "pitchday:grant_detail",
    "pitchday:desk_grant",
    "pitchday:judge_home",
    "pitchday:judge_pitch",
    "pitchday:score_save",
    "pitchday:comment_save",
    "pitchday:disbursement_proof",
}


def snapshot():
    """Every row of Semilla's own tables (a change anywhere shows as a difference)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for label in OUR_APPS
        for model in apps.get_app_config(label).get_models()
    }


def _request(client, method, url, data):
    response = client.post(url, data) if method == "post" else client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end: the download's file closes
    return response


@pytest.mark.parametrize("row", OBJECT_MATRIX, ids=[row.name for row in OBJECT_MATRIX])
def test_object_url_answers_as_declared(row, people, client_for):
    made = row.maker(people)
    args, data = made if isinstance(made, tuple) else (made, {})
    url = reverse(row.name, args=args)
    askers = [(row.other, row.other_gets)] if row.other else []
    askers.append(("anonymous", row.anonymous))
    for who, expected in askers:
        client = client_for(people[who])
        before = snapshot()
        response = _request(client, row.method, url, data)
        assert_answer(response, expected, context=f"{row.name} as {who}")
        if response.status_code not in (200, 302) or expected == LOGIN:
            assert snapshot() == before, f"{row.name}: {who} changed data"
    response = _request(client_for(people[row.owner]), row.method, url, data)
    assert_answer(response, row.owner_gets, context=f"{row.name} as {row.owner}")


def test_every_url_pattern_has_a_permission_row():
    """Lists each URL pattern of ours that no permission test covers."""
    from tests.url_coverage import our_patterns

    covered = set(MATRIX) | {row.name for row in OBJECT_MATRIX} | DEDICATED
    assert sorted(our_patterns() - covered) == []


def test_rows_are_unique_and_name_real_urls():
    from tests.url_coverage import our_patterns

    names = [row.name for row in OBJECT_MATRIX]
    assert len(names) == len(set(names))
    assert set(names) | DEDICATED <= our_patterns()
