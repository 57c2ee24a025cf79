"""Which school a line of a file names, and why an import may not write for it.

A line names a school by BRIN, or BRIN and location (vestiging); a line without one is
about the school the file was uploaded for. The school must be one of the partnership's,
and one this import may write for (`rights.py`): the refusal says which of the two
conditions failed, in the words of the file's side.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from doorlopend.partnerships.models import Organisation, Partnership

from ...choices import ImportKind
from .rights import ImportSchools


def school_keys(partnership: Partnership) -> dict[str, int | None]:
    """{BRIN: school} (None when the BRIN has several locations here) and {BRIN+location: school}."""
    keys: dict[str, int | None] = {}
    for org_id, brin, vestiging in Organisation.objects.filter(
        partnership=partnership, register_entry__isnull=False
    ).values_list("pk", "register_entry__brin", "register_entry__vestiging"):
        brin = brin.upper()
        keys[brin] = None if brin in keys and keys[brin] != org_id else org_id
        if vestiging:
            keys[vestiging.upper()] = org_id
    return keys


class FileSchools:
    """The schools the lines of one file may name; built once per import."""

    def __init__(
        self, *, kind: str, keys: dict[str, int | None], allowed: ImportSchools
    ):
        self.kind = kind
        # {"BRIN" or "BRIN+VESTIGING": organisation id, or None when the BRIN alone is ambiguous}
        self.keys = keys
        # The schools this import may write for (issue 12): the uploader's, of its side.
        self.allowed = allowed

    def resolve(self, brin: str, vestiging: str, errors: list[str]) -> int | None:
        """The school a line names; None (and a reason in `errors`) when there is none
        or it is not one this import may write for."""
        brin = brin.replace(" ", "").upper()
        vestiging = vestiging.replace(" ", "").upper()
        if vestiging and len(vestiging) <= 2:
            vestiging = brin[:4] + vestiging.zfill(2)
        key = vestiging or brin
        if key not in self.keys and len(key) > 4:
            key = key[:4]
        org_id = self.keys.get(key, 0)
        if org_id == 0:
            errors.append(
                _("Unknown BRIN “%(brin)s”: not a school of this partnership.")
                % {"brin": vestiging or brin}
            )
        elif org_id is None:
            errors.append(
                _(
                    "The BRIN “%(brin)s” has several locations in this partnership: add the location number."
                )
                % {"brin": brin}
            )
        elif org_id not in self.allowed.allowed:
            errors.append(self.refusal(org_id, vestiging or brin))
        return org_id or None

    def refusal(self, org_id: int, code: str) -> str:
        """Why this file may not write for school `org_id` (named `code` in the file, or
        empty: the school it was uploaded for); "" when it may."""
        if org_id in self.allowed.allowed:
            return ""
        leavers = self.kind == ImportKind.LEAVERS
        if org_id not in self.allowed.own:
            if not code:
                return _(
                    "You are not (or no longer) decaan of the school this file was uploaded for."
                )
            return _(
                "“%(brin)s” is not a school where you are decaan: a file may only name your own schools."
            ) % {"brin": code}
        if not code:
            if leavers:
                return _(
                    "This file was uploaded for a school that is not a vo school: a list of leavers comes from the vo school."
                )
            return _(
                "This file was uploaded for a school that is not an mbo school: a list of statuses comes from the mbo school."
            )
        if leavers:
            return _(
                "“%(brin)s” is not a vo school: a list of leavers names the vo school the pupil leaves."
            ) % {"brin": code}
        return _(
            "“%(brin)s” is not an mbo school: a list of statuses names the mbo school the pupil goes to."
        ) % {"brin": code}
