"""Reading a tabular text file someone saved from Excel or a school system: its encoding
and its separator. The one reader of both for every import (registry, transitions).

- **Encoding**: UTF-8, with or without a byte order mark, when the whole file decodes as
  UTF-8; else Windows-1252, which Excel on Windows still writes for "CSV" by default.
- **Separator**: the one of `;`, `,` and tab that the header line holds most of (`;`,
  the Dutch Excel default, on a tie).
"""

from __future__ import annotations

import codecs
from pathlib import Path

UTF8 = "utf-8-sig"  # reads a file with and without its byte order mark alike
WINDOWS_1252 = "cp1252"
SEPARATORS = (";", ",", "\t")
_CHUNK = 1 << 20


def text_decode(data: bytes) -> str:
    """`data` as text: UTF-8 (a BOM dropped), else Windows-1252.

    Raises UnicodeDecodeError when it is neither; its `object` is the text without the
    BOM and `start` where decoding failed, to point at the line.
    """
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode(WINDOWS_1252)


def file_encoding(path: Path) -> str:
    """The encoding to read the file at `path` with (`UTF8` or `WINDOWS_1252`), decided
    as `text_decode` decides but in chunks, so a large file is never read whole."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as raw:
        try:
            while chunk := raw.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return WINDOWS_1252
    return UTF8


def separator_of(line: str) -> str:
    """The separator of a header line: the most frequent of `;`, `,` and tab."""
    return max(SEPARATORS, key=line.count)
