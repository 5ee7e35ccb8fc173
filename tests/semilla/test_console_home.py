"""The console's home (semilla.console_home): Wagtail's summary figures and panels, their
counts and "anything to show?" asked in one query, show what Wagtail's own show."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.models import GroupApprovalTask, Page, PageLogEntry, Workflow, WorkflowTask

from semilla import console_home
from semilla.demo import seed_home_page
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.curriculum import make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    """The bench's console account: a superuser holding every role."""
    return make_user(*list(Role), is_superuser=True, is_staff=True)


def _home(client_for, user):
    response = client_for(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response


def test_console_home_figures_are_wagtails_own_from_one_query(client_for, superuser):
    seed_home_page()
    make_image()
    make_image(title="Otra foto")
    get_document_model().objects.create(
        title="Reglamento", file=ContentFile(b"%PDF-1.4", name="reglamento.pdf")
    )
    response = _home(client_for, superuser)
    request = response.wsgi_request
    items = {type(item): item for item in response.context["site_summary"].summary_items}
    ours = {
        PagesSummaryItem: items[console_home.PagesCountItem],
        ImagesSummaryItem: items[console_home.ImagesCountItem],
        DocumentsSummaryItem: items[console_home.DocumentsCountItem],
    }
    for wagtails, our_item in ours.items():
        assert our_item.get_context_data({}) == wagtails(request).get_context_data({})
    assert items[console_home.ImagesCountItem].get_context_data({})["total_images"] == 2
    assert items[console_home.PagesCountItem].get_context_data({})["total_pages"] == (
        Page.objects.count() - 1
    )
    people = items[console_home.PeopleSummaryItem].get_context_data({})["total_people"]
    assert people == 1
    assert f"<span>{people}</span> personas con cuenta" in response.content.decode()


def test_console_home_empty_panels_are_not_shown(client_for, superuser):
    seed_home_page()
    body = _home(client_for, superuser).content.decode()
    assert 'id="recent-edits' not in body
    assert 'id="locked-pages' not in body
    assert 'id="objects-in-workflow' not in body


def test_console_home_recent_edits_shown_when_the_person_edited(client_for, superuser):
    seed_home_page()
    home = Page.objects.get(depth=2, locale__language_code="es")
    PageLogEntry.objects.log_action(home, "wagtail.edit", user=superuser)
    body = _home(client_for, superuser).content.decode()
    assert 'id="recent-edits' in body
    assert f'href="/admin/pages/{home.pk}/edit/"' in body


def test_console_home_locked_pages_shown_when_the_person_locked_one(client_for, superuser):
    seed_home_page()
    home = Page.objects.get(depth=2, locale__language_code="es")
    Page.objects.filter(pk=home.pk).update(
        locked=True, locked_by=superuser, locked_at=timezone.now()
    )
    body = _home(client_for, superuser).content.decode()
    assert 'id="locked-pages' in body


def test_console_home_pages_in_a_workflow_shown_to_who_submitted(client_for, staff_user):
    seed_home_page()
    home = Page.objects.get(depth=2, locale__language_code="es").specific
    workflow = Workflow.objects.create(name="Revisión")
    task = GroupApprovalTask.objects.create(name="Aprobar")
    task.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    home.save_revision(user=staff_user)
    workflow.start(home, staff_user)
    body = _home(client_for, staff_user).content.decode()
    assert 'id="objects-in-workflow' in body
    other = make_user(Role.STAFF)
    assert 'id="objects-in-workflow' not in _home(client_for, other).content.decode()
