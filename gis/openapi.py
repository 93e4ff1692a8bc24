"""The OpenAPI 3.0 definition of the OGC API – Features endpoints (conformance class oas30)."""

from __future__ import annotations

from typing import Any

GEOJSON = "application/geo+json"


def _param(
    name: str, where: str, schema: dict[str, Any], description: str, required: bool = False, **extra: Any
) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": required,
        "schema": schema,
        "description": description,
        **extra,
    }


def document(base: str, collection_ids: list[str]) -> dict[str, Any]:
    """OpenAPI 3.0.3 for the landing page, conformance, collections and their items."""
    collection_id = _param(
        "collectionId",
        "path",
        {"type": "string", "enum": collection_ids},
        "Identifier of a collection",
        required=True,
    )
    json_ok = {"200": {"description": "Success", "content": {"application/json": {}}}}
    not_found = {"404": {"description": "Not found", "content": {"application/json": {}}}}
    bad = {"400": {"description": "Invalid parameter", "content": {"application/json": {}}}}
    items_params = [
        collection_id,
        _param(
            "limit",
            "query",
            {"type": "integer", "minimum": 1, "maximum": 10000, "default": 10},
            "Maximum number of features to return",
            style="form",
            explode=False,
        ),
        _param(
            "offset",
            "query",
            {"type": "integer", "minimum": 0, "default": 0},
            "Number of features to skip (the `next` link does it for you)",
        ),
        _param(
            "bbox",
            "query",
            {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
            "west,south,east,north in WGS84 degrees (CRS84): longitudes within ±180, latitudes "
            "within ±90, south <= north; west > east crosses the antimeridian",
            style="form",
            explode=False,
        ),
        _param(
            "datetime",
            "query",
            {"type": "string"},
            "RFC 3339 instant or interval (`start/end`, `..` for open) on features' time",
        ),
        _param("f", "query", {"type": "string", "enum": ["json", "html"]}, "Output format"),
    ]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Arad Digital – OGC API Features",
            "version": "1.0.0",
            "description": "The city's map layers as OGC API – Features (Part 1: Core).",
            "license": {"name": "CC-BY-4.0"},
        },
        "servers": [{"url": base}],
        "paths": {
            "/": {"get": {"summary": "Landing page", "operationId": "getLandingPage", "responses": json_ok}},
            "/conformance": {
                "get": {
                    "summary": "Conformance classes",
                    "operationId": "getConformanceDeclaration",
                    "responses": json_ok,
                }
            },
            "/collections": {
                "get": {"summary": "Collections", "operationId": "getCollections", "responses": json_ok}
            },
            "/collections/{collectionId}": {
                "get": {
                    "summary": "One collection",
                    "operationId": "describeCollection",
                    "parameters": [collection_id],
                    "responses": {**json_ok, **not_found},
                }
            },
            "/collections/{collectionId}/items": {
                "get": {
                    "summary": "Features of a collection",
                    "operationId": "getFeatures",
                    "parameters": items_params,
                    "responses": {
                        "200": {"description": "A GeoJSON FeatureCollection", "content": {GEOJSON: {}}},
                        **bad,
                        **not_found,
                    },
                }
            },
            "/collections/{collectionId}/items/{featureId}": {
                "get": {
                    "summary": "One feature",
                    "operationId": "getFeature",
                    "parameters": [
                        collection_id,
                        _param(
                            "featureId", "path", {"type": "string"}, "Identifier of a feature", required=True
                        ),
                    ],
                    "responses": {
                        "200": {"description": "A GeoJSON Feature", "content": {GEOJSON: {}}},
                        **not_found,
                    },
                }
            },
        },
    }
