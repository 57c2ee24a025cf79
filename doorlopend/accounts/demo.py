"""Demo accounts: the platform's staff member (register import, access log)."""

from doorlopend.core.demo import DEMO_DOMAIN, DEMO_PASSWORD, DemoContext

from .models import User


def demo_user(email: str, name: str, **fields) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        email=email, defaults={"name": name, **fields}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user, created


def load_demo(context: DemoContext) -> None:
    user, created = demo_user(
        f"beheer@{DEMO_DOMAIN}",
        "Beheerder Doorlopend",
        is_staff=True,
        is_superuser=True,
    )
    context.people["staff"] = user
    context.count("people", int(created))
