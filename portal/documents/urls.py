"""Document registry: public pages, served under the language prefix (/ro/, /en/, /hu/)."""

from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("t/<str:token>", views.track, name="track"),
    path("track/", views.lookup, name="lookup"),
    path("receipt/<str:token>/", views.receipt_page, name="receipt"),
    path("receipt/<str:token>.pdf", views.receipt_pdf, name="receipt-pdf"),
    path("receipt/<str:token>/files/<int:pk>", views.receipt_attachment, name="receipt-attachment"),
]
