import datetime

import pytest
from django.utils import timezone as django_timezone
from django.utils import translation
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cohorts.eligibility import Answers, Rules, age_on, evaluate, municipality_city
from cohorts.enums import VIRTUAL, BusinessStage
from semilla.enums import METRO_AREAS, City, DocumentType, PopulationGroup, Sector

TODAY = datetime.date(2026, 11, 27)
#: The machine running the suite may be busy: judge the rules, not the generation speed.
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
ALL_DOCS = frozenset(d.value for d in DocumentType if d != DocumentType.NONE)
places = st.sampled_from([p for ps in METRO_AREAS.values() for p in ps] + ["Pamplona", ""])
rules_st = st.builds(
    Rules,
    city=st.sampled_from([*City.values, VIRTUAL]),
    min_age=st.integers(14, 30),
    max_age=st.none() | st.integers(30, 70),
    require_local=st.booleans(),
    allowed_stages=st.frozensets(st.sampled_from(BusinessStage.values)),
    allowed_groups=st.frozensets(st.sampled_from(PopulationGroup.values)),
    accepted_documents=st.frozensets(st.sampled_from(DocumentType.values)),
    excluded_sectors=st.frozensets(st.sampled_from(Sector.values), max_size=4),
)
answers_st = st.builds(
    Answers,
    birth_date=st.dates(datetime.date(1940, 1, 1), TODAY),
    municipality=places,
    business_stage=st.sampled_from(BusinessStage.values),
    population_group=st.sampled_from(PopulationGroup.values),
    document_type=st.sampled_from(DocumentType.values),
    sector=st.sampled_from(Sector.values),
)


@relaxed
@given(rules_st, answers_st)
def test_every_refusal_has_a_plain_message(rules, answers):
    result = evaluate(rules, answers, today=TODAY)
    assert all(len(r.message) > 40 for r in result.reasons)
    assert result.eligible == (result.reasons == ())


@relaxed
@given(rules_st, answers_st)
def test_document_in_process_never_refuses_and_always_flags(rules, answers):
    answers = Answers(**{**answers.__dict__, "document_type": DocumentType.IN_PROCESS})
    result = evaluate(rules, answers, today=TODAY)
    assert "document" not in result.codes
    assert [f.code for f in result.flags] == ["document_in_process"]


@relaxed
@given(rules_st, answers_st)
def test_each_rule_refuses_exactly_when_it_is_broken(rules, answers):
    codes = evaluate(rules, answers, today=TODAY).codes
    age = age_on(answers.birth_date, TODAY)
    assert ("too_young" in codes) == (age < rules.min_age)
    assert ("too_old" in codes) == (
        age >= rules.min_age and rules.max_age is not None and age > rules.max_age
    )
    local = municipality_city(answers.municipality) == rules.city
    assert ("not_local" in codes) == (rules.require_local and rules.city != VIRTUAL and not local)
    assert ("stage" in codes) == bool(
        rules.allowed_stages and answers.business_stage not in rules.allowed_stages
    )
    assert ("group" in codes) == bool(
        rules.allowed_groups and answers.population_group not in rules.allowed_groups
    )
    assert ("document" in codes) == (
        answers.document_type != DocumentType.IN_PROCESS
        and answers.document_type not in rules.accepted_documents
    )
    assert ("sector" in codes) == (answers.sector in rules.excluded_sectors)


@relaxed
@given(answers_st)
def test_open_rules_accept_any_adult_anywhere(answers):
    rules = Rules(city=VIRTUAL, min_age=0, accepted_documents=ALL_DOCS | {DocumentType.NONE})
    assert evaluate(rules, answers, today=TODAY).eligible is True


@example(datetime.date(2000, 2, 29))
@relaxed
@given(st.dates(datetime.date(1950, 1, 1), datetime.date(2020, 12, 31)))
def test_age_on_birthday_counts_the_new_year(birth):
    try:
        birthday = birth.replace(year=birth.year + 18)
    except ValueError:  # born on 29 February: of age on 1 March in common years
        birthday = datetime.date(birth.year + 18, 3, 1)
    assert age_on(birth, birthday) == 18
    assert age_on(birth, birthday - datetime.timedelta(days=1)) == 17


def test_municipality_city_ignores_accents_and_case():
    assert (
        municipality_city("cucuta"),
        municipality_city(" Villa  del ROSARIO"),
        municipality_city("Itagui"),
        municipality_city("Pamplona"),
    ) == ("cucuta", "cucuta", "medellin", None)


# --- the rules run again after the pre-screen (database) --------------------------------


def _draft(**fields):
    from tests.factories.cohorts import DraftApplicationFactory

    return DraftApplicationFactory(document_type=DocumentType.IN_PROCESS, **fields)


def _reasons(application) -> list[str]:
    result = evaluate(
        Rules.for_cohort(application.cohort),
        Answers.from_application(application),
        today=django_timezone.localdate(),
    )
    return [r.message for r in result.reasons]


@pytest.mark.django_db
def test_application_submit_refused_when_an_answer_changed_after_the_prescreen():
    from cohorts import services
    from cohorts.enums import ApplicationStatus
    from cohorts.models import Application

    app = _draft()
    Application.objects.filter(pk=app.pk).update(municipality="Medellín", city=City.MEDELLIN)
    app.refresh_from_db()
    with pytest.raises(services.ServiceError) as refused:
        services.application_submit(application=app, actor=app.user)
    assert refused.value.message == " ".join(_reasons(app))
    assert _reasons(app) != []
    assert Application.objects.get(pk=app.pk).status == ApplicationStatus.DRAFT


