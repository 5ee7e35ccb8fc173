"""allauth glue: messages go out in the recipient's language, greeted by name; a new account
gets the entrepreneur role and the language it signed up in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from .enums import Role


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.full_name = form.cleaned_data.get("full_name", "") or ""
        user.language = translation.get_language() or "es"
        if user.language not in ("es", "en"):
            user.language = "es"
        if commit:
            user.save()
            from django.contrib.auth.models import Group

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
        # The templates (site/templates/account/email/) end with a link to the site.
        context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language() or "es"
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
