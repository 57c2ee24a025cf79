"""URLs: see urls/__init__.py. Figures only: no pupil data behind any of these."""

from django.urls import path

from ..views import figures

urlpatterns = [
    path("", figures.home, name="home"),
    path("cijfers.xlsx", figures.figures_export, name="figures_export"),
    path("stromen/", figures.sankey, name="sankey"),
    path("twee-jaren/", figures.together, name="together"),
    path("grafiek/<str:name>.svg", figures.chart, name="chart"),
]
