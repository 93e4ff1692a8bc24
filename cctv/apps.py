from django.apps import AppConfig


class CctvConfig(AppConfig):
    name = "cctv"
    label = "cctv"
    verbose_name = "CCTV register"
