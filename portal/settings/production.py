from portal.settings.base import *
from portal.settings.environment import ENV

if not ENV.secret_key:
    raise RuntimeError("SECRET_KEY must be set in production.")
if not ENV.database_url:
    raise RuntimeError("DATABASE_URL must be set in production.")

DEBUG = False
SESSION_COOKIE_SECURE = ENV.secure_cookies
CSRF_COOKIE_SECURE = ENV.secure_cookies
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = ENV.email_url or "localhost"
LOGGING["root"]["level"] = "INFO"
