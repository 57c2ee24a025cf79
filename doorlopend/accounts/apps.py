from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "doorlopend.accounts"
    label = "accounts"
