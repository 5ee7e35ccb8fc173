"""Who may do what in the curriculum: one function per question, used by views, pages
and the console (the checks the views used to write inline)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from semilla.models import User

__all__ = ["keeps_progress", "may_revoke_certificate"]


def keeps_progress(user: User | AnonymousUser) -> bool:
    """Signed-in readers have their visits, quiz attempts and completions stored;
    anonymous readers read and grade quizzes with nothing kept."""
    return bool(user.is_authenticated)


def may_revoke_certificate(user: User | AnonymousUser) -> bool:
    """Staff with the Django permission to change certificates (the console's revoke)."""
    return bool(user.has_perm("curriculum.change_certificate"))
