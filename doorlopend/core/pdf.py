"""Every PDF the app makes: HTML rendered by WeasyPrint as tagged PDF/UA-1.

Dutch public bodies may only publish accessible documents (PDF/UA): a screen reader needs
the structure tree (headings, lists, tables, reading order), the document's language to
pronounce it and its title to announce it. One function, so no PDF is made without them.
"""

from __future__ import annotations

from django.utils import translation

VARIANT = "pdf/ua-1"


def pdf_render(html: str, *, title: str, language: str | None = None) -> bytes:
    """The HTML page as a tagged PDF/UA-1 document titled `title`, in `language`.

    The title and language are set on the document whatever the template says (its
    `<title>` and `<html lang>` should say the same); `language` defaults to the active
    one, so a PDF made for a Dutch reader is marked Dutch.
    """
    # WeasyPrint loads pango and its fonts on first import (~1 s): not at server start.
    from weasyprint import HTML

    document = HTML(string=html, base_url=None).render(pdf_variant=VARIANT)
    document.metadata.title = title
    document.metadata.lang = language or translation.get_language()
    return document.write_pdf(pdf_variant=VARIANT)
