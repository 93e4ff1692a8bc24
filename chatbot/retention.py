"""The chatbot's retention rule: kept transcripts go; the conversation counts stay."""

from portal.core.contracts import RetentionRule

from . import services

RULES = [
    RetentionRule(
        key="chatbot-transcripts",
        description=(
            "text of chat conversations whose last message is older than CHATBOT_TRANSCRIPT_RETENTION_DAYS "
            "(CHAT_LINES_RETENTION_HOURS for chats never handed to a person)"
        ),
        purge=lambda now: services.purge_transcripts(now=now),
    )
]
