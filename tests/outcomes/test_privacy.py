"""Outcome answers are in the person's data download and go with them on erasure: the
story and the directory card are removed, the measures stay without a name, and the
dashboard's sums do not change (they never held the person)."""

from outcomes.enums import WaveKind
from outcomes.models import Alumnus, OutcomeSummary, Response
from outcomes.services import summary_refresh
from semilla.privacy import services as privacy
from tests.factories.outcomes import make_alumnus, make_response


def test_answers_and_alumni_card_in_the_data_download(participant):
    make_response(
        participant=participant,
        kind=WaveKind.END,
        status="answered",
        story="Abrí un local",
        story_consent=True,
    )
    make_alumnus(participant=participant, listed=True, business_name="Arepas")
    data = privacy.collect_person_data(user=participant.user)
    answers = data.records["outcomes.response"]["rows"]
    cards = data.records["outcomes.alumnus"]["rows"]
    assert ([a["story"] for a in answers], [c["business_name"] for c in cards]) == (
        ["Abrí un local"],
        ["Arepas"],
    )


def test_erasure_blanks_the_story_deletes_the_card_and_keeps_the_sums(participant):
    response = make_response(
        participant=participant,
        kind=WaveKind.END,
        status="answered",
        story="Abrí un local",
        story_consent=True,
        workers_paid=2,
    )
    make_alumnus(participant=participant, listed=True, business_name="Arepas")
    summary_refresh(cohort_id=participant.cohort_id)
    before = sorted(OutcomeSummary.objects.values_list("dimension", "value", "sums"))
    privacy.person_erase(user=participant.user)
    response.refresh_from_db()
    assert (response.story, response.story_consent, response.workers_paid) == ("", False, 2)
    assert Alumnus.objects.count() == 0
    summary_refresh(cohort_id=participant.cohort_id)
    after = sorted(OutcomeSummary.objects.values_list("dimension", "value", "sums"))
    assert after == before
    assert Response.objects.count() == 1
