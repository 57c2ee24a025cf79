from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "doorlopend.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Keys of e-mails sent once are forgotten when they can no longer come round.
        from doorlopend.core.periodic import register_daily

        from .notifications import sent_prune

        register_daily("accounts.sent_prune", sent_prune)
