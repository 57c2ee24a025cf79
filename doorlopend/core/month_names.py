"""Django's short month names (the date format "N"), written out so that `makemessages`
keeps our Dutch translations of them in the catalog: "24 nov. 2026", not "24 Nov. 2026".

Django looks them up as `pgettext("abbrev. month", …)` (django.utils.dates.MONTHS_AP); our
catalog comes first in LOCALE_PATHS, so these entries win. Nothing imports this module.
"""

from django.utils.translation import pgettext_lazy

MONTHS_AP = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)
