"""Keep the anonymous page cache and the remembered routes fresh: anything that changes
what a URL shows, which page it leads to, or who may see it sets a new generation
(``pagecache.invalidate``), which drops both in every process.

- a page published, unpublished, moved, deleted, or its row saved (a draft saved, a lock:
  the remembered routes keep the page as read);
- a site or a locale added, changed or removed (hosts, root pages, languages);
- a view restriction added, changed or removed (a cached copy must never outlive the
  restriction that now hides the page).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import pagecache


def _invalidate(sender=None, **kwargs):
    pagecache.invalidate()
    # These signals come inside the change's transaction: a reader between now and the
    # commit still reads the old rows and could keep them under the new generation. Set
    # another one once the change is committed (at once when there is no transaction).
    transaction.on_commit(pagecache.invalidate)


for _name, _signal in (
    ("published", page_published),
    ("unpublished", page_unpublished),
    ("slug", page_slug_changed),
    ("moved", post_page_move),
):
    _signal.connect(_invalidate, dispatch_uid=f"semilla-pagecache-page-{_name}")
for _model in (Site, Locale, PageViewRestriction):
    _label = _model._meta.label_lower
    post_save.connect(_invalidate, sender=_model, dispatch_uid=f"semilla-pagecache-save-{_label}")
    post_delete.connect(_invalidate, sender=_model, dispatch_uid=f"semilla-pagecache-del-{_label}")


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def _restriction_groups_changed(sender, **kwargs):
    _invalidate()


@receiver(post_save, dispatch_uid="semilla-pagecache-page-saved")
@receiver(post_delete, dispatch_uid="semilla-pagecache-page-deleted")
def _page_row_changed(sender, instance, **kwargs):
    # sent with the page's own model (LessonPage, ...) as sender: check the instance
    if isinstance(instance, Page):
        _invalidate()
