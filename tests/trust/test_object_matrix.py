"""Permission matrix of the URLs that take an argument (an object's id, slug, code or token),
asked by every person of the ``people`` fixture (tests/trust/conftest.py): anonymous, an
entrepreneur and another one, a mentor and another one, a reviewer, a judge and another one,
programme staff, finance and a funder.

HOW TO ADD A ROW (one line per URL, in ``OBJECT_MATRIX`` below):

    #  url name          method  maker        owner  gets  others  anonymous  per-role differences
    R("cohorts:document", "get", document,    E,     200,  404,    LOGIN,     also={STAFF: 200}),

* ``maker(people)`` builds the object for ``people[owner]`` and returns the URL's ``args``
  (a list), or ``(args, post_data)`` for a POST. Reuse a maker below or add a small one.
* ``owner``: the person the object belongs to (a key of ``people``, or ``"anonymous"`` for
  public URLs); ``gets``: their answer (200, or 302 after a POST).
* ``others``: the answer for every other signed-in person: 404 for someone else's object
  (its existence is not revealed), 403 for a desk of a role they do not hold, or ``ANYONE``
  when every signed-in person may use the URL (they get the owner's answer).
* ``anonymous``: ``LOGIN`` (redirect to the log-in page with ``?next=``), or the status for
  public URLs.
* ``also={person: answer}``: people other than the owner who may use it too (programme
  staff reading an application's document, the mentee adding a goal to the match...).
* ``refused={person: answer}``: a refused person whose answer differs from ``others`` (a
  judge not on the panel gets 404 where other roles get 403).

Refused people ask first; none of them may write a row in Semilla's own tables, anonymous
included (public pages write nothing either). Then the owner and the ``also`` people ask.
The expected answers are what the product should do, read from each view's permission code
and DESIGN.md's roles; a row that disagrees with the code is a bug to report, never a
leak written down as expected.

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
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories.cohorts import (
    ApplicationFactory,
    DraftApplicationFactory,
    ParticipantFactory,
    ReviewAssignmentFactory,
)
from tests.factories.files import pdf_bytes
from tests.factories.mentors import (
    MatchFactory,
    MentorProfileFactory,
    make_booking,
    mentor_available_every_day,
)
from tests.factories.pitchday import (
    make_confirmed_details,
    make_event,
    make_fund,
    make_grant,
    make_judge,
    make_pitch,
)
from tests.trust.test_permission_matrix import LOGIN, MATRIX

pytestmark = pytest.mark.django_db

PDF = pdf_bytes()
#: Semilla's own apps: an unauthorised request must leave all their rows as they were
OUR_APPS = (
    "semilla",
    "cohorts",
    "mentors",
    "pitchday",
    "curriculum",
    "community",
    "outcomes",
    "conversations",
    "market",
)


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


def module_bundle(people):
    return [_course().modules[0].pk]


def offline_quiz(people):
    import uuid

    args, data = quiz(people)
    return args, {**data, "client_id": str(uuid.uuid4())}


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


def conversation_match(people):
    return [_accepted_match(people).pk]


def missed_session(people):
    return [_past_booking(people).pk]


def match_end(people):
    return [_accepted_match(people).pk], {"reason": "No podemos coincidir en horarios."}


def directory_mentor(people):
    participant = ParticipantFactory(user=people["entrepreneur"])
    type(participant.cohort).objects.filter(pk=participant.cohort_id).update(
        allow_mentor_directory=True
    )
    return [MentorProfileFactory().pk], {}


def _future_booking(people):
    from mentors import selectors, services

    match = _accepted_match(people)
    start = selectors.free_slots(match=match)[2]
    return services.booking_create(match=match, starts_at=start, actor=match.participant.user)


def _past_booking(people):
    return make_booking(_accepted_match(people), timezone.now() - datetime.timedelta(hours=3))


def booking_cancel(people):
    return [_future_booking(people).pk], {"reason": "Me surgió un viaje."}


def session_log(people):
    data = {"outcome": "held", "duration_minutes": "50", "notes": "Costos", "action_items": "X"}
    return [_past_booking(people).pk], data


def _log(people):
    from mentors import services

    return services.session_log(
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
    from mentors import selectors, services

    match = _accepted_match(people)
    start = selectors.free_slots(match=match)[2]
    booking = services.booking_propose(match=match, starts_at=start, actor=people["mentor"])
    return [booking.pk], {"accept": "1"}


def future_booking(people):
    return [_future_booking(people).pk]


def book_timezone(people):
    _accepted_match(people)
    return [], {"timezone": "America/Caracas"}


def match_goal(people):
    return [_accepted_match(people).pk], {"title": "Saber el costo de cada producto"}


def goal(people):
    from mentors import services

    match = _accepted_match(people)
    item = services.goal_add(match=match, actor=people["mentor"], title="Costos")
    return [item.pk], {"status": "achieved"}


def match_pk(people):
    return [_accepted_match(people).pk]


def calendar_token(people):
    from mentors import services

    return [services.calendar_feed_token(user=people["entrepreneur"])]


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


def application(people):
    return [ApplicationFactory(user=people["entrepreneur"]).pk]


def withdraw(people):
    return application(people), {"note": "Ya no puedo participar."}


def offer(people):
    accepted = ApplicationFactory(user=people["entrepreneur"], status="accepted")
    return [accepted.pk], {"action": "confirm"}


def assignment(people):
    return [ReviewAssignmentFactory(reviewer=people["reviewer"]).pk]


def abstain(people):
    return assignment(people), {"reason": "conflict"}


def proposed_match(data):
    def maker(people):
        participant = ParticipantFactory(user=people["entrepreneur"])
        match = MatchFactory(participant=participant, mentor=people["mentor"].mentor_profile)
        return [match.pk], dict(data)

    return maker


def _judged_pitch(people, **kwargs):
    event, pitch = _event_with_pitch(people, **kwargs)
    make_judge(event, people["judge"])
    return event, pitch


def judge_event(people):
    return [_judged_pitch(people)[0].pk]


def judge_pitch(people):
    event, pitch = _judged_pitch(people)
    return [event.pk, pitch.pk]


def score(people):
    event, pitch = _judged_pitch(people, status="scoring")
    criterion = event.rubric.criteria.first()
    return [event.pk, pitch.pk], {"criterion": str(criterion.pk), "value": "9"}


def comment(people):
    event, pitch = _judged_pitch(people, status="scoring")
    return [event.pk, pitch.pk], {"comment": "Muy clara la propuesta."}


def paid_with_proof(people):
    from pitchday.models import Disbursement

    args, _data = requested_disbursement(people)
    paid = Disbursement.objects.get(pk=args[0])
    paid.proof.save("comprobante.pdf", ContentFile(PDF), save=False)
    paid.proof_content_type = "application/pdf"
    paid.save(update_fields=["proof", "proof_content_type"])
    return [paid.pk]


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


def notification(people):
    from semilla.models import Notification

    item = Notification.objects.create(
        user=people["entrepreneur"], kind="account", template="t", title="Hola"
    )
    return [item.pk]


def alumni_invitation(people):
    from outcomes.models import AlumniInvitation
    from tests.factories.outcomes import make_alumnus, make_event

    alumnus = make_alumnus(participant=ParticipantFactory(user=people["entrepreneur"]))
    invitation = AlumniInvitation.objects.create(
        alumnus=alumnus, kind="event", event=make_event(capacity=5)
    )
    return [invitation.pk], {"answer": "yes"}


def showcase(people):
    from tests.factories.market import make_profile

    return [make_profile(user=people["entrepreneur"]).pk]


def routed_interest(people):
    from tests.factories.market import make_interest, make_profile

    interest = make_interest(profile=make_profile(user=people["entrepreneur"]), status="routed")
    return [interest.pk], {"answer": "agree"}


def new_interest(people):
    from tests.factories.market import make_interest, make_profile

    return [make_interest(profile=make_profile(user=people["entrepreneur"])).pk]


def new_interest_route(people):
    return [*new_interest(people), "route"], {}


def referral(people):
    from tests.factories.market import make_referral

    return [make_referral(user=people["entrepreneur"]).pk], {"to": "applied"}


# community: employer partners. The owner (E) acts for an approved partner; the other
# entrepreneur acts for another approved partner (the "wrong employer"); staff and every
# other role act for none.


def _two_partners(people):
    from tests.factories.community import make_partner

    mine = make_partner(member=people["entrepreneur"])
    make_partner(member=people["other_entrepreneur"])
    return mine


def public_partner(people):
    from tests.factories.community import make_partner

    return [make_partner(pledge="Aceptamos el PPT").slug]


def own_post(people):
    from tests.factories.community import make_post

    return [make_post(_two_partners(people)).pk]


def own_post_close(people):
    return own_post(people), {"to": "closed"}


def own_answer(people):
    from community.models import PostAnswer
    from tests.factories.community import make_alumna, make_post

    post = make_post(_two_partners(people))
    answer = PostAnswer.objects.create(
        post=post, user=make_alumna(), message="Hola", share_contact=True
    )
    return [answer.pk], {"reply": "Gracias"}


def open_opportunity(people):
    from tests.factories.cohorts import ParticipantFactory
    from tests.factories.community import make_partner, make_post

    ParticipantFactory(user=people["entrepreneur"], status="completed")
    return [make_post(make_partner()).pk]


ANYONE = "anyone"  # ``others``: every signed-in person may use the URL, like the owner


class R(NamedTuple):
    name: str
    method: str
    maker: object
    owner: str
    owner_gets: int
    others: object
    anonymous: object
    #: people who may use the URL too (other than the owner): key of ``people`` -> answer
    also: dict | None = None
    #: refused people whose answer differs from ``others``: key of ``people`` -> answer
    refused: dict | None = None


E, OE, M = "entrepreneur", "other_entrepreneur", "mentor"
STAFF, FIN = "programme_staff", "finance"
MANAGERS = {STAFF: 200, FIN: 200}  # grant_get_for_user: the grantee, staff and finance

# fmt: off
OBJECT_MATRIX = [
    #  url name                              method  maker                owner        gets  others  anonymous  per-role differences
    # cohorts: public cohort pages; the applicant's own application, documents, participation
    R("cohorts:detail",                      "get",  cohort_slug,         "anonymous", 200,  ANYONE, 200),
    R("cohorts:prescreen",                   "get",  cohort_slug,         "anonymous", 200,  ANYONE, 200),
    R("cohorts:start",                       "post", lambda p: (cohort_slug(p), {}), E, 302, ANYONE, LOGIN),
    R("cohorts:step",                        "get",  draft_step,          E,           200,  404,    LOGIN),
    R("cohorts:document",                    "get",  document,            E,           200,  404,    LOGIN, also={STAFF: 200}),
    R("cohorts:document_delete",             "post", draft_document,      E,           302,  404,    LOGIN),
    R("cohorts:application",                 "get",  application,         E,           200,  404,    LOGIN),
    R("cohorts:withdraw",                    "post", withdraw,            E,           302,  404,    LOGIN),
    R("cohorts:offer",                       "post", offer,               E,           302,  404,    LOGIN),
    # reviewers: the assigned reviewer only (another reviewer: 404; other roles: 403)
    R("cohorts:review",                      "get",  assignment,          "reviewer",  200,  403,    LOGIN, refused={"other_reviewer": 404}),
    R("cohorts:review_abstain",              "post", abstain,             "reviewer",  302,  403,    LOGIN, refused={"other_reviewer": 404}),
    R("cohorts:participant",                 "get",  participant_slug,    E,           200,  404,    LOGIN),
    # curriculum: lessons are for every signed-in learner; quizzes are graded for anyone
    R("curriculum:lesson_complete",          "post", lesson_complete,     E,           302,  ANYONE, LOGIN),
    R("curriculum:quiz_submit",              "post", quiz,                E,           200,  ANYONE, 200),
    R("curriculum:quiz_submit_offline",      "post", offline_quiz,        E,           200,  ANYONE, 200),
    R("curriculum:offline_bundle",           "get",  module_bundle,       "anonymous", 200,  ANYONE, 200),
    R("curriculum:certificate",              "get",  certificate,         E,           200,  404,    LOGIN),
    R("curriculum:verify",                   "get",  certificate,         "anonymous", 200,  ANYONE, 200),
    # mentors: the match's mentor and mentee only (staff see a match, but do not act in it)
    R("mentors:match_detail",                "get",  match_pk,            M,           200,  404,    LOGIN, also={E: 200, STAFF: 200}),
    R("mentors:match_accept",                "post", proposed_match({}),  M,           302,  404,    LOGIN),
    R("mentors:match_decline",               "post", proposed_match({"reason": "other"}), M, 302, 404, LOGIN),
    R("mentors:match_end_request",           "post", match_end,           M,           302,  404,    LOGIN, also={E: 302}),
    R("mentors:directory_request",           "post", directory_mentor,    E,           302,  404,    LOGIN),
    R("mentors:booking_cancel",              "post", booking_cancel,      E,           302,  404,    LOGIN, also={M: 302}),
    # the mentee sees the booking but only the mentor logs it: refused with a message
    R("mentors:session_log",                 "post", session_log,         M,           302,  404,    LOGIN, refused={E: 302}),
    R("mentors:session_confirm",             "post", session_confirm,     E,           302,  404,    LOGIN),
    R("mentors:action_item_toggle",          "post", action_item,         E,           302,  404,    LOGIN),
    R("mentors:booking_propose",             "get",  match_pk,            M,           200,  404,    LOGIN),
    R("mentors:booking_respond",             "post", proposal,            E,           302,  404,    LOGIN),
    R("mentors:booking_reschedule",          "get",  future_booking,      E,           200,  404,    LOGIN, also={M: 200}),
    # "Add to calendar": the session's two people only
    R("mentors:booking_calendar",            "get",  future_booking,      E,           200,  404,    LOGIN, also={M: 200}),
    # the booking page's time zone: the mentee of an active mentorship (her own account)
    R("mentors:book_timezone",               "post", book_timezone,       E,           302,  404,    LOGIN),
    R("mentors:goal_add",                    "post", match_goal,          M,           302,  404,    LOGIN, also={E: 302}),
    R("mentors:goal_status",                 "post", goal,                M,           302,  404,    LOGIN, also={E: 302}),
    R("mentors:calendar_feed",               "get",  calendar_token,      "anonymous", 200,  ANYONE, 200),
    # pitchday events: participants of the event's cohort, its judges, programme staff
    R("pitchday:event_detail",               "get",  event,               E,           200,  404,    LOGIN, also={STAFF: 200}),
    R("pitchday:event_transition",           "post", event_post({"to": "closed"}), STAFF, 302, 403, LOGIN),
    R("pitchday:judge_invite",               "post", event_post({"email": "x@example.org"}), STAFF, 302, 403, LOGIN),
    R("pitchday:judge_respond",              "post", invited_judge,       "judge",     302,  404,    LOGIN),
    R("pitchday:judge_home",                 "get",  judge_event,         "judge",     200,  403,    LOGIN, refused={"other_judge": 404}),
    R("pitchday:judge_pitch",                "get",  judge_pitch,         "judge",     200,  403,    LOGIN, refused={"other_judge": 404}),
    R("pitchday:score_save",                 "post", score,               "judge",     302,  403,    LOGIN, refused={"other_judge": 404}),
    R("pitchday:comment_save",               "post", comment,             "judge",     302,  403,    LOGIN, refused={"other_judge": 404}),
    R("pitchday:judge_conflict",             "post", judge_conflict,      "judge",     302,  403,    LOGIN, refused={"other_judge": 404}),
    R("pitchday:running_order",              "post", event_post({"action": "generate"}), STAFF, 302, 403, LOGIN),
    R("pitchday:pitch_submit",               "get",  event,               E,           200,  404,    LOGIN),
    R("pitchday:deck_file",                  "get",  deck,                E,           200,  404,    LOGIN, also={STAFF: 200}),
    R("pitchday:leaderboard",                "get",  event,               STAFF,       200,  403,    LOGIN),
    R("pitchday:awards",                     "get",  event,               STAFF,       200,  403,    LOGIN),
    R("pitchday:my_results",                 "get",  published_event,     E,           200,  404,    LOGIN),
    R("pitchday:winners",                    "get",  published_event,     "anonymous", 200,  ANYONE, 200),
    R("pitchday:audience_vote",              "get",  vote_token,          OE,          200,  ANYONE, LOGIN),
    R("pitchday:vote_qr",                    "get",  vote_event,          STAFF,       200,  403,    LOGIN),
    # pitchday grants: the grantee, and the grants desk by role (funders: aggregates only)
    R("pitchday:grant_detail",               "get",  grant_reference,     E,           200,  404,    LOGIN, also=MANAGERS),
    R("pitchday:desk_grant",                 "get",  grant_reference,     STAFF,       200,  403,    LOGIN, also={FIN: 200}),
    R("pitchday:grant_agreement",            "get",  grant_reference,     E,           200,  404,    LOGIN, also=MANAGERS),
    R("pitchday:milestone_detail",           "get",  milestone,           E,           200,  404,    LOGIN, also=MANAGERS),
    R("pitchday:evidence_file",              "get",  evidence,            E,           200,  404,    LOGIN, also=MANAGERS),
    R("pitchday:use_of_funds_export",        "get",  grant_reference,     STAFF,       200,  403,    LOGIN, also={FIN: 200, "funder": 200}),
    R("pitchday:desk_request_payment",       "post", tranche,             STAFF,       302,  403,    LOGIN),
    R("pitchday:desk_milestone_review",      "post", submitted_milestone, STAFF,       302,  403,    LOGIN),
    R("pitchday:desk_disbursement_action",   "post", requested_disbursement, FIN,      302,  403,    LOGIN, also={STAFF: 302}),
    R("pitchday:desk_request_payout_update", "post", payout_update,       STAFF,       302,  403,    LOGIN, also={FIN: 302}),
    R("pitchday:disbursement_proof",         "get",  paid_with_proof,     STAFF,       200,  403,    LOGIN, also={FIN: 200}),
    R("pitchday:contribute",                 "get",  fund,                "anonymous", 200,  ANYONE, 200),
    # community: employer partners (public page; the partner's own posts and answers; the
    # open posts for participants and alumni)
    R("community:partner",                   "get",  public_partner,      "anonymous", 200,  ANYONE, 200),
    R("community:employer_post",             "get",  own_post,            E,           200,  404,    LOGIN),
    R("community:employer_post_status",      "post", own_post_close,      E,           302,  404,    LOGIN),
    R("community:answer_reply",              "post", own_answer,          E,           302,  404,    LOGIN),
    R("community:opportunity",               "get",  open_opportunity,    E,           200,  404,    LOGIN),
    # privacy: the person's own exports and consents
    R("privacy:export_file",                 "get",  data_export,         E,           200,  404,    LOGIN),
    R("privacy:revoke",                      "post", consent_purpose,     E,           302,  ANYONE, LOGIN),
    # conversations: the match's mentor and mentee only (staff read a thread only in the
    # console, and only when a report about the match exists: tests/conversations)
    R("conversations:thread",                "get",  conversation_match,  E,           200,  404,    LOGIN, also={M: 200}),
    R("conversations:concern",               "get",  conversation_match,  E,           200,  404,    LOGIN, also={M: 200}),
    R("conversations:no_show",               "get",  missed_session,      E,           200,  404,    LOGIN, also={M: 200}),
    # market: public showcase pages; her answer to an interest; referrals (hers, and staff)
    R("market:showcase_detail",              "get",  showcase,            "anonymous", 200,  ANYONE, 200),
    R("market:interest_create",              "get",  showcase,            "anonymous", 200,  ANYONE, 200),
    R("market:interest_answer",              "post", routed_interest,     E,           302,  404,    LOGIN),
    R("market:referral_move",                "post", referral,            E,           302,  404,    LOGIN, also={STAFF: 302}),
    R("market:desk_interest",                "get",  new_interest,        STAFF,       200,  403,    LOGIN),
    R("market:desk_interest_action",         "post", new_interest_route,  STAFF,       302,  403,    LOGIN),
    # the notification centre: one's own notifications only
    R("semilla:notification_read",           "post", notification,        E,           302,  404,    LOGIN),
    R("outcomes:invitation_answer",          "post", alumni_invitation,   E,           302,  404,    LOGIN),
]
# fmt: on

#: object URLs that only a hand-written permission test covers: none any more, every object
#: URL has a row above (the hand-written tests in test_permission_matrix.py and
#: test_more_permissions.py add detail: the object's state after a refused request...)
DEDICATED: set[str] = {
    # the signed survey link: anonymous, its person, other people and forged tokens in
    # tests/trust/test_permission_matrix.py::test_survey_link_opens_its_answer_only_for_its_person
    "outcomes:answer",
}


def snapshot():
    """Every row of Semilla's own tables (a change anywhere shows as a difference)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for label in OUR_APPS
        for model in apps.get_app_config(label).get_models()
    }


