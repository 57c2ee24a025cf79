"""Sections of the route's projectplan read from other apps: the parties with their
contributions, the plan's budget per funding source, and the draagvlak survey's result
per kind of party (reflection's figures, so its k-rule decides what shows)."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from doorlopend.core.charts import figure
from doorlopend.core.document_content import EMPTY, Section, Table, Text, euro
from doorlopend.planning.selectors.budget import budget_totals
from doorlopend.reflection.selectors.parties import party_results, route_surveys
from doorlopend.reflection.selectors.results import min_group
from doorlopend.routes.models import Leerroute


def parties_section(route: Leerroute) -> Section:
    parties = list(
        route.parties.select_related("organisation").order_by(
            "organisation__name", "pk"
        )
    )
    rows = [
        [
            p.organisation.name,
            str(p.organisation.get_kind_display()),
            euro(p.contribution),
            p.financial_notes or EMPTY,
        ]
        for p in parties
    ]
    if rows:
        total = sum((p.contribution or Decimal(0) for p in parties), Decimal(0))
        rows.append([_("Total"), "", euro(total), ""])
    headers = [_("Party"), _("Kind"), _("Contribution"), _("Arrangements")]
    empty = _("No parties added to the route yet.")
    return Section(
        _("Parties and their contributions"),
        [Table(headers, rows, empty=empty, css="parties")],
    )


def budget_section(route: Leerroute) -> Section:
    """The partnership's plan budget per funding source: granted, planned, spent."""
    overview = budget_totals(partnership=route.partnership)
    rows = [
        [
            s.source.name,
            str(s.source.get_kind_display()),
            euro(s.granted),
            euro(s.totals.planned),
            euro(s.totals.spent),
        ]
        for s in overview.sources
    ]
    if rows:
        t = overview.total
        rows.append(
            [_("Total"), "", euro(overview.granted), euro(t.planned), euro(t.spent)]
        )
    headers = [
        _("Funding source"),
        _("Kind"),
        _("Granted"),
        _("Planned"),
        _("Spent"),
    ]
    table = Table(headers, rows, empty=_("No budget in the plan yet."), css="budget")
    return Section(_("Budget"), [table])


def _mean(figures) -> str:
    if figures.suppressed:
        return _("too few answers")
    return figure(figures.mean) or EMPTY


def draagvlak_section(route: Leerroute) -> Section:
    """The newest draagvlak survey's theme means per kind of party. A kind under k, or
    one that the total would give away, says "too few answers" (reflection's rule)."""
    title = _("Draagvlakonderzoek")
    survey = route_surveys(partnership=route.partnership, route_ids={route.pk}).get(
        route.pk
    )
    if survey is None:
        return Section(title, [Text(_("No draagvlak survey held yet."))])
    session = survey.session
    held = _("%(title)s, %(date)s: %(n)s people answered.") % {
        "title": session.title,
        "date": formats.date_format(session.date, "j F Y"),
        "n": survey.respondents,
    }
    result = party_results(session=session)
    if result.suppressed:
        k = min_group()
        too_few = _("Too few answers to show (fewer than %(k)s).") % {"k": k}
        return Section(title, [Text(held), Text(too_few)])
    headers = [_("Theme"), *(c.label for c in result.columns), _("All")]
    people = [
        _("People"),
        *(
            _("too few answers") if c.count is None else str(c.count)
            for c in result.columns
        ),
        str(result.results.respondents),
    ]
    rows = [people] + [
        [row.title, *(_mean(cell) for cell in row.cells), _mean(row.total)]
        for row in result.themes
    ]
    scale = result.results.definition.scale
    caption = _("Mean per theme and kind of party, from %(low)s to %(high)s.") % {
        "low": scale.min,
        "high": scale.max,
    }
    return Section(title, [Text(held), Table(headers, rows, caption)])
