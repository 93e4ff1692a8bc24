"""What every router of the public API shares: the error bodies and the OpenAPI document builder.

The document promises exactly what the server answers (tests/api/test_openapi_contract.py runs
schemathesis against it). django-ninja answers some errors itself, for any operation: 422 with
`ValidationErrorOut` when a parameter or the body does not validate, and 400 with `Error` when a
body is not JSON. `PortalAPI` declares those on the operations (422 on all: text with NUL is
refused everywhere, see below), so routers declare only the answers of their own views (404, 401,
409, 429 ... with `Error`).

A response schema served with a media type other than JSON names it in a `media_type` class
attribute (e.g. GeoJSON's `application/geo+json`), and the document lists it under that type.

Text with a NUL character is refused with 422 before any view runs, in the path, the query and
JSON bodies alike: PostgreSQL cannot hold or compare such text (it was a 500 on every lookup).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.openapi.schema import BODY_CONTENT_TYPES, OpenAPISchema
from ninja.operation import Operation
from pydantic import ConfigDict


class Error(Schema):
    """Every error answer of the API: one sentence for people, in `detail`."""

    detail: str


class ValidationIssue(Schema):
    """One invalid input, as pydantic reports it: where (`loc`, e.g. ["query", "lat"]) and why."""

    model_config = ConfigDict(extra="allow")

    type: str
    loc: list[str | int]
    msg: str
    ctx: dict[str, Any] | None = None


class ValidationErrorOut(Schema):
    """422: the parameters or the body did not validate; one entry per problem."""

    detail: list[ValidationIssue]


class PortalOpenAPISchema(OpenAPISchema):
    """ninja's OpenAPI document, plus the errors ninja itself answers and non-JSON media types."""

    def responses(self, operation: Operation) -> dict[int, dict[str, Any]]:
        result = super().responses(operation)
        for status, model in operation.response_models.items():
            media_type = getattr(_response_type(model), "media_type", None)
            content = result.get(status, {}).get("content")
            if media_type and content:
                result[status]["content"] = {media_type: next(iter(content.values()))}
        sources = {model.__ninja_param_source__ for model in operation.models}
        if sources & set(BODY_CONTENT_TYPES):
            result.setdefault(400, self._error(Error, "The body is not valid JSON"))
        result.setdefault(
            422, self._error(ValidationErrorOut, "Invalid parameters or body, or text with NUL")
        )
        return result

    def get_components(self) -> dict[str, Any]:
        components = super().get_components()
        extra = self.api.openapi_extra.get("components", {})
        for key, value in extra.items():
            components[key] = {**components.get(key, {}), **value}
        return components

    def _error(self, model: type[Schema], description: str) -> dict[str, Any]:
        schema = self._create_schema_from_model(model, mode="serialization", remove_level=False)[0]
        self.add_schema_definitions({model.__name__: schema})
        ref = {"$ref": f"#/components/schemas/{model.__name__}"}
        return {"description": description, "content": {self.api.renderer.media_type: {"schema": ref}}}


def _response_type(model: Any) -> Any:
    """The type an operation declared for a status (ninja wraps it in a `response` field)."""
    field = getattr(model, "model_fields", {}).get("response")
    return field.annotation if field is not None else None


def _nul_paths(value: Any, loc: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    """Where in `value` (JSON data) a string or key holds a NUL character."""
    if isinstance(value, str):
        if "\x00" in value:
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nul_paths(key, loc) if "\x00" in key else _nul_paths(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nul_paths(item, (*loc, index))


def _nul_issues(request: HttpRequest, path_params: dict[str, Any]) -> list[dict[str, Any]]:
    found = [("path", name) for name, value in path_params.items() if "\x00" in str(value)]
    found += [("query", name) for name, values in request.GET.lists() if "\x00" in name + "".join(values)]
    if request.body and b"\\u0000" in request.body:
        try:
            found += _nul_paths(json.loads(request.body), ("body",))
        except ValueError:
            pass  # not JSON: ninja answers 400
    message = "Text must not contain NUL characters"
    return [{"type": "string_nul", "loc": list(loc), "msg": message} for loc in found]


class PortalAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document is built by `PortalOpenAPISchema`, refusing NUL characters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_decorator(self._refuse_nul, mode="view")

    def _refuse_nul(self, run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            issues = _nul_issues(request, kwargs)
            if issues:
                return self.create_response(request, {"detail": issues}, status=422)
            return run(request, *args, **kwargs)

        return checked

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return PortalOpenAPISchema(self, path_prefix)
