from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_route_part() -> None:
    """The step plan is made with a route and shown on its page (routes comes first in
    the app order, so it asks the parts registered here)."""
    from doorlopend.routes.parts import route_part_register

    from .route_part import STEP_PLAN

    route_part_register(STEP_PLAN)


class RoadmapsConfig(AppConfig):
    name = "doorlopend.roadmaps"
    label = "roadmaps"
    verbose_name = _("Roadmaps")

    def ready(self) -> None:
        register_route_part()
