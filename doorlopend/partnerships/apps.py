from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "doorlopend.partnerships"
    label = "partnerships"

    def ready(self) -> None:
        # The weekly digest is daily work that sends only on its weekday.
        from doorlopend.core.periodic import register_daily

        from .digest import weekly_digest_send

        register_daily("partnerships.weekly_digest", weekly_digest_send)
