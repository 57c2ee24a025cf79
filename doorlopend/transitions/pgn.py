"""The national pupil number (PGN): a BSN or an onderwijsnummer, checked by its 11-proef."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

_NON_DIGITS = re.compile(r"[\s.\-]")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_ONDERWIJSNUMMER_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, 1)


class InvalidPGN(ValueError):
    """Raised with a reason a person can act on."""


def pgn_normalise(value: str) -> str:
    """Nine digits: spaces, dots and dashes dropped; an 8-digit BSN gets its leading zero.

    Raises InvalidPGN when what remains is not eight or nine digits or fails the 11-proef.
    """
    digits = _NON_DIGITS.sub("", str(value or ""))
    if not digits.isdigit() or len(digits) not in (8, 9):
        raise InvalidPGN(_("the pupil number is not 9 digits"))
    if len(digits) == 8:
        digits = "0" + digits
    if not pgn_is_valid(digits):
        raise InvalidPGN(_("the pupil number fails its check digit (11-proef)"))
    return digits


def pgn_is_valid(digits: str) -> bool:
    """A BSN passes the 11-proef with weights 9…2, −1; an onderwijsnummer (starting with
    "10") has weights 9…1 and remainder 5."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    numbers = [int(d) for d in digits]
    if digits.startswith("10"):
        total = sum(
            w * n for w, n in zip(_ONDERWIJSNUMMER_WEIGHTS, numbers, strict=True)
        )
        if total % 11 == 5:
            return True
    total = sum(w * n for w, n in zip(_BSN_WEIGHTS, numbers, strict=True))
    return total % 11 == 0
