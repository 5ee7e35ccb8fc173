"""Background work of the curriculum (django-q2)."""

from django.core.management import call_command


def publish_scheduled_pages() -> None:
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled")
