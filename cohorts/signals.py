"""Keep the cached public cohort pages fresh: a programme or a cohort added, changed or
removed sets a new page-cache generation, which drops every cached page in every process
(as a curriculum publish does, ``curriculum.signals``). The moments when a call opens or
closes need no signal: those pages are cached only until then (``cohorts.views``)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from semilla import pagecache_middleware

from .models import Cohort, Programme


def _invalidate(sender=None, **kwargs) -> None:
    pagecache_middleware.invalidate()
    # Sent inside the change's transaction: a reader before the commit still sees the old
    # rows and could store them under the new generation. Set another one at the commit.
    transaction.on_commit(pagecache_middleware.invalidate)


for _model in (Programme, Cohort):
    _label = _model._meta.label_lower
    post_save.connect(_invalidate, sender=_model, dispatch_uid=f"cohorts-pagecache-save-{_label}")
    post_delete.connect(_invalidate, sender=_model, dispatch_uid=f"cohorts-pagecache-del-{_label}")
