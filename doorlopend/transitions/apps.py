from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransitionsConfig(AppConfig):
    name = "doorlopend.transitions"
    verbose_name = _("Doorstroommonitor")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
