"""Spanish is the default language: every catalogue must be complete.

Plural forms are the subtle part. Django merges each of our catalogues with its own at run
time and looks a plural up by the index its Plural-Forms formula gives: Spanish has three
forms (one, millions: "1000000 de postulaciones", other), so an entry that gives only two
has no form for 0, 2 or 5 and Django answers with the English msgid.
"""

import gettext
import io
import re
from pathlib import Path

import django
import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
# Each app's catalogue (<app>/locale) and the hand-kept Spanish overrides of third-party
# strings (site/locale_overrides, first in LOCALE_PATHS).
LOCALE_DIRS = ("locale", "locale_overrides")
CATALOGUES = sorted(
    path for folder in LOCALE_DIRS for path in ROOT.glob(f"*/{folder}/es/LC_MESSAGES/django.po")
)
ALL_CATALOGUES = sorted(
    path for folder in LOCALE_DIRS for path in ROOT.glob(f"*/{folder}/*/LC_MESSAGES/django.po")
)
OVERRIDES = ROOT / "site" / "locale_overrides" / "es" / "LC_MESSAGES" / "django.po"
DJANGO_LOCALE = Path(django.__file__).parent / "conf" / "locale"
GETTEXT_DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
COUNTS = (0, 1, 2, 5, 1_000_000)  # 1_000_000 reaches the Spanish "millions" form
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# Plural entries whose Spanish is rightly the same text as the English (an abbreviation).
SAME_IN_SPANISH = {"%(minutes)s min"}


def _catalogue_id(path):
    folder = "" if path.parts[-4] == "locale" else f"/{path.parts[-4]}"
    return f"{path.parts[-5]}{folder}-{path.parts[-3]}"


def _django_catalogue(language):
    with open(DJANGO_LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as mo:
        return gettext.GNUTranslations(mo)


def _normalise(plural_forms):
    return " ".join(plural_forms.split())


def _nplurals(plural_forms):
    return int(re.search(r"nplurals\s*=\s*(\d+)", plural_forms).group(1))


def _plural_entries(po_path):
    return [e for e in polib.pofile(str(po_path)) if e.msgid_plural and not e.obsolete]


def _forms(entry):
    return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]


SPANISH_PLURALS = [
    pytest.param(entry, id=f"{_catalogue_id(path)}:{entry.msgid}")
    for path in CATALOGUES
    for entry in _plural_entries(path)
]


@pytest.fixture
def compiled_catalogues():
    """The .mo files are build products (not in git; `make test` compiles them first):
    compile what changed since, so this file also runs alone right after a .po edit. A
    catalogue read before the compile stays cached twice: in Python's gettext module (keyed
    by the .mo path; no public way to empty it) and in Django (emptied when LOCALE_PATHS
    changes)."""
    out = io.StringIO()
    call_command("compile_translations", stdout=out)
    if out.getvalue().strip() != "compiled 0 catalogue(s)":
        gettext._translations.clear()
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        yield


def test_spanish_catalogues_exist():
    apps = {path.parts[-5] for path in CATALOGUES}
    assert "site" in apps
    assert OVERRIDES in CATALOGUES


def test_overrides_come_first_in_locale_paths():
    """Django prefers the first folder of LOCALE_PATHS, and LOCALE_PATHS over the apps:
    the overrides win over allauth's and Wagtail's own Spanish."""
    assert [Path(p) for p in settings.LOCALE_PATHS][:1] == [OVERRIDES.parents[2]]


def test_compile_translations_covers_the_overrides(tmp_path, settings):
    """`make run` compiles with our command (no gettext needed): it must compile the
    overrides too (on a copy, so that no other test sees a missing .mo)."""
    copy = tmp_path / OVERRIDES.relative_to(ROOT)
    copy.parent.mkdir(parents=True)
    copy.write_bytes(OVERRIDES.read_bytes())
    settings.BASE_DIR = tmp_path
    call_command("compile_translations", stdout=io.StringIO())
    assert copy.with_suffix(".mo").exists()


def _third_party_msgids():
    """Every msgid (with its context) of Django's, allauth's and Wagtail's catalogues."""
    site_packages = Path(django.__file__).parents[1]
    paths = [
        DJANGO_LOCALE / "en" / "LC_MESSAGES" / "django.po",
        *site_packages.glob("django/contrib/*/locale/en/LC_MESSAGES/django.po"),
        *site_packages.glob("allauth/locale/en/LC_MESSAGES/django.po"),
        *site_packages.glob("wagtail/**/locale/en/LC_MESSAGES/django.po"),
    ]
    return {(e.msgctxt, e.msgid) for path in paths for e in polib.pofile(str(path))}


