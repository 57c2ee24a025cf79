"""Properties of the parser: valid files round-trip; no input raises anything but the import error."""

import codecs

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from doorlopend.registry.services import RegisterImportError, parse_register

from .duo_files import DEMO, duo_file, vo_row

# Printable text as people type it: letters, digits, punctuation (";" and '"' included),
# symbols and spaces, and now and then a line break inside a value.
_TEXT = st.characters(categories=["L", "N", "P", "S", "Zs"]) | st.just("\n")
_CP1252 = _TEXT.filter(lambda char: char.encode("cp1252", errors="ignore") != b"")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@st.composite
def locations(draw, alphabet):
    """Unique, valid vo locations with arbitrary names, places and streets."""
    keys = draw(
        st.lists(
            st.tuples(
                st.text("0123456789", min_size=2, max_size=2),
                st.text(_UPPER, min_size=2, max_size=2),
                st.text("0123456789", min_size=2, max_size=2),
            ),
            min_size=1,
            max_size=8,
            unique_by=lambda key: key[0] + key[1] + key[2],
        )
    )
    value = st.text(alphabet, max_size=40)
    rows = []
    for digits, letters, suffix in keys:
        name = draw(value.filter(lambda text: text.strip()))
        rows.append(
            vo_row(
                digits + letters,
                suffix,
                VESTIGINGSNAAM=name,
                PLAATSNAAM=draw(value),
                STRAATNAAM=draw(value),
            )
        )
    return rows


@st.composite
def files(draw):
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    rows = draw(locations(_CP1252 if encoding == "cp1252" else _TEXT))
    data = duo_file(
        rows,
        encoding=encoding,
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        trailing=draw(st.booleans()),
        quote_all=draw(st.booleans()),
    )
    if encoding == "cp1252" and not data.isascii():
        # Windows-1252 bytes that also form valid UTF-8 ("Â" + a no-break space is the
        # bytes of UTF-8's no-break space) are read as UTF-8, by design
        # (core.textfile.text_decode): no one types such pairs, and the file is as likely
        # to be UTF-8. Only unambiguous Windows-1252 files round-trip as such.
        assume(not _valid_utf8(data))
    return rows, data


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@given(files())
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_valid_files_round_trip(generated):
    rows, data = generated
    parsed = parse_register(data)
    assert parsed.sector == "vo"
    assert [(e.brin, e.vestiging) for e in parsed.entries] == [
        (row["BRIN NUMMER"], row["VESTIGINGSNUMMER"]) for row in rows
    ]
    for entry, row in zip(parsed.entries, rows, strict=True):
        assert entry.values["name"] == row["VESTIGINGSNAAM"].strip()
        assert entry.values["place"] == row["PLAATSNAAM"].strip()
        assert entry.values["street"] == row["STRAATNAAM"].strip()
    # Every record starts on a later physical line than the one before it.
    lines = [entry.line for entry in parsed.entries]
    assert lines == sorted(set(lines)) and lines[0] == 2


def _parse_or_refuse(data: bytes, sector: str | None = None) -> None:
    try:
        parsed = parse_register(data, sector=sector)
    except RegisterImportError as error:
        errors = error.errors
    else:
        assert parsed.entries
        return
    assert errors
    assert all(row.line >= 1 and row.reason for row in errors)


@given(st.binary(max_size=2000), st.sampled_from([None, "vo", "mbo", "hbo"]))
@example(b"\x00", None)
@example(codecs.BOM_UTF8, None)
@example(b'"', None)
@example(b"BRIN NUMMER;INSTELLINGSNAAM\n", "mbo")
def test_arbitrary_bytes_raise_only_the_import_error(data, sector):
    _parse_or_refuse(data, sector)


_DEMO = (DEMO / "demo_vo_locations.csv").read_bytes()


@given(
    st.integers(0, len(_DEMO) - 1),
    st.binary(min_size=0, max_size=8),
    st.integers(0, 8),
)
@settings(max_examples=300)
def test_damaged_register_files_raise_only_the_import_error(
    position, inserted, removed
):
    """A real-looking file with bytes cut out or put in: refused cleanly, or still valid."""
    _parse_or_refuse(_DEMO[:position] + inserted + _DEMO[position + removed :])


@given(st.text(max_size=500))
def test_arbitrary_text_raises_only_the_import_error(text):
    _parse_or_refuse(text.encode("utf-8"))
