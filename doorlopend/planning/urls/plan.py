from django.urls import path

from ..views import plan

urlpatterns = [path("", plan.plan, name="plan")]
