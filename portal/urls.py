"""URL map: language-neutral endpoints first, then the translated site under /ro/, /en/, /hu/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.api import api
from portal.core import views as core_views
from portal.home import views as home_views
from portal.qr import views as qr_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("csp-report", core_views.csp_report, name="csp-report"),
    path("api/v1/", api.urls),
    # Machine endpoints that follow outside standards' paths (CKAN Action API, OGC API, VMS).
    path("", include("gis.api_urls")),
    path("", include("opendata.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(".well-known/qr-signing-key.pem", qr_views.public_key, name="qr-public-key"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("verify", qr_views.verify, name="qr-verify"),
    path("verify/<str:number>", qr_views.verify, name="qr-verify-number"),
    path("kpi/", include("portal.kpi.urls")),
    path("", include("portal.feedback.urls")),
    path("", include("portal.documents.urls")),
    path("", include("chatbot.urls")),
    path("", include("gis.urls")),
    path("", include("opendata.urls")),
    path("", include("cctv.urls")),
    path("", include("safety.urls")),
    path("", include("training.urls")),
    path("", include("participation.consultations.urls")),
    path("", include("neighbours.urls")),
    path("budget/", include("participation.budget.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
