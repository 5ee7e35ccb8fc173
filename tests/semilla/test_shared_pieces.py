"""The small pieces the apps share instead of copying them: the choice check and the actor
field (the very constraint and field written out by hand, so no migration), the console's
limited policies, menu links and status filters, and how a history row reads."""

from types import SimpleNamespace

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from market.enums import InterestStatus
from market.models import Interest, InterestStatusChange
from pitchday.enums import GrantStatus
from pitchday.models import Grant
from semilla.console import ActionsPolicy, ShownToMenuItem, status_filterset
from semilla.constraints import choice_check
from semilla.fields import actor_field
from semilla.models import User


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
