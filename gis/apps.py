from django.apps import AppConfig


class GisConfig(AppConfig):
    name = "gis"
    label = "gismap"
    verbose_name = "GIS map"

    def ready(self) -> None:
        from . import layer_cache, search_index

        search_index.connect()
        layer_cache.connect()
