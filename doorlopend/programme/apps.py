from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_dashboard_card() -> None:
    """The programme's card on the overview page (partnerships renders the cards
    registered in core.dashboard; it comes before this app in the app order)."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .dashboard import TEMPLATE, card_context, questions

    dashboard_card_register(
        DashboardCard(
            "programme",
            "programme.view",
            TEMPLATE,
            card_context,
            first_for={"home.my_work": 1, "home.next_steps": 4},
            questions=questions,
        )
    )


def register_builders() -> None:
    """The programme's PDF is a generated document: `documents` (after this app in the
    app order) makes and keeps it in the background with the builder registered here
    under its kind's value (documents.Kind.PROGRAMME)."""
    from doorlopend.core.document_builders import builder_register

    from . import exports

    builder_register(
        "programme", lambda *args, **kwargs: exports.programme_pdf(*args, **kwargs)
    )


class ProgrammeConfig(AppConfig):
    name = "doorlopend.programme"
    label = "programme"
    verbose_name = _("LOB programme")

    def ready(self) -> None:
        register_dashboard_card()
        register_builders()
