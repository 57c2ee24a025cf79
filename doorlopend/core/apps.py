from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doorlopend.core"
    label = "core"

    def ready(self) -> None:
        from .job_sweep import register_periodic_jobs

        register_periodic_jobs()
