import tempfile
from pathlib import Path

from portal.settings.base import *

DEBUG = False
ALLOWED_HOSTS = ["localhost", ".localhost", "testserver", ".testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Connections close after each request or task, so a worker thread leaves none behind.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# Off unless a test turns it on: the database is rolled back after each test, a cache is not.
WAGTAIL_CACHE = False
# Tests share one cache for the whole run: GraphQL's rate limits are off unless a test sets them.
GRAPHQL_RATE_LIMIT_PER_ADDRESS = None
GRAPHQL_RATE_LIMIT_PER_TOKEN = None

# Development only: demo content, the embedded database, the accessibility check.
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "accessibility"]
