"""Pupil file imports under the one job life cycle (core.jobs): `state` is now `status`,
with a heartbeat; the one-pending-file constraint follows the renamed field."""

from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [("transitions", "0002_event_constraints_off_for_bulk")]

    operations = [
        migrations.RemoveConstraint(
            model_name="transitionimport",
            name="transitions_import_one_pending_per_file",
        ),
        migrations.RenameField(
            model_name="transitionimport", old_name="state", new_name="status"
        ),
        migrations.AlterField(
            model_name="transitionimport",
            name="status",
            field=models.CharField(
                choices=[
                    ("mapping", "Waiting for column mapping"),
                    ("queued", "Queued"),
                    ("running", "Running"),
                    ("done", "Done"),
                    ("refused", "Refused"),
                    ("failed", "Failed"),
                    ("cancelled", "Cancelled"),
                    ("stopped", "Stopped — try again"),
                ],
                db_index=True,
                default="mapping",
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="transitionimport",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, db_index=True, verbose_name="made"
            ),
        ),
        migrations.AddField(
            model_name="transitionimport",
            name="heartbeat_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="last sign of life"
            ),
        ),
        migrations.AddConstraint(
            model_name="transitionimport",
            constraint=models.UniqueConstraint(
                condition=Q(status__in=["mapping", "queued", "running"]),
                fields=("organisation", "kind", "content_hash"),
                name="transitions_import_one_pending_per_file",
            ),
        ),
    ]
