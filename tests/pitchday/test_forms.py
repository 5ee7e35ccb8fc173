"""Money is typed and shown in pesos and cleaned to minor units by the form field, so no
view converts units (issue 16)."""

import pytest

from pitchday.forms.events import AwardsForm
from pitchday.forms.fields import PesosField


def test_pesos_field_cleans_typed_pesos_to_minor_units():
    assert PesosField().clean("$1.200.000") == 120_000_000


def test_pesos_field_shows_a_stored_amount_in_pesos():
    assert PesosField().prepare_value(6_000_000_00) == 6_000_000


def test_pesos_field_shows_typed_text_as_typed():
    assert PesosField().prepare_value("1.200") == "1.200"


def test_awards_form_shows_pesos_and_allocates_minor_units():
    form = AwardsForm(pitch_ids=[7], initial={7: 2_500_000_00})
    assert form["pitch_7"].value() == 2_500_000
    bound = AwardsForm({"pitch_7": "3000000"}, pitch_ids=[7], initial={7: 0})
    assert bound.is_valid()
    assert bound.allocation() == {7: 3_000_000_00}


@pytest.mark.django_db
def test_console_award_budget_is_typed_in_pesos():
    from pitchday.wagtail_hooks import PitchEventForm

    form = PitchEventForm()
    assert form["award_budget"].field.clean("40.000.000") == 40_000_000_00