@pytest.mark.django_db
def test_application_submit_accepts_the_same_draft_when_eligible():
    from cohorts import services
    from cohorts.enums import ApplicationStatus

    app = _draft()
    services.application_submit(application=app, actor=app.user)
    app.refresh_from_db()
    assert app.status == ApplicationStatus.SUBMITTED


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "codes"),
    [
        ({"municipality": "Medellín"}, {"not_local"}),
        (
            {"birth_date": django_timezone.localdate() - datetime.timedelta(days=15 * 365)},
            {"too_young"},
        ),
        ({"document_type": DocumentType.NONE}, {"document"}),
    ],
)
def test_application_save_step_reruns_the_rules_when_an_answer_changes(change, codes):
    from cohorts import services
    from cohorts.enums import ApplicationStatus
    from cohorts.models import Application

    app = _draft()
    Cohort = type(app.cohort)  # noqa: N806
    Cohort.objects.filter(pk=app.cohort_id).update(accepted_documents=[DocumentType.PPT])
    app.refresh_from_db()
    saved = services.application_save_step(
        application=app, step="about", data=change, actor=app.user
    )
    assert saved.refused is True
    assert saved.result.codes == codes
    kept = Application.objects.get(pk=app.pk)
    assert (kept.status, getattr(kept, next(iter(change)))) == (
        ApplicationStatus.DRAFT,
        next(iter(change.values())),
    )


@pytest.mark.django_db
def test_application_save_step_without_a_changed_answer_runs_no_rules():
    from cohorts import services

    app = _draft()
    saved = services.application_save_step(
        application=app,
        step="about",
        data={"municipality": app.municipality, "phone": "+57 300 000 0000"},
        actor=app.user,
    )
    assert (saved.result, saved.refused) == (None, False)


@pytest.mark.django_db
def test_application_save_step_back_to_an_eligible_answer_is_accepted():
    from cohorts import services

    app = _draft()
    services.application_save_step(
        application=app, step="about", data={"municipality": "Medellín"}, actor=app.user
    )
    saved = services.application_save_step(
        application=app, step="about", data={"municipality": "Cúcuta"}, actor=app.user
    )
    assert (saved.refused, saved.result.codes) == (False, frozenset())


def test_missing_birth_date_is_explained():
    open_rules = Rules(city=VIRTUAL, require_local=False, accepted_documents=ALL_DOCS)
    answers = Answers(
        birth_date=None,
        municipality="",
        business_stage=BusinessStage.EARLY,
        population_group=PopulationGroup.RECEPTOR_COMMUNITY,
        document_type=DocumentType.CEDULA,
        sector=Sector.FOOD,
    )
    with translation.override("en"):
        result = evaluate(open_rules, answers, today=TODAY)
    assert [(r.code, r.message) for r in result.reasons] == [
        ("age_missing", "Tell us your date of birth.")
    ]


def test_rules_and_answers_read_every_field_of_the_cohort_and_application():
    from cohorts.models import Application, Cohort

    cohort = Cohort(
        city=City.CALI,
        min_age=21,
        max_age=40,
        require_local=False,
        allowed_stages=[BusinessStage.EARLY],
        allowed_groups=[PopulationGroup.RECEPTOR_COMMUNITY],
        accepted_documents=[DocumentType.CEDULA],
        excluded_sectors=[Sector.FOOD],
    )
    assert Rules.for_cohort(cohort) == Rules(
        city=City.CALI,
        min_age=21,
        max_age=40,
        require_local=False,
        allowed_stages=frozenset({BusinessStage.EARLY}),
        allowed_groups=frozenset({PopulationGroup.RECEPTOR_COMMUNITY}),
        accepted_documents=frozenset({DocumentType.CEDULA}),
        excluded_sectors=frozenset({Sector.FOOD}),
    )
    application = Application(
        birth_date=datetime.date(1990, 5, 17),
        municipality="Jamundí",
        business_stage=BusinessStage.EARLY,
        population_group=PopulationGroup.RECEPTOR_COMMUNITY,
        document_type=DocumentType.CEDULA,
        sector=Sector.FOOD,
    )
    assert Answers.from_application(application) == Answers(
        birth_date=datetime.date(1990, 5, 17),
        municipality="Jamundí",
        business_stage=BusinessStage.EARLY,
        population_group=PopulationGroup.RECEPTOR_COMMUNITY,
        document_type=DocumentType.CEDULA,
        sector=Sector.FOOD,
    )


@pytest.mark.parametrize(("age", "codes"), [(40, frozenset()), (41, frozenset({"too_old"}))])
def test_max_age_includes_the_last_year(age, codes):
    rules = Rules(city=VIRTUAL, require_local=False, max_age=40, accepted_documents=ALL_DOCS)
    born = TODAY.replace(year=TODAY.year - age)
    answers = Answers(
        birth_date=born,
        municipality="",
        business_stage=BusinessStage.EARLY,
        population_group=PopulationGroup.RECEPTOR_COMMUNITY,
        document_type=DocumentType.CEDULA,
        sector=Sector.FOOD,
    )
    assert evaluate(rules, answers, today=TODAY).codes == codes
