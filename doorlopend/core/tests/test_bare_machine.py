"""`make test` needs nothing outside uv.lock: no test shells out to a Debian tool.

The README promises that `make test` works with only Python 3.11 present. A test that runs
`pdftotext` (poppler-utils), `soffice` or `psql` fails or skips on such a machine, so tests
read generated files with libraries from the lock file (`doorlopend.core.testing`). Only the
browser tests (`tests/browser`) and `.ci/run` may rely on Debian packages.
"""

import ast
import os
from pathlib import Path

import pytest
from django.conf import settings
from weasyprint import HTML

from doorlopend.core.testing.pdf import pdf_text

ROOT = Path(settings.BASE_DIR)
# Programs a bare machine lacks: they come from Debian packages, not from uv.lock.
DEBIAN_TOOLS = {
    "pdftotext",
    "pdftoppm",
    "pdfinfo",
    "soffice",
    "libreoffice",
    "psql",
    "pg_dump",
    "chromium",
}


def _test_modules():
    for path in sorted((ROOT / "doorlopend").rglob("*.py")):
        # This module names the programs it looks for.
        if path.name == Path(__file__).name:
            continue
        if "tests" in path.parts or path.name == "conftest.py":
            yield path
    yield ROOT / "conftest.py"


def _debian_calls(path: Path) -> list[str]:
    """Each `shutil.which(...)` and each string literal naming a Debian program."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Attribute) and node.attr == "which":
            found.append(f"{path.name}:{node.lineno}: shutil.which")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = set(node.value.replace("/", " ").split())
            for tool in sorted(words & DEBIAN_TOOLS):
                found.append(f"{path.name}:{node.lineno}: {tool}")
    return found


def test_no_test_outside_the_browser_suite_runs_a_debian_program():
    calls = [call for path in _test_modules() for call in _debian_calls(path)]
    assert calls == []


def test_pdf_text_reads_a_pdf_without_any_program_on_the_path(monkeypatch):
    pdf = HTML(string="<p>Doorlopende leerroute Zorg en Welzijn</p>").write_pdf()
    monkeypatch.setenv("PATH", os.devnull)
    assert pdf_text(pdf) == "Doorlopende leerroute Zorg en Welzijn"


@pytest.mark.parametrize("tool", sorted(DEBIAN_TOOLS))
def test_the_check_finds_a_call(tmp_path, tool):
    """The sweep above can fail: it sees both forms a test would use."""
    module = tmp_path / "test_x.py"
    module.write_text(f"import shutil, subprocess\nsubprocess.run(['{tool}', '-'])\n")
    assert _debian_calls(module) == [f"test_x.py:2: {tool}"]
    module.write_text("import shutil\nshutil.which('x')\n")
    assert _debian_calls(module) == ["test_x.py:2: shutil.which"]
