from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "doorlopend.reflection"
    label = "reflection"
