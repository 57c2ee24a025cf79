from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossierConfig(AppConfig):
    name = "doorlopend.dossier"
    label = "dossier"
    verbose_name = _("Doorstroomdossier")

    def ready(self) -> None:
        # The monitor comes first in the app order: it asks what to erase and export.
        from doorlopend.transitions.extensions import (
            erasure_hook_register,
            inspection_section_register,
        )

        from .inspection import dossier_inspection
        from .services.erasure import dossier_texts_erase

        erasure_hook_register("dossier", dossier_texts_erase)
        inspection_section_register("doorstroomdossier", dossier_inspection)
        self._handover_ready()

    def _handover_ready(self) -> None:
        # The handover's signal rules join the monitor's engine (issue 16).
        from doorlopend.transitions.signal_rules import signal_rule_register

        from .services.handover_signals import (
            dossier_signals_close,
            dossier_signals_open,
        )

        signal_rule_register(
            "dossier", open=dossier_signals_open, close=dossier_signals_close
        )
        from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

        from .dashboard_handover import TEMPLATE, card_context

        dashboard_card_register(
            DashboardCard(
                "dossier_handover",
                "dossier.receive",
                TEMPLATE,
                card_context,
                first_for={"dossier.receive": 2},
            )
        )
