"""Fill Spanish msgstrs of a catalogue from a JSON dict {msgid: msgstr} (helper for
translators working in bulk): python scripts/fill_po.py site/locale/es/LC_MESSAGES/django.po t.json"""

import json
import sys

import polib


def main(po_path: str, json_path: str) -> None:
    po = polib.pofile(po_path)
    translations = json.load(open(json_path, encoding="utf-8"))
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = (
                    {0: value[0], 1: value[1]} if isinstance(value, list) else {0: value, 1: value}
                )
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        elif not entry.msgstr and not entry.msgstr_plural.get(0):
            missing.append(entry.msgid)
    po.save()
    for msgid in missing:
        print("MISSING:", msgid)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
