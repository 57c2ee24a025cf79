"""Sessions name their leerroute by foreign key instead of free text.

A session whose route text is the name of one leerroute of its own partnership (letter
case and surrounding spaces aside) is linked to it and its text cleared; the text of the
others stays and becomes the read-only `route_label` in 0004 (a migration of its own: on
PostgreSQL a table whose rows were just updated cannot be altered in that transaction).
"""

import django.db.models.deletion
from django.db import migrations, models


def _key(text):
    return (text or "").strip().casefold()


def link(apps, schema_editor):
    Session = apps.get_model("reflection", "Session")
    Leerroute = apps.get_model("routes", "Leerroute")
    routes = {}  # partnership id → name → route ids
    for route in Leerroute._base_manager.only("pk", "partnership_id", "name"):
        names = routes.setdefault(route.partnership_id, {})
        names.setdefault(_key(route.name), []).append(route.pk)
    sessions = Session._base_manager.exclude(route="").filter(leerroute=None)
    for session in sessions.only("pk", "partnership_id", "route"):
        matches = routes.get(session.partnership_id, {}).get(_key(session.route), [])
        if len(matches) == 1:  # two routes of one name: the text cannot tell which
            session.leerroute_id, session.route = matches[0], ""
            session.save(update_fields=["leerroute", "route"])
        elif session.route != session.route.strip():
            session.route = session.route.strip()
            session.save(update_fields=["route"])


def unlink(apps, schema_editor):
    """Back to text: a linked session's route is its leerroute's name again."""
    Session = apps.get_model("reflection", "Session")
    linked = Session._base_manager.exclude(leerroute=None).select_related("leerroute")
    for session in linked:
        if not session.route:
            session.route = session.leerroute.name[:200]
            session.save(update_fields=["route"])


class Migration(migrations.Migration):
    dependencies = [
        ("reflection", "0002_report_language"),
        ("routes", "0002_consent_document_random_path"),
    ]

    operations = [
        migrations.AddField(
            model_name="session",
            name="leerroute",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional: the doorlopende leerroute this session is about.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="reflection_sessions",
                to="routes.leerroute",
                verbose_name="leerroute",
            ),
        ),
        migrations.RunPython(link, unlink),
    ]
