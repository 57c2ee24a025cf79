"""What every pygal chart of ours shares: no `<script>` in the SVG, and numbers rounded as
the tables beside them round them.

pygal embeds a `<style>` and a configuration `<script>` in every chart. As an `<img>` the
style is harmless under our CSP; the script is dead weight (and WeasyPrint ignores it), so
it is taken out of the tree before the SVG is written. Used by reflection, planning and
transitions: build the chart with `js=[]` and add `strip_scripts` as its XML filter.
"""

from __future__ import annotations

from django.template.defaultfilters import floatformat


def figure(value: float | None, places: int = 1) -> str:
    """A figure as the tables show it: rounded half up, in the active language ("4,0").

    Django's `number_format` cuts the float 3.95 to "3,9" where the `floatformat` filter of
    the table beside the chart gives "4,0": a chart and its table must never disagree.
    """
    return "" if value is None else str(floatformat(value, places))


def strip_scripts(root):
    """pygal writes a config `<script>` even with `js=[]`; an `<img>` never runs it.

    An XML filter for every pygal chart of ours (`chart.add_xml_filter(strip_scripts)`).
    """
    for parent in list(root.iter()):
        for child in list(parent):
            if str(child.tag).rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root
