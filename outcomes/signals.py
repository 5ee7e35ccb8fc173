"""How outcomes hear about cohorts without cohorts knowing about outcomes: a confirmed seat
(a new ``cohorts.Participant``) opens the person's baseline survey once the seat's
transaction commits. The daily task (``tasks.open_waves``) catches up on anything missed."""

from functools import partial

from django.db import transaction
from django_q.tasks import async_task

from cohorts.models import Participant

from .models import StoryPage
from .services import baseline_open


def _open_baseline(participant_id: int) -> None:

    participant = Participant.objects.select_related("cohort", "user").filter(pk=participant_id)
    found = participant.first()
    if found is not None:
        baseline_open(participant=found)


def _refresh(cohort_id: int) -> None:

    async_task("outcomes.tasks.refresh_cohort", cohort_id)


def alumnus_erased(sender, instance, **kwargs):
    """The alumni record goes (the person was erased): every story page about them goes
    with it, in every language, with its revisions (Wagtail's delete keeps the tree
    right and takes the page out of the search index)."""

    for page in StoryPage.objects.filter(alumnus=instance):
        page.delete()


def participant_saved(sender, instance, created, raw=False, **kwargs):
    """A confirmed seat opens the baseline; any other change of a participation (e.g. the
    person withdrew) changes who counts as asked: the cohort's sums are recomputed."""
    if raw:
        return
    if created:
        transaction.on_commit(partial(_open_baseline, instance.pk))
    else:
        transaction.on_commit(partial(_refresh, instance.cohort_id))
