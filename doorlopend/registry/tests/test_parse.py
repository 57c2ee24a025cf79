"""The parser alone: encodings, line ends, layouts and every kind of bad file. No database."""

import codecs

import pytest

from doorlopend.registry.services import RegisterImportError, parse_register
from doorlopend.registry.services.layout import VO_COLUMNS

from .duo_files import DATA, duo_file, institution_row, vo_file, vo_row


def problems(data: bytes, sector: str | None = None) -> list[tuple[int, str]]:
    with pytest.raises(RegisterImportError) as caught:
        parse_register(data, sector=sector)
    return [(error.line, error.reason) for error in caught.value.errors]


def test_vo_file_utf8_lf():
    parsed = parse_register((DATA / "vo_utf8_lf.csv").read_bytes())
    assert parsed.sector == "vo"
    assert [(e.line, e.brin, e.vestiging) for e in parsed.entries] == [
        (2, "16SW", "16SW00"),
        (3, "16SW", "16SW03"),
        (4, "20DE", "20DE00"),
    ]
    first = parsed.entries[0]
    assert first.values["name"] == "Scholengemeenschap Sint-Joseph"
    assert first.values["place"] == "BOXMEER"
    assert first.values["municipality_code"] == "0756"
    assert first.region_code == "36"
    assert first.details["POSTCODE CORRESPONDENTIEADRES"] == "5830 AA"
    assert first.details["COROPGEBIED NAAM"] == "Noordoost-Brabant"
    assert "RMC-REGIO CODE" not in first.details  # it is the entry's region
    assert parsed.regions == {"36": "Noordoost-Brabant", "22": "Rivierenland"}
    assert parsed.entries[2].values["name"] == "Lycée Français Test"


def test_windows_1252_crlf_and_trailing_semicolon_read_the_same():
    utf8 = parse_register((DATA / "vo_utf8_lf.csv").read_bytes())
    cp1252 = parse_register((DATA / "vo_cp1252_crlf.csv").read_bytes())
    assert b"Lyc\xe9e" in (DATA / "vo_cp1252_crlf.csv").read_bytes()
    assert cp1252 == utf8


def test_utf8_bom_is_not_part_of_the_first_column():
    data = (DATA / "vo_utf8_lf.csv").read_bytes()
    assert parse_register(codecs.BOM_UTF8 + data) == parse_register(data)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("trailing", [False, True])
def test_line_ends_and_trailing_semicolons(newline, trailing):
    parsed = parse_register(vo_file(3, newline=newline, trailing=trailing))
    assert [e.line for e in parsed.entries] == [2, 3, 4]


def test_unquoted_values_and_columns_found_by_loosely_spelled_name():
    rows = [vo_row("16SW"), vo_row("17SW")]
    header, body = duo_file(
        rows, columns=list(reversed(VO_COLUMNS)), quote_all=False
    ).split(b"\n", 1)
    header = header.replace(b"BRIN NUMMER", b" brin_nummer ").replace(
        b"VESTIGINGSNUMMER", b"Vestigingsnummer"
    )
    parsed = parse_register(header + b"\n" + body)
    assert [e.vestiging for e in parsed.entries] == ["16SW00", "17SW00"]
    assert parsed.entries[0].values["name"] == "Testcollege 16SW00"


def test_quoted_semicolons_and_line_breaks_keep_physical_line_numbers():
    rows = [
        vo_row("16SW", STRAATNAAM="Markt; achteringang"),
        vo_row("17SW", VESTIGINGSNAAM="Het College\nlocatie Noord"),
        vo_row(
            "1XSW", VESTIGINGSNUMMER="18SW00"
        ),  # bad, on physical line 5: line 3 holds a line break
    ]
    assert [line for line, _ in problems(duo_file(rows))] == [5]
    parsed = parse_register(duo_file(rows[:2]))
    assert parsed.entries[0].values["street"] == "Markt; achteringang"
    assert parsed.entries[1].values["name"] == "Het College\nlocatie Noord"
    assert [e.line for e in parsed.entries] == [2, 3]


