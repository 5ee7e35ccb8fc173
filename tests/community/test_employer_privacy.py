"""Employer partners' personal data: answers and memberships in the person's data download,
gone on erasure; hires kept, anonymised, for the indicators."""

import pytest
from django.utils import timezone

from community.models import EmployerMembership, Hire, PostAnswer
from semilla.privacy import services as privacy
from tests.factories import UserFactory
from tests.factories.community import make_alumna, make_partner, make_post

pytestmark = pytest.mark.django_db


def test_data_download_holds_answers_and_memberships():
    alumna = make_alumna()
    make_partner(member=alumna)
    post = make_post(make_partner())
    PostAnswer.objects.create(post=post, user=alumna, message="Sé hornear", share_contact=True)
    records = privacy.collect_person_data(user=alumna).records
    assert (
        [row["message"] for row in records["community.postanswer"]["rows"]],
        len(records["community.employermembership"]["rows"]),
    ) == (["Sé hornear"], 1)


def test_erasure_deletes_answers_and_memberships_and_keeps_hires():
    alumna = make_alumna()
    partner = make_partner(member=alumna)
    post = make_post(make_partner(member=UserFactory()))
    PostAnswer.objects.create(post=post, user=alumna, message="Sé hornear", share_contact=True)
    Hire.objects.create(
        partner=partner, user=alumna, city="cucuta", on=timezone.localdate(), cohort=None
    )
    privacy.person_erase(user=alumna)
    assert (
        PostAnswer.objects.filter(user=alumna).count(),
        EmployerMembership.objects.filter(user=alumna).count(),
        Hire.objects.filter(user=alumna).count(),
    ) == (0, 0, 1)
