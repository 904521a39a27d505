"""Settings shared by every environment. The environment itself is read in environment.py."""

from urllib.parse import unquote, urlparse

from portal.settings.environment import BASE_DIR, ENV
from portal.site_name import lazy_site_name

SECRET_KEY = ENV.secret_key or "insecure-development-key-change-me"
DEBUG = ENV.debug

# The state is the public schema; each district is a schema of its own (django-tenants).
SHARED_ONLY_APPS = [
    "django_tenants",
    "tenants",
    "statewide",
    "progress.statewide",
    "council",
    "graphene_django",
]
PER_SCHEMA_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "portrait",
]
# `tenants` comes before `django_tenants` so that its migrate commands win.
SHARED_APPS = [
    "tenants",
    "django_tenants",
    "statewide",
    "progress.statewide",
    "council",
    "graphene_django",
    *PER_SCHEMA_APPS,
]
# District self-assessments and outcome uploads: a table in every district schema, none in public.
TENANT_APPS = [*PER_SCHEMA_APPS, "progress"]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]
INSTALLED_APPS += ["portal", "wagtailcache", "django.forms"]

TENANT_MODEL = "tenants.District"
TENANT_DOMAIN_MODEL = "tenants.Domain"
TENANT_TEMPLATE_SCHEMA = "district_template"
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
# Set the search path when the schema changes, not before every query (half the round trips).
TENANT_LIMIT_SET_CALLS = True
PUBLIC_SCHEMA_URLCONF = "portal.urls.state"
ROOT_URLCONF = "portal.urls.district"

STATE_DOMAIN = ENV.state_domain
STATE_NAME = ENV.state_name
STATE_HOSTNAMES = {STATE_DOMAIN, f"www.{STATE_DOMAIN}"}
PUBLIC_PORT = ENV.public_port
PUBLIC_SCHEME = ENV.public_scheme
ALLOWED_HOSTS = [STATE_DOMAIN, f".{STATE_DOMAIN}", *ENV.extra_allowed_hosts]

MIDDLEWARE = [
    "tenants.middleware.DistrictRoutingMiddleware",
    # The page cache (wagtail-cache) wraps everything after routing, which sets the schema.
    "tenants.page_cache.UpdatePageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtailcache.cache.FetchFromCacheMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "tenants.context_processors.current_site_kind",
                "portrait.context_processors.portrait_label",
            ],
        },
    },
]

# Form widgets render from the project's template tree too (templates/<app>/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "portal.wsgi.application"


def _database_settings() -> dict:
    if ENV.database_url:
        url = urlparse(ENV.database_url)
        return {
            "NAME": url.path.lstrip("/") or "portal",
            "USER": url.username or "postgres",
            "PASSWORD": unquote(url.password or ""),
            "HOST": url.hostname or "",
            "PORT": str(url.port or ""),
        }
    from portal.embedded_db import embedded_database_settings

    return embedded_database_settings(ENV.data_dir)


DATABASES = {
    "default": {
        "ENGINE": "tenants.postgresql_backend",
        **_database_settings(),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
}
# A connection is closed between requests (or tasks) once it has worked in this many schemas:
# each schema's relations stay cached in the PostgreSQL backend (tenants/postgresql_backend).
DB_SCHEMAS_PER_CONNECTION = ENV.db_schemas_per_connection
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Every cache key carries the schema name: Wagtail's site-root and rendition keys repeat
# across schemas.
_TENANT_KEYS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}
# Without Redis each process keeps its own cache: fine for one development process only.
if ENV.redis_url:
    _CACHE_BACKEND = {"BACKEND": "portal.redis_cache.RedisCache"}
    _CACHE_BACKEND["LOCATION"] = ENV.redis_url
    _PAGE_CACHE_BACKEND = {"BACKEND": "tenants.page_cache.RedisPageCache"}
    _PAGE_CACHE_BACKEND["LOCATION"] = ENV.redis_url
else:
    _CACHE_BACKEND = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    _PAGE_CACHE_BACKEND = {"BACKEND": "tenants.page_cache.LocMemPageCache"}
