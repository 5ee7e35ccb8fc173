"""allauth glue: messages go out in the recipient's language, greeted by name; a new account
gets the entrepreneur role and the language it signed up in."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sites.shortcuts import get_current_site
from django.utils import timezone, translation

from .enums import MessageKind, Role
from .notifications import notify
from .timezones import default_timezone

#: The template pair that carries a message allauth rendered (subject and body as they are).
ACCOUNT_EMAIL_TEMPLATE = "semilla/account_email"


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "") or ""
        user.language = translation.get_language() or "es"
        if user.language not in ("es", "en"):
            user.language = "es"
        if commit:
            user.save()

            group, _created = Group.objects.get_or_create(name=Role.ENTREPRENEUR)
            user.groups.add(group)
        return user

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """allauth leaves the person out of a notice's context: put them in, so that the
        notice greets them by name in their own language."""
        return super().send_notification_mail(
            template_prefix, user, context={"user": user, **(context or {})}, email=email
        )

    def send_mail(self, template_prefix, email, context):
        """allauth's messages (address confirmation, password reset, sign-in codes, account
        notices) are security messages: rendered here from our templates
        (site/templates/account/email/) in the recipient's language, then sent through
        ``notify()`` like every other message, so they get the outbox record and the retried
        delivery task, and their body (a code or a link) is never kept in the outbox."""
        request = allauth_context.request
        context = {
            # what allauth's own send_mail puts in every message's context
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_url": settings.SITE_URL.rstrip("/"),
            **context,
        }
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language() or "es"
        with translation.override(language), timezone.override(default_timezone(user)):
            rendered = self.render_mail(template_prefix, email, context)
        notify(
            user=user if getattr(user, "pk", None) else None,
            template=ACCOUNT_EMAIL_TEMPLATE,
            context={"subject": str(rendered.subject), "body": str(rendered.body)},
            kind=MessageKind.SECURITY,
            to=email,
        )
