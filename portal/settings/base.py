"""Settings shared by every environment. The environment itself is read in environment.py."""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from demo.embedded_db import embedded_database_settings
from portal.settings.environment import BASE_DIR, ENV
from portal.site_name import lazy_site_name
from routing.base_url import lazy_base_url

DEVELOPMENT_SECRET_KEY = "insecure-development-key-change-me"
SECRET_KEY = ENV.secret_key or DEVELOPMENT_SECRET_KEY
DEBUG = ENV.debug

# The state is the public schema; each district is a schema of its own (django-tenants).
SHARED_ONLY_APPS = [
    "django_tenants",
    "tenants",
    "state",
    "state.progress",
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
    # Translating pages side by side, with PO files for vendors; each schema keeps its own.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Failed sign-ins, counted in each schema's own tables: a district locks its own accounts.
    "axes",
    # Two-factor sign-in: each schema keeps its own users' authenticator apps and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# `tenants` comes before `django_tenants` so that its migrate commands win.
SHARED_APPS = [
    "tenants",
    "publishing",
    "caching",
    "routing",
    "spreadsheets",
    "registry",
    "django_tenants",
    "state",
    "state.progress",
    "council",
    "graphene_django",
    *PER_SCHEMA_APPS,
]
# District self-assessments and outcome uploads: a table in every district schema, none in public.
TENANT_APPS = [*PER_SCHEMA_APPS, "progress"]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]
INSTALLED_APPS += ["portal", "wagtailcache", "django.forms", "csp"]

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
    "routing.middleware.DistrictRoutingMiddleware",
    # The page cache (wagtail-cache under the portal's policy, caching/page_cache.py) wraps
    # everything after routing, which sets the schema.
    "caching.page_cache.UpdatePageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Inside the page cache, so a cached page keeps the header it was stored with.
    "portal.content_security.PortalCSPMiddleware",
    "portal.statement_timeout.StatementTimeoutMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the path alone (`/es/...`), so a cached page is one language.
    "portal.languages.PathLanguageMiddleware",
    "portal.languages.SiteLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "caching.page_cache.FetchPageCacheMiddleware",
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
                "routing.context_processors.current_site_kind",
                "portrait.context_processors.portrait_label",
                "csp.context_processors.nonce",  # CSP_NONCE, for a template's own inline script
                "portrait.context_processors.state_agency_name",
            ],
        },
    },
]

# Form widgets render from the project's template tree too (templates/<app>/widgets/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "portal.wsgi.application"


def _database_settings() -> dict:
    if ENV.database_url:
        return ENV.database()
    return {
        "ENGINE": "tenants.postgresql_backend",
        **embedded_database_settings(ENV.data_dir),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


DATABASES = {"default": _database_settings()}
# Web processes only (portal/wsgi.py): a statement past this is cancelled with a 503.
WEB_STATEMENT_TIMEOUT_MS = ENV.web_statement_timeout * 1000
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
    _CACHE_BACKEND = {"BACKEND": "django_redis.cache.RedisCache"}
    _CACHE_BACKEND["LOCATION"] = ENV.redis_url
    _PAGE_CACHE_BACKEND = {"BACKEND": "caching.page_cache.RedisPageCache"}
    _PAGE_CACHE_BACKEND["LOCATION"] = ENV.redis_url
else:
    _CACHE_BACKEND = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    _PAGE_CACHE_BACKEND = {"BACKEND": "caching.page_cache.LocMemPageCache"}
CACHES = {
    "default": {**_CACHE_BACKEND, **_TENANT_KEYS},
    "renditions": {**_CACHE_BACKEND, **_TENANT_KEYS, "TIMEOUT": 600},
    # `{% cache %}` fragments (the council's blank form fields) are keyed on the schema's
    # generation, so each process may keep its own: no round trip to Redis for them.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "template-fragments",
        "OPTIONS": {"MAX_ENTRIES": 500},
        **_TENANT_KEYS,
    },
    # Whole pages for anonymous visitors, per schema and per publish (caching/page_cache.py).
    # The timeout is also the max-age browsers are told, so it stays short.
    "pages": {
        **_PAGE_CACHE_BACKEND,
        "KEY_FUNCTION": "caching.page_cache.page_cache_key",
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

# Sign-in that resists guessing (django-axes): after AXES_FAILURE_LIMIT wrong passwords in a
# row for one account from one address, that pair may not sign in until the cool-off ends or
# staff unlock it (Settings → Sign-in lockouts). Counts live in each schema's own tables.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "council.ratelimit.client_address"  # honors trusted proxies
AXES_LOCKOUT_CALLABLE = "portal.sign_in.locked_out_response"
AXES_ENABLE_ADMIN = False  # no Django admin here: the Wagtail admin lists lockouts
AXES_VERBOSE = False
# Two-factor sign-in to the admin (django-otp; portal/two_factor/): who must use it is a state
# setting. The issuer is the name people see in their authenticator app: the site's own.


def OTP_TOTP_ISSUER(device) -> str:  # noqa: N802 (django-otp calls the setting itself)
    return str(lazy_site_name)


LANGUAGE_CODE = "en"  # US English
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/New_York"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
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
CELERY_BROKER_URL = ENV.broker_url or "memory://localhost/"  # a host: kombu warns without
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
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor to Wagtail's release feed (the CSP refuses it too)
WAGTAILADMIN_BASE_URL = lazy_base_url  # a district's own host in its mail (routing/base_url.py)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "portrait.forms.ImageForm"
# Documents go through Wagtail's view, which checks the collection's privacy, never a file path.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# English at `/`, Spanish at `/es/` where a site switches it on (portrait.SiteLanguages).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft and goes live only through the review workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Every page's Content-Security-Policy (portal/content_security.py relaxes scripts in the admin).
# Styles may be inline: pages and Wagtail's admin set widths and colors in style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # Stories embed videos from their own sites; Wagtail's preview frames the site itself.
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SUPPORT_LINK_MAX_AGE_SECONDS = 5 * 60

GRAPHENE = {
    "SCHEMA": "portal.schema.schema",
    "ATOMIC_MUTATIONS": True,
    # graphene-django adds its debug middleware when DEBUG is on; the schema has no _debug
    # field to show what it records, so it would only slow every field down in development.
    "MIDDLEWARE": [],
}
# GraphQL requests per client address (without a token) and per API token, counted in the
# default cache so every worker counts together; refused with 429 and Retry-After.
GRAPHQL_RATE_LIMIT_PER_ADDRESS = "300/m"
GRAPHQL_RATE_LIMIT_PER_TOKEN = "1200/m"
# A request body over this is refused before it is read (the contract's largest is 1 KB).
GRAPHQL_MAX_BODY_BYTES = 16 * 1024
# With the cache unreachable, GraphQL keeps answering rather than refusing everyone.
RATELIMIT_FAIL_OPEN = True
# Proxies whose X-Forwarded-For names the client (rate limits count per client address).
TRUSTED_PROXY_ADDRESSES = set(ENV.trusted_proxy_addresses)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Django's own console handler would print its records a second time beside root's.
        "django": {"handlers": [], "level": "INFO"},
        "tenants": {"level": "INFO"},
        "publishing": {"level": "INFO"},
        "spreadsheets": {"level": "INFO"},
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
