"""Public verification of signed QR codes and the published verification key."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from . import services


def verify(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("p", "").strip()
    result = services.verify(token) if token else None
    # Only what the city signed is shown: an altered code's content is the forger's words.
    contents = []
    if result is not None and result.payload and result.status in ("genuine", "revoked"):
        contents = [(key, value) for key, value in result.payload.items() if key not in ("v", "k")]
    context = {"token": token, "result": result, "contents": contents, "key_id": services.key_id()}
    return render(request, "qr/verify.html", context)


@cache_control(max_age=3600, public=True)
def public_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(services.public_key_pem(), content_type="application/x-pem-file")
