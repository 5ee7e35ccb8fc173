"""What each authorisation allows, and what revoking it stops (shown before and after a
person revokes)."""

from django.utils.translation import gettext_lazy as _

from ..enums import ConsentPurpose

STOPS = {
    ConsentPurpose.APPLICATION: _(
        "We stop processing your applications: they leave the review and you cannot apply "
        "to a cohort until you authorise it again. Lessons stay open to you."
    ),
    ConsentPurpose.SENSITIVE_DATA: _(
        "Staff stop using your migration status and identity documents. Cohorts that need "
        "them to check eligibility may not be able to admit you."
    ),
    ConsentPurpose.MENTORING: _("Your mentor no longer sees your profile, and mentoring ends."),
    ConsentPurpose.GRANT: _(
        "We stop processing your payment details: pending seed-grant payments cannot be "
        "made until you authorise it again. Payments already made stay in the accounts."
    ),
    ConsentPurpose.WHATSAPP: _("We stop sending you WhatsApp messages. You still receive e-mails."),
    ConsentPurpose.SMS: _("We stop sending you text messages. You still receive e-mails."),
    ConsentPurpose.RESEARCH: _(
        "We stop using your answers in impact studies. Anonymous counts (such as how many "
        "people took part) still include you, because they identify nobody."
    ),
}


def stops(purpose: str):
    return STOPS.get(purpose, _("We stop using your data for this purpose."))


def purpose_label(purpose: str) -> str:
    try:
        return str(ConsentPurpose(purpose).label)
    except ValueError:
        return purpose
