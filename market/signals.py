"""A financial provider added, changed or removed changes the public directory: drop the
anonymous page cache (as a publish does)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from semilla import pagecache_middleware

from .models import FinancialProvider


@receiver(post_save, sender=FinancialProvider, dispatch_uid="market-provider-saved")
@receiver(post_delete, sender=FinancialProvider, dispatch_uid="market-provider-deleted")
def _provider_changed(sender, **kwargs):
    transaction.on_commit(pagecache_middleware.invalidate)
