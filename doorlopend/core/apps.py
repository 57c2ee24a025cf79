from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doorlopend.core"
    label = "core"
