from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_answerers() -> None:
    """The step "Analyse" of a route's step plan follows the region analysis (roadmaps
    comes first in the app order, so it asks the answerers registered in
    roadmaps.derived)."""
    from .derived import register

    register()


class RegionConfig(AppConfig):
    name = "doorlopend.region"
    label = "region"
    verbose_name = _("Region analysis")

    def ready(self) -> None:
        register_answerers()
