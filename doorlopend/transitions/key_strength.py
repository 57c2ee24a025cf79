"""How strong a pupil key is: at least 32 random bytes, and never the development key.

With ~10⁸ valid pupil numbers, anyone holding the database and able to guess
`PUPIL_PSEUDONYM_KEY` can compute every pseudonym and so reverse them all; a guessable
`PUPIL_DATA_KEYS` key opens every name and date of birth. Randomness cannot be proved from
one string, so the measure refuses what visibly is not 32 random bytes:

1. The key is the text form of bytes. `PUPIL_PSEUDONYM_KEY`: hex (only hex digits, even
   length) or base64 / base64url, padding optional. `PUPIL_DATA_KEYS`: Fernet keys, i.e.
   base64url of exactly 32 bytes. Any other text is refused, however long: a passphrase
   has far fewer random bits than characters.
2. It decodes to at least 32 bytes (256 bits).
3. The bytes look random: at least 16 different byte values (32 random bytes have about
   30; fewer than 16 happens with a chance below 10⁻⁹), and not all printable ASCII (a
   phrase in base64 is text; 32 random bytes are all printable with a chance of 2·10⁻¹⁴).
4. It is not one of the development keys written in `config/settings.py`.
"""

from __future__ import annotations

import base64
import binascii
import re
import string

MIN_BYTES = 32
MIN_DISTINCT = 16
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
_BASE64 = re.compile(r"[A-Za-z0-9+/_-]+={0,2}")
_PRINTABLE = frozenset(string.printable.encode())


def decode_key(key: str) -> bytes | None:
    """The bytes a hex or base64(url) key stands for; None when it is neither."""
    if _HEX.fullmatch(key):
        return bytes.fromhex(key)
    if not _BASE64.fullmatch(key):
        return None
    body = key.rstrip("=").replace("-", "+").replace("_", "/")
    if len(body) % 4 == 1:
        return None
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except binascii.Error:
        return None


def _random_bytes_problem(raw: bytes) -> str | None:
    if len(raw) < MIN_BYTES:
        return f"it decodes to {len(raw)} bytes, fewer than {MIN_BYTES}"
    distinct = len(set(raw))
    if distinct < MIN_DISTINCT:
        return f"its bytes repeat ({distinct} different values): not random"
    if set(raw) <= _PRINTABLE:
        return "it encodes text, not random bytes"
    return None


def pseudonym_key_problem(key: str, *, dev_keys: tuple[str, ...] = ()) -> str | None:
    """Why `key` is not fit as PUPIL_PSEUDONYM_KEY, or None. Never repeats the key."""
    if not key:
        return "it is empty"
    if key in dev_keys:
        return "it is the development key"
    raw = decode_key(key)
    if raw is None:
        return "it is not hex or base64 of random bytes"
    return _random_bytes_problem(raw)


def data_key_problem(key: str, *, dev_keys: tuple[str, ...] = ()) -> str | None:
    """Why `key` is not fit as a PUPIL_DATA_KEYS key, or None. Never repeats the key."""
    if key in dev_keys:
        return "it is the development key"
    try:
        raw = base64.urlsafe_b64decode(key.encode())
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        return "it is not a Fernet key (base64url of 32 bytes)"
    return _random_bytes_problem(raw)
