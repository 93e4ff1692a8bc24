"""Admin: the accessibility reports people sent, listed for the staff."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Accessibility reports")
    add_to_admin_menu = True
    list_display = ["created_at", "email", "page_url", "handled"]
    list_filter = ["handled"]
    search_fields = ["email", "description", "page_url"]


register_snippet(AccessibilityFeedbackViewSet)
