"""Employer partners: registration, review, posts, answers, hires and purchase orders."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from community import services
from community.enums import PartnerStatus, PostStatus
from community.models import (
    EmployerMembership,
    EmployerPartner,
    PartnerStatusChange,
    PostAnswer,
    PostStatusChange,
)
from semilla.enums import Role
from semilla.models import Notification
from semilla.transitions import InvalidTransition
from tests.factories import UserFactory, make_user
from tests.factories.community import make_alumna, make_partner, make_post

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "name": "Arepas del Norte SAS",
    "nit": "900123456",
    "city": "cucuta",
    "sector": "food",
    "size": "small",
    "contact_name": "Marta Ruiz",
    "contact_email": "talento@arepas.example",
}


def _titles(user):
    return list(Notification.objects.filter(user=user).values_list("template", flat=True))


def test_partner_register_applied_with_history_and_staff_told(django_capture_on_commit_callbacks):
    staff = make_user(Role.STAFF)
    with django_capture_on_commit_callbacks(execute=True):
        partner = services.partner_register(**REGISTRATION)
    assert partner.status == PartnerStatus.APPLIED
    assert list(partner.history.values_list("from_status", "to_status")) == [("", "applied")]
    assert _titles(staff) == ["community/employer_registered"]


def test_partner_register_same_nit_twice_is_refused():
    services.partner_register(**REGISTRATION)
    with pytest.raises(services.EmployerError):
        services.partner_register(**{**REGISTRATION, "name": "Otra"})
    assert EmployerPartner.objects.count() == 1


def test_partner_register_after_decline_is_allowed():
    first = services.partner_register(**REGISTRATION)
    services.partner_decide(partner=first, approve=False, actor=make_user(Role.STAFF))
    second = services.partner_register(**REGISTRATION)
    assert (second.status, second.slug) == ("applied", "arepas-del-norte-sas-2")


def test_partner_live_nit_is_unique_in_the_database():
    make_partner(nit="800111222", status="applied")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_partner(nit="800111222", status="approved")


def test_partner_approve_links_the_applicant_and_tells_them():
    applicant = UserFactory()
    partner = services.partner_register(**REGISTRATION, applicant=applicant)
    staff = make_user(Role.STAFF)
    services.partner_decide(partner=partner, approve=True, actor=staff, note="NIT en RUES")
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.APPROVED
    assert list(EmployerMembership.objects.values_list("user_id", flat=True)) == [applicant.pk]
    assert list(
        PartnerStatusChange.objects.filter(partner=partner).values_list(
            "from_status", "to_status", "actor_id", "note"
        )
    ) == [("", "applied", applicant.pk, ""), ("applied", "approved", staff.pk, "NIT en RUES")]
    assert _titles(applicant) == ["community/employer_approved"]


def test_partner_approve_without_applicant_creates_the_contact_account():
    partner = services.partner_register(**REGISTRATION)
    services.partner_decide(partner=partner, approve=True, actor=make_user(Role.STAFF))
    member = EmployerMembership.objects.get(partner=partner).user
    assert (member.email, member.full_name, member.has_usable_password()) == (
        "talento@arepas.example",
        "Marta Ruiz",
        False,
    )


def test_partner_approve_links_an_existing_account_of_the_contact():
    existing = UserFactory(email="Talento@Arepas.example")
    partner = services.partner_register(**REGISTRATION)
    services.partner_decide(partner=partner, approve=True, actor=make_user(Role.STAFF))
    assert list(EmployerMembership.objects.values_list("user_id", flat=True)) == [existing.pk]


def test_partner_decided_twice_is_refused():
    partner = services.partner_register(**REGISTRATION)
    staff = make_user(Role.STAFF)
    services.partner_decide(partner=partner, approve=False, actor=staff)
    with pytest.raises(InvalidTransition):
        services.partner_decide(partner=partner, approve=True, actor=staff)
    assert EmployerMembership.objects.count() == 0


def test_post_create_by_applied_partner_is_refused():
    member = UserFactory()
    partner = make_partner(status="applied", member=member)
    with pytest.raises(services.EmployerError):
        services.post_create(
            partner=partner,
            actor=member,
            kind="job",
            title="Mesero",
            description="Fines de semana",
            city="cucuta",
            closes_on=timezone.localdate() + datetime.timedelta(days=5),
        )


def test_post_create_opens_with_history():
    member = UserFactory()
    partner = make_partner(member=member)
    post = services.post_create(
        partner=partner,
        actor=member,
        kind="supplier",
        title="Proveedor de empaques",
        description="Cajas de cartón",
        city="bogota",
        closes_on=timezone.localdate(),
    )
    assert post.status == PostStatus.OPEN
    assert list(PostStatusChange.objects.values_list("to_status", flat=True)) == ["open"]


def test_post_close_then_reopen_records_both():
    member = UserFactory()
    post = make_post(make_partner(member=member))
    services.post_set_status(post=post, to="closed", actor=member)
    services.post_set_status(post=post, to="open", actor=member)
    post.refresh_from_db()
    assert (post.status, list(post.history.values_list("to_status", flat=True))) == (
        "open",
        ["closed", "open"],
    )


def test_answer_create_tells_the_partner_members():
    member = UserFactory()
    post = make_post(make_partner(member=member))
    alumna = make_alumna()
    answer = services.answer_create(
        post=post, user=alumna, message="Tengo experiencia", share_contact=True
    )
    assert (answer.user_id, answer.share_contact) == (alumna.pk, True)
    assert _titles(member) == ["community/post_answered"]


def test_answer_create_twice_is_refused():
    post = make_post(make_partner())
    alumna = make_alumna()
    services.answer_create(post=post, user=alumna, message="Hola", share_contact=True)
    with pytest.raises(services.EmployerError):
        services.answer_create(post=post, user=alumna, message="Otra vez", share_contact=True)
    assert PostAnswer.objects.count() == 1


def test_answer_one_per_person_and_post_in_the_database():
    post = make_post(make_partner())
    alumna = make_alumna()
    PostAnswer.objects.create(post=post, user=alumna, message="a", share_contact=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        PostAnswer.objects.create(post=post, user=alumna, message="b", share_contact=True)


def test_answer_without_consent_is_refused_and_impossible_in_the_database():
    post = make_post(make_partner())
    alumna = make_alumna()
    with pytest.raises(services.EmployerError):
        services.answer_create(post=post, user=alumna, message="Hola", share_contact=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        PostAnswer.objects.create(post=post, user=alumna, message="b", share_contact=False)


def test_answer_by_someone_not_in_a_cohort_is_refused():
    post = make_post(make_partner())
    with pytest.raises(services.EmployerError):
        services.answer_create(post=post, user=UserFactory(), message="Hola", share_contact=True)


def test_answer_by_withdrawn_participant_is_refused():
    post = make_post(make_partner())
    with pytest.raises(services.EmployerError):
        services.answer_create(
            post=post, user=make_alumna(status="withdrawn"), message="Hola", share_contact=True
        )


def test_answer_to_closed_post_is_refused():
    member = UserFactory()
    post = make_post(make_partner(member=member))
    services.post_set_status(post=post, to="closed", actor=member)
    with pytest.raises(services.EmployerError):
        services.answer_create(post=post, user=make_alumna(), message="Hola", share_contact=True)


def test_answer_to_post_past_its_closing_date_is_refused():
    post = make_post(make_partner(), days=-1)
    with pytest.raises(services.EmployerError):
        services.answer_create(post=post, user=make_alumna(), message="Hola", share_contact=True)


def test_answer_reply_tells_the_person():
    member = UserFactory()
    post = make_post(make_partner(member=member))
    alumna = make_alumna()
    answer = services.answer_create(post=post, user=alumna, message="Hola", share_contact=True)
    services.answer_reply(answer=answer, actor=member, reply="Te esperamos el lunes")
    answer.refresh_from_db()
    assert answer.reply == "Te esperamos el lunes"
    assert _titles(alumna) == ["community/answer_replied"]


def test_answer_reply_sent_twice_tells_the_person_once():
    member = UserFactory()
    post = make_post(make_partner(member=member))
    alumna = make_alumna()
    answer = services.answer_create(post=post, user=alumna, message="Hola", share_contact=True)
    for _ in range(2):
        services.answer_reply(answer=answer, actor=member, reply="Te esperamos el lunes")
    services.answer_reply(answer=answer, actor=member, reply="Mejor el martes")
    answer.refresh_from_db()
    assert (answer.reply, _titles(alumna)) == (
        "Mejor el martes",
        ["community/answer_replied", "community/answer_replied"],
    )


def test_hire_recorded_message_links_to_the_guides_it_mentions(
    django_capture_on_commit_callbacks,
):
    from django.urls import reverse

    from semilla.models import OutboxMessage

    alumna = make_alumna()
    with django_capture_on_commit_callbacks(execute=True):
        hire = services.hire_record(
            partner=make_partner(), user=alumna, on=timezone.localdate(), actor=None
        )
    body = OutboxMessage.objects.get(key=f"hire-recorded:{hire.pk}").body
    assert (
        "guías" in body,
        reverse("community:guides") in body,
        reverse("community:opportunities") in body,
    ) == (True, True, False)


def test_hire_record_keeps_cohort_and_post_city_and_tells_the_person():
    partner = make_partner(city="bogota")
    post = make_post(partner, city="medellin")
    alumna = make_alumna()
    cohort = alumna.participations.get().cohort
    hire = services.hire_record(
        partner=partner, user=alumna, post=post, on=timezone.localdate(), actor=None
    )
    assert (hire.cohort_id, hire.city) == (cohort.pk, "medellin")
    assert _titles(alumna) == ["community/hire_recorded"]


def test_hire_record_without_post_counts_in_the_cohort_city():
    partner = make_partner(city="bogota")
    alumna = make_alumna()
    hire = services.hire_record(partner=partner, user=alumna, on=timezone.localdate(), actor=None)
    assert hire.city == "cucuta"


def test_hire_record_with_another_partners_post_is_refused():
    post = make_post(make_partner())
    with pytest.raises(services.EmployerError):
        services.hire_record(
            partner=make_partner(),
            user=make_alumna(),
            post=post,
            on=timezone.localdate(),
            actor=None,
        )


def test_purchase_order_record_zero_amount_is_refused():
    with pytest.raises(services.EmployerError):
        services.purchase_order_record(
            partner=make_partner(),
            user=make_alumna(),
            on=timezone.localdate(),
            amount_minor=0,
            actor=None,
        )


def test_commitment_record_for_applied_partner_is_refused():
    with pytest.raises(services.EmployerError):
        services.commitment_record(
            partner=make_partner(status="applied"),
            kind="hires",
            description="Contratar 5 personas migrantes",
            target=5,
            year=2027,
            actor=None,
        )


@pytest.mark.parametrize("record", ["hire", "order"])
def test_a_result_for_someone_who_never_took_part_is_refused(record):
    """Hires and orders are the programme's results: the console offers only people who
    took part in a cohort, and the service refuses anyone else whoever calls it."""
    from tests.factories import make_user

    outsider = make_user(Role.ENTREPRENEUR)
    common = {"partner": make_partner(), "user": outsider, "on": timezone.localdate()}
    with pytest.raises(services.EmployerError):
        if record == "hire":
            services.hire_record(**common, actor=None)
        else:
            services.purchase_order_record(**common, amount_minor=120_000_000, actor=None)
