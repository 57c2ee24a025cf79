"""The Dutch catalog is complete: no untranslated or fuzzy entries, and the .mo is current."""

import datetime
import re
from pathlib import Path

import polib
from django.utils import formats, translation

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


# Words that look formal but are not, or proper names; add one only with a reason.
FORMAL_ALLOWED: set[str] = set()
FORMAL = re.compile(r"\b(u|uw|uzelf|U|Uw|Uzelf)\b")


def _dutch(entry) -> list[str]:
    return [entry.msgstr, *entry.msgstr_plural.values()]


def test_dutch_says_je_never_u():
    """One form of address throughout: "je" and "jouw", never "u" and "uw"."""
    catalog = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    formal = [
        text
        for entry in catalog.translated_entries()
        for text in _dutch(entry)
        if FORMAL.search(text) and entry.msgid not in FORMAL_ALLOWED
    ]
    assert not formal, f"formal address in {formal[:5]}"


def test_dutch_says_uiterste_datum_and_vragen():
    catalog = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    deadline = [
        text
        for entry in catalog.translated_entries()
        for text in _dutch(entry)
        if re.search(r"deadline", re.sub(r"%\(\w+\)s", "", text), re.I)
    ]
    assert not deadline, f"'uiterste datum', not 'deadline': {deadline[:5]}"
    phone = [
        text
        for entry in catalog.translated_entries()
        if any("participate/" in path for path, _ in entry.occurrences)
        for text in _dutch(entry)
        if "stelling" in text
    ]
    assert not phone, f"the phone asks 'vragen', not 'stellingen': {phone[:5]}"


def test_short_months_are_dutch_abbreviations():
    with translation.override("nl"):
        assert formats.date_format(datetime.date(2026, 11, 24), "j N Y") == (
            "24 nov. 2026"
        )
        assert formats.date_format(datetime.date(2026, 5, 4), "j N Y") == "4 mei 2026"
