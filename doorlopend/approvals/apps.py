from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_dashboard_card() -> None:
    """'Wacht op jouw besluit' on the overview page: it leads the stuurgroep's page; the
    coördinator sees the state of what was submitted."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .templatetags.approvals import CARD_TEMPLATE, approvals_card

    dashboard_card_register(
        DashboardCard(
            "approvals",
            "approvals.card",
            CARD_TEMPLATE,
            approvals_card,
            # After the stuurgroep's progress, before the plan's card.
            first_for={"approvals.decide": 1, "home.next_steps": 3},
        )
    )


class ApprovalsConfig(AppConfig):
    name = "doorlopend.approvals"
    label = "approvals"
    verbose_name = _("Stuurgroep approval")

    def ready(self) -> None:
        register_dashboard_card()
