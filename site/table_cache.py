"""A cache of personal fragments and values that no write can make stale
(docs/performance.md, "Signed-in pages from the table cache").

Every database connection gets an execute wrapper (``install``, from
``SemillaConfig.ready`` through ``connection_created``) that sees every statement the
site runs, ORM and raw SQL alike:

- **writes**: the tables named by every statement that is not a ``SELECT`` (``INSERT``,
  ``UPDATE``, ``DELETE``, ``REPLACE``...) get a new *generation* in the shared cache (one
  random token per table, ``set_many``): at once in autocommit, when the transaction
  commits otherwise (``on_commit``, so a rolled-back transaction or savepoint bumps
  nothing). The shared cache is the one every process uses (the database cache or Redis in
  production), so a write in any process is seen by every other at once.
- **reads**: while ``cached(...)`` computes a value, every table its queries name is
  recorded, and the value is stored with the generations of those tables *as read before
  the computation began*. A hit reads the value and those generations in one
  ``get_many`` and is served only when every generation is unchanged.

The generations read before computing are those of the tables the same value read last
time in this process (``_hints``); a computation that reads a table outside them is not
stored (the next one will be). So a write that commits while a value is being computed
either shows in it, or changes a generation it was stored under: no interleaving can
store stale data as fresh. A missing generation (never written, or evicted) is created
with ``add`` and the value is not stored that time; stored generations are random tokens,
so an evicted and re-created generation never matches an old value.

Tables that change on nearly every request and that no cached value may depend on
(sessions, the cache table itself, the task queue's) are not bumped; a computation that
reads one of them is never stored.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, setting_changed
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.signals import connection_created
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

T = TypeVar("T")

GEN_PREFIX = "tcgen:"
VALUE_PREFIX = "tcval:"
#: how long a stored value is kept at most (it is checked on every hit anyway)
TIMEOUT = 600

_local = threading.local()
#: name -> the tables the value read last time in this process
_hints: dict[str, frozenset[str]] = {}
_known: frozenset[str] | None = None
_untracked: frozenset[str] | None = None

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
_TARGET = re.compile(
    r"\b(?:from|join|into|update|table)\s+(?:only\s+)?[\"`\[]?([A-Za-z_][A-Za-z0-9_$]*)",
    re.IGNORECASE,
)
_WRITE = re.compile(
    r"\b(?:insert|update|delete|replace|merge|truncate|upsert|alter|drop|create)\b",
    re.IGNORECASE,
)
#: statements that neither read nor write a table's rows (schema changes run in
#: migrations, before the cache table may exist; a migration that changes data does it
#: with INSERT, UPDATE or DELETE, which bump)
_CONTROL = (
    "SAVEPOINT",
    "RELEASE",
    "ROLLBACK",
    "COMMIT",
    "BEGIN",
    "PRAGMA",
    "SET ",
    "SHOW",
    "CREATE",
    "ALTER",
)


def enabled() -> bool:
    return bool(getattr(settings, "SEMILLA_TABLE_CACHE", True))


def _known_tables() -> frozenset[str]:
    global _known
    if _known is None:
        _known = frozenset(
            model._meta.db_table.lower() for model in apps.get_models(include_auto_created=True)
        )
    return _known


#: Append-only logs written while people merely look at pages (the access audit of
#: personal data: a console list writes a row per person shown). No kept value reads them,
#: so a write to one need not bump a generation (with the database cache a bump is five
#: statements on every audited page); a value that did read one would never be stored.
LOG_TABLES = frozenset({"semilla_accessaudit"})


def untracked_tables() -> frozenset[str]:
    """Tables whose writes bump nothing (and whose readers are never stored)."""
    global _untracked
    if _untracked is None:
        names = {"django_session", *LOG_TABLES}
        names |= {t for t in _known_tables() if t.startswith("django_q_")}
        for config in settings.CACHES.values():
            if config.get("BACKEND", "").endswith("db.DatabaseCache"):
                names.add(str(config["LOCATION"]).lower())
        _untracked = frozenset(names)
    return _untracked


def tables_in(sql: str) -> set[str]:
    """Every table a statement names: each word that is a model's table, and every name
    after FROM, JOIN, INTO, UPDATE or TABLE (a table without a model too)."""
    words = {w.lower() for w in _WORD.findall(sql)}
    found = words & _known_tables()
    found.update(m.lower() for m in _TARGET.findall(sql))
    return found


def _kind(sql: str) -> str:
    head = sql.lstrip(" \n\t(").upper()
    if head.startswith("SELECT"):
        return "read"
    if head.startswith(_CONTROL):
        return "control"
    if head.startswith(("WITH", "VALUES", "EXPLAIN")) and not _WRITE.search(sql):
        return "read"
    return "write" if _WRITE.search(sql) else "control"


# --------------------------------------------------------------------------- writes


def _in_test_transaction(connection) -> bool:
    """Inside a test's own transaction, which never commits: a write counts as committed
    at once (savepoints inside it included), as it would be outside the test. Tests of
    commit and rollback use real transactions (``django_db(transaction=True)``)."""
    blocks = getattr(connection, "atomic_blocks", [])
    return bool(blocks) and getattr(blocks[0], "_from_testcase", False)


def bump(tables: Iterable[str]) -> None:
    """New generations for ``tables`` in the shared cache (one ``set_many``)."""
    tables = set(tables) - untracked_tables()
    if not tables:
        return
    token = f"{time.time_ns():x}-{secrets.token_hex(4)}"
    busy = getattr(_local, "busy", False)
    _local.busy = True
    try:
        cache.set_many({GEN_PREFIX + t: token for t in tables}, timeout=None)
    except Exception as exc:
        if _cache_table_missing(exc):
            # a first migrate, before createcachetable: nothing is stored in it either
            if not getattr(_local, "told_missing", False):
                _local.told_missing = True
                logger.warning(
                    "table cache: the cache table is not created yet (run createcachetable)"
                )
        else:
            # the cache is unreachable: nothing stored can be read back from it either; say
            # so loudly
            logger.exception("table cache: could not bump %s", sorted(tables))
    finally:
        _local.busy = busy


def _cache_table_missing(exc: Exception) -> bool:
    """Whether ``exc`` says that the database cache's table does not exist (SQLite: "no
    such table", PostgreSQL: "relation … does not exist"). Read from the error, not asked
    of the database: after a failed statement in a transaction, PostgreSQL answers nothing
    more."""
    config = settings.CACHES.get("default", {})
    if not config.get("BACKEND", "").endswith("db.DatabaseCache"):
        return False
    text = str(exc).lower()
    missing = "no such table" in text or "does not exist" in text
    return missing and str(config["LOCATION"]).lower() in text


class _Pending:
    """The tables written under one savepoint stack of a transaction, bumped when the
    transaction commits (dropped with the savepoint if it is rolled back)."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def __call__(self) -> None:
        bump(self.tables)


