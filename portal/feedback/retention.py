"""The questionnaire's retention rule: free-text comments go; scores (NPS) stay."""

from portal.core.contracts import RetentionRule

from . import services

RULES = [
    RetentionRule(
        key="feedback-comments",
        description=("comments of satisfaction answers older than FEEDBACK_COMMENT_RETENTION_DAYS"),
        purge=lambda now: services.purge_comments(now=now),
    )
]
