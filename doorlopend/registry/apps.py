from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "doorlopend.registry"
    label = "registry"
