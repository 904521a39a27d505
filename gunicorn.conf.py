"""Gunicorn settings for the portal's web container (read from the environment).

GUNICORN_BIND         address to listen on (default 0.0.0.0:8000)
WEB_CONCURRENCY       worker processes (default CPUs + 1, at most 8). A request waits on
                      PostgreSQL and Redis for a small part of its time, so one sync worker
                      per core plus one keeps the cores busy; more only add contention
                      (bench/feedback.py on 2 cores: 3 workers took 6.6 ms of CPU per
                      submission, p99 51 ms, 179/s; 5 workers 9.0 ms, p99 273 ms, 160/s).
GUNICORN_THREADS      threads per worker (default 1)
GUNICORN_TIMEOUT      seconds before a silent worker is restarted (default 60)
FORWARDED_ALLOW_IPS   proxies whose X-Forwarded-Proto is believed (default 127.0.0.1,::1);
                      behind a TLS proxy it must include the proxy, or Django sees every
                      request as plain http and rejects admin form posts (CSRF origin check).
"""

import logging
import multiprocessing
import os
import sys


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("WEB_CONCURRENCY", min(multiprocessing.cpu_count() + 1, 8))
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak cannot grow without bound. Workers share the
# load evenly, so with a narrow jitter they all reach the limit within moments of each other:
# half the limit spreads their restarts out.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 2


def worker_exit(server, worker):
    """A worker that served its share leaves at once. Python's own shutdown frees every object
    the worker inherited from the master, which took seconds with the cores busy, and the
    master starts a replacement only once it is gone: with all workers recycling together the
    site answered nothing for 9 s (bench/feedback.py's p99). A failing worker exits as usual,
    so its exit code still reaches the master."""
    exception = sys.exc_info()[1]
    if not worker.booted or not (isinstance(exception, SystemExit) and not exception.code):
        return
    from django.db import connections

    connections.close_all()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


# Import the app once in the master and fork workers from it: a recycled worker is then ready
# at once, instead of spending a second of CPU importing Django and Wagtail (and building the
# URL resolvers, portal/wsgi.py) while requests queue. Nothing opens a database or Redis
# connection at import, so no socket is shared. A code change needs a restart (the
# container's), not a HUP.
preload_app = True

forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No runtime control socket (gunicorn 25.1+): nothing uses it, and the image's user has no
# writable home directory to put it in.
control_socket_disable = True

# Heartbeat files in memory: a container's overlay file system can stall them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Logs to stdout/stderr, where `docker compose logs` finds them.
accesslog = "-"
access_log_format = '%({x-forwarded-for}i)s %(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
