from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doorlopend.core"
    label = "core"

    def ready(self) -> None:
        from . import after_response  # noqa: F401  its receivers
        from .job_sweep import register_periodic_jobs

        register_periodic_jobs()
