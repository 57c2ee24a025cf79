from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "doorlopend.audit"
    label = "audit"
