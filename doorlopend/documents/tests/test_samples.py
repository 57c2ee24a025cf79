"""`write_sample_outputs`: one file of every kind, from the demo data, each one readable.

`.ci/run` opens these files with LibreOffice; here they are read back with the libraries of
uv.lock, so the command itself is known to work before CI runs it.
"""

import csv
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from openpyxl import load_workbook

from doorlopend.core.testing.pdf import pdf_reader

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_every_kind_of_file_is_written_and_opens(loaded_demo, tmp_path):
    out = io.StringIO()
    call_command("write_sample_outputs", tmp_path / "files", stdout=out)
    files = sorted((tmp_path / "files").iterdir())
    assert (
        out.getvalue()
        .strip()
        .endswith(f"wrote {len(files)} files into {tmp_path / 'files'}")
    )
    by_type = {}
    for path in files:
        by_type.setdefault(path.suffix, []).append(path.name)
        data = path.read_bytes()
        if path.suffix == ".pdf":
            assert pdf_reader(data).pages
        elif path.suffix == ".docx":
            assert Document(io.BytesIO(data)).tables
        elif path.suffix == ".xlsx":
            assert load_workbook(io.BytesIO(data)).active.max_row > 1
        else:
            assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) > 1
    assert (
        len(by_type[".pdf"]) == 4
    )  # projectplan, voortgangsrapportage, report, inzage
    # samenwerkingsovereenkomst, financiële afspraken, regionaal convenant
    assert len(by_type[".docx"]) == 3
    assert len(by_type[".xlsx"]) == 5
    assert len(by_type[".csv"]) == 2
    # LibreOffice names each converted file after its stem: no two may share one.
    assert len({path.stem for path in files}) == len(files)


def test_without_demo_data_the_command_says_so(tmp_path):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("write_sample_outputs", tmp_path)
