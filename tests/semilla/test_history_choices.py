"""StatusHistory.of(Enum) is the one way a history table gets its status choices
(issue 16): each table's ``from_status``/``to_status`` carry the labels of its status enum,
``from_status`` may be blank (a creation) and ``to_status`` may not."""

import pytest
from django.apps import apps

from semilla.transitions import StatusHistory

#: history table -> the enum of the status it records
TABLES = {
    "cohorts.ApplicationStatusChange": "cohorts.enums.ApplicationStatus",
    "mentors.MentorStatusChange": "mentors.enums.MentorStatus",
    "mentors.MatchStatusChange": "mentors.enums.MatchStatus",
    "pitchday.DisbursementTransition": "pitchday.enums.DisbursementStatus",
    "pitchday.EventLog": "pitchday.enums.EventStatus",
    "semilla.DataRequestEvent": "semilla.privacy.enums.DataRequestStatus",
}


def _enum(path: str):
    module, name = path.rsplit(".", 1)
    return getattr(__import__(module, fromlist=[name]), name)


@pytest.mark.parametrize(("label", "enum"), sorted(TABLES.items()))
def test_history_table_takes_its_choices_from_the_status_enum(label, enum):
    model = apps.get_model(label)
    choices = _enum(enum).choices
    from_status = model._meta.get_field("from_status")
    to_status = model._meta.get_field("to_status")
    assert (from_status.choices, from_status.blank) == (choices, True)
    assert (to_status.choices, to_status.blank) == (choices, False)
    assert issubclass(model, StatusHistory)


def test_history_row_shows_the_status_label():
    from mentors.enums import MentorStatus
    from mentors.models import MentorStatusChange

    row = MentorStatusChange(from_status="", to_status=MentorStatus.VETTED)
    assert row.get_to_status_display() == MentorStatus.VETTED.label


def test_of_gives_an_abstract_base_with_both_fields():
    from pitchday.enums import EventStatus

    base = StatusHistory.of(EventStatus)
    assert base._meta.abstract is True
    assert [f.name for f in base._meta.fields if f.name.endswith("_status")] == [
        "from_status",
        "to_status",
    ]
    assert base._meta.get_field("to_status").choices == EventStatus.choices
