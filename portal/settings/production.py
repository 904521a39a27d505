from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import *
from portal.settings.environment import ENV

# Keys printed in this repository: anyone could sign sessions and password-reset links.
PUBLIC_SECRET_KEYS = {
    DEVELOPMENT_SECRET_KEY,
    "django-insecure-CHANGE-ME-this-placeholder-is-not-a-secret",  # docker-compose.yml's
}
_NEW_KEY_HINT = 'Make one with: python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
if not ENV.secret_key:
    raise ImproperlyConfigured(f"SECRET_KEY must be set in production. {_NEW_KEY_HINT}")
if ENV.secret_key in PUBLIC_SECRET_KEYS or ENV.secret_key.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        f"SECRET_KEY is a placeholder published with the portal's code. {_NEW_KEY_HINT}"
    )
if not ENV.database_url:
    raise RuntimeError("DATABASE_URL must be set in production.")
if not ENV.redis_url:
    # Without it every process keeps its own cache: a publish on one web node would not clear
    # the pages another caches, and each node would count rate limits on its own.
    raise RuntimeError("REDIS_URL must be set in production.")

DEBUG = False

# Behind a TLS proxy that sets X-Forwarded-Proto. Secure cookies unless told otherwise.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = ENV.secure_cookies is not False
CSRF_COOKIE_SECURE = ENV.secure_cookies is not False
SECURE_HSTS_SECONDS = ENV.hsts_seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = True  # every district is a sub-domain of the state's
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # no address leaves for another site
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview frames the site's own pages.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = ENV.email_host or "localhost"
EMAIL_PORT = ENV.email_port
EMAIL_HOST_USER = ENV.email_user
EMAIL_HOST_PASSWORD = ENV.email_password
EMAIL_USE_TLS = ENV.email_use_tls
LOGGING["root"]["level"] = "INFO"
