from django.apps import AppConfig


def register_route_part() -> None:
    """The sessions about a route, on the route's page (routes comes first in the app
    order, so it asks the parts registered here)."""
    from doorlopend.routes.parts import route_part_register

    from .route_part import SESSIONS

    route_part_register(SESSIONS)


def register_dashboard_card() -> None:
    """The app's card on the partnership's overview page (partnerships comes first in the
    app order, so it renders the cards registered in core.dashboard)."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .templatetags.reflection_dashboard import (
        TEMPLATE,
        questions,
        reflection_card,
    )

    dashboard_card_register(
        DashboardCard(
            name="reflection",
            permission="reflection.view",
            template=TEMPLATE,
            context=reflection_card,
            questions=questions,
        )
    )


def register_notifications() -> None:
    """The daily reminders (core.periodic) and the app's section of the weekly digest
    (partnerships comes first in the app order, so it asks the sections registered here)."""
    from doorlopend.core.periodic import register_daily
    from doorlopend.partnerships.digest import digest_section_register

    from . import notify
    from .services.report_mail import report_addresses_expire

    register_daily("reflection.reminders", notify.reminders_send)
    register_daily("reflection.report_addresses_expire", report_addresses_expire)
    digest_section_register("3-reflection", notify.digest_section)


class ReflectionConfig(AppConfig):
    name = "doorlopend.reflection"
    label = "reflection"

    def ready(self) -> None:
        register_dashboard_card()
        register_route_part()
        register_notifications()
