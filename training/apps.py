from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    label = "training"
    verbose_name = _("Digital-skills training")

    def ready(self) -> None:
        from wagtail.signals import page_published

        from portal.qr.services import register_revocation_check

        from .models import LessonPage
        from .services import link_lesson_to_service
        from .services.certificates import is_revoked

        register_revocation_check("certificate", is_revoked)

        def _link(sender, instance, **kwargs) -> None:
            link_lesson_to_service(lesson=instance)

        page_published.connect(_link, sender=LessonPage, weak=False, dispatch_uid="training-lesson-service")

        from portal.services.models import ServicePage

        from .signals import regenerate_tutorial_on_publish

        page_published.connect(
            regenerate_tutorial_on_publish,
            sender=ServicePage,
            weak=False,
            dispatch_uid="training-service-tutorial",
        )
