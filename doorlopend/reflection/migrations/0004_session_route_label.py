"""The route typed before leerroutes were kept: a read-only label, no longer edited."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reflection", "0003_session_leerroute"),
    ]

    operations = [
        migrations.RenameField(
            model_name="session", old_name="route", new_name="route_label"
        ),
        migrations.AlterField(
            model_name="session",
            name="route_label",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text=(
                    "The route as it was typed before leerroutes were kept in "
                    "Doorlopend."
                ),
                max_length=200,
                verbose_name="route (from before)",
            ),
        ),
    ]
