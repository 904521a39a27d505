from portal.settings.base import *

DEBUG = True
ALLOWED_HOSTS = ["*"]
