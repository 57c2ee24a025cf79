"""URLs of the plan van aanpak, under /p/<partnership_slug>/plan/.

Each area keeps its own module; add one import and one `*module.urlpatterns` line here.
"""

from . import assignments, communication, tasks

app_name = "planning"
urlpatterns: list = [
    *assignments.urlpatterns,
    *communication.urlpatterns,
    *tasks.urlpatterns,
]
