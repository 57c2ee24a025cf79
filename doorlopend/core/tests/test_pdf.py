"""core.pdf: the one way the app makes a PDF (tagged PDF/UA-1, title, language)."""

from pathlib import Path

from django.conf import settings
from django.utils import translation

from doorlopend.core.pdf import pdf_render
from doorlopend.core.testing.pdf import pdf_reader, pdf_text

PAGE = '<!doctype html><html lang="en"><title>x</title><h1>Leerroute</h1><p>Zorg</p>'


def test_title_and_language_are_set_whatever_the_template_says():
    with translation.override("nl"):
        reader = pdf_reader(pdf_render(PAGE, title="Projectplan · Zorg en Welzijn"))
    assert reader.metadata.title == "Projectplan · Zorg en Welzijn"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert pdf_text(pdf_render(PAGE, title="t", language="en")) == "Leerroute Zorg"


def test_no_module_but_core_pdf_calls_weasyprint():
    """A PDF made around the helper would miss the tags, the title or the language."""
    root = Path(settings.BASE_DIR) / "doorlopend"
    callers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "tests" not in path.parts
        and "weasyprint" in path.read_text()
        and path != root / "core" / "pdf.py"
    ]
    assert callers == []
