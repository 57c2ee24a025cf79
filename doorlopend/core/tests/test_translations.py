"""The Dutch catalog is complete: no untranslated or fuzzy entries, and the .mo is current."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_dutch_catalog_is_complete():
    catalog = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert not untranslated, (
        f"{len(untranslated)} untranslated nl entries, e.g. {untranslated[:5]} (run make messages)"
    )
    assert not fuzzy, f"{len(fuzzy)} fuzzy nl entries, e.g. {fuzzy[:5]}"


def test_compiled_catalog_matches_the_po_file():
    po = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.mo"))
    # Keyed by context too: one msgid may have a translation per context.
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    stale = [
        e.msgid
        for e in po.translated_entries()
        if not e.msgid_plural and compiled.get((e.msgctxt, e.msgid)) != e.msgstr
    ]
    assert not stale, f"django.mo is out of date for {stale[:5]} (run make messages)"
