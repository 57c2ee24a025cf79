"""The QR code of a session's join URL, as SVG for the beamer and the facilitator page."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, *, title: str = "") -> bytes:
    """A QR code of `url`: black on white (scannable in a dark theme too), scalable.

    Error correction "m" survives a beamer's glare and a slightly cut-off corner. The
    size is left out for a viewBox, so the page decides how large it is.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        scale=10,
        border=2,
        dark="#000000",
        light="#ffffff",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        title=title or url,
    )
    return buffer.getvalue()
