"""Write one file of every kind the app makes (PDF, DOCX, XLSX, CSV) from the demo data."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from doorlopend.documents.samples import write_samples


class Command(BaseCommand):
    help = (
        "Write one file of every kind the app makes (PDF, DOCX, XLSX, CSV) from the demo "
        "partnership into DIRECTORY. Run load_demo first, on a throw-away database."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        try:
            paths = write_samples(directory)
        except (LookupError, AssertionError) as error:
            raise CommandError(str(error)) from error
        for path in paths:
            self.stdout.write(f"{path.name}: {path.stat().st_size} bytes")
        self.stdout.write(f"wrote {len(paths)} files into {directory}")
