"""Values shown as words: what the crawler found shown as codes, fixed at the source."""

import pytest
from django import forms
from django.utils import translation

from cohorts.models import Application
from pitchday.models import GrantEvent
from semilla.console import ReadableColumn, readable_value


def test_empty_choice_reads_elige_in_spanish():
    class Form(forms.ModelForm):
        class Meta:
            model = Application
            fields = ["sex"]

    with translation.override("es"):
        assert str(Form().fields["sex"].choices[0][1]) == "Elige…"


def test_empty_choice_of_a_relation_reads_elige_in_spanish():
    class Form(forms.ModelForm):
        class Meta:
            model = Application
            fields = ["cohort"]

    with translation.override("es"):
        assert str(Form().fields["cohort"].empty_label) == "Elige…"


def test_application_needs_read_as_labels():
    application = Application(needs=["finance", "marketing"], languages=["es"])
    with translation.override("es"):
        assert (application.get_needs_display(), application.get_languages_display()) == (
            "Finanzas y contabilidad, Mercadeo",
            "Español",
        )


@pytest.mark.parametrize(
    ("action", "words"),
    [
        ("agreement_accepted", "Acuerdo aceptado"),
        ("offered", "Subvención ofrecida"),
        ("tranche_2_payable", "Tramo 2 listo para pagar"),
        ("milestone_1_reviewed", "Hito 1 revisado"),
    ],
)
def test_grant_history_reads_as_words(action, words):
    event = GrantEvent(action=action, from_status="offered", to_status="active")
    with translation.override("es"):
        assert (
            event.get_action_display(),
            event.get_from_status_display(),
            event.get_to_status_display(),
        ) == (words, "Ofrecida, esperando el acuerdo", "Activa")


def test_console_values_read_as_words():
    with translation.override("es"):
        assert [readable_value(v) for v in (True, False, None, [], "x")] == [
            "Sí",
            "No",
            "—",
            "—",
            "x",
        ]


def test_console_listing_column_reads_booleans_as_words():
    column = ReadableColumn("shortlisted")
    with translation.override("es"):
        assert column.get_value(Application(shortlisted=False)) == "No"


def test_consent_channel_reads_as_words():
    from semilla.models import ConsentRecord

    with translation.override("es"):
        assert ConsentRecord(channel="web").get_channel_display() == "Formulario web"


def test_console_list_of_records_never_fails():
    """A JSON list of records (a match's score components) is shown, not a server error."""
    assert readable_value([{"code": "needs"}, "es"]) == "{'code': 'needs'}, es"