def write_count():
    """How many rows this connection has written so far (any table; None when the
    database cannot tell): a cheap test of whether a full snapshot is worth comparing."""
    queries = {
        "sqlite": "SELECT total_changes()",
        "postgresql": "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
        " FROM pg_stat_xact_all_tables",
    }
    if connection.vendor not in queries:
        return None
    with connection.cursor() as cursor:
        cursor.execute(queries[connection.vendor])
        return cursor.fetchone()[0]


def _request(client, method, url, data):
    response = client.post(url, data) if method == "post" else client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end: the download's file closes
    return response


def expected_answers(row, keys):
    """``{person: (answer, may_write)}`` for every person the matrix asks."""
    answers = {}
    for who in keys:
        if who == row.owner:
            answers[who] = (row.owner_gets, who != "anonymous")
        elif who == "anonymous":
            answers[who] = (row.anonymous, False)  # public pages write nothing either
        elif row.also and who in row.also:
            answers[who] = (row.also[who], True)
        elif row.others == ANYONE:
            answers[who] = (row.owner_gets, True)
        else:
            answers[who] = ((row.refused or {}).get(who, row.others), False)
    return answers


def _answered(response, expected) -> bool:
    if expected == LOGIN:
        return response.status_code == 302 and "/accounts/login/?next=" in response["Location"]
    return response.status_code == expected


