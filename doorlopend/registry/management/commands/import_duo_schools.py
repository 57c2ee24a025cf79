"""`manage.py import_duo_schools FILE [--sector mbo|hbo]`: import one DUO register file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from doorlopend.registry import services
from doorlopend.registry.models import Sector


class Command(BaseCommand):
    help = (
        "Import a DUO open-data file into the school register: the list of all vo school locations, "
        "or a list of mbo or hbo institutions (give --sector). The file is imported whole or not at all."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", type=Path, help="The CSV file as downloaded from DUO."
        )
        parser.add_argument(
            "--sector",
            choices=Sector.values,
            help="Needed for an institution list (mbo or hbo); a vo location list is recognised by its columns.",
        )

    def handle(self, *args, file: Path, sector: str | None, **options) -> None:
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(reason)s")
                % {"file": file, "reason": error.strerror}
            ) from None
        try:
            result = services.register_import(data=data, sector=sector)
        except services.RegisterImportError as error:
            for row in error.errors:
                self.stderr.write(
                    _("line %(line)s: %(reason)s")
                    % {"line": row.line, "reason": row.reason}
                )
            message = ngettext(
                "%(file)s was not imported (%(count)s problem); nothing was written.",
                "%(file)s was not imported (%(count)s problems); nothing was written.",
                len(error.errors),
            )
            raise CommandError(
                message % {"file": file, "count": len(error.errors)}
            ) from None
        # The last line is read by scripts: keep its format.
        self.stdout.write(
            f"created={result.created} updated={result.updated} unchanged={result.unchanged}"
        )
