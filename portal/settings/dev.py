from portal.settings.base import *

DEBUG = True
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
