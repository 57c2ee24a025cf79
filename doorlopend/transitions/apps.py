from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_dashboard_card() -> None:
    """The app's card on the partnership's overview page (partnerships comes first in the
    app order, so it renders the cards registered in core.dashboard)."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .templatetags.transitions_dashboard import TEMPLATE, transitions_card
    from .templatetags.transitions_home import TEMPLATE as SIGNALS_TEMPLATE
    from .templatetags.transitions_home import signals_card

    dashboard_card_register(
        DashboardCard(
            name="transitions",
            permission="transitions.figures",
            template=TEMPLATE,
            context=transitions_card,
            first_for={"home.figures": 0},
        )
    )
    dashboard_card_register(
        DashboardCard(
            name="signals",
            permission="transitions.pupils",
            template=SIGNALS_TEMPLATE,
            context=signals_card,
            first_for={"home.signals": 0},
        )
    )


def register_digest_section() -> None:
    """The new signals' counts in the weekly digest (partnerships comes first in the app
    order, so it asks the sections registered here)."""
    from doorlopend.partnerships.digest import digest_section_register

    from .weekly import digest_section

    digest_section_register("4-transitions", digest_section)


def register_periodic_job() -> None:
    """`transitions_daily` (signals, e-mail digest, retention) once a day in core's schedule,
    run by `manage.py run_periodic`; its summary line is the job's result."""
    from io import StringIO

    from django.core.management import call_command

    from doorlopend.core.schedule import PeriodicJob, register_periodic

    def run(today):
        out = StringIO()
        call_command("transitions_daily", today=today.isoformat(), stdout=out)
        return out.getvalue().strip().splitlines()[-1]

    register_periodic(PeriodicJob(name="transitions.daily", run=run, daily=True))


class TransitionsConfig(AppConfig):
    name = "doorlopend.transitions"
    verbose_name = _("Doorstroommonitor")

    def ready(self) -> None:
        register_dashboard_card()
        register_digest_section()
        register_periodic_job()
        from . import checks  # noqa: F401  (registers the system checks)
