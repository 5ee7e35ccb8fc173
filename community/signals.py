"""A help office added, changed or removed changes the guide pages that list them: drop the
anonymous page cache, as a publish does (``curriculum.signals``)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from curriculum import pagecache

from .models import HelpOffice


@receiver(post_save, sender=HelpOffice, dispatch_uid="community-helpoffice-saved")
@receiver(post_delete, sender=HelpOffice, dispatch_uid="community-helpoffice-deleted")
def _help_office_changed(sender, **kwargs):
    pagecache.invalidate()
    transaction.on_commit(pagecache.invalidate)
