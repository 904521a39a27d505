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
