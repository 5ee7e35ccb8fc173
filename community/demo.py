"""Demo data of the community app: the "Know your rights" guides in both languages and the
free-help offices of the eight cities (the same starter content a deployment loads with
``manage.py load_guides``), with one guide past its review date so that the "under review"
notice and the console list of guides to review have something to show."""

import datetime

from django.utils import timezone

DEMO_OVERDUE_SLUG = "pep-y-otros-permisos"


def seed(*, stdout=None) -> None:
    from .loader import load
    from .models import GuidePage

    load()
    today = timezone.localdate()
    for page in GuidePage.objects.filter(slug=DEMO_OVERDUE_SLUG, review_by__gte=today):
        # both languages: the dates are synchronised fields of the translation
        page.last_reviewed = today - datetime.timedelta(days=200)
        page.review_by = today - datetime.timedelta(days=3)
        page.save_revision().publish()
