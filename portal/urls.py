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

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
