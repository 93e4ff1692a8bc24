"""Staff screen: chat usage (counts only; text appears only where the resident agreed)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Conversation


class ConversationViewSet(ModelViewSet):
    model = Conversation
    menu_label = _("Chat conversations")
    icon = "comment"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["started_at", "language", "messages", "replies", "unanswered", "rated", "keep_transcript"]
    list_filter = ["language", "keep_transcript", "rated"]
    inspect_view_enabled = True
    form_fields = ["keep_transcript"]


@hooks.register("register_admin_viewset")
def register_viewset() -> ModelViewSet:
    return ConversationViewSet("chat_conversations")
