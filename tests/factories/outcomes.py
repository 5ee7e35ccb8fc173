"""Factories for outcomes: a cohort with its waves, answers in every state, alumni."""

import datetime

from django.utils import timezone

from outcomes.enums import ResponseChannel, ResponseStatus, WaveKind
from outcomes.models import Alumnus, Response, Wave
from outcomes.services import summary_refresh, waves_ensure
from tests.factories.cohorts import CohortFactory, ParticipantFactory


def ended_cohort(*, months_ago: int = 6, **kwargs):
    """A cohort whose last day was ``months_ago`` months (of 30 days) ago, so that the wave
    of that many months is open today."""
    today = timezone.localdate()
    ends_on = today - datetime.timedelta(days=30 * months_ago + 3)
    if months_ago == 6:
        from outcomes.services import _add_months

        # the 6-month wave opens on ends_on + 6 calendar months: make that 3 days ago
        ends_on = _add_months(today - datetime.timedelta(days=3), -6)
    starts_on = ends_on - datetime.timedelta(days=84)
    return CohortFactory(
        starts_on=starts_on,
        ends_on=ends_on,
        opens_at=timezone.now() - datetime.timedelta(days=400),
        closes_at=timezone.now() - datetime.timedelta(days=380),
        **kwargs,
    )


def wave_of(cohort, kind: str) -> Wave:
    waves = {w.kind: w for w in waves_ensure(cohort=cohort)}
    return waves[kind]


def make_response(*, participant=None, wave=None, kind=WaveKind.MONTH_6, **answers) -> Response:
    participant = participant or ParticipantFactory(cohort=ended_cohort())
    wave = wave or wave_of(participant.cohort, kind)
    if answers.get("status") == ResponseStatus.ANSWERED:
        answers.setdefault("answered_at", timezone.now())
        answers.setdefault("channel", ResponseChannel.SELF)
        answers.setdefault("business_status", "operating")
        answers.setdefault("confidence", 3)
    return Response.objects.create(wave=wave, participant=participant, **answers)


def make_alumnus(*, participant=None, **kwargs) -> Alumnus:
    participant = participant or ParticipantFactory(cohort=ended_cohort())
    return Alumnus.objects.create(
        user=participant.user,
        cohort=participant.cohort,
        since=participant.cohort.ends_on,
        **kwargs,
    )


def answer_values(n: int, *, after: bool) -> dict:
    """Plausible answers for person ``n``: at the follow-up most businesses still operate,
    sell a band more, employ a few more people and are more formal."""
    lift = 1 if after else 0
    operating = (n % 10) != 0 or not after
    paid = (n % 3) + lift
    return {
        "status": "answered",
        "channel": "self",
        "answered_at": timezone.now(),
        "business_status": "operating" if operating else "closed",
        "sales_from": min(6, n % 4 + lift),
        "sales_to": min(6, n % 4 + lift + (n % 2)),
        "workers_paid": paid,
        "workers_unpaid": 1,
        "workers_migrant": min(paid + 1, 1 + lift),
        "workers_receptor": 0,
        "new_hires": lift * (n % 2) if after else None,
        "has_rut": n % 2 == 0 or (after and n % 3 == 0),
        "has_chamber_registration": n % 5 == 0,
        "issues_invoices": n % 4 == 0 or (after and n % 4 == 1),
        "pays_social_security": n % 7 == 0,
        "has_account": n % 3 != 0 or after,
        "credit_applied": n % 3 == 0,
        "credit_obtained": n % 6 == 0 and after,
        "credit_source": "microfinance" if n % 6 == 0 and after else "",
        "document_type": "ppt" if after or n % 2 else "in_process",
        "confidence": min(5, 2 + n % 3 + lift),
    }


def bulk_answers(
    count: int,
    *,
    cohort=None,
    prefix: str = "resp",
    after: str = WaveKind.END,
    answered_after: float = 0.6,
):
    """``count`` participants (bulk inserted) with an answered baseline each and a pending
    or answered follow-up of wave ``after`` (the first ``answered_after`` share answered)."""
    from cohorts.models import Participant
    from tests.factories.reporting import bulk_applicants

    cohort = bulk_applicants(count * 2, cohort=cohort, prefix=prefix)
    waves = {w.kind: w for w in waves_ensure(cohort=cohort)}
    participants = list(
        Participant.objects.filter(cohort=cohort, user__email__startswith=prefix).order_by("pk")
    )
    rows = []
    for n, participant in enumerate(participants):
        rows.append(
            Response(
                wave=waves[WaveKind.BASELINE],
                participant=participant,
                **answer_values(n, after=False),
            )
        )
        if n < int(len(participants) * answered_after):
            rows.append(
                Response(wave=waves[after], participant=participant, **answer_values(n, after=True))
            )
        else:
            rows.append(Response(wave=waves[after], participant=participant))
    Response.objects.bulk_create(rows, batch_size=2000)
    summary_refresh(cohort_id=cohort.pk)
    return cohort


def story_index(language: str = "es"):
    """The success stories index under the home page of ``language`` (made when missing)."""
    from outcomes.models import StoryIndexPage
    from semilla.demo import seed_home_page
    from semilla.models import HomePage

    if not HomePage.objects.filter(locale__language_code=language).exists():
        seed_home_page()
    home = HomePage.objects.get(locale__language_code=language)
    existing = StoryIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    index = StoryIndexPage(title="Historias", slug="historias", locale_id=home.locale_id)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_story(*, person, publish: bool = False, index=None, **fields):
    """A story page about ``person`` (a draft unless ``publish``: publishing needs the
    person's consent)."""
    from outcomes.models import Alumnus, StoryPage

    index = index or story_index()
    n = StoryPage.objects.count() + 1
    page = StoryPage(
        title=fields.pop("title", f"Historia {n}"),
        slug=fields.pop("slug", f"historia-{n}-{person.pk}"),
        locale_id=index.locale_id,
        alumnus=Alumnus.objects.get(user=person),
        summary=fields.pop("summary", "Vende arepas en Cúcuta."),
        body=fields.pop("body", "<p>Empezó con un carrito.</p>"),
        business_name=fields.pop("business_name", "Arepas Doña Luz"),
        city=fields.pop("city", "cucuta"),
        live=False,
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_event(**fields):
    from outcomes.models import AlumniEvent

    fields.setdefault("title", "Encuentro de egresados")
    fields.setdefault("starts_at", timezone.now() + datetime.timedelta(days=14))
    fields.setdefault("place", "Biblioteca Julio Pérez Ferrero")
    fields.setdefault("city", "cucuta")
    fields.setdefault("capacity", 2)
    return AlumniEvent.objects.create(**fields)
