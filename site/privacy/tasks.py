"""Background and scheduled work of the privacy package (django-q2). Thin: ids in, call a
service."""

from . import services


def build_data_export(export_id: int) -> str:
    export = services.data_export_build(export_id=export_id)
    return f"export {export.pk}: {export.status}"


def expire_data_exports() -> str:
    return f"expired {services.data_exports_expire()}"


def remind_data_requests() -> str:
    return f"reminded {services.data_requests_remind()}"


def warn_inactive_accounts() -> str:
    return f"warned {services.inactive_accounts_warn()}"


def remove_inactive_accounts() -> str:
    return f"erased {services.inactive_accounts_remove()}"
