"""The public HTTP API, versioned under /api/v1/ with its OpenAPI document at /api/v1/openapi.json.

django-ninja (a Wagtail 8 dependency) builds the OpenAPI 3 document from the typed functions,
so the contract the chatbot, the map and outside developers rely on cannot drift from the code.
Each app contributes a router from its own api.py.
"""

from ninja import NinjaAPI

from portal.services.api import router as services_router

api = NinjaAPI(
    title="Arad Digital public API",
    version="1",
    description="Services, departments and city data for residents, the chatbot and developers.",
    urls_namespace="api-v1",
)
api.add_router("/", services_router)