def _written(connection, tables: set[str]) -> None:
    tables = tables - untracked_tables()
    if not tables:
        return
    if not connection.in_atomic_block or _in_test_transaction(connection):
        # not from inside the wrapper: the statement's own results may not be read yet
        # (SQLite's INSERT ... RETURNING), and the cache's own transaction on the same
        # connection would end it. Bumped before this thread's next statement, before the
        # next value is looked up, at the end of the request or task, or at exit.
        pending = getattr(_local, "pending", None)
        if pending is None:
            pending = _local.pending = set()
        pending |= tables
        return
    pending: dict = connection.__dict__.setdefault("_table_cache_pending", {})
    key = tuple(connection.savepoint_ids)
    callback = pending.get(key)
    if callback is None or not any(entry[1] is callback for entry in connection.run_on_commit):
        callback = _Pending()
        pending[key] = callback
        connection.on_commit(callback)
    callback.tables |= tables


def has_uncommitted_writes(connection) -> bool:
    return any(isinstance(entry[1], _Pending) for entry in connection.run_on_commit)


def flush() -> None:
    """Bump what this thread wrote in autocommit (see ``_written``)."""
    pending = getattr(_local, "pending", None)
    if pending and not getattr(_local, "busy", False):
        tables = set(pending)
        pending.clear()
        bump(tables)


def _flush_signal(**kwargs) -> None:
    flush()


def _settings_changed(*, setting: str, **kwargs) -> None:
    """The cache tables are read from ``CACHES``: a change (tests) reads them again."""
    global _untracked
    if setting == "CACHES":
        _untracked = None


def _wrapper(execute, sql, params, many, context):
    if getattr(_local, "busy", False) or not isinstance(sql, str):
        return execute(sql, params, many, context)
    if getattr(_local, "pending", None):
        flush()
    result = execute(sql, params, many, context)
    kind = _kind(sql)
    if kind == "control":
        return result
    recorders = getattr(_local, "recorders", None)
    if kind == "read" and not recorders:
        # a read outside any cached computation: nothing to note (most statements)
        return result
    tables = tables_in(sql)
    if recorders:
        for recorder in recorders:
            recorder.tables |= tables
            if kind == "write":
                recorder.wrote = True
    if kind == "write":
        _written(context["connection"], tables)
    return result


def install(sender=None, connection=None, **kwargs) -> None:
    """``connection_created`` receiver: the wrapper on every new connection, once."""
    if connection is None:
        return
    if not any(w is _wrapper for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_wrapper)