def test_blank_lines_are_skipped_but_counted():
    data = (
        vo_file(2).replace(b"\n", b"\n\n   \n", 1)
        + b"\n\n"
        + duo_file([vo_row("1X", VESTIGINGSNUMMER="10AA01")]).split(b"\n", 1)[1]
    )
    errors = problems(data)
    assert [line for line, _ in errors] == [8]
    assert "1X" in errors[0][1]


def test_institution_lists_need_their_sector():
    mbo = (DATA / "mbo_institutions.csv").read_bytes()
    parsed = parse_register(mbo, sector="mbo")
    assert parsed.sector == "mbo"
    assert [(e.brin, e.vestiging, e.values["name"]) for e in parsed.entries] == [
        ("25LP", "", "ROC Testregio"),
        ("30RC", "", "Vakschool Één"),
    ]
    assert parsed.entries[0].values["denomination"] == "Openbaar"
    assert parsed.entries[0].details == {"KVK-NUMMER": "12345678"}
    assert (
        parse_register(
            (DATA / "hbo_institutions.csv").read_bytes(), sector="hbo"
        ).sector
        == "hbo"
    )
    assert problems(mbo) == [
        (1, "This is a list of institutions: choose its sector, mbo or hbo.")
    ]
    assert "choose its sector" in problems(mbo, sector="vo")[0][1]


def test_vo_list_with_an_institution_sector_is_refused():
    assert "not a list of mbo institutions" in problems(vo_file(1), sector="mbo")[0][1]


def test_institution_list_with_only_key_columns():
    data = duo_file(
        [institution_row("21PL", "Hogeschool")],
        columns=["BRIN NUMMER", "INSTELLINGSNAAM"],
    )
    entry = parse_register(data, sector="hbo").entries[0]
    assert (
        entry.brin,
        entry.values["name"],
        entry.values["place"],
        entry.region_code,
    ) == ("21PL", "Hogeschool", "", "")


def test_every_bad_row_is_listed_with_its_line():
    errors = problems((DATA / "vo_bad_rows.csv").read_bytes())
    assert [line for line, _ in errors] == [
        3,
        3,
        4,
        6,
        7,
    ]  # line 3: BRIN and vestigingsnummer
    reasons = dict(errors[1:])
    assert "“16sw” is not valid" in errors[0][1]
    assert "“16sw00” is not valid" in reasons[3]
    assert reasons[4] == "The name (VESTIGINGSNAAM) is empty."
    assert reasons[6] == "17AB00 appears more than once: it was already on line 5."
    assert "“19CD00” does not start with this row's BRIN number “18CD”" in reasons[7]


def without(column: str) -> bytes:
    return duo_file([vo_row()], columns=[c for c in VO_COLUMNS if c != column])


