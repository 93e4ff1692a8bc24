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

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt

from ..errors import ActionError, NotAuthorized, NotFound, ValidationFailed
from ..services.community import authenticate_token
from . import read, revise, show, write
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
        "resource_patch",
        "resource_delete",
        "dataset_purge",
        "organization_create",
        "organization_patch",
        "organization_update",
        "datastore_delete",
        "datastore_create",
        "datastore_upsert",
    )
} | {"package_revise": revise.package_revise}


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
    | {
        name: getattr(show, name)
        for name in (
            "group_show",
            "tag_show",
            "package_autocomplete",
            "format_autocomplete",
            "resource_view_list",
            "user_show",
            "datastore_info",
            "package_activity_list",
        )
    }
    | WRITE_ACTIONS
    | {"help_show": help_show}
)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # Python's json would accept NaN and Infinity


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _params(request: HttpRequest) -> dict[str, Any]:
    if request.method == "POST":
        if request.content_type not in ("multipart/form-data", "application/x-www-form-urlencoded"):
            try:
                data = json.loads(request.body or b"{}", parse_constant=_no_constant)
            except (ValueError, RecursionError) as exc:
                raise ValidationFailed({"__body": ["Could not parse the JSON request body"]}) from exc
            if not isinstance(data, dict):
                raise ValidationFailed({"__body": ["The request body must be a JSON object"]})
        else:
            try:
                data = {k: v[0] if len(v) == 1 else v for k, v in request.POST.lists()}
            except MultiPartParserError as exc:
                raise ValidationFailed({"__body": ["Could not parse the form data"]}) from exc
    else:
        data = {k: v[0] if len(v) == 1 else v for k, v in request.GET.lists()}
    if _has_nul(data):  # PostgreSQL refuses NUL in text; no parameter needs one
        raise ValidationFailed({"__body": ["Parameters must not contain NUL characters"]})
    return data


def _csrf_ok(request: HttpRequest) -> bool:
    """Django's own CSRF check (token, origin and referer), run here because the view is exempt
    so that API-token clients, which send no cookie, are not refused."""

    def get_response(request: HttpRequest) -> HttpResponse:  # never called by process_view
        return HttpResponse()

    check = CsrfViewMiddleware(get_response)
    check.process_request(request)
    return check.process_view(request, None, (), {}) is None


def _caller(request: HttpRequest, *, writes: bool) -> Any:
    """The API token's user; else the session's, when the request passes the CSRF check.

    A forged cross-site POST carries the session cookie but no CSRF token: a write is refused,
    a read runs as an anonymous caller.
    """
    token = request.headers.get("Authorization") or request.headers.get("X-CKAN-API-Key")
    if token:
        token = token.removeprefix("Bearer ").strip()
        user = authenticate_token(token)
        if user is None:
            raise NotAuthorized("the API token is not valid or has been revoked")
        return user
    if not request.user.is_authenticated or _csrf_ok(request):
        return request.user
    if writes:
        raise NotAuthorized(
            "a session needs a valid CSRF token; send an API token in the Authorization header"
        )
    return AnonymousUser()


@csrf_exempt
def action(request: HttpRequest, name: str) -> JsonResponse:
    """Run one action and wrap its result or error in CKAN's envelope."""
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
        user = _caller(request, writes=name in WRITE_ACTIONS)
        ctx = Context(user=user, site=site, files=dict(request.FILES.items()))
        result = fn(ctx, params)
    except ActionError as exc:
        body = {"help": help_url, "success": False, "error": exc.payload()}
        return JsonResponse(body, status=exc.status)
    return JsonResponse(
        {"help": help_url, "success": True, "result": result}, json_dumps_params={"ensure_ascii": False}
    )
