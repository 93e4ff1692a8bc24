"""The registry's retention rule: documents' personal data, archived or never archived."""

from portal.core.contracts import RetentionRule

from . import services

RULES = [
    RetentionRule(
        key="documents",
        description=(
            "senders' details, messages, answers, attachments and notes of documents archived past "
            "their service's retention, or never archived and unchanged for "
            "DOCUMENTS_UNARCHIVED_RETENTION_YEARS"
        ),
        purge=lambda now: services.purge_personal_data(now=now),
    )
]
