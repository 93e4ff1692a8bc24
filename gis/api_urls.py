"""GIS map, language-neutral: OGC API – Features at the standard's paths under /ogcapi/, and the
short building address printed in QR/NFC labels (/b/<slug>, redirected to the visitor's language)."""

from django.urls import path

from . import ogcapi, views

urlpatterns = [
    path("ogcapi/", ogcapi.landing, name="ogcapi-landing"),
    path("ogcapi", ogcapi.landing),
    path("ogcapi/api", ogcapi.openapi, name="ogcapi-openapi"),
    path("ogcapi/conformance", ogcapi.conformance, name="ogcapi-conformance"),
    path("ogcapi/collections", ogcapi.collections, name="ogcapi-collections"),
    path("ogcapi/collections/<slug:collection_id>", ogcapi.collection, name="ogcapi-collection"),
    path("ogcapi/collections/<slug:collection_id>/items", ogcapi.items, name="ogcapi-items"),
    path("ogcapi/collections/<slug:collection_id>/items/<str:fid>", ogcapi.item, name="ogcapi-item"),
    path("b/<slug:slug>", views.building_short, name="building-short"),
]
