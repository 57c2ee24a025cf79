"""The plan van aanpak of a partnership (issue 7; seeds 000, 003, 004)."""

from .activities import (
    Activity,
    ActivityApproval,
    ActivityAudience,
    ActivityKind,
    ActivityPerson,
    ActivityStatus,
)
from .budget import BudgetLine, FundingSource
from .change import ChangeAssignment, Milestone, ProgressUpdate
from .goals import Goal, GoalRevision, Measurement
from .inbox import CalendarFeed, Triage
from .vision import PartnerExpectation, VisionVersion
from .work import CommunicationItem, Task, TaskStatus

__all__ = [
    "Activity",
    "ActivityApproval",
    "ActivityAudience",
    "ActivityKind",
    "ActivityPerson",
    "ActivityStatus",
    "BudgetLine",
    "CalendarFeed",
    "ChangeAssignment",
    "CommunicationItem",
    "FundingSource",
    "Goal",
    "GoalRevision",
    "Measurement",
    "Milestone",
    "PartnerExpectation",
    "ProgressUpdate",
    "Task",
    "TaskStatus",
    "Triage",
    "VisionVersion",
]
