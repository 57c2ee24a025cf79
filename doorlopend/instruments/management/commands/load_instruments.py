from django.core.management.base import BaseCommand, CommandError

from doorlopend.instruments.definition import DefinitionError
from doorlopend.instruments.services import InstrumentChangedError, instruments_sync


class Command(BaseCommand):
    help = "Load the instrument data files (migrate does this too); fails if a used version changed."

    def handle(self, *args, **options) -> None:
        try:
            result = instruments_sync()
        except (DefinitionError, InstrumentChangedError) as e:
            raise CommandError(str(e)) from e
        self.stdout.write(
            f"instruments: created={len(result.created)} updated={len(result.updated)} "
            f"unchanged={len(result.unchanged)}"
        )
