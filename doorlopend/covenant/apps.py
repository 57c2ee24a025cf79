from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_builder() -> None:
    """documents makes and keeps the covenant's Word file; its content is ours."""
    from doorlopend.core.document_builders import builder_register
    from doorlopend.documents.models import Kind

    from . import document

    builder_register(Kind.COVENANT, lambda *a, **k: document.build(*a, **k))


def register_approvable() -> None:
    """The stuurgroep approves the covenant (approvals comes first in the app order)."""
    from .approval import register

    register()


class CovenantConfig(AppConfig):
    name = "doorlopend.covenant"
    label = "covenant"
    verbose_name = _("Regional covenant")

    def ready(self) -> None:
        register_builder()
        register_approvable()