def test_overrides_hold_only_third_party_msgids():
    """An override whose msgid the app no longer has (after an upgrade) is dead text, and
    one of our own msgids belongs in our own catalogue (makemessages keeps it there)."""
    known = _third_party_msgids()
    stale = [e.msgid for e in polib.pofile(str(OVERRIDES)) if (e.msgctxt, e.msgid) not in known]
    assert stale == []


def test_overrides_never_shadow_our_own_translations():
    """The overrides win over every app's catalogue, ours included: a msgid our apps
    translate stays theirs (Django already uses it for the third-party app too)."""
    ours = {
        (entry.msgctxt, entry.msgid)
        for path in CATALOGUES
        if path != OVERRIDES
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }
    shadowed = [e.msgid for e in polib.pofile(str(OVERRIDES)) if (e.msgctxt, e.msgid) in ours]
    assert shadowed == []


def test_overrides_keep_placeholders():
    """A translation that drops or renames a placeholder breaks the message at run time."""
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    problems = [
        f"{entry.msgid!r}: {text!r}"
        for entry in polib.pofile(str(OVERRIDES))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if text
        and set(placeholder.findall(text))
        != set(placeholder.findall(entry.msgid + entry.msgid_plural))
    ]
    assert problems == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=_catalogue_id)
def test_spanish_catalogue_complete(po_path):
    po = polib.pofile(str(po_path))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"empty plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"empty: {entry.msgid!r}")
    assert problems == []


@pytest.mark.parametrize("po_path", ALL_CATALOGUES, ids=_catalogue_id)
def test_catalogue_plural_forms_match_django(po_path):
    """Our Plural-Forms header is the one of Django's catalogue for the same language
    (gettext's default when Django's declares none, as its English one)."""
    ours = polib.pofile(str(po_path)).metadata.get("Plural-Forms", "")
    djangos = _django_catalogue(po_path.parts[-3]).info().get("plural-forms")
    assert _normalise(ours) == _normalise(djangos or GETTEXT_DEFAULT_PLURAL_FORMS)


@pytest.mark.parametrize("po_path", ALL_CATALOGUES, ids=_catalogue_id)
def test_catalogue_plural_entries_have_every_form(po_path):
    """Every plural entry has exactly nplurals forms; in Spanish none of them is empty."""
    nplurals = _nplurals(polib.pofile(str(po_path)).metadata["Plural-Forms"])
    spanish = po_path.parts[-3] == "es"
    problems = []
    for entry in _plural_entries(po_path):
        if sorted(entry.msgstr_plural) != list(range(nplurals)):
            problems.append(f"{len(entry.msgstr_plural)} forms: {entry.msgid!r}")
        elif spanish and not all(_forms(entry)):
            problems.append(f"empty form: {entry.msgid!r}")
    assert problems == []


@pytest.mark.parametrize("po_path", ALL_CATALOGUES, ids=_catalogue_id)
def test_catalogue_has_no_fuzzy_entries(po_path):
    po = polib.pofile(str(po_path))
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("entry", SPANISH_PLURALS)
def test_spanish_plural_million_form_is_its_own(entry):
    """Form 1 is for exact millions ("1000000 de postulaciones"): it is not a copy of the
    general plural, unless the words never change (an abbreviation such as "min")."""
    one, millions, other = _forms(entry)
    assert millions != other or one == millions == other


@pytest.mark.parametrize("entry", SPANISH_PLURALS)
def test_spanish_plural_translated_for_every_count(entry, compiled_catalogues):
    """What Django answers for 0, 1, 2, 5 and a million is our Spanish form for that count,
    its placeholders format, and it is not the English text (left as the msgstr or
    answered because no form was found)."""
    plural = _django_catalogue("es").plural
    forms = _forms(entry)
    names = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
    problems = []
    with translation.override("es"):
        for n in COUNTS:
            if entry.msgctxt:
                got = translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
            else:
                got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
            values = dict.fromkeys(names, n) if names else n  # "%d" alone: the count
            try:
                shown = got % values
                expected = forms[plural(n)] % values
            except (IndexError, KeyError, ValueError, TypeError) as error:
                problems.append(f"n={n}: {error!r}")
                continue
            if shown != expected:
                problems.append(f"n={n}: {shown!r} != {expected!r}")
            elif entry.msgid not in SAME_IN_SPANISH and shown in {
                entry.msgid % values,
                entry.msgid_plural % values,
            }:
                problems.append(f"n={n}: English {shown!r}")
    assert problems == []


def test_spanish_translation_active(compiled_catalogues):
    with translation.override("es"):
        assert translation.gettext("Log in") == "Iniciar sesión"
    with translation.override("en"):
        assert translation.gettext("Log in") == "Log in"
