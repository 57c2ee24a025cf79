"""One cell of the monitor's figures: the count (with its percentage), or why it is hidden.

A tag rather than an included template: a national table has hundreds of cells, and an
include per cell was most of the page's time.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..suppression import ALMOST_ALL, SMALL

register = template.Library()
WHOLE = Decimal(1)

HIDDEN = '<abbr class="hidden-figure" title="{}">{}</abbr><span class="visually-hidden"> {}</span>'


def _whole(percent: float) -> int:
    """As `floatformat:0` rounds (half up), without its locale work per cell."""
    return int(Decimal(repr(percent)).quantize(WHOLE, rounding=ROUND_HALF_UP))


@register.simple_tag
def figure_cell(shown, no_percent: bool = False) -> str:
    """Hidden figures say why, never the number."""
    if shown.empty:
        return format_html('<span class="muted" title="{}">—</span>', _("no pupils"))
    if shown.hidden:
        k = {"k": shown.k}
        if shown.reason == SMALL:
            return format_html(
                HIDDEN,
                _("Hidden: fewer than %(k)s pupils") % k,
                _("fewer than %(k)s") % k,
                _("pupils: hidden, fewer than %(k)s pupils") % k,
            )
        if shown.reason == ALMOST_ALL:
            return format_html(
                HIDDEN,
                _("Hidden: all but fewer than %(k)s pupils of this group") % k,
                _("nearly all"),
                _("hidden: all but fewer than %(k)s pupils of this group") % k,
            )
        return format_html(
            HIDDEN,
            _(
                "Hidden so that a small number elsewhere in this table cannot be worked out"
            ),
            _("shielded"),
            _(
                "hidden so that a small number elsewhere in this table cannot be worked out"
            ),
        )
    if shown.percent is not None and not no_percent:
        return format_html(
            '{} <small class="muted">{}%</small>',
            localize(shown.count),
            _whole(shown.percent),
        )
    return format_html("{}", localize(shown.count))


@register.simple_tag
def figure_tds(cells, data_count: bool = False) -> str:
    """A table cell (`<td class="num">`) per figure; `data_count` adds the count as the
    national tables carry it."""
    if data_count:
        return format_html_join(
            "",
            '<td class="num" data-count="{}">{}</td>',
            (("" if s.count is None else s.count, figure_cell(s)) for s in cells),
        )
    return format_html_join(
        "", '<td class="num">{}</td>', ((figure_cell(s),) for s in cells)
    )
