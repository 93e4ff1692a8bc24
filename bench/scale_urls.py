"""The portal's URLs plus /bench/constant: a view that returns a constant through the same
middleware, so the gap to it is what a product view itself costs (bench/scale_settings.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from portal import urls as portal_urls


def constant(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/constant", constant), *portal_urls.urlpatterns]
