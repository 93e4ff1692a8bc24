from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    label = "training"
    verbose_name = _("Digital-skills training")

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published

        from portal.qr.services import register_number_lookup, register_revocation_check

        from .models import Certificate, LessonPage
        from .services import link_lesson_to_service
        from .services.certificates import discard_certificate_files, is_revoked, token_for_number

        register_revocation_check("certificate", is_revoked)
        register_number_lookup("certificate", token_for_number)

        def _link(sender, instance, **kwargs) -> None:
            link_lesson_to_service(lesson=instance)

        page_published.connect(_link, sender=LessonPage, weak=False, dispatch_uid="training-lesson-service")

        def _discard(sender, instance, **kwargs) -> None:
            discard_certificate_files(instance)

        post_delete.connect(
            _discard, sender=Certificate, weak=False, dispatch_uid="training-certificate-files"
        )

        from portal.services.models import ServicePage

        from .signals import regenerate_tutorial_on_publish

        page_published.connect(
            regenerate_tutorial_on_publish,
            sender=ServicePage,
            weak=False,
            dispatch_uid="training-service-tutorial",
        )
