from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "portal.home"
    label = "home"
    verbose_name = "Home, news and contact"

    def ready(self) -> None:
        from . import search_index

        search_index.connect()
