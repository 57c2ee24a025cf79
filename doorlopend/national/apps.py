from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    name = "doorlopend.national"
    label = "national"
    verbose_name = _("National picture")

    def ready(self) -> None:
        # The partnership's settings page (partnerships comes earlier in the app order)
        # shows whether its aggregates count nationally through this section.
        from doorlopend.core.dashboard import DashboardCard, dashboard_card_register
        from doorlopend.core.periodic import register_daily
        from doorlopend.partnerships.settings_sections import (
            SettingsSection,
            settings_section_register,
        )

        from . import checklist, programme, reflection, routes, selectors, transitions
        from .models import Figure

        register_daily("national.reflection", reflection.national_warm)
        register_daily("national.checklist", checklist.national_warm)
        register_daily("national.programme", programme.national_warm)
        register_daily("national.transitions", transitions.national_warm)
        register_daily("national.routes", routes.national_warm)

        dashboard_card_register(
            DashboardCard(
                name="national",
                permission="national.position",
                template="national/_dashboard_card.html",
                context=lambda context: {"request": context["request"]},
            )
        )

        settings_section_register(
            SettingsSection(
                name="national",
                template="national/_participation_section.html",
                context=lambda partnership: {
                    "takes_part": selectors.takes_part(partnership=partnership)
                },
            )
        )

        settings_section_register(
            SettingsSection(
                name="progress_page",
                template="national/_progress_section.html",
                context=lambda partnership: {
                    "page": selectors.progress_page_of(partnership=partnership),
                    "figure_choices": Figure.choices,
                },
            )
        )
