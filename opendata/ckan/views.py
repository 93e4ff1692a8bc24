"""The Action API dispatcher: CKAN's envelope, error types and status codes.

A plain view rather than django-ninja because CKAN fixes the request and response format
that ckanapi and other clients rely on.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from ..errors import ActionError, NotAuthorized, NotFound, ValidationFailed
from ..services.community import authenticate_token
from . import read, write
from .context import Context, require_key

logger = logging.getLogger(__name__)

Action = Callable[[Context, dict[str, Any]], Any]
WRITE_ACTIONS = {
    name: getattr(write, name)
    for name in (
        "package_create",
        "package_update",
        "package_patch",
        "package_delete",
        "resource_create",
        "resource_update",
    )
}


def help_show(ctx: Context, data: dict[str, Any]) -> str:
    """Return the help text of an action.

    :param name: the action's name, e.g. ``package_search``
    :type name: string
    :rtype: string
    """
    name = require_key(data, "name")
    if name not in ACTIONS:
        raise NotFound(f"Action function not found: {name}")
    return inspect.getdoc(ACTIONS[name]) or ""


ACTIONS: dict[str, Action] = (
    {
        name: getattr(read, name)
        for name in (
            "status_show",
            "site_read",
            "package_list",
            "current_package_list_with_resources",
            "package_show",
            "package_search",
            "organization_list",
            "organization_show",
            "group_list",
            "tag_list",
            "license_list",
            "resource_show",
            "resource_search",
            "datastore_search",
        )
    }
    | WRITE_ACTIONS
    | {"help_show": help_show}
)


def _params(request: HttpRequest) -> dict[str, Any]:
    if request.method == "POST":
        if request.content_type not in ("multipart/form-data", "application/x-www-form-urlencoded"):
            try:
                data = json.loads(request.body or b"{}")
            except ValueError as exc:
                raise ValidationFailed({"__body": ["Could not parse the JSON request body"]}) from exc
            if not isinstance(data, dict):
                raise ValidationFailed({"__body": ["The request body must be a JSON object"]})
            return data
        return {k: v[0] if len(v) == 1 else v for k, v in request.POST.lists()}
    return {k: v[0] if len(v) == 1 else v for k, v in request.GET.lists()}


def _caller(request: HttpRequest) -> Any:
    token = request.headers.get("Authorization") or request.headers.get("X-CKAN-API-Key")
    if token:
        token = token.removeprefix("Bearer ").strip()
        user = authenticate_token(token)
        if user is None:
            raise NotAuthorized("the API token is not valid or has been revoked")
        return user
    return request.user


@csrf_exempt
def action(request: HttpRequest, name: str) -> JsonResponse:
    """Run one action and wrap its result or error in CKAN's envelope."""
    # LocaleMiddleware turns a 404 outside i18n_patterns into a redirect to /ro/...; with this
    # request's urlconf limited to machine routes it leaves CKAN's "Not Found Error" as it is.
    request.urlconf = "opendata.api_urls"
    site = request.build_absolute_uri("/").rstrip("/")
    help_url = f"{site}/api/3/action/help_show?name={name}"
    fn = ACTIONS.get(name)
    if fn is None:
        body = {
            "help": help_url,
            "success": False,
            "error": {"__type": "Bad Request", "message": f"Bad request - Action name not known: {name}"},
        }
        return JsonResponse(body, status=400)
    if request.method not in ("GET", "POST"):
        return JsonResponse(
            {
                "help": help_url,
                "success": False,
                "error": {"__type": "Bad Request", "message": "Use GET or POST"},
            },
            status=405,
        )
    try:
        if name in WRITE_ACTIONS and request.method != "POST":
            raise ValidationFailed({"__method": ["This action needs a POST request"]})
        params = _params(request)
        ctx = Context(user=_caller(request), site=site, files=dict(request.FILES.items()))
        result = fn(ctx, params)
    except ActionError as exc:
        body = {"help": help_url, "success": False, "error": exc.payload()}
        return JsonResponse(body, status=exc.status)
    return JsonResponse(
        {"help": help_url, "success": True, "result": result}, json_dumps_params={"ensure_ascii": False}
    )
