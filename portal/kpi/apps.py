from django.apps import AppConfig


class KpiConfig(AppConfig):
    name = "portal.kpi"
    label = "kpi"
    verbose_name = "Key performance indicators"
