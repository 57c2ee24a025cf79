"""The encrypted container of a backup: a passphrase, scrypt, AES-GCM in chunks.

Layout: MAGIC, a 16-byte salt, scrypt's n, r and p (3 × uint32), an 8-byte nonce prefix;
then chunks, each a uint32 length and AES-256-GCM ciphertext of up to CHUNK bytes. A
chunk's nonce is the prefix and its number; its associated data is the header, its
number and whether it is the last one. So chunks cannot be reordered, dropped, swapped
between archives or cut off at the end without the reader noticing, and a wrong
passphrase fails on the first chunk. Streamed: neither side holds more than one chunk.
"""

from __future__ import annotations

import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"DOORLOPEND-BACKUP-1\n"
CHUNK = 1024 * 1024
# scrypt's cost: 2**15 × 8 × 128 bytes = 32 MiB and a tenth of a second per archive.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_HEADER = struct.Struct(">16sIII8s")
_LENGTH = struct.Struct(">I")


class BackupCryptoError(Exception):
    """The archive cannot be read: wrong passphrase, damaged, cut off, or not one."""


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> AESGCM:
    if not passphrase:
        raise BackupCryptoError("The passphrase is empty.")
    derived = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode())
    return AESGCM(derived)


def _aad(header: bytes, number: int, last: bool) -> bytes:
    return header + struct.pack(">Q?", number, last)


class EncryptingWriter:
    """A write-only file object: what is written ends up encrypted in `out`."""

    def __init__(self, out: BinaryIO, passphrase: str) -> None:
        salt, self._prefix = os.urandom(16), os.urandom(8)
        self._header = MAGIC + _HEADER.pack(
            salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, self._prefix
        )
        self._aes = _key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        self._out, self._buffer, self._number = out, bytearray(), 0
        out.write(self._header)

    def write(self, data: bytes) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep one back: the last chunk is marked
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, plain: bytes, *, last: bool) -> None:
        nonce = self._prefix + struct.pack(">I", self._number)
        sealed = self._aes.encrypt(nonce, plain, _aad(self._header, self._number, last))
        self._out.write(_LENGTH.pack(len(sealed)) + sealed)
        self._number += 1

    def close(self) -> None:
        """Seal the last chunk (possibly empty); `out` stays open."""
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()


class DecryptingReader:
    """A read-only file object over an archive written by EncryptingWriter."""

    def __init__(self, source: BinaryIO, passphrase: str) -> None:
        header = source.read(len(MAGIC) + _HEADER.size)
        if not header.startswith(MAGIC) or len(header) < len(MAGIC) + _HEADER.size:
            raise BackupCryptoError("This is not a Doorlopend backup archive.")
        salt, n, r, p, self._prefix = _HEADER.unpack(header[len(MAGIC) :])
        self._header, self._source = header, source
        self._aes = _key(passphrase, salt, n, r, p)
        self._plain, self._number, self._ended = b"", 0, False

    def _next_chunk(self) -> None:
        raw = self._source.read(_LENGTH.size)
        if len(raw) < _LENGTH.size:
            raise BackupCryptoError("The archive is cut off: its last part is missing.")
        (length,) = _LENGTH.unpack(raw)
        sealed = self._source.read(length)
        nonce = self._prefix + struct.pack(">I", self._number)
        for last in (False, True):
            try:
                plain = self._aes.decrypt(
                    nonce, sealed, _aad(self._header, self._number, last)
                )
            except InvalidTag:
                continue
            self._plain, self._ended = self._plain + plain, last
            self._number += 1
            if last and self._source.read(1):
                raise BackupCryptoError("The archive has data after its end.")
            return
        raise BackupCryptoError(
            "The archive cannot be decrypted: a wrong passphrase, or a damaged file."
        )

    def read(self, size: int = -1) -> bytes:
        while not self._ended and (size < 0 or len(self._plain) < size):
            self._next_chunk()
        if size < 0:
            size = len(self._plain)
        data, self._plain = self._plain[:size], self._plain[size:]
        return data
