"""Settings shared by every environment; secrets and hosts come from the environment."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PORTAL_DIR = BASE_DIR / "portal"

env = environ.Env()
# ENV_FILE lets a deployment (or a test) point at another file; real environment variables win.
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal.core",
    "portal.accounts",
    "portal.home",
    "portal.services",
    "portal.kpi",
    "portal.qr",
    "portal.feedback",
    "portal.accessibility",
    "portal.documents",
    "portal.search",
    "chatbot",
    "gis",
    "opendata",
    "cctv",
    "training",
    "participation.consultations",
    "neighbours",
    "participation.budget",
    "safety",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # the API docs from its own static files (not a CDN the CSP refuses)
    "leaflet",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.core.middleware.ContentSecurityPolicyMiddleware",
    "portal.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.core.context_processors.site_chrome",
            ],
        },
    },
]

# Database: SQLite + SpatiaLite embedded by default; DATABASE_URL=postgis://... for production.
DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default=f"spatialite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("spatialite"):
    # GeoDjango's backend, but keeping the timeout below once mod_spatialite is loaded (it resets
    # SQLite's busy timeout to 5 s).
    DATABASES["default"]["ENGINE"] = "portal.core.db.spatialite"
    # Without a timeout concurrent writers (dev server + Celery) fail at once with "locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # A transaction that reads, then writes (the registry's number counter) would fail at once
    # with "database is locked"; IMMEDIATE takes the write lock at BEGIN, so writers queue within
    # the timeout instead (Django's documented cure).
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
SPATIALITE_LIBRARY_PATH = env("SPATIALITE_LIBRARY_PATH", default="mod_spatialite")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What every node must share lives in Redis when REDIS_URL is set: the cache (rate limits, page headers,
# sign-in and PIN lockouts, map-use counters) and the sessions (cached_db: read from Redis,
# kept in the database too, so a Redis restart signs nobody out).
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="portal"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The city this portal serves: every name, place and code that would differ in another city.
# Read through portal.core.city.get_city(); each key can be set from the environment (.env.example).
CITY = {
    # The city's name in each language offered.
    "NAME": {
        "ro": env("CITY_NAME_RO", default=env("CITY_NAME", default="Arad")),
        "en": env("CITY_NAME_EN", default=env("CITY_NAME", default="Arad")),
        "hu": env("CITY_NAME_HU", default="Arad"),
    },
    # The city hall (the authority behind the portal) in each language.
    "AUTHORITY": {
        "ro": env("CITY_AUTHORITY_RO", default="Primăria Municipiului Arad"),
        "en": env("CITY_AUTHORITY_EN", default="Arad City Hall"),
        "hu": env("CITY_AUTHORITY_HU", default="Aradi Polgármesteri Hivatal"),
    },
    # The publisher of the datasets the portal publishes automatically (one open-data organisation).
    "PUBLISHER": env("CITY_PUBLISHER", default="Primăria Municipiului Arad"),
    # Registration numbers look like <prefix>-2026-000123 (a service's registry policy may override).
    "NUMBER_PREFIX": env("CITY_NUMBER_PREFIX", default=env("DOCUMENTS_NUMBER_PREFIX", default="AR")),
    # The map's centre (latitude, longitude; WGS84) and zoom level.
    "CENTER": tuple(env.list("CITY_CENTER", cast=float, default=[46.1866, 21.3123])),
    "ZOOM": env.int("CITY_ZOOM", default=13),
    # The city's area: imported cameras and map features must lie in it. A boundary file (GeoJSON,
    # WGS84) when given, else the box (west, south, east, north; WGS84).
    "BBOX": tuple(env.list("CITY_BBOX", cast=float, default=[21.15, 46.08, 21.50, 46.30])),
    "BOUNDARY_FILE": env("CITY_BOUNDARY_FILE", default=""),
    # The place the open datasets cover (DCAT-AP dct:spatial: a GeoNames URI) and its label.
    "SPATIAL_URI": env("CITY_SPATIAL_URI", default="https://sws.geonames.org/686254/"),
    "SPATIAL_LABEL": env("CITY_SPATIAL_LABEL", default="Arad, Romania"),
    "TIME_ZONE": env("CITY_TIME_ZONE", default="Europe/Bucharest"),
    # Languages offered, the first being the city's language and the default.
    "LANGUAGES": env.list("CITY_LANGUAGES", default=["ro", "en", "hu"]),
}

# Languages: the city's language is the default; the others follow in CITY's order.
_LANGUAGE_NAMES = {"ro": _("Romanian"), "en": _("English"), "hu": _("Hungarian")}
LANGUAGE_CODE = CITY["LANGUAGES"][0]
LANGUAGES = [(code, _LANGUAGE_NAMES[code]) for code in CITY["LANGUAGES"]]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PORTAL_DIR / "locale"]
TIME_ZONE = CITY["TIME_ZONE"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [PORTAL_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Files that must never be served publicly (attachments, personal data) live here.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
# Uploaded and generated files: folders on this machine (the embedded default, one node), or
# STORAGE_BACKEND=s3: buckets of an S3-compatible object store that every node shares. Public
# files ("default": Wagtail images and documents, open-data resources) and private ones
# ("private": attachments, certificates, GIS imports; portal.core.storage) go to separate buckets.
STORAGE_BACKEND = env("STORAGE_BACKEND", default="filesystem")
# Private files from object storage: a redirect to a signed URL valid this many seconds (the
# portal checks permission first); PRIVATE_MEDIA_REDIRECT=false streams them through the portal
# instead, for an object store the visitors' browsers cannot reach.
PRIVATE_MEDIA_REDIRECT = env.bool("PRIVATE_MEDIA_REDIRECT", default=True)
PRIVATE_MEDIA_URL_EXPIRE = env.int("PRIVATE_MEDIA_URL_EXPIRE", default=60)
if STORAGE_BACKEND == "s3":
    _S3 = {
        "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
        "region_name": env("AWS_S3_REGION_NAME", default=None),
        "access_key": env("AWS_ACCESS_KEY_ID", default=None),
        "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
        "addressing_style": env("AWS_S3_ADDRESSING_STYLE", default="path"),
        "signature_version": "s3v4",
        "file_overwrite": False,  # two uploads of report.pdf keep both
        "default_acl": None,  # the bucket's policy decides
    }
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_S3,
                "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
                "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
                # Public files get signed addresses too, so the bucket needs no public reads and
                # unpublished files stay unreachable; AWS_QUERYSTRING_AUTH=false gives plain
                # addresses for a bucket (or CDN, AWS_S3_CUSTOM_DOMAIN) that allows public reads.
                "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
                "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=3600),
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_S3,
                "bucket_name": env("AWS_PRIVATE_BUCKET_NAME"),
                "querystring_auth": True,
                "querystring_expire": PRIVATE_MEDIA_URL_EXPIRE,
            },
        },
    }
    # Where pages load images from (added to the Content-Security-Policy below).
    MEDIA_HOSTS = [
        f"https://{env('AWS_S3_CUSTOM_DOMAIN')}"
        if env("AWS_S3_CUSTOM_DOMAIN", default="")
        else (_S3["endpoint_url"] or "https://*.amazonaws.com")
    ]
elif STORAGE_BACKEND == "filesystem":
    MEDIA_HOSTS = []
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "portal.core.storage.PrivateFileSystemStorage"},
    }
else:
    raise ValueError(f"STORAGE_BACKEND must be filesystem or s3, not {STORAGE_BACKEND!r}")
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@primariaarad.example")
# Reports sent through the accessibility statement; empty: the statement's own contact address.
ACCESSIBILITY_FEEDBACK_EMAIL = env("ACCESSIBILITY_FEEDBACK_EMAIL", default="")

# Wagtail
WAGTAIL_SITE_NAME = CITY["NAME"][LANGUAGE_CODE]
WAGTAILADMIN_BASE_URL = env("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents pass through Wagtail's view (its privacy rules), whichever storage holds them.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Map: the base layer is a setting because a city may host its own tiles; pages work without it.
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": CITY["CENTER"],
    "DEFAULT_ZOOM": CITY["ZOOM"],
    "TILES": [("OpenStreetMap", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})],
}

# Content-Security-Policy on every response (portal.core.middleware): scripts, styles, fonts and
# requests from the portal only; images also from the tile server. CSP_REPORT_ONLY=true reports
# violations to /csp-report without blocking (a first deployment); it enforces by default.
CSP_REPORT_ONLY = env.bool("CSP_REPORT_ONLY", default=False)
CSP_REPORT_URI = "/csp-report"
CSP_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    # No <style> elements or style sheets from elsewhere; style="" attributes are allowed because
    # the map colours each layer's swatch and pins from the database (gis/map.html, gis/map.js).
    "style-src": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", *MEDIA_HOSTS, *env.list("CSP_IMG_HOSTS", default=[])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Wagtail's admin uses inline scripts and styles, and previews pages in a frame of its own.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_POLICY = {
    **CSP_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Reports accepted per visitor address and minute; larger bodies are refused unread.
CSP_REPORT_LIMIT_PER_MINUTE = 60
CSP_REPORT_MAX_BYTES = 16 * 1024
# Reverse proxies in front of the portal that append to X-Forwarded-For (0: none, the header is
# ignored). Rate limits key on the address that many hops from the right (portal.core.net).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Celery: tasks run eagerly in-process unless a broker is configured.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "snapshot-kpis-daily": {"task": "portal.kpi.tasks.snapshot_kpis", "schedule": 24 * 3600},
    # Every app's retention rules (`retention.py`); each app's period is set below its marker.
    "purge-personal-data-daily": {"task": "portal.core.tasks.purge_personal_data", "schedule": 24 * 3600},
}

# Signed QR codes (permits, certificates): Ed25519 private key in PEM. Without it a key is
# made once under var/ — fine for development, never for production (see README).
QR_SIGNING_KEY = env("QR_SIGNING_KEY", default="")
QR_SIGNING_KEY_FILE = env.path("QR_SIGNING_KEY_FILE", default=BASE_DIR / "var" / "keys" / "qr-ed25519.pem")

# Rasa: the chatbot server the portal proxies to (REST channel).
RASA_URL = env("RASA_URL", default="http://127.0.0.1:5005")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# gis.W001 asks for GDAL >= 3.9 to block file/network access while parsing spatial references.
# Debian bookworm ships GDAL 3.6; only authenticated GIS editors upload spatial files, and
# uploads are parsed from a temporary copy. Revisit when the platform's GDAL reaches 3.9.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]


# --- Per-app settings: each app adds its own below its marker, nowhere else. ---
# --- accounts ---
# Admin sign-in: failures per account (the name typed, existing or not) and per client address in
# the window, then a lockout; the same message either way, so it reveals no account names.
ACCOUNTS_LOGIN_LIMITS = {
    "per_account": env.int("ACCOUNTS_LOGIN_PER_ACCOUNT", default=5),
    "per_address": env.int("ACCOUNTS_LOGIN_PER_ADDRESS", default=20),
    "window_seconds": 15 * 60,
    "lockout_seconds": env.int("ACCOUNTS_LOGIN_LOCKOUT_SECONDS", default=15 * 60),
}
WAGTAILADMIN_USER_LOGIN_FORM = "portal.accounts.forms.ThrottledLoginForm"
# Two-factor (TOTP): wrong codes allowed per account in the window, then a lockout.
ACCOUNTS_TWO_FACTOR_LIMITS = {"per_account": 5, "window_seconds": 15 * 60, "lockout_seconds": 15 * 60}
# Roles (portal/core/roles.py) that see personal data must use a second factor: clerks (citizens'
# requests and files), CCTV operators (footage of people), trainers (participants, certificates),
# data publishers (dataset requests with e-mail addresses), chat operators (residents' chats),
# safety operators (where alert buttons are, who raised an alert, neighbours' addresses) and
# participation moderators (commenters' and voters' e-mail addresses).
# Editors, GIS editors and KPI viewers handle public or aggregate data: optional for them.
ACCOUNTS_TWO_FACTOR_REQUIRED_ROLES = [
    "Registry clerks",
    "CCTV operators",
    "Trainers",
    "Data publishers",
    "Chat operators",
    "Safety operators",
    "Participation moderators",
]
# Administrators can see everything: required too; they set it up at their first sign-in.
ACCOUNTS_TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = True
# Off only in the test settings (the suite signs staff in without codes; the two-factor tests
# turn it on).
ACCOUNTS_TWO_FACTOR_ENFORCED = True
# --- documents ---
# Digits of the PIN printed on every receipt (1-8: the PIN column holds 8); the public API
# (/api/v1/documents/config) exposes it so the chatbot asks for and checks the right length.
DOCUMENTS_PIN_DIGITS = env.int("DOCUMENTS_PIN_DIGITS", default=6)
# Failed lookups by number and PIN allowed per visitor address (and per number) in the window.
DOCUMENTS_LOOKUP_LIMITS = {"per_number": 5, "per_address": 20, "window_seconds": 15 * 60}
# Online requests the public API accepts per visitor address and hour (the chatbot's channel).
DOCUMENTS_API_REQUESTS_PER_HOUR = env.int("DOCUMENTS_API_REQUESTS_PER_HOUR", default=30)
# Personal data of archived documents goes after their service's retention (registry policy);
# documents never archived lose it this many years after their last change.
DOCUMENTS_UNARCHIVED_RETENTION_YEARS = env.int("DOCUMENTS_UNARCHIVED_RETENTION_YEARS", default=10)
# --- chatbot ---
# Kept chat transcripts are deleted this many days after the conversation's last message.
CHATBOT_TRANSCRIPT_RETENTION_DAYS = env.int("CHATBOT_TRANSCRIPT_RETENTION_DAYS", default=180)
# The lines of a chat never handed to a person are kept only this long (for an operator to read).
CHAT_LINES_RETENTION_HOURS = env.int("CHAT_LINES_RETENTION_HOURS", default=24)
# A resident who asked for a person is offered a call-back when no operator claims the chat in time.
CHAT_HANDOFF_TIMEOUT_SECONDS = env.int("CHAT_HANDOFF_TIMEOUT_SECONDS", default=180)
# How often the widget asks for an operator's new messages (short polling works behind any proxy).
CHAT_HANDOFF_POLL_SECONDS = env.int("CHAT_HANDOFF_POLL_SECONDS", default=3)
# --- feedback ---
# Free-text comments of the satisfaction questionnaire are erased after this many days; scores stay.
FEEDBACK_COMMENT_RETENTION_DAYS = env.int("FEEDBACK_COMMENT_RETENTION_DAYS", default=365)
# --- participation ---
# Residents' e-mail addresses go after this many idle days: consultations count from the last
# report or meeting that concerned them, the budget from its cycles' results and the last news
# of the projects they follow.
CONSULTATIONS_PARTICIPANT_RETENTION_DAYS = env.int("CONSULTATIONS_PARTICIPANT_RETENTION_DAYS", default=365)
BUDGET_PARTICIPANT_RETENTION_DAYS = env.int("BUDGET_PARTICIPANT_RETENTION_DAYS", default=365)
# --- gis ---
# The largest file (bytes) a GIS editor may upload to import into a layer; streamed to disk,
# read by GDAL from there and deleted when the import finishes or fails.
GIS_IMPORT_MAX_BYTES = env.int("GIS_IMPORT_MAX_BYTES", default=200 * 1024 * 1024)
# Map reads count their use in the cache; this job writes the counts to the database. Each web
# process also writes its own counts at most this often, for when no beat runs.
CELERY_BEAT_SCHEDULE["gis-flush-map-usage"] = {"task": "gis.tasks.flush_map_usage", "schedule": 5 * 60}
MAP_USAGE_FLUSH_SECONDS = env.int("MAP_USAGE_FLUSH_SECONDS", default=5 * 60)
# A layer's metadata and feature count stay cached this long (seconds; changes start a new cache
# generation at once where the cache is shared, e.g. Redis; 0 turns the cache off).
GIS_LAYER_CACHE_SECONDS = env.int("GIS_LAYER_CACHE_SECONDS", default=300)
# A filtered request (bbox, property, datetime) counts its matches only up to this many; past it
# numberMatched is left out (OGC API) or null (/api/v1/gis/), and the next link still follows.
GIS_EXACT_COUNT_MAX = env.int("GIS_EXACT_COUNT_MAX", default=10_000)
# The map loads at most this many features of a layer at once (the part in view, in pages of
# this size) and says so when the view holds more: zoom in to see them all.
GIS_MAP_FEATURE_LIMIT = env.int("GIS_MAP_FEATURE_LIMIT", default=5_000)
# --- opendata ---
# A remote CKAN (e.g. the national portal) to publish to and harvest from; empty: no sync.
OPENDATA_CKAN_URL = env("OPENDATA_CKAN_URL", default="")
OPENDATA_CKAN_TOKEN = env("OPENDATA_CKAN_TOKEN", default="")
# Our organization "urbanism" is "<prefix>urbanism" there unless mapped explicitly.
OPENDATA_CKAN_ORG_PREFIX = env("OPENDATA_CKAN_ORG_PREFIX", default="arad-")
OPENDATA_CKAN_ORG_MAP = env.dict("OPENDATA_CKAN_ORG_MAP", default={})
# Remote organizations the scheduled pull harvests (empty: the pull is not scheduled to do anything).
OPENDATA_CKAN_PULL_ORGANIZATIONS = env.list("OPENDATA_CKAN_PULL_ORGANIZATIONS", default=[])
# Largest resource file staff may upload (admin or Action API), in bytes; CSVs are streamed
# into the datastore row by row, so this bounds disk and time, not memory.
OPENDATA_UPLOAD_MAX_BYTES = env.int("OPENDATA_UPLOAD_MAX_BYTES", default=100 * 1024 * 1024)
# The requester's e-mail of a dataset request is erased this many days after the request last changed.
OPENDATA_REQUEST_EMAIL_RETENTION_DAYS = env.int("OPENDATA_REQUEST_EMAIL_RETENTION_DAYS", default=365)
CELERY_BEAT_SCHEDULE.update(
    {
        "opendata-refresh-published": {
            "task": "opendata.tasks.refresh_published_datasets",
            "schedule": 6 * 3600,
        },
        "opendata-sync-ckan-push": {"task": "opendata.tasks.sync_ckan_push", "schedule": 24 * 3600},
        "opendata-sync-ckan-pull": {"task": "opendata.tasks.sync_ckan_pull", "schedule": 24 * 3600},
    }
)
# --- cctv ---
# A camera that has sent heartbeats and then stays silent this long (seconds) becomes faulty.
CCTV_HEARTBEAT_TIMEOUT = env.int("CCTV_HEARTBEAT_TIMEOUT", default=15 * 60)
# Signed VMS requests older or newer than this (seconds) are refused as possible replays.
CCTV_SIGNATURE_WINDOW = env.int("CCTV_SIGNATURE_WINDOW", default=300)
# The gis layer (key) holding the road network used for cameras per road km, when it exists.
CCTV_ROAD_LAYER_KEY = env("CCTV_ROAD_LAYER_KEY", default="road-network")
# The largest camera import file (bytes) the admin accepts; it is read whole, so keep it modest.
CCTV_IMPORT_MAX_BYTES = env.int("CCTV_IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
# Whom residents write to about video surveillance (the data protection officer).
CCTV_PRIVACY_CONTACT = env("CCTV_PRIVACY_CONTACT", default="dpo@primariaarad.example")
CELERY_BEAT_SCHEDULE["cctv-mark-silent-cameras"] = {
    "task": "cctv.tasks.mark_silent_cameras",
    "schedule": 5 * 60,
}
# --- safety (call points and alert buttons) ---
# Silence (seconds) after which a device that has sent heartbeats becomes faulty.
SAFETY_HEARTBEAT_TIMEOUT = env.int("SAFETY_HEARTBEAT_TIMEOUT", default=15 * 60)
# Signed device requests older or newer than this (seconds) are refused as possible replays.
SAFETY_SIGNATURE_WINDOW = env.int("SAFETY_SIGNATURE_WINDOW", default=300)
# How often (ms) the operator console asks for open alerts.
SAFETY_CONSOLE_POLL_MS = env.int("SAFETY_CONSOLE_POLL_MS", default=1000)
# The newest open alerts the console lists (with the count of all open ones).
SAFETY_CONSOLE_LIMIT = env.int("SAFETY_CONSOLE_LIMIT", default=100)
# The one-stop-shop service (its Romanian page slug) through which alert buttons are requested.
SAFETY_ALERT_BUTTON_SERVICE = env("SAFETY_ALERT_BUTTON_SERVICE", default="cerere-buton-alarma")
CELERY_BEAT_SCHEDULE["safety-mark-silent-devices"] = {
    "task": "safety.tasks.mark_silent_devices",
    "schedule": 5 * 60,
}
# --- qr ---
# /verify by printed number: numbers not found allowed per visitor address in the window, then a
# lockout (scanned QR codes still verify).
QR_VERIFY_NUMBER_LIMITS = {"per_address": 30, "window_seconds": 15 * 60, "lockout_seconds": 15 * 60}
# --- training ---
# Learner accounts: sign-up forms sent per visitor address, password-reset requests per address and
# per e-mail address typed, in the window, then a lockout. Sign-in shares ACCOUNTS_LOGIN_LIMITS.
TRAINING_ACCOUNT_LIMITS = {
    "signup_per_address": 10,
    "reset_per_address": 10,
    "reset_per_email": 3,
    "window_seconds": 3600,
    "lockout_seconds": 3600,
}
# xAPI statements to an external learning-record store; nothing is sent while the endpoint is empty.
TRAINING_XAPI_ENDPOINT = env("TRAINING_XAPI_ENDPOINT", default="")
TRAINING_XAPI_USERNAME = env("TRAINING_XAPI_USERNAME", default="")
TRAINING_XAPI_PASSWORD = env("TRAINING_XAPI_PASSWORD", default="")
# Tutorials generated from the e-services: screenshots of each form in this Chromium (text-only
# steps without it), read from a running portal at TRAINING_TUTORIAL_BASE_URL or, when empty,
# from a server started on a loopback port while the screenshots are taken.
TRAINING_TUTORIAL_SCREENSHOTS = env.bool("TRAINING_TUTORIAL_SCREENSHOTS", default=True)
TRAINING_TUTORIAL_BASE_URL = env("TRAINING_TUTORIAL_BASE_URL", default="")
TRAINING_CHROMIUM = env("TRAINING_CHROMIUM", default="/usr/bin/chromium")
# Vigilant neighbours: notices go through these senders (e-mail; an SMS gateway implements
# neighbours.senders.Sender); failed deliveries are retried on beat's schedule.
NEIGHBOURS_SENDERS = ["neighbours.senders.EmailSender"]
CELERY_BEAT_SCHEDULE["neighbours-retry-deliveries"] = {
    "task": "neighbours.tasks.retry_deliveries",
    "schedule": 60,
}
