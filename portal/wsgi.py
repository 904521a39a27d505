import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

application = get_wsgi_application()

# Only web processes load this module: commands, migrations and Celery keep no time limit.
from portal.statement_timeout import limit_statements_in_this_process  # noqa: E402

limit_statements_in_this_process()

# Wagtail imports every app's wagtail_hooks module on the first request that asks for a hook
# (the page cache asks on each one). Done here, it happens once in gunicorn's preloading
# master instead of in every worker it forks, each recycled one included.
from wagtail import hooks  # noqa: E402 (needs the app loaded above)

hooks.search_for_hooks()

# Likewise the URL resolvers (the admin's URLconf is imported on first use) and each
# language's catalogue: 0.2 s of CPU a fresh worker would otherwise spend on its first request,
# with the requests it has accepted waiting behind it.
from django.conf import settings  # noqa: E402
from django.urls import get_resolver  # noqa: E402
from django.utils import translation  # noqa: E402

for _urlconf in {settings.PUBLIC_SCHEMA_URLCONF, settings.ROOT_URLCONF}:
    for _language, _name in settings.LANGUAGES:
        with translation.override(_language):
            get_resolver(_urlconf).reverse_dict  # noqa: B018 (populated now, for every worker)
