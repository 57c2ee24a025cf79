"""`scopes_disabled()` outside tests is a known exception, each with a why-comment.

A scan of the source (no database). CONVENTIONS.md allows it only in the guard's lookup,
national work (sweeps, key rotation, commands, the demo loader), lookups by a token or
id before a partnership is known, and tests; a grep for it lists just those. A new use
needs a comment on its line or the line above, and a read of something unscoped (the
partnership itself, instrument versions) needs none at all.
"""

from __future__ import annotations

from pathlib import Path

import doorlopend

ROOT = Path(doorlopend.__file__).parent


def _uses() -> list[tuple[str, int, str, str]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        if "tests" in path.parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines):
            if "with scopes_disabled()" in line:
                above = lines[n - 1].strip() if n else ""
                found.append((path.relative_to(ROOT).as_posix(), n + 1, line, above))
    return found


def test_every_scopes_disabled_says_why():
    silent = [
        f"{where}:{n}"
        for where, n, line, above in _uses()
        if "#" not in line and not above.startswith("#")
    ]
    assert silent == []


def test_the_scan_finds_the_guard():
    assert any(where == "partnerships/access.py" for where, *_ in _uses())
