from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "doorlopend.partnerships"
    label = "partnerships"
