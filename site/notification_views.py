"""Messages for the person (the notification centre, their number and their channel
choices) and the provider's webhooks (delivery statuses and replies such as STOP)."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import notification_selectors as selectors
from . import notification_services as services
from . import ratelimit, twilio_provider
from .enums import DeliveryChoice
from .forms import MessagePreferencesForm, PhoneCodeForm, PhoneForm
from .phones import InvalidPhone, display_phone, normalize_phone


# --- the notification centre ------------------------------------------------------------------
@require_GET
@login_required
def notification_list(request):
    items = list(selectors.notification_list_for_user(user=request.user))
    return render(request, "semilla/notifications.html", {"items": items})


@require_POST
@login_required
def notification_read(request, pk: int):
    """Mark one as read, then follow its link (or back to the list). Someone else's: 404."""
    item = selectors.notification_get_for_user(user=request.user, pk=pk)
    if item is None:
        raise Http404
    services.notification_mark_read(user=request.user, notification_id=item.pk)
    target = item.url or request.POST.get("next", "")
    if not target.startswith("/") or target.startswith("//"):
        target = reverse("semilla:notifications")
    return HttpResponseRedirect(target)


@require_POST
@login_required
def notifications_read_all(request):
    services.notifications_mark_all_read(user=request.user)
    return HttpResponseRedirect(reverse("semilla:notifications"))


# --- number and channel choices -----------------------------------------------------------------
def _messages_page(request, *, phone_form=None, code_form=None, preferences_form=None, status=200):
    prefs = selectors.phone_settings_for_user(user=request.user)
    confirmed = bool(prefs and prefs.phone and prefs.phone_confirmed_at)
    chosen = selectors.preferences_for_user(user=request.user)
    # Without a confirmed number (a new one waiting for its code, or none) WhatsApp and SMS
    # are not offered and those messages come by e-mail: show that, so that every kind has
    # a choice ticked and the form can be saved as it stands.
    phone_values = {str(channel) for channel in services.PHONE_CHANNELS}
    held = not confirmed and any(value in phone_values for value in chosen.values())
    if held:
        email = str(DeliveryChoice.EMAIL)
        chosen = {kind: email if value in phone_values else value for kind, value in chosen.items()}
    if preferences_form is None:
        preferences_form = MessagePreferencesForm(
            initial={**chosen, "consent": bool(prefs and (prefs.whatsapp or prefs.sms))},
            phone_confirmed=confirmed,
        )
    code_pending = bool(prefs and prefs.phone and prefs.code_hash)
    if phone_form is None:
        # "Send a new code" while a code is pending sends it again to the same number
        phone_form = PhoneForm(
            initial={"phone": display_phone(prefs.phone)} if code_pending else None
        )
    context = {
        "held_for_number": held,
        "prefs": prefs,
        "phone_display": display_phone(prefs.phone) if prefs and prefs.phone else "",
        "confirmed": confirmed,
        "code_pending": code_pending,
        "phone_form": phone_form,
        "code_form": code_form or PhoneCodeForm(),
        "preferences_form": preferences_form,
    }
    return render(request, "semilla/messages.html", context, status=status)


@require_GET
@login_required
def message_settings(request):
    return _messages_page(request)


@require_POST
@login_required
def phone_start(request):
    form = PhoneForm(request.POST)
    if not form.is_valid():
        return _messages_page(request, phone_form=form, status=400)
    if not ratelimit.allow("phone_code", who=request.user.pk):
        form.add_error(None, _("Too many codes asked for. Try again in an hour."))
        return _messages_page(request, phone_form=form, status=429)
    try:
        services.phone_start(user=request.user, phone=form.cleaned_data["phone"])
    except services.MessagingError as exc:
        form.add_error("phone", str(exc))
        return _messages_page(request, phone_form=form, status=400)
    messages.success(request, _("We sent you a code by SMS. Type it below."))
    return HttpResponseRedirect(reverse("semilla:messages"))


@require_POST
@login_required
def phone_confirm(request):
    form = PhoneCodeForm(request.POST)
    if form.is_valid():
        try:
            services.phone_confirm(user=request.user, code=form.cleaned_data["code"])
        except services.MessagingError as exc:
            form.add_error("code", str(exc))
        else:
            messages.success(request, _("Your number is confirmed."))
            return HttpResponseRedirect(reverse("semilla:messages"))
    return _messages_page(request, code_form=form, status=400)


@require_POST
@login_required
def phone_remove(request):
    services.phone_remove(user=request.user)
    messages.success(request, _("We removed your number. Messages come by e-mail."))
    return HttpResponseRedirect(reverse("semilla:messages"))


@require_POST
@login_required
def message_preferences(request):
    prefs = selectors.phone_settings_for_user(user=request.user)
    confirmed = bool(prefs and prefs.phone and prefs.phone_confirmed_at)
    form = MessagePreferencesForm(request.POST, phone_confirmed=confirmed)
    if form.is_valid():
        try:
            services.preferences_save(user=request.user, choices=form.choices())
        except services.MessagingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Your choices were saved."))
            return HttpResponseRedirect(reverse("semilla:messages"))
    return _messages_page(request, preferences_form=form, status=400)


# --- the provider's webhooks (no session: signed by Twilio) ------------------------------------
def _verified_params(request) -> dict[str, str] | None:
    """The POSTed parameters when ``X-Twilio-Signature`` signs them for this URL."""
    params = {key: request.POST.get(key, "") for key in request.POST}
    url = settings.SITE_URL.rstrip("/") + request.get_full_path()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not twilio_provider.signature_valid(url=url, params=params, signature=signature):
        return None
    return params


def _signed_by_twilio(view):
    """Run a webhook ``view(request, params)`` only within the rate limit (else 429) and
    with the parameters Twilio signed (else 403)."""

    @wraps(view)
    def checked(request):
        if not ratelimit.allow("twilio_webhook", who=request.META.get("REMOTE_ADDR", "")):
            return HttpResponse(status=429)
        params = _verified_params(request)
        if params is None:
            return HttpResponseForbidden("invalid signature")
        return view(request, params)

    return checked


@csrf_exempt
@require_POST
@_signed_by_twilio
def twilio_status(request, params):
    """Delivery and read statuses of the messages we sent (replays change nothing)."""
    services.delivery_status_record(
        provider_id=params.get("MessageSid", ""),
        status=params.get("MessageStatus", ""),
        error_code=params.get("ErrorCode", ""),
    )
    return HttpResponse(status=204)


EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


@csrf_exempt
@require_POST
@_signed_by_twilio
def twilio_inbound(request, params):
    """Replies to our numbers: STOP (and its synonyms) stops every message at once."""
    if params.get("Body", "").strip().lower() in twilio_provider.STOP_WORDS:
        try:
            services.phone_stop(phone=normalize_phone(params.get("From", "")))
        except InvalidPhone:
            pass
    return HttpResponse(EMPTY_TWIML, content_type="text/xml")
