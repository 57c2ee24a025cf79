"""Read a generated PDF back in tests, with pypdf from uv.lock (no poppler needed)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as one line, pages in order, runs of white space as one space.

    pypdf keeps a word hyphenated over two lines apart ("samen- werking"): compare such
    text with `squeezed()`.
    """
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(
        word for page in reader.pages for word in page.extract_text().split()
    )


def squeezed(text: str) -> str:
    """Without spaces and hyphens, so a word hyphenated over two lines still matches."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", text)


def pdf_reader(pdf: bytes) -> PdfReader:
    """The parsed PDF, for its catalogue (structure tree, language) and metadata."""
    return PdfReader(io.BytesIO(pdf))
