"""Static files as production serves them (whitenoise's compressed manifest storage), with
each file's URL worked out once per process.

``{% static %}`` asks the storage for a URL on every call: the manifest storage then
splits and joins the name, looks the hashed name up and quotes it, about 0.1 ms a call,
and a page has nine of them (P2, docs/performance.md). The manifest is read once when the
storage is made and changes only with a new ``collectstatic`` and a restart, so the URL
of a name is the same for the life of the process; it is kept per (name, ``force``,
``DEBUG``), since Django answers the unhashed name in ``DEBUG`` unless forced. A name
missing from the manifest raises as before and is not kept. ``collectstatic`` (which
rewrites the manifest) forgets every kept URL.
"""

from __future__ import annotations

import threading

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class KeptURLStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's storage; :meth:`url` answered from a per-process memo."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept_urls: dict[tuple[str, bool, bool], str] = {}
        self._kept_lock = threading.Lock()

    def url(self, name, force=False):
        key = (name, bool(force), bool(settings.DEBUG))
        kept = self._kept_urls.get(key)
        if kept is None:
            kept = super().url(name, force)
            with self._kept_lock:
                self._kept_urls[key] = kept
        return kept

    def forget_urls(self) -> None:
        with self._kept_lock:
            self._kept_urls.clear()

    def post_process(self, *args, **kwargs):
        self.forget_urls()
        yield from super().post_process(*args, **kwargs)
        self.forget_urls()

    def load_manifest(self):
        if hasattr(self, "_kept_urls"):
            self.forget_urls()
        return super().load_manifest()
