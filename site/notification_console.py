"""The staff console's list of messages sent (imported from semilla.wagtail_hooks):
channel, kind, status as the provider reported it, attempts and the last error, so staff
see failed deliveries. Read-only: programme staff hold only the view permission (semilla.roles)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import OutboxMessage


class OutboxMessageViewSet(ModelViewSet):
    model = OutboxMessage
    icon = "mail"
    menu_label = _("Messages sent")
    menu_order = 170
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    list_display = ["created_at", "channel", "kind", "recipient", "status", "attempts", "error"]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["recipient", "provider_id"]
    inspect_view_fields = [
        "created_at",
        "channel",
        "kind",
        "recipient",
        "subject",
        "body",
        "status",
        "status_at",
        "provider_id",
        "attempts",
        "error",
    ]


outbox_viewset = OutboxMessageViewSet("outbox_messages")
