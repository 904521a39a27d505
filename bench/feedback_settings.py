"""Settings for the feedback benchmark's gunicorn and Celery worker: production settings,
with mail written to files the benchmark counts instead of sent over SMTP."""

import os

from portal.settings.production import *

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["BENCH_MAIL_DIR"]
LOGGING["root"]["level"] = "WARNING"

# The bare baseline view (bench/feedback_bare.py) on the state's host, for this benchmark only.
PUBLIC_SCHEMA_URLCONF = "bench.feedback_urls"
