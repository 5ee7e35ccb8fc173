"""The loan-readiness checklist: built from the person's own data, each item with what to
do next."""

import pytest

from market.readiness import Facts, build_checklist, readiness_facts
from pitchday.money import GrantBalance

pytestmark = pytest.mark.django_db


def _done(items):
    return {item.key: item.done for item in items}


def test_checklist_with_nothing_known_lists_every_step_to_do():
    items = build_checklist(Facts())
    assert _done(items) == {
        "document": False,
        "account": False,
        "rut": False,
        "chamber": False,
        "invoices": False,
        "social_security": False,
        "grant": False,
        "survey": False,
    }


def test_checklist_reads_formalisation_and_a_paid_grant():
    grant = GrantBalance(
        grant_id=1, currency="COP", amount=100, committed=60, paid_out=40, released=0
    )
    items = build_checklist(
        Facts(
            document_type="ppt",
            answered_survey=True,
            has_account=True,
            has_rut=True,
            has_chamber_registration=False,
            issues_invoices=None,
            pays_social_security=True,
            grants=[grant],
        )
    )
    assert _done(items) == {
        "document": True,
        "account": True,
        "rut": True,
        "chamber": False,
        "invoices": False,
        "social_security": True,
        "grant": True,
    }


def test_checklist_document_in_process_is_not_ready_and_links_the_providers():
    item = build_checklist(Facts(document_type="in_process"))[0]
    assert (item.key, item.done, item.link.startswith("/es/apoya/finanzas/")) == (
        "document",
        False,
        True,
    )


def test_checklist_a_grant_not_paid_yet_is_not_a_track_record():
    grant = GrantBalance(
        grant_id=1, currency="COP", amount=100, committed=100, paid_out=0, released=0
    )
    items = build_checklist(Facts(grants=[grant]))
    assert _done(items)["grant"] is False


def test_readiness_facts_read_the_latest_answer_and_grants(django_assert_max_num_queries):
    from tests.factories.market import make_winner
    from tests.factories.outcomes import make_response

    user, award = make_winner()
    make_response(
        participant=award.pitch.participant,
        status="answered",
        has_rut=True,
        has_account=False,
        document_type="pep",
    )
    with django_assert_max_num_queries(5):
        facts = readiness_facts(user=user)
    assert (facts.has_rut, facts.has_account, facts.document_type, len(facts.grants)) == (
        True,
        False,
        "pep",
        1,
    )
