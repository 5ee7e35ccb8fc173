from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import email_confirmed
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver

from .account_security import record_primary_email_change
from .models import Notification
from .notification_selectors import adjust_unread_count, forget_unread_count
from .notifications import notify
from .roles import sync_role_permissions


@receiver(post_migrate)
def _sync_roles(sender, **kwargs):
    # post_migrate is sent once per app that has models, in INSTALLED_APPS order, and each
    # app's permissions are created on its own signal: attach role permissions on the last.
    with_models = [c for c in django_apps.get_app_configs() if c.models_module is not None]
    if with_models and sender is with_models[-1]:
        sync_role_permissions()


def _send_welcome(request, email_address, **kwargs):
    user = email_address.user
    notify(
        user=user,
        kind="account",
        key=f"semilla/welcome:{user.pk}",
        template="semilla/welcome",
        context={"name": user.get_short_name() or user.email},
    )


def _totp_set_up_counts_as_second_factor(request, user, authenticator, **kwargs):
    """Setting TOTP up means typing a valid code: this session has passed the second factor
    (the access policy, semilla.middleware, then lets the person through)."""

    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def unread_count_on_save(sender, instance, created=False, raw=False, **kwargs):
    """A new unread notification: the bell's cached number goes up by one after commit
    (``semilla.notification_selectors.unread_count_cached``)."""
    if created and not raw and instance.read_at is None:
        adjust_unread_count(user_id=instance.user_id, delta=1)


def unread_count_on_delete(sender, instance, **kwargs):
    forget_unread_count(user_id=instance.user_id)


def connect_account_signals():
    pre_save.connect(
        record_primary_email_change,
        sender=get_user_model(),
        dispatch_uid="semilla-primary-email-change",
    )

    email_confirmed.connect(_send_welcome, dispatch_uid="semilla-welcome")
    authenticator_added.connect(
        _totp_set_up_counts_as_second_factor, dispatch_uid="semilla-totp-second-factor"
    )

    post_save.connect(unread_count_on_save, sender=Notification, dispatch_uid="semilla-unread+")
    post_delete.connect(
        unread_count_on_delete, sender=Notification, dispatch_uid="semilla-unread-forget"
    )


connect_account_signals()
