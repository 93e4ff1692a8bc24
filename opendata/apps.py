from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    label = "opendata"
    verbose_name = "Open data"
