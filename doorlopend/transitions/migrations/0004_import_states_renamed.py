"""A pupil file refused for its lines is now `refused`; `failed` keeps the imports that
stopped on an unexpected error (one line-0 reason and no rejected lines)."""

from django.db import migrations


def forwards(apps, schema_editor):
    TransitionImport = apps.get_model("transitions", "TransitionImport")
    for job in TransitionImport.objects.filter(status="failed").only(
        "errors", "rejected_count"
    ):
        if job.rejected_count or any(e.get("line") for e in job.errors or []):
            TransitionImport.objects.filter(pk=job.pk).update(status="refused")


def backwards(apps, schema_editor):
    TransitionImport = apps.get_model("transitions", "TransitionImport")
    TransitionImport.objects.filter(
        status__in=["refused", "cancelled", "stopped"]
    ).update(status="failed")


class Migration(migrations.Migration):
    dependencies = [("transitions", "0003_import_job_life_cycle")]

    operations = [migrations.RunPython(forwards, backwards)]
