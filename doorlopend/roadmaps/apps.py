from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_route_part() -> None:
    """The step plan is made with a route and shown on its page (routes comes first in
    the app order, so it asks the parts registered here)."""
    from doorlopend.routes.parts import route_part_register

    from .route_part import STEP_PLAN

    route_part_register(STEP_PLAN)


def register_dashboard_card() -> None:
    """The app's card on the partnership's overview page (partnerships comes first in the
    app order, so it renders the cards registered in core.dashboard)."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .templatetags.roadmaps_dashboard import TEMPLATE, questions, roadmaps_card

    dashboard_card_register(
        DashboardCard(
            name="roadmaps",
            permission="roadmaps.view",
            template=TEMPLATE,
            context=roadmaps_card,
            first_for={"home.next_steps": 3, "home.progress": 2},
            questions=questions,
        )
    )


def register_answerers() -> None:
    """The items roadmaps derives from the apps below it (the roles, the consents)."""
    from .answers import register

    register()


def register_notifications() -> None:
    """The daily reminders (core.periodic) and the app's section of the weekly digest
    (partnerships comes first in the app order, so it asks the sections registered here)."""
    from doorlopend.core.periodic import register_daily
    from doorlopend.partnerships.digest import digest_section_register

    from . import notify

    register_daily("roadmaps.reminders", notify.reminders_send)
    digest_section_register("2-roadmaps", notify.digest_section)


class RoadmapsConfig(AppConfig):
    name = "doorlopend.roadmaps"
    label = "roadmaps"
    verbose_name = _("Roadmaps")

    def ready(self) -> None:
        register_dashboard_card()
        register_route_part()
        register_answerers()
        register_notifications()
