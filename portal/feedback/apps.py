from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """The shared satisfaction questionnaire (0–10 "would you recommend" + comment)."""

    name = "portal.feedback"
    label = "feedback"
    verbose_name = "Satisfaction feedback"
