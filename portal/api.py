"""The public HTTP API, versioned under /api/v1/ with its OpenAPI document at /api/v1/openapi.json.

django-ninja (a Wagtail 8 dependency) builds the OpenAPI 3 document from the typed functions,
so the contract the chatbot, the map and outside developers rely on cannot drift from the code
(portal/core/api.py adds the errors ninja answers itself; tests/api checks it with schemathesis).
Each app contributes a router from its own api.py; open data speaks the CKAN Action API instead
(opendata/ckan, at /api/3/action/).
"""

from cctv.api import SECURITY_SCHEMES as CCTV_SECURITY_SCHEMES
from cctv.api import router as cctv_router
from chatbot.api import router as chatbot_router
from gis.api import router as gis_router
from portal.core.api import PortalAPI
from portal.documents.api import router as documents_router
from portal.services.api import router as services_router
from safety.api import SECURITY_SCHEMES as SAFETY_SECURITY_SCHEMES
from safety.api import router as safety_router
from training.api import router as training_router

api = PortalAPI(
    title="Arad Digital public API",
    version="1",
    description="Services, departments and city data for residents, the chatbot and developers.",
    urls_namespace="api-v1",
    openapi_extra={"components": {"securitySchemes": {**CCTV_SECURITY_SCHEMES, **SAFETY_SECURITY_SCHEMES}}},
)
api.add_router("/", services_router)
api.add_router("/documents", documents_router)
api.add_router("/chatbot", chatbot_router)
api.add_router("/gis", gis_router)
api.add_router("/cctv", cctv_router)
api.add_router("/training", training_router)
api.add_router("/safety", safety_router)
