"""What every pygal chart of ours shares: no `<script>` in the SVG.

pygal embeds a `<style>` and a configuration `<script>` in every chart. As an `<img>` the
style is harmless under our CSP; the script is dead weight (and WeasyPrint ignores it), so
it is taken out of the tree before the SVG is written. Used by reflection, planning and
transitions: build the chart with `js=[]` and add `strip_scripts` as its XML filter.
"""

from __future__ import annotations


def strip_scripts(root):
    """pygal writes a config `<script>` even with `js=[]`; an `<img>` never runs it.

    An XML filter for every pygal chart of ours (`chart.add_xml_filter(strip_scripts)`).
    """
    for parent in list(root.iter()):
        for child in list(parent):
            if str(child.tag).rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root
