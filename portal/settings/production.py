"""Production: every secret and host from the environment; passes `check --deploy`."""

from .base import *  # noqa: F403

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Pooled database connections: a new PostgreSQL connection per request cost ~25 ms on every
# read. By default psycopg's pool (per process; its size from DATABASE_POOL_MIN/MAX); with
# DATABASE_POOL=false each process keeps one persistent connection (CONN_MAX_AGE seconds),
# checked before reuse.
if DATABASES["default"]["ENGINE"].endswith(("postgis", "postgresql")):  # noqa: F405
    if env.bool("DATABASE_POOL", default=True):  # noqa: F405
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405  (the pool keeps the connections)
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
            "min_size": env.int("DATABASE_POOL_MIN", default=1),  # noqa: F405
            "max_size": env.int("DATABASE_POOL_MAX", default=4),  # noqa: F405
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10.0),  # noqa: F405
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)  # noqa: F405
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
