"""Reflection sessions, their anonymous participants and answers, notes and action points.

A participant is a row with a random token (kept in a signed cookie on their phone), a
sector and a layer — nothing that identifies a person, and no IP address or user agent.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from doorlopend.core.jobs import Job
from doorlopend.instruments.definition import OPEN_MAX_LENGTH
from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.models import Membership, Organisation, Partnership

from .choices import DONT_KNOW, ActionStatus, Layer, Mode, Phase, Sector, State


class Session(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="reflection_sessions"
    )
    instrument = models.ForeignKey(
        InstrumentVersion,
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    leerroute = models.ForeignKey(
        "routes.Leerroute",
        verbose_name=_("leerroute"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reflection_sessions",
        help_text=_("Optional: the doorlopende leerroute this session is about."),
    )
    # Before leerroutes were kept, a session named its route in text; the migration
    # linked those whose text is a leerroute's name, the others keep their text here.
    route_label = models.CharField(
        _("route (from before)"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_(
            "The route as it was typed before leerroutes were kept in Doorlopend."
        ),
    )
    # A school's own LOB-scan: run by that school's decaan or portefeuillehouder, read by
    # them and the coördinator only (permissions: reflection.view's object rule). Named
    # `organisation` as a role's school is, so the permission predicates read it.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reflection_sessions",
        help_text=_("Only for a school's own scan: the school it belongs to."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.CONCEPT
    )
    join_code = models.CharField(_("join code"), max_length=6)
    mode = models.CharField(
        _("how the group uses the questions"),
        max_length=8,
        choices=Mode.choices,
        default=Mode.SCOREN,
    )
    # The theme the beamer shows while the group discusses; chosen on the facilitator page.
    beamer_theme = models.CharField(_("theme on the beamer"), max_length=60, blank=True)
    phase = models.CharField(
        _("phase"), max_length=12, choices=Phase.choices, default=Phase.UITLEG
    )
    phase_started_at = models.DateTimeField(_("phase started"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Bumped in the same statement as every join and saved answer: the live results are
    # cached under it, and a poll whose version is still this one gets 204 at once.
    answers_version = models.PositiveBigIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-date", "-created_at"]
        constraints = [
            # Participants type the code: it must point at one session that can be joined.
            models.UniqueConstraint(
                fields=["join_code"],
                condition=~Q(state="closed"),
                name="reflection_session_code_unique_while_usable",
            )
        ]
        verbose_name = _("reflection session")
        verbose_name_plural = _("reflection sessions")

    def __str__(self) -> str:
        return self.title

    @property
    def is_school_scan(self) -> bool:
        return self.organisation_id is not None

    @property
    def is_open(self) -> bool:
        return self.state == State.OPEN

    @property
    def is_conversation(self) -> bool:
        """An open conversation: questions shown, nothing scored, no results."""
        return self.mode == Mode.GESPREK

    @property
    def route_name(self) -> str:
        """The leerroute's name, else the route typed before leerroutes were kept."""
        return self.leerroute.name if self.leerroute_id else self.route_label


class Participant(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="participants"
    )
    token = models.CharField(max_length=32, unique=True)
    sector = models.CharField(_("sector"), max_length=16, choices=Sector.choices)
    # Empty where the instrument asks no layer (a draagvlak survey: only the party).
    layer = models.CharField(
        _("layer"), max_length=12, choices=Layer.choices, blank=True
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="session__partnership")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [models.Index(fields=["session", "sector", "layer"])]

    def __str__(self) -> str:
        return f"{self.get_sector_display()} / {self.get_layer_display()}"


class ReportAddress(models.Model):
    """An e-mail address a participant left to get the session's report.

    Kept apart from the answers: no link to a participant, no time it was left (which
    could be matched with the times of answers). Deleted once the report is sent, with its
    session, and by the daily work REFLECTION_REPORT_ADDRESS_DAYS after the session.
    """

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="report_addresses"
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(max_length=10, blank=True)

    objects = ScopedManager(partnership="session__partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"], name="reflection_report_address_unique"
            )
        ]

    def __str__(self) -> str:
        return self.email


class Answer(models.Model):
    """One participant's score on one question; (participant, question) is unique."""

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="answers"
    )
    question_key = models.CharField(max_length=60)
    value = models.PositiveSmallIntegerField(
        help_text=f"{DONT_KNOW} = weet niet, otherwise a point of the instrument's scale"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="participant__session__partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "question_key"], name="reflection_answer_once"
            ),
            models.CheckConstraint(
                condition=Q(value__lte=10), name="reflection_answer_value_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_key}={self.value}"


class OpenAnswer(models.Model):
    """One participant's text answer to an open question; (participant, question) unique.

    Shown to the facilitator without whose it is: no participant, sector or time beside
    it, in the order of the text (no time is stored). A facilitator may hide one (a remark that names
    someone); hidden answers appear in no output. Every hide and show is logged in
    `OpenAnswerEvent`.
    """

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="open_answers"
    )
    question_key = models.CharField(max_length=60)
    text = models.TextField(_("answer"), max_length=OPEN_MAX_LENGTH)
    hidden = models.BooleanField(_("hidden"), default=False)
    # No time of writing is kept: it could be matched with the times of scores.

    objects = ScopedManager(partnership="participant__session__partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "question_key"],
                name="reflection_open_answer_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_key}: {self.text[:40]}"


class OpenAnswerEvent(models.Model):
    """Who hid an open answer, or showed it again, and when: the log of the moderation."""

    class Action(models.TextChoices):
        HIDDEN = "hidden", _("hidden")
        SHOWN = "shown", _("shown again")

    answer = models.ForeignKey(
        OpenAnswer, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="answer__participant__session__partnership")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class ThemeNote(models.Model):
    """What was said about one theme, written by the facilitator during the discussion."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    theme_key = models.CharField(max_length=60)
    text = models.TextField(_("notes"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="session__partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "theme_key"], name="reflection_note_per_theme"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} / {self.theme_key}"


class ActionPoint(models.Model):
    """An agreed improvement; it belongs to the partnership and outlives its session."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="action_points"
    )
    session = models.ForeignKey(
        Session,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    theme_key = models.CharField(_("theme"), max_length=60, blank=True)
    title = models.CharField(_("what"), max_length=300)
    owner_member = models.ForeignKey(
        Membership,
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owner (organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ActionStatus.choices,
        default=ActionStatus.OPEN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["due_date", "created_at"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")

    def __str__(self) -> str:
        return self.title

    @property
    def owner_label(self) -> str:
        if self.owner_member_id:
            return str(self.owner_member.user)
        return str(self.owner_organisation or "")


class Report(Job):
    """The PDF report of a closed session, made by `tasks.report_build` as a job."""

    partnership_path = "session__partnership"

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="reports"
    )
    file = models.FileField(upload_to="reflection/reports/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedManager(partnership="session__partnership")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.session} ({self.get_status_display()})"

    def job_task(self):
        from . import tasks  # tasks import the services, which import this module

        return tasks.report_build


from .question_totals import QuestionTotal  # noqa: E402, F401  the national sums
