from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def register_builders() -> None:
    """The voortgangsrapportage is a document of the whole partnership: `documents` makes
    and keeps it, with the builder planning registers here (documents.Kind's value)."""
    from doorlopend.core.document_builders import builder_register

    from . import report_pdf

    builder_register(
        "progress_report", lambda *args, **kwargs: report_pdf.build(*args, **kwargs)
    )


def register_dashboard_card() -> None:
    """The app's cards on the partnership's overview page (partnerships comes first in
    the app order, so it renders the cards registered in core.dashboard). Each role's
    own card leads its page (`first_for`, the `home.*` permissions)."""
    from doorlopend.core.dashboard import DashboardCard, dashboard_card_register

    from .selectors.card_questions import card_questions
    from .templatetags import planning_home as home
    from .templatetags.planning_dashboard import TEMPLATE, plan_card

    for card in (
        # A new partnership's first steps: the coördinator's page opens with them.
        DashboardCard(
            "guide",
            "planning.view",
            home.GUIDE,
            home.guide_card,
            first_for={"home.next_steps": 0, "planning.view": 5},
            questions=card_questions,
        ),
        DashboardCard(
            "next_steps",
            "planning.manage",
            home.NEXT_STEPS,
            home.next_steps_card,
            first_for={"home.next_steps": 1},
            questions=card_questions,
        ),
        DashboardCard(
            "assignment",
            "planning.view",
            home.ASSIGNMENT,
            home.assignment_card,
            first_for={"home.assignment": 0},
        ),
        DashboardCard(
            "my_work",
            "planning.tasks",
            home.MY_WORK,
            home.my_work_card,
            first_for={"home.my_work": 0, "home.assignment": 1},
            questions=card_questions,
        ),
        DashboardCard(
            "progress",
            "home.progress",
            home.PROGRESS,
            home.progress_card,
            first_for={"home.progress": 0},
        ),
        DashboardCard(
            "planning",
            "planning.view",
            TEMPLATE,
            plan_card,
            first_for={"home.next_steps": 2, "home.progress": 1},
            questions=card_questions,
        ),
    ):
        dashboard_card_register(card)


def register_notifications() -> None:
    """The daily reminders (core.periodic) and the app's section of the weekly digest
    (partnerships comes first in the app order, so it asks the sections registered here)."""
    from doorlopend.core.periodic import register_daily
    from doorlopend.partnerships.digest import digest_section_register

    from . import notify

    register_daily("planning.reminders", notify.reminders_send)
    digest_section_register("1-planning", notify.digest_section)


def register_profile_section() -> None:
    """The member's calendar feeds on their profile page (accounts comes first)."""
    from doorlopend.accounts.profile import register

    from .profile_section import TEMPLATE, feeds_context

    register(TEMPLATE, feeds_context)


def register_approvable() -> None:
    """The stuurgroep approves the plan van aanpak (approvals comes first)."""
    from doorlopend.approvals.registry import ApprovableKind, approvable_register

    from .approval import plan_snapshot

    approvable_register(ApprovableKind("plan", _("plan van aanpak"), plan_snapshot))


class PlanningConfig(AppConfig):
    name = "doorlopend.planning"
    label = "planning"
    verbose_name = _("Plan van aanpak")

    def ready(self) -> None:
        register_dashboard_card()
        register_builders()
        register_notifications()
        register_profile_section()
        register_approvable()
