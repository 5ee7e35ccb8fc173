"""Keep the anonymous page cache fresh: any publish or unpublish drops it."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import pagecache


@receiver(page_published)
def _page_published(sender, **kwargs):
    pagecache.invalidate()


@receiver(page_unpublished)
def _page_unpublished(sender, **kwargs):
    pagecache.invalidate()
