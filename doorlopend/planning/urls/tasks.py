"""Tasks under /p/<slug>/plan/taken/."""

from django.urls import path

from ..views import proposals, tasks

urlpatterns = [
    path("taken/", tasks.task_list, name="task_list"),
    path("taken/mijn/", tasks.my_tasks, name="my_tasks"),
    path("taken/nieuw/", tasks.task_create, name="task_create"),
    path("taken/mijn/nieuw/", proposals.task_add_own, name="task_add_own"),
    path("taken/<int:task_id>/bewerken/", tasks.task_edit, name="task_edit"),
    path("taken/<int:task_id>/status/", tasks.task_status, name="task_status"),
    path("taken/<int:task_id>/verwijderen/", tasks.task_delete, name="task_delete"),
]
