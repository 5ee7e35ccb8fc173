"""Run one service for a view and tell the person how it went (one place, not one per view).

A view that performs an action calls its service through ``call_service``: a refusal
(``ServiceError``) becomes an error message in the page's language and the view gets an
``Outcome`` whose ``ok`` is false; success optionally adds a success message. The view then
only decides where to go next::

    outcome = call_service(
        request, services.application_start, user=request.user, cohort=cohort, answers=answers
    )
    if not outcome.ok:
        return redirect(cohort.get_absolute_url())
    return redirect("cohorts:step", pk=outcome.value.pk, step=outcome.value.current_step)

A view that shows a form puts the refusal on the form instead of the page's messages:
``form=`` (with ``field=`` to name the field it belongs to; the form's own non-field errors
otherwise) adds it with ``form.add_error`` and the view renders the form again::

    outcome = call_service(
        request, services.mentor_update_profile, form=form, field="capacity",
        success=_("Your profile was saved."), profile=profile, **form.cleaned_data
    )
    if outcome.ok:
        return redirect("mentors:home")
    return render(request, "mentors/profile.html", {"form": form})

A screen whose handler only validates a bound form and hands its cleaned data to a
service uses ``submit_form``, which answers whether the service went through::

    form = WeeklyWindowForm(request.POST, prefix="w")
    if submit_form(request, form, services.availability_add_weekly, success=_("Hours added."),
                   mentor=profile):
        return redirect("mentors:availability")

Only ``ServiceError`` is caught: any other exception is a bug and must surface."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest

from semilla.errors import ServiceError

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as Lazy
else:
    from django.utils.functional import Promise as Lazy

__all__ = ["Outcome", "call_service", "submit_form"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What a service call gave the view: its value, or the refusal it raised."""

    value: T | None = None
    error: ServiceError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def call_service(
    request: HttpRequest,
    service: Callable[..., T],
    /,
    *,
    success: str | Lazy | None = None,
    form: BaseForm | None = None,
    field: str | None = None,
    **kwargs: Any,
) -> Outcome[T]:
    """Call ``service(**kwargs)``; on ``ServiceError`` add its message as an error (to
    ``form``'s ``field``, or its non-field errors, when a form is given; to the page's
    messages otherwise), else add ``success`` (when given) as a success message."""
    if field is not None and form is None:
        raise TypeError("call_service: field= needs form=")
    try:
        value = service(**kwargs)
    except ServiceError as exc:
        if form is not None:
            form.add_error(field, str(exc.message))
        else:
            messages.error(request, str(exc.message))
        return Outcome(error=exc)
    if success is not None:
        messages.success(request, success)
    return Outcome(value=value)


def submit_form(
    request: HttpRequest,
    form: BaseForm,
    service: Callable[..., Any],
    /,
    *,
    success: str | Lazy | None = None,
    invalid: str | Lazy | None = None,
    **kwargs: Any,
) -> bool:
    """When the bound ``form`` is valid, ``call_service(request, service, success=success,
    **kwargs, **form.cleaned_data)``. True when the service went through; False when the
    form is invalid (its errors stay on it, and ``invalid``, when given, is added as an
    error message: for a small form posted from a page that does not show its errors) or
    the service refused (an error message)."""
    if not form.is_valid():
        if invalid is not None:
            messages.error(request, invalid)
        return False
    return call_service(request, service, success=success, **kwargs, **form.cleaned_data).ok
