"""Chatbot: the chat page (works without JavaScript), under the language prefix."""

from django.urls import path

from . import views

app_name = "chatbot"
urlpatterns = [path("chatbot/", views.chat, name="chat")]
