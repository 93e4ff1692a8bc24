from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "portal.documents"
    label = "documents"
    verbose_name = _("Document registry")

    def ready(self) -> None:
        # Issued permits carry signed QR codes; /verify asks us whether one was revoked.
        from portal.qr.services import register_revocation_check

        from .services import is_permit_revoked

        register_revocation_check("permit", is_permit_revoked)
