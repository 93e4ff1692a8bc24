from django.apps import AppConfig


class GisConfig(AppConfig):
    name = "gis"
    label = "gismap"
    verbose_name = "GIS map"

    def ready(self) -> None:
        from . import search_index

        search_index.connect()