def _changed_tables(before, after):
    return sorted(label for label in before if before[label] != after[label])


@pytest.mark.parametrize("row", OBJECT_MATRIX, ids=[row.name for row in OBJECT_MATRIX])
def test_object_url_answers_every_role_as_declared(row, people, client_for):
    """Every person of the ``people`` fixture asks the URL: the refused first, then the
    owner and everyone else allowed. After each refused request Semilla's tables are
    compared with one snapshot taken before them (only when the database says rows were
    written since; the snapshot is retaken after a wrongful write). All differences are
    listed together."""
    made = row.maker(people)
    args, data = made if isinstance(made, tuple) else (made, {})
    url = reverse(row.name, args=args)
    answers = expected_answers(row, people)
    refused = [who for who, (_answer, may_write) in answers.items() if not may_write]
    allowed = sorted(
        (who for who in answers if who not in refused), key=lambda who: who != row.owner
    )
    clients = {who: client_for(people[who]) for who in answers}  # signing in sets last_login
    problems = []
    before, writes = snapshot(), write_count()
    for who in refused + allowed:
        expected, may_write = answers[who]
        response = _request(clients[who], row.method, url, data)
        if not _answered(response, expected):
            where = response.get("Location", "")
            problems.append(f"{who}: expected {expected}, got {response.status_code} {where}")
        if not may_write and (writes is None or write_count() != writes):
            after = snapshot()
            if after != before:
                problems.append(f"{who} (refused) wrote to {_changed_tables(before, after)}")
                before = after
            writes = write_count()
    assert not problems, "\n".join([f"{row.name} {row.method.upper()} {url}", *problems])


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
