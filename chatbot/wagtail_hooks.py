"""Staff screens: chat usage (counts only; text appears only where the resident agreed) and the
chat inbox where chat operators answer residents who asked for a person."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views as views
from .models import Conversation

admin_urls = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.conversation, name="conversation"),
    path("<int:pk>/claim/", views.claim, name="claim"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/close/", views.close, name="close"),
]


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


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("chat-inbox/", include((admin_urls, "chatbot_admin"), namespace="chatbot_admin"))]


class ChatInboxMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("chatbot.change_handoff")


@hooks.register("register_admin_menu_item")
def register_chat_inbox_menu_item():
    return ChatInboxMenuItem(_("Chat inbox"), reverse("chatbot_admin:inbox"), icon_name="comment", order=260)
