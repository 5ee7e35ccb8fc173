from conversations import demo
from conversations.enums import ReportKind, ReportStatus
from conversations.models import Conversation, Message, Report
from mentors.enums import BookingStatus
from semilla.enums import Role
from tests.factories.conversations import active_match, past_session


def test_demo_threads_and_reports_and_seeding_twice_adds_nothing(make_user):
    staff = make_user(Role.STAFF, email="equipo@demo.semilla.co")
    first = active_match()
    past_session(first, status=BookingStatus.CONFIRMED)
    active_match()
    demo.seed()
    counts = (Conversation.objects.count(), Message.objects.count(), Report.objects.count())
    demo.seed()
    assert (Conversation.objects.count(), Message.objects.count(), Report.objects.count()) == (
        counts
    )
    assert counts == (2, 6, 2)
    assert sorted(Report.objects.values_list("kind", "status")) == [
        (ReportKind.NO_SHOW, ReportStatus.NEW),
        (ReportKind.SAFEGUARDING, ReportStatus.RESOLVED),
    ]
    assert staff.pk in Report.objects.filter(status="resolved").values_list(
        "events__actor", flat=True
    )
