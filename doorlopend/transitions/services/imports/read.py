"""Streaming readers for the uploaded files: rows one at a time, the file never whole.

`open_table(path)` gives a `Table` with the headers, an iterator of (line number, row)
and how far it has read (0–1, for the progress bar). CSV: the delimiter is the header line's
(`;`, `,` or tab) and the encoding UTF-8 with or without BOM, else Windows-1252, both
as `core.textfile` decides them. XLSX: the
first sheet, read-only, values only; the first non-empty row holds the headers.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from doorlopend.core.textfile import file_encoding, separator_of


class UnreadableFile(ValueError):
    """The file is not a CSV or XLSX file we can read; the message says why."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    _position: Any = field(repr=False, default=None)

    def fraction(self) -> float:
        """How much of the file has been read, 0–1 (by bytes for CSV, rows for XLSX)."""
        return self._position() if self._position else 0.0


def is_xlsx(path: Path) -> bool:
    return zipfile.is_zipfile(path)


@contextlib.contextmanager
def open_table(path: Path) -> Iterator[Table]:
    """The table in `path`; raises UnreadableFile for an empty or unreadable file."""
    if is_xlsx(path):
        with _open_xlsx(path) as table:
            yield table
    else:
        with _open_csv(path) as table:
            yield table


def headers_of(path: Path) -> list[str]:
    with open_table(path) as table:
        return table.headers


@contextlib.contextmanager
def _open_csv(path: Path) -> Iterator[Table]:
    size = os.path.getsize(path) or 1
    encoding = file_encoding(path)
    raw = path.open("rb")
    try:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        first = text.readline()
        if not first.strip():
            raise UnreadableFile(
                _("The file is empty or its first line holds no column names.")
            )
        if "\x00" in first:
            raise UnreadableFile(_("This is not a CSV or XLSX file."))
        delimiter = separator_of(first)
        headers = [h.strip() for h in next(csv.reader([first], delimiter=delimiter))]
        reader = csv.reader(text, delimiter=delimiter)

        def rows() -> Iterator[tuple[int, list[str]]]:
            for values in reader:
                if values and any(values):
                    # line_num counts physical lines read by the reader; +1 for the header.
                    yield reader.line_num + 1, values

        yield Table(headers, rows(), lambda: min(raw.tell() / size, 1.0))
    finally:
        raw.close()


@contextlib.contextmanager
def _open_xlsx(path: Path) -> Iterator[Table]:
    from openpyxl import load_workbook

    handle = path.open("rb")  # a file object: openpyxl judges a path by its extension
    try:
        book = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        handle.close()
        raise UnreadableFile(_("This XLSX file cannot be read.")) from error
    try:
        sheet = book.worksheets[0]
        total = sheet.max_row or 0
        iterator = sheet.iter_rows(values_only=True)
        line, headers = 0, None
        for values in iterator:
            line += 1
            if values and any(v not in (None, "") for v in values):
                headers = [_cell_text(v).strip() for v in values]
                break
        if headers is None:
            raise UnreadableFile(
                _("The file is empty or its first line holds no column names.")
            )
        while headers and not headers[-1]:
            headers.pop()
        state = {"line": line}

        def rows() -> Iterator[tuple[int, list[Any]]]:
            for values in iterator:
                state["line"] += 1
                if values and any(v not in (None, "") for v in values):
                    yield state["line"], [_cell(v) for v in values]

        yield Table(
            headers, rows(), lambda: min(state["line"] / total, 1.0) if total else 0.0
        )
    finally:
        book.close()
        handle.close()


def _cell(value: Any) -> Any:
    """Cells as text, except dates (kept for the date fields)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return _cell_text(value)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