BAD_FILES = {
    "missing column": (without("POSTCODE"), [(1, "The column “POSTCODE” is missing.")]),
    "missing key column": (
        without("BRIN NUMMER"),
        [(1, "The column “INSTELLINGSCODE” (or “BRIN NUMMER”) is missing.")],
    ),
    "BRIN too short": (
        duo_file([vo_row("1SW", VESTIGINGSNUMMER="16SW00")]),
        [(2, "BRIN number “1SW” is not valid")],
    ),
    "BRIN lower case": (
        duo_file([vo_row("16sw", "00", VESTIGINGSNUMMER="16SW00")]),
        [(2, "“16sw” is not valid")],
    ),
    "BRIN empty": (
        duo_file([vo_row("", "00", VESTIGINGSNUMMER="16SW00")]),
        [(2, "The BRIN number is empty.")],
    ),
    "vestiging one digit": (
        duo_file([vo_row("16SW", "3")]),
        [(2, "vestigingsnummer “16SW3” is not valid")],
    ),
    "vestiging letters": (
        duo_file([vo_row("16SW", "AB")]),
        [(2, "vestigingsnummer “16SWAB” is not valid")],
    ),
    "vestiging empty": (
        duo_file([vo_row(VESTIGINGSNUMMER="")]),
        [(2, "The vestigingsnummer is empty.")],
    ),
    "vestiging other BRIN": (
        duo_file([vo_row("16SW", VESTIGINGSNUMMER="17SW03")]),
        [(2, "does not start with")],
    ),
    "empty name": (
        duo_file([vo_row(VESTIGINGSNAAM="")]),
        [(2, "The name (VESTIGINGSNAAM) is empty.")],
    ),
    "duplicate": (
        duo_file([vo_row(), vo_row("17SW"), vo_row()]),
        [(4, "already on line 2")],
    ),
    "comma separated": (vo_file(2, delimiter=","), [(1, "separated by commas")]),
    "tab separated": (vo_file(2, delimiter="\t"), [(1, "separated by tabs")]),
    "NUL bytes": (vo_file(3) + b"\x00\x01", [(5, "NUL bytes")]),
    "workbook": (b"PK\x03\x04\x14\x00\x06\x00", [(1, "Excel workbook")]),
    "UTF-16": (vo_file(1, encoding="utf-16"), [(1, "UTF-16")]),
    "undecodable": (
        vo_file(1) + b"\x81\x8d",
        [(3, "neither as UTF-8 nor as Windows-1252")],
    ),
    "control characters": (vo_file(1) + b"\x1b[0m", [(3, "control characters")]),
    "empty file": (b"", [(1, "The file is empty.")]),
    "only blank lines": (codecs.BOM_UTF8 + b"\r\n \r\n", [(1, "The file is empty.")]),
    "header only": (vo_file(0), [(1, "has a header but no rows")]),
    "not a DUO file": (b"naam;plaats\nA;B\n", [(1, "not one of DUO's register files")]),
    "too few fields": (
        vo_file(2) + b'"x";"y"\n',
        [(4, "This row has 2 fields, but the header has 31.")],
    ),
    "too many fields": (
        vo_file(1).replace(b'Brabant"\n', b'Brabant";"x";"y"\n', 1),
        [(2, "has 33 fields")],
    ),
    "unclosed quote": (
        vo_file(1) + b'"16SW";"oops\nmore text;\n',
        [(3, "not closed")],
    ),
    "text after quote": (
        vo_file(1).replace(b'"Openbaar"', b'"Open"baar', 1),
        [(2, "closing quote")],
    ),
    "region half filled": (
        duo_file([vo_row(**{"RMC-REGIO_NAAM": ""})]),
        [(2, "must both be filled in")],
    ),
    "value too long": (
        duo_file([vo_row(POSTCODE="1" * 11)]),
        [(2, "POSTCODE is longer than 10 characters")],
    ),
    "unknown sector": (vo_file(1), [(1, "Unknown sector")]),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_files_are_refused_with_line_and_reason(kind):
    data, expected = BAD_FILES[kind]
    errors = problems(data, sector="xx" if kind == "unknown sector" else None)
    assert len(errors) == len(expected), errors
    for (line, reason), (expected_line, expected_reason) in zip(
        errors, expected, strict=True
    ):
        assert line == expected_line, errors
        assert expected_reason in reason


def test_header_problems_and_row_problems_are_listed_together():
    data = duo_file(
        [vo_row(), vo_row("1X", VESTIGINGSNUMMER="10AA01")],
        columns=[c for c in VO_COLUMNS if c != "DENOMINATIE"],
    )
    assert [line for line, _ in problems(data)] == [1, 3]


def test_two_problems_on_one_row_are_both_listed():
    errors = problems(duo_file([vo_row("ab", VESTIGINGSNAAM="")]))
    assert [line for line, _ in errors] == [2, 2, 2]  # BRIN, vestigingsnummer, name
