from portal.settings.base import *

DEBUG = True
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Development only: demo content, the embedded database, the accessibility check.
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "accessibility"]
