"""The one reader of an uploaded text file's encoding (core.textfile)."""

import codecs

from doorlopend.core.textfile import UTF8, WINDOWS_1252, file_encoding, text_decode


def test_utf8_with_or_without_bom_and_windows_1252_read_alike(tmp_path):
    text = "Vestiging 's-Hertogenbosch; Prins Bernhardstraat – Één"
    for data in (
        text.encode("utf-8"),
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("cp1252"),
    ):
        assert text_decode(data) == text
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("cp1252"))
    assert file_encoding(path) == WINDOWS_1252
    path.write_bytes(text.encode("utf-8"))
    assert file_encoding(path) == UTF8


def test_windows_1252_bytes_that_are_valid_utf8_read_as_utf8():
    """Ambiguous bytes go to UTF-8: "Â" and a no-break space in Windows-1252 are the
    bytes of UTF-8's no-break space. (The property test of the register parser leaves
    such files out for this reason.)"""
    assert text_decode("Â\xa0".encode("cp1252")) == "\xa0"