def install_everywhere() -> None:
    # lazy: django_q.signals imports django_q's models; this runs from AppConfig.ready()
    from django_q.signals import post_execute

    connection_created.connect(install, dispatch_uid="semilla.table_cache.install")
    request_finished.connect(_flush_signal, dispatch_uid="semilla.table_cache.flush")
    post_execute.connect(_flush_signal, dispatch_uid="semilla.table_cache.flush_task")
    setting_changed.connect(_settings_changed, dispatch_uid="semilla.table_cache.settings")
    atexit.register(flush)
    for conn in connections.all(initialized_only=True):
        install(connection=conn)


# --------------------------------------------------------------------------- reads


class _Recorder:
    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.wrote = False


def _key(name: str, parts: Iterable[Any]) -> str:
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()[:32]
    return f"{VALUE_PREFIX}{name}:{digest}"


def _get_many(keys: list[str]) -> dict[str, Any]:
    busy = getattr(_local, "busy", False)
    _local.busy = True
    try:
        return cache.get_many(keys)
    finally:
        _local.busy = busy


def _quiet(call: Callable[[], T]) -> T:
    busy = getattr(_local, "busy", False)
    _local.busy = True
    try:
        return call()
    finally:
        _local.busy = busy


def cached(
    name: str,
    parts: Iterable[Any],
    compute: Callable[[], T],
    *,
    store_if: Callable[[T], bool] | None = None,
) -> T:
    """``compute()``, or the value it returned before for the same ``name`` and ``parts``
    if no table its queries read has been written since. ``parts`` must hold everything
    besides the database that the value depends on (the person, language, time zone,
    time bucket...). ``store_if(value)`` False keeps a value out of the cache."""
    connection = connections[DEFAULT_DB_ALIAS]
    flush()
    if not enabled() or has_uncommitted_writes(connection):
        return compute()
    key = _key(name, parts)
    hint = _hints.get(name, frozenset())
    try:
        found = _get_many([key, *(GEN_PREFIX + t for t in hint)])
    except Exception:
        logger.exception("table cache: could not read %s", name)
        return compute()
    stored = found.get(key)
    if stored is not None:
        tables, generations, value = stored
        missing = [GEN_PREFIX + t for t in tables if t not in hint]
        if missing:
            # stored by another process (or before this one learned them): learn them, so
            # that the next hit reads the value and its generations in one round trip
            found.update(_get_many(missing))
            _hints[name] = hint | frozenset(tables)
        if all(found.get(GEN_PREFIX + t) == g for t, g in zip(tables, generations, strict=True)):
            # an enclosing computation (a whole page) depends on these tables too
            for recorder in getattr(_local, "recorders", None) or ():
                recorder.tables.update(tables)
            return value
    recorder = _Recorder()
    stack = getattr(_local, "recorders", None)
    if stack is None:
        stack = _local.recorders = []
    stack.append(recorder)
    try:
        value = compute()
    finally:
        stack.remove(recorder)
    read = frozenset(recorder.tables)
    before = {t: found.get(GEN_PREFIX + t) for t in read}
    storable = (
        not recorder.wrote
        and read <= hint
        and not (read & untracked_tables())
        and all(g is not None for g in before.values())
        and (store_if is None or store_if(value))
    )
    if storable:
        tables = tuple(sorted(read))
        generations = tuple(before[t] for t in tables)
        _quiet(lambda: cache.set(key, (tables, generations, value), TIMEOUT))
    else:
        if not read <= hint:
            _hints[name] = hint | read
        absent = [t for t, g in before.items() if g is None and t not in untracked_tables()]
        if absent:
            token = f"{time.time_ns():x}-{secrets.token_hex(4)}"
            _quiet(lambda: [cache.add(GEN_PREFIX + t, token, timeout=None) for t in absent])
    return value


def person_parts(request) -> tuple:
    """What a personal value depends on besides the database: the person's row as loaded
    for this request and their roles, the language, the time zone, the minute, the
    page-cache generation (per-process memories of the page tree)."""
    # (the middleware it imports needs the account models, still loading when
    # curriculum.selectors imports this module)
    # cycle: semilla.table_cache -> semilla.pagecache_middleware -> semilla.middleware
    from .pagecache_middleware import generation

    user = request.user
    row = tuple(getattr(user, f.attname) for f in user._meta.concrete_fields)
    roles = tuple(sorted(getattr(user, "role_names", ()) or ()))
    return (
        row,
        roles,
        translation.get_language(),
        timezone.get_current_timezone_name(),
        int(time.time() // 60),
        generation(),
    )
