"""Background work of the reflection module, run by `manage.py db_worker`."""

from django.conf import settings
from django.utils import translation
from django_scopes import scope, scopes_disabled
from django_tasks import task

from .models import Report


@task()
def report_build(report_id: int) -> str:
    """Make the PDF report `report_id`; its row carries the progress the page polls."""
    # A task gets only an id and has no partnership yet: look the report up to learn
    # which partnership to enter, then do all the work inside that scope.
    with scopes_disabled():
        report = Report.objects.select_related(
            "session__partnership", "session__instrument", "session__leerroute"
        ).get(pk=report_id)
    from .services import reports  # services import this module to enqueue

    # In the language of whoever asked for it; the site's language (Dutch) otherwise.
    with (
        scope(partnership=report.session.partnership),
        translation.override(report.language or settings.LANGUAGE_CODE),
    ):
        reports.report_build(report=report)
    return report.status
