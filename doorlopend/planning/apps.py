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


def register_dashboard_card() -> None:
    """The app's card on the partnership's overview page (partnerships comes first in the
    app order, so it renders the cards registered in core.dashboard)."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .templatetags.planning_dashboard import TEMPLATE, plan_card

    dashboard_card_register(
        DashboardCard(
            name="planning",
            permission="planning.view",
            template=TEMPLATE,
            context=plan_card,
        )
    )


def register_notifications() -> None:
    """The daily reminders (core.periodic) and the app's section of the weekly digest
    (partnerships comes first in the app order, so it asks the sections registered here)."""
    from doorlopend.core.periodic import register_daily
    from doorlopend.partnerships.digest import digest_section_register

    from . import notify

    register_daily("planning.reminders", notify.reminders_send)
    digest_section_register("1-planning", notify.digest_section)


def register_profile_section() -> None:
    """The member's calendar feeds on their profile page (accounts comes first)."""
    from doorlopend.accounts.profile import register

    from .profile_section import TEMPLATE, feeds_context

    register(TEMPLATE, feeds_context)


class PlanningConfig(AppConfig):
    name = "doorlopend.planning"
    label = "planning"
    verbose_name = _("Plan van aanpak")

    def ready(self) -> None:
        register_dashboard_card()
        register_builders()
        register_notifications()
        register_profile_section()
