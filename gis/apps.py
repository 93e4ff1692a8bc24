from django.apps import AppConfig


class GisConfig(AppConfig):
    name = "gis"
    label = "gismap"
    verbose_name = "GIS map"
