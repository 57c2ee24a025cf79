"""The region analysis as a section of the route's projectplan (documents reads it): the
five answers as tables, each with its source and reference date, and the notes."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _

from doorlopend.core.document_content import Section, Table, Text
from doorlopend.routes.models import Leerroute

from .selectors import Count, route_analysis


def _count(count: Count) -> str:
    if count.at_least:
        return _("at least %(n)s") % {"n": count.known}
    return str(count.known)


def _source(answer) -> str:
    dataset = answer.dataset
    if dataset is None:
        return ""
    return _(
        "Source: %(source)s (%(publisher)s), reference date %(date)s, file %(file)s."
    ) % {
        "source": dataset.source_name,
        "publisher": dataset.publisher,
        "date": formats.date_format(dataset.reference_date, "j F Y"),
        "file": dataset.file_name,
    }


def _table(answer) -> Table | None:
    q = answer.question
    if q == 1:
        headers = [_("Sector"), _("Best prospect"), _("Vacancies")]
        rows = [
            [
                r["sector"],
                _("very good") if r["best"] == 5 else _("good"),
                _count(r["vacancies"]),
            ]
            for r in answer.rows
        ]
    elif q == 2:
        headers = [_("Work field"), _("Sector"), _("Prospect")]
        rows = [
            [r.occupation, r.sector, str(r.get_prospect_display())] for r in answer.rows
        ]
    elif q == 4:
        headers = [_("Year"), _("Pupils")]
        rows = [[str(r["year"]), _count(r["count"])] for r in answer.rows]
    elif q == 5:
        headers = [_("Year"), "BOL", "BBL", _("Share BBL")]
        rows = [
            [
                str(r["year"]),
                _count(r["bol"]),
                _count(r["bbl"]),
                _("unknown") if r["bbl_share"] is None else f"{r['bbl_share']}%",
            ]
            for r in answer.rows
        ]
    else:
        return None
    return Table(headers, rows, str(answer.label), empty=_("No data."))


def analysis_section(route: Leerroute) -> Section:
    parts = []
    for answer in route_analysis(route)["answers"]:
        table = _table(answer)
        if table is not None:
            parts.append(table)
        else:
            parts.append(
                Text("", "" if answer.notes else _("No data."), str(answer.label))
            )
        source = _source(answer)
        if source:
            parts.append(Text(source))
        for note in answer.notes:
            parts.append(
                Text(
                    f"{note.text} ({_('Source')}: {note.source}, "
                    f"{formats.date_format(note.created_at, 'j F Y')})"
                )
            )
    return Section(_("Region analysis"), parts)
