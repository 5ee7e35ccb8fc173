"""Spanish is the default language: every catalogue must be complete."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("*/locale/es/LC_MESSAGES/django.po"))


def test_spanish_catalogues_exist():
    apps = {path.parts[-5] for path in CATALOGUES}
    assert "site" in apps


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
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


def test_spanish_translation_active():
    with translation.override("es"):
        assert translation.gettext("Log in") == "Iniciar sesión"
    with translation.override("en"):
        assert translation.gettext("Log in") == "Log in"
