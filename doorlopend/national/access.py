"""The national pages' guard: a grant of landelijk adviseur, not a membership.

Anonymous → log in; logged in without a grant → 404, as for a partnership one is not in.
The national pages show aggregates across partnerships and never a partnership's name,
a person or a pupil; a grant opens nothing under /p/<slug>/.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from .models import NationalAdviser


def is_national_adviser(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and NationalAdviser.objects.filter(user=user).exists()
    )


def national_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_national_adviser(request.user):
            raise Http404("National advisers only.")
        return view(request, *args, **kwargs)

    return wrapped
