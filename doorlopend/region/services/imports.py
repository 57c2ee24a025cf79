"""Importing one open-data file: read, check every line, then write all or nothing.

The pieces are the doorstroom import's: the upload is stored and hashed by its
`store`, read by its streaming readers (CSV with any separator and encoding, or XLSX),
its header aliases pre-fill the mapping. The mapping that worked is saved on the data
set and tried first for the next file of that kind (the layout's own names).

These files are small (a region's rows, some thousands at most), so the import runs in
the request, inside one transaction: a file with one bad line is refused whole, with
every bad line listed; the same file (its SHA-256) is never imported twice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from doorlopend.audit.models import Action
from doorlopend.audit.services import record
from doorlopend.partnerships.models import Membership, Partnership
from doorlopend.transitions.services.imports.columns import (
    fields_problems,
    fields_suggest,
)
from doorlopend.transitions.services.imports.read import UnreadableFile, open_table
from doorlopend.transitions.services.imports.store import (
    StoredUpload,
    upload_discard,
    upload_store,
)

from ..layouts import FIELDS, MODELS, BadLine, Parser
from ..models import DataSet

MAX_PROBLEMS = 200


@dataclass
class ImportRefused(Exception):
    """The file was not imported: why, and the bad lines as (line number, reason)."""

    message: str
    lines: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message


def _columns(partnership: Partnership, kind: str, headers: list[str]) -> dict:
    """The saved mapping of this layout when it fits the headers, else the aliases'."""
    saved = (
        DataSet.objects.filter(partnership=partnership, kind=kind)
        .order_by("-imported_at")
        .values_list("columns", flat=True)
        .first()
    )
    fields = FIELDS[kind]
    if saved and not fields_problems(fields, saved, headers):
        return saved
    return fields_suggest(fields, headers)


def _rows(path: Path, partnership: Partnership, kind: str):
    """(columns, rows, masked): every line parsed, or ImportRefused with all bad ones."""
    parser, rows, problems = Parser(), [], []
    try:
        with open_table(path) as table:
            columns = _columns(partnership, kind, table.headers)
            missing = fields_problems(FIELDS[kind], columns, table.headers)
            if missing:
                raise ImportRefused(
                    _("The file does not have the columns of this kind of data."),
                    [(1, str(problem)) for problem in missing.values()],
                )
            index = {name: table.headers.index(h) for name, h in columns.items()}
            for line, values in table.rows:
                raw = {
                    name: values[i] if i < len(values) else ""
                    for name, i in index.items()
                }
                try:
                    rows.append(parser.row(kind, raw))
                except BadLine as error:
                    problems.append((line, str(error)))
    except UnreadableFile as error:
        raise ImportRefused(str(error)) from error
    if problems:
        raise ImportRefused(
            _("Nothing was imported: %(n)s lines are not right.")
            % {"n": len(problems)},
            problems[:MAX_PROBLEMS],
        )
    if not rows:
        raise ImportRefused(_("The file holds no lines after its column names."))
    return columns, rows, parser.masked


def dataset_import(
    *,
    partnership: Partnership,
    by: Membership | None,
    kind: str,
    chunks,
    file_name: str,
    source_name: str,
    publisher: str,
    reference_date: datetime.date,
) -> DataSet:
    """Import one file of `kind`; raises ImportRefused (nothing written) when it is not
    right or was imported before."""
    if by is not None and not by.has_perm("region.manage"):
        raise PermissionDenied(_("You may not import data."))
    stored: StoredUpload = upload_store(chunks)
    try:
        earlier = DataSet.objects.filter(
            partnership=partnership, content_hash=stored.content_hash
        ).first()
        if earlier is not None:
            raise ImportRefused(
                _(
                    "This file was imported before, on %(date)s as “%(source)s”: "
                    "it is not imported twice."
                )
                % {
                    "date": date_format(localtime(earlier.imported_at), "j F Y"),
                    "source": earlier.source_name,
                }
            )
        path = Path(settings.PRIVATE_UPLOAD_ROOT) / stored.stored_name
        columns, rows, masked = _rows(path, partnership, kind)
        model = MODELS[kind]
        try:
            with transaction.atomic():
                dataset = DataSet.objects.create(
                    partnership=partnership,
                    kind=kind,
                    source_name=source_name,
                    publisher=publisher,
                    reference_date=reference_date,
                    file_name=Path(file_name).name[:255],
                    content_hash=stored.content_hash,
                    columns=columns,
                    row_count=len(rows),
                    masked_count=masked,
                    imported_by=by.user if by is not None else None,
                )
                model.objects.bulk_create(
                    [model(dataset=dataset, **row) for row in rows], batch_size=500
                )
        except IntegrityError as error:  # the same file at the same moment
            raise ImportRefused(
                _("This file was imported before: it is not imported twice.")
            ) from error
        return dataset
    finally:
        upload_discard(stored)


@transaction.atomic
def dataset_delete(*, dataset: DataSet, by: Membership) -> None:
    """Delete an imported file and its rows; the access log keeps its provenance (what
    it was, who imported it and when, who deleted it). Notes are not the file's: they
    stay."""
    if not by.has_perm("region.delete"):
        raise PermissionDenied(_("You may not delete data."))
    imported = (
        date_format(localtime(dataset.imported_at), "j F Y")
        if dataset.imported_at
        else ""
    )
    record(
        actor=by.user,
        action=Action.DELETE,
        objects=dataset,
        partnership=dataset.partnership,
        purpose=_("Region data set deleted"),
        label=_(
            "%(source)s (%(publisher)s), reference date %(date)s, file %(file)s, "
            "SHA-256 %(hash)s, %(rows)s rows; imported %(imported)s by %(by)s"
        )
        % {
            "source": dataset.source_name,
            "publisher": dataset.publisher,
            "date": date_format(dataset.reference_date, "j F Y"),
            "file": dataset.file_name,
            "hash": dataset.content_hash[:16],
            "rows": dataset.row_count,
            "imported": imported,
            "by": dataset.imported_by.email if dataset.imported_by else "—",
        },
    )
    dataset.delete()
