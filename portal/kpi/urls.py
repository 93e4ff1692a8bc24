"""The public KPI dashboard (under the language prefix: /<lang>/kpi/)."""

from django.urls import path

from . import views

app_name = "kpi"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dashboard.csv", views.export_csv, name="export"),
    path("history.csv", views.export_history_csv, name="history"),
]
