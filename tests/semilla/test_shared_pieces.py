"""The small pieces the apps share instead of copying them: the choice check and the actor
field (the very constraint and field written out by hand, so no migration), the console's
limited policies, menu links and status filters, and how a history row reads."""

from types import SimpleNamespace

import pytest
from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from market.enums import InterestStatus
from market.models import Interest, InterestStatusChange
from pitchday.enums import GrantStatus
from pitchday.models import Grant
from semilla.console import ActionsPolicy, ShownToMenuItem, status_filterset
from semilla.constraints import choice_check
from semilla.downloads import Seen, private_download
from semilla.enums import Sector
from semilla.fields import actor_field
from semilla.forms import Checkboxes
from semilla.models import User
from semilla.paging import other_params, page_of
from semilla.privacy.models import AccessAudit


def test_choice_check_is_the_handwritten_constraint():
    written = models.CheckConstraint(
        condition=Q(status__in=InterestStatus.values), name="market_interest_status_valid"
    )
    assert choice_check("status", InterestStatus, name="market_interest_status_valid") == written


def test_actor_field_deconstructs_as_the_handwritten_field():
    written = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    assert actor_field(_("recorded by")).deconstruct()[1:] == written.deconstruct()[1:]


def test_actor_field_set_null_without_label_deconstructs_as_the_handwritten_field():
    written = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assert actor_field(on_delete=models.SET_NULL).deconstruct()[1:] == written.deconstruct()[1:]


def test_actions_policy_refuses_actions_outside_its_list_even_to_a_superuser():
    boss = User(is_superuser=True, is_active=True)
    policy = ActionsPolicy(Interest, actions=("view", "add"))
    allowed = {a: policy.user_has_permission(boss, a) for a in ("view", "add", "change", "delete")}
    assert allowed == {"view": True, "add": True, "change": False, "delete": False}


def test_menu_link_is_shown_only_to_whom_its_question_admits():
    item = ShownToMenuItem("Reports", "/admin/reports/", shown_to=lambda user: user == "staff")
    shown = [item.is_shown(SimpleNamespace(user=who)) for who in ("staff", "mentor")]
    assert shown == [True, False]


def test_status_filterset_offers_the_status_labels():
    filterset = status_filterset(Grant, GrantStatus, fields=["status", "fund"])
    assert list(filterset.base_filters) == ["status", "fund"]
    assert filterset.base_filters["status"].extra["choices"] == GrantStatus.choices


def test_history_row_reads_owner_from_and_to():
    created = InterestStatusChange(interest_id=7, from_status="", to_status=InterestStatus.NEW)
    moved = InterestStatusChange(
        interest_id=7, from_status=InterestStatus.NEW, to_status=InterestStatus.ROUTED
    )
    assert [str(created), str(moved)] == ["7: · → new", "7: new → routed"]


def test_checkboxes_is_a_multiple_choice_of_checkboxes_required_unless_told():
    written = forms.MultipleChoiceField(
        label="Sectors", choices=Sector.choices, widget=forms.CheckboxSelectMultiple
    )
    said_once = Checkboxes("Sectors", Sector.choices)
    optional = Checkboxes("Sectors", Sector.choices, required=False)
    assert [(type(f.widget), f.label, f.choices, f.required) for f in (said_once, optional)] == [
        (type(written.widget), written.label, written.choices, True),
        (type(written.widget), written.label, written.choices, False),
    ]


@pytest.mark.django_db
def test_private_download_is_a_private_attachment_and_logs_whose_file_was_seen(rf, make_user):
    staff, owner = make_user(), make_user()
    name = storages["private"].save("tests/shared-piece.txt", ContentFile(b"hola"))
    request = rf.get("/descarga/")
    request.user = staff
    seen = Seen(subject=owner.pk, fields=["document"], reason="checked", obj=owner)
    response = private_download(
        request, name, filename="hola.txt", content_type="text/plain", seen=seen
    )
    assert (
        response["Content-Disposition"],
        response["Content-Type"],
        response["X-Content-Type-Options"],
        response["Cache-Control"],
        b"".join(response.streaming_content),
    ) == ('attachment; filename="hola.txt"', "text/plain", "nosniff", "private, no-store", b"hola")
    response.file_to_stream.close()
    row = AccessAudit.objects.get()
    assert (row.actor, row.subject, row.fields, row.reason, row.model, row.object_id, row.path) == (
        staff,
        owner,
        ["document"],
        "checked",
        "semilla.user",
        str(owner.pk),
        "/descarga/",
    )
    storages["private"].delete(name)


@pytest.mark.django_db
def test_private_download_of_ones_own_file_logs_nothing_and_a_missing_file_is_404(rf, make_user):
    owner = make_user()
    name = storages["private"].save("tests/own-piece.txt", ContentFile(b"mio"))
    request = rf.get("/descarga/")
    request.user = owner
    response = private_download(request, name, filename="mio.txt", content_type="text/plain")
    assert (b"".join(response.streaming_content), AccessAudit.objects.count()) == (b"mio", 0)
    response.file_to_stream.close()
    storages["private"].delete(name)
    with pytest.raises(Http404):
        private_download(request, name, filename="mio.txt", content_type="text/plain")


def test_page_of_gives_the_asked_page_and_other_params_keeps_the_filters(rf):
    request = rf.get("/lista/", {"q": "ana", "p": "2", "show": "open"})
    page = page_of(request, list(range(7)), per_page=3)
    assert (list(page), page.number, other_params(request)) == ([3, 4, 5], 2, "q=ana&show=open")


def test_page_of_an_unreadable_page_number_is_the_first_page(rf):
    page = page_of(rf.get("/lista/", {"p": "dos"}), list(range(7)), per_page=3)
    assert (list(page), page.number) == ([0, 1, 2], 1)
