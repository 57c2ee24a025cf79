from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_builders() -> None:
    """The voortgangsrapportage is a document of the whole partnership: `documents` makes
    and keeps it, with the builder planning registers here (documents.Kind's value)."""
    from doorlopend.core.document_builders import builder_register

    from . import report_pdf

    builder_register(
        "progress_report", lambda *args, **kwargs: report_pdf.build(*args, **kwargs)
    )


class PlanningConfig(AppConfig):
    name = "doorlopend.planning"
    label = "planning"
    verbose_name = _("Plan van aanpak")

    def ready(self) -> None:
        register_builders()