CACHES = {
    "default": {**_CACHE_BACKEND, **_TENANT_KEYS},
    "renditions": {**_CACHE_BACKEND, **_TENANT_KEYS, "TIMEOUT": 600},
    # Whole pages for anonymous visitors, per schema and per publish (tenants/page_cache.py).
    # The timeout is also the max-age browsers are told, so it stays short.
    "pages": {
        **_PAGE_CACHE_BACKEND,
        "KEY_FUNCTION": "tenants.page_cache.page_cache_key",
        "TIMEOUT": 300,
    },
}
WAGTAIL_CACHE = ENV.page_cache
WAGTAIL_CACHE_BACKEND = "pages"

# Sessions live in each schema's own table; cookies never name a parent domain.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_SECURE = bool(ENV.secure_cookies)
CSRF_COOKIE_SECURE = bool(ENV.secure_cookies)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploaded files live under MEDIA_ROOT/<schema>/ and are served only on that schema's hosts.
MEDIA_URL = "/media/"
MEDIA_ROOT = ENV.media_root
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Celery: tasks carry their schema (tenant-schemas-celery). With no broker they run eagerly.
CELERY_BROKER_URL = ENV.broker_url or "memory://"
CELERY_TASK_ALWAYS_EAGER = not ENV.broker_url
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# A publish must not wait on a broker that is down: the sync catches up later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE = {
    "rebuild-directory-nightly": {
        "task": "tenants.tasks.rebuild_directory",
        "schedule": 24 * 3600,
    },
    # Scheduled pages go live within a minute, on the state's site and in every district.
    "publish-scheduled-pages": {
        "task": "tenants.tasks.publish_scheduled_pages",
        "schedule": 60,
        "options": {"expires": 55},  # a run missed while workers were down is not queued up
    },
    # The council's outbox: mail written with a submission goes out even if the broker was
    # down when it was saved.
    "council-send-outbox": {"task": "council.tasks.send_outbox", "schedule": 60},
    "council-queue-reminders": {"task": "council.tasks.queue_reminders", "schedule": 15 * 60},
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = ENV.default_from_email

WAGTAIL_SITE_NAME = lazy_site_name  # the district's name in its admin, the state's in its own
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin
_DEFAULT_PORT = {"http": "80", "https": "443"}.get(PUBLIC_SCHEME)
WAGTAILADMIN_BASE_URL = f"{PUBLIC_SCHEME}://{STATE_DOMAIN}" + (
    f":{PUBLIC_PORT}" if PUBLIC_PORT and PUBLIC_PORT != _DEFAULT_PORT else ""
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portrait.forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_I18N_ENABLED = False

SUPPORT_LINK_MAX_AGE_SECONDS = 5 * 60

GRAPHENE = {
    "SCHEMA": "portal.schema.schema",
    "ATOMIC_MUTATIONS": True,
    # graphene-django adds its debug middleware when DEBUG is on; the schema has no _debug
    # field to show what it records, so it would only slow every field down in development.
    "MIDDLEWARE": [],
}
# Proxies whose X-Forwarded-For names the client (rate limits count per client address).
TRUSTED_PROXY_ADDRESSES = set(ENV.trusted_proxy_addresses)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "tenants": {"level": "INFO"},
        "council": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
    },
}

# With a bucket named, uploads live in object storage that every web node and worker shares,
# each schema under its own prefix (tenants/storage.py). Credentials come from boto3's usual
# sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role). Kept last:
# documents are then served by a redirect to a short-lived signed link, after Wagtail's
# document view has checked the collection's privacy.
if ENV.s3_bucket:
    STORAGES["default"] = {
        "BACKEND": "tenants.storage.TenantS3Storage",
        "OPTIONS": {
            "bucket_name": ENV.s3_bucket,
            "endpoint_url": ENV.s3_endpoint_url or None,
            "region_name": ENV.s3_region or None,
            "location": ENV.s3_location,
            "signed_url_seconds": ENV.s3_signed_url_seconds,
            # Path-style URLs work with every S3-compatible server, not only AWS.
            "addressing_style": "path" if ENV.s3_endpoint_url else None,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "redirect"
