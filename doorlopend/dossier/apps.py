from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossierConfig(AppConfig):
    name = "doorlopend.dossier"
    label = "dossier"
    verbose_name = _("Doorstroomdossier")

    def ready(self) -> None:
        # The monitor comes first in the app order: it asks what to erase and export.
        from doorlopend.transitions.extensions import (
            encrypted_fields_register,
            erasure_hook_register,
            inspection_section_register,
        )

        from .inspection import dossier_inspection
        from .models import Approval, Dossier
        from .services.erasure import TEXT_FIELDS, dossier_texts_erase

        erasure_hook_register("dossier", dossier_texts_erase)
        inspection_section_register("doorstroomdossier", dossier_inspection)
        encrypted_fields_register(Dossier, tuple(TEXT_FIELDS))
        encrypted_fields_register(Approval, ("comment",))
        # Roadmaps comes first too: the checklist's dossier line shows the agreement.
        from .checklist import register

        register()
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
        # The questions and answers are encrypted like the dossier: rotated and erased
        # with it.
        from doorlopend.transitions.extensions import (
            encrypted_fields_register,
            erasure_hook_register,
            inspection_section_register,
        )

        from .inspection_handover import handover_inspection
        from .models import HandoverQuestion
        from .services.handover import handover_texts_erase

        encrypted_fields_register(HandoverQuestion, ("question", "answer"))
        erasure_hook_register("dossier_handover", handover_texts_erase)
        inspection_section_register("overdracht", handover_inspection)
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
