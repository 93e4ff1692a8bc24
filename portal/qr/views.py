"""Public verification of signed QR codes and the published verification key."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from . import services


def verify(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("p", "").strip()
    result = services.verify(token) if token else None
    return render(request, "qr/verify.html", {"token": token, "result": result, "key_id": services.key_id()})


@cache_control(max_age=3600, public=True)
def public_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(services.public_key_pem(), content_type="application/x-pem-file")
