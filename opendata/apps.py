from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    label = "opendata"
    verbose_name = "Open data"

    def ready(self) -> None:
        from . import search_index

        search_index.connect()
