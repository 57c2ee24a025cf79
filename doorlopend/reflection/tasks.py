"""Background work of the reflection module, run by the worker (`manage.py run_worker`)."""

from django_tasks import task


@task()
def report_build(report_id: int) -> str:
    """Make the PDF report `report_id`; its row carries the progress the page polls."""
    from .services import reports  # services import this module to enqueue

    report = reports.report_build(report_id=report_id)
    return report.status if report is not None else "not queued"
