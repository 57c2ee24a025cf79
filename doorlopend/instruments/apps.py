from django.apps import AppConfig
from django.db.models.signals import post_migrate


class InstrumentsConfig(AppConfig):
    name = "doorlopend.instruments"
    label = "instruments"

    def ready(self) -> None:
        # Every migrate (a fresh install, a deploy, the test database) brings the stored
        # instrument versions in line with the data files, and fails loudly if a file of a
        # version already used in a session was changed.
        post_migrate.connect(_sync_after_migrate, sender=self)


def _sync_after_migrate(sender, using: str = "default", apps=None, **kwargs) -> None:
    from .services import instruments_sync

    # After a roll-back (`migrate instruments zero`) there is no table to sync into.
    try:
        apps and apps.get_model("instruments", "InstrumentVersion")
    except LookupError:
        return

    instruments_sync(using=using)
