"""Write the Word template of the regional covenant (`convenant.docx` beside this script).

Edit the text here, then run

    PYTHONPATH=. .venv/bin/python doorlopend/covenant/docx/make_template.py

and commit the script and the .docx together (a test checks they match). The tags are
docxtpl's, written the way documents/docx/make_templates.py explains (its helpers make the
file Dutch, A4, with header rows and fixed column widths); what the builder passes is
listed in `doorlopend/covenant/document.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.shared import Pt

from doorlopend.documents.docx.make_templates import _new, _table, _text

HERE = Path(__file__).resolve().parent
NAME = "convenant.docx"


def covenant():
    doc = _new("Regionaal convenant")
    doc.add_heading("{{ title }}", level=0)
    doc.add_paragraph("Regionaal convenant van {{ partnership }}", style="Subtitle")
    doc.add_paragraph("{%p if approved %}")
    doc.add_paragraph().add_run("{{ approved }}").italic = True
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("De ondergetekenden:")
    _table(
        doc,
        ["Partij", "Soort", "Plaats", "Vertegenwoordigd door", "Functie"],
        [
            "{{ p.name }}",
            "{{ p.kind }}",
            "{{ p.place }}",
            "{{ p.signatory }}",
            "{{ p.function }}",
        ],
        "p in parties",
        widths=[4.6, 2.6, 2.5, 4.3, 2.9],
    )
    doc.add_paragraph(
        "hierna samen te noemen: partijen, komen het volgende overeen."
    ).paragraph_format.space_before = Pt(6)

    doc.add_heading("Artikel 1 Doel", level=1)
    doc.add_paragraph(_text("aims"))
    doc.add_heading("Artikel 2 Thema's", level=1)
    doc.add_paragraph("Partijen werken samen aan deze thema's:")
    doc.add_paragraph("{%p for theme in themes %}")
    doc.add_paragraph("{{ theme }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Artikel 3 Inzet van partijen", level=1)
    doc.add_paragraph("{%p for p in parties %}")
    doc.add_paragraph().add_run("{{ p.name }}").bold = True
    doc.add_paragraph(_text("p.commitment"))
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("Artikel 4 Financiering", level=1)
    doc.add_paragraph(
        "De uitvoering wordt betaald uit de financieringsbronnen van het plan van "
        "aanpak van {{ partnership }}:"
    )
    _table(
        doc,
        ["Financieringsbron", "Soort", "Toegekend"],
        ["{{ f.name }}", "{{ f.kind }}", "{{ f.amount }}"],
        "f in funding",
        widths=[8.0, 5.0, 3.9],
    )
    doc.add_paragraph("{%p if funding_notes %}")
    doc.add_paragraph("{{ funding_notes }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_heading("Artikel 5 Organisatie en besluitvorming", level=1)
    doc.add_paragraph(
        "Een bestuurlijke stuurgroep stuurt de samenwerking aan. De stuurgroep "
        "bestaat uit:"
    )
    doc.add_paragraph("{%p for name in stuurgroep %}")
    doc.add_paragraph("{{ name }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph(_text("governance"))
    doc.add_heading("Artikel 6 Looptijd en evaluatie", level=1)
    doc.add_paragraph(
        "Dit convenant gaat in op {{ starts_on }} en eindigt op {{ ends_on }}. "
        "Partijen evalueren de samenwerking op {{ evaluation_on }} en besluiten dan "
        "over voortzetting."
    )
    doc.add_heading("Artikel 7 Slotbepalingen", level=1)
    doc.add_paragraph(
        "Dit convenant is geen overeenkomst waarvan nakoming in rechte kan worden "
        "afgedwongen. Wijzigingen gelden alleen als alle partijen ze schriftelijk zijn "
        "overeengekomen."
    )
    doc.add_heading("Ondertekening", level=1)
    doc.add_paragraph("{%p for p in parties %}")
    doc.add_paragraph().add_run("Namens {{ p.name }}").bold = True
    doc.add_paragraph("Naam: {{ p.signatory }}")
    doc.add_paragraph("Functie: {{ p.function }}")
    doc.add_paragraph(
        "{% if p.signed %}Getekend: {{ p.signed }}{% else %}"
        "Datum en plaats: ……………………………………{% endif %}"
    )
    signature = doc.add_paragraph("Handtekening: ……………………………………")
    signature.paragraph_format.space_after = Pt(24)
    doc.add_paragraph("{%p endfor %}")
    return doc


def main(out_dir: Path = HERE) -> Path:
    path = Path(out_dir) / NAME
    covenant().save(path)
    return path


if __name__ == "__main__":
    print(f"wrote {main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)}")
