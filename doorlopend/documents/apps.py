from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _late(module, name: str):
    """The builder `module.name`, looked up at each call, so that a test (or a new
    template) replaces it cleanly."""

    def build(*args, **kwargs):
        return getattr(module, name)(*args, **kwargs)

    return build


def register_builders() -> None:
    """The builders of the kinds of a route (the voortgangsrapportage is planning's)."""
    from doorlopend.core.document_builders import builder_register

    from . import agreement, duo_melding, projectplan
    from .models import Kind

    builder_register(Kind.PROJECTPLAN, _late(projectplan, "build"))
    builder_register(Kind.AGREEMENT, _late(agreement, "build_agreement"))
    builder_register(Kind.FINANCIAL, _late(agreement, "build_financial"))
    builder_register(Kind.DUO_MELDING, _late(duo_melding, "build"))


def register_route_part() -> None:
    """A route's documents go with it (routes comes first in the app order)."""
    from doorlopend.routes.parts import route_part_register

    from .route_part import DOCUMENTS

    route_part_register(DOCUMENTS)


def register_answerers() -> None:
    """The step plan's items that a route's files answer (roadmaps comes first in the
    app order, so it asks the answerers registered in roadmaps.derived)."""
    from .derived import register

    register()


def register_approvable() -> None:
    """The stuurgroep approves a route's projectplan and agreements (approvals first)."""
    from .approval import register

    register()


class DocumentsConfig(AppConfig):
    name = "doorlopend.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        register_builders()
        register_route_part()
        register_answerers()
        register_approvable()
