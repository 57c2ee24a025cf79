"""How a partnership is named in running text: its kind said once.

Many partnerships carry their kind in their name ("Samenwerkingsverband Rivierenland"):
"het samenwerkingsverband Samenwerkingsverband Rivierenland" reads as a mistake. Every
sentence that puts the kind before a partnership's name goes through `partnership_phrase`
(the template filter of the same name in `doorlopend_partnerships`).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _


def names_its_kind(name: str) -> bool:
    """Whether the name begins with the word for a partnership in the active language."""
    kind = re.escape(_("partnership"))
    return re.match(rf"{kind}\b", name.strip(), flags=re.IGNORECASE) is not None


def partnership_phrase(name: str) -> str:
    """ "het samenwerkingsverband X", or just "X" when X already says what it is."""
    name = str(name)
    if names_its_kind(name):
        return name
    return _("the partnership %(name)s") % {"name": name}
