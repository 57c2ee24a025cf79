"""Writes for accounts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .lockout import login_key
from .models import User


@transaction.atomic
def user_create(*, email: str, name: str, password: str) -> User:
    """A new account; an address that already has one is refused (log in instead)."""
    email = login_key(email)  # the spelling login and the lockout use
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("An account with this e-mail address already exists. Log in to continue.")
        )
    user = User(email=email, name=name.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
