"""Background work of the doorstroommonitor: pupil file imports run by the worker (`manage.py run_worker`)."""

from django_tasks import task


@task()
def import_run(import_id: int) -> None:
    """Import one uploaded pupil file; its TransitionImport row records how it went."""
    from .services.imports import jobs  # jobs enqueues this task

    jobs.import_run(import_id=import_id)


@task()
def signals_refresh(partnership_id: int) -> None:
    """Re-evaluate a partnership's signals after a status was recorded by hand."""
    from doorlopend.partnerships.models import Partnership

    from .services import signals

    partnership = Partnership.objects.get(pk=partnership_id)  # the tenant: no scope
    signals.signals_refresh(partnership=partnership)
