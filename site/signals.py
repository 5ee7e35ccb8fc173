from django.apps import apps as django_apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def _sync_roles(sender, **kwargs):
    # post_migrate is sent once per app that has models, in INSTALLED_APPS order, and each
    # app's permissions are created on its own signal: attach role permissions on the last.
    with_models = [c for c in django_apps.get_app_configs() if c.models_module is not None]
    if with_models and sender is with_models[-1]:
        from .roles import sync_role_permissions

        sync_role_permissions()


def _send_welcome(request, email_address, **kwargs):
    from .emails import queue_email_to_user

    user = email_address.user
    queue_email_to_user(
        user=user, template="semilla/welcome", context={"name": user.get_short_name() or user.email}
    )


def connect_account_signals():
    from allauth.account.signals import email_confirmed

    email_confirmed.connect(_send_welcome, dispatch_uid="semilla-welcome")


connect_account_signals()
