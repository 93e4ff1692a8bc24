"""The test suite: fast hashing, in-memory cache and mail, eager tasks, a fixed secret."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")

from .base import *  # noqa: E402, F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = ""
# Generated tutorials are text-only unless a test asks for screenshots (with its live server).
TRAINING_TUTORIAL_SCREENSHOTS = False
MAP_USAGE_FLUSH_SECONDS = 0  # tests flush explicitly; one test turns the per-process flush on
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"  # noqa: F405
# A file, not :memory:, so --reuse-db keeps the migrated database between runs.
if DATABASES["default"]["ENGINE"].endswith("spatialite"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("TEST_DATABASE_NAME", str(BASE_DIR / "var" / "test.sqlite3"))  # noqa: F405
    }
# Unreachable (not .env's Rasa of `make run`): the chatbot tests point it at the Rasa they start.
RASA_URL = "http://127.0.0.1:1"
# Static files straight from the app folders (no collectstatic before tests).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
QR_SIGNING_KEY_FILE = BASE_DIR / "var" / "test-keys" / "qr-ed25519.pem"  # noqa: F405
# Staff sign in without a code in the suite; tests of two-factor authentication turn it on.
ACCOUNTS_TWO_FACTOR_ENFORCED = False
