from django.apps import AppConfig


def register_route_part() -> None:
    """The sessions about a route, on the route's page (routes comes first in the app
    order, so it asks the parts registered here)."""
    from doorlopend.routes.parts import route_part_register

    from .route_part import SESSIONS

    route_part_register(SESSIONS)


class ReflectionConfig(AppConfig):
    name = "doorlopend.reflection"
    label = "reflection"

    def ready(self) -> None:
        register_route_part()
