"""Documents under the one job life cycle: `pending` is now `queued`, the error sentence
moves into `errors` (one line-0 reason)."""

from django.db import migrations


def forwards(apps, schema_editor):
    GeneratedDocument = apps.get_model("documents", "GeneratedDocument")
    GeneratedDocument.objects.filter(status="pending").update(status="queued")
    for document in GeneratedDocument.objects.exclude(error="").only("error"):
        GeneratedDocument.objects.filter(pk=document.pk).update(
            errors=[{"line": 0, "reason": document.error}]
        )


def backwards(apps, schema_editor):
    GeneratedDocument = apps.get_model("documents", "GeneratedDocument")
    GeneratedDocument.objects.filter(status="queued").update(status="pending")
    GeneratedDocument.objects.filter(
        status__in=["refused", "cancelled", "stopped"]
    ).update(status="failed")
    for document in GeneratedDocument.objects.only("errors"):
        if document.errors:
            GeneratedDocument.objects.filter(pk=document.pk).update(
                error=document.errors[0].get("reason", "")
            )


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_job_life_cycle")]

    operations = [migrations.RunPython(forwards, backwards)]
