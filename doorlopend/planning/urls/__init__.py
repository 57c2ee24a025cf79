"""URLs of the plan van aanpak, under /p/<partnership_slug>/plan/.

Each area keeps its own module; add one import and one `*module.urlpatterns` line here.
"""

from . import (
    activities,
    assignments,
    budget,
    calendar,
    communication,
    goals,
    inbox,
    plan,
    school_plan,
    tasks,
    timeline,
    vision,
)

app_name = "planning"
urlpatterns: list = [
    *plan.urlpatterns,
    *school_plan.urlpatterns,
    *activities.urlpatterns,
    *assignments.urlpatterns,
    *budget.urlpatterns,
    *calendar.urlpatterns,
    *communication.urlpatterns,
    *goals.urlpatterns,
    *inbox.urlpatterns,
    *tasks.urlpatterns,
    *timeline.urlpatterns,
    *vision.urlpatterns,
]
