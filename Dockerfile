# The portal's one image: web (gunicorn), Celery worker and beat, and one-off manage.py runs.
FROM python:3.11-slim

# The code runs from /app: templates/ and static/ sit beside the packages and BASE_DIR is
# found from the source tree, so PYTHONPATH puts /app before the copy pip puts in site-packages.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    MEDIA_ROOT=/var/lib/portal/media \
    PYTHONPATH=/app

WORKDIR /app

# WeasyPrint (printable portraits) needs Pango; CairoSVG (portrait pictures as PNG) needs Cairo;
# pg_dump and pg_restore serve backup_district / restore_district (Debian trixie's are
# PostgreSQL 17's, which read the compose file's PostgreSQL 16).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        libcairo2 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 portal \
    && useradd --system --uid 10001 --gid portal --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin portal \
    && mkdir -p /var/lib/portal/media /var/lib/portal/beat \
    && chown -R portal:portal /var/lib/portal

# Dependencies first, in their own layer, rebuilt only when pyproject.toml or the pinned
# versions in constraints.txt change (the same pins dev.py installs).
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -c constraints.txt -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
RUN pip install -c constraints.txt . \
    && rm -rf build ./*.egg-info \
    && python -m compileall -q portal tenants caching routing publishing support spreadsheets \
        api state portrait progress council

# Production settings refuse to load without SECRET_KEY, DATABASE_URL and REDIS_URL. These
# dummy values exist only for this RUN step (collectstatic touches neither) and are not in
# the image.
RUN SECRET_KEY=build-time-only-not-a-secret \
    DATABASE_URL=postgres://build:build@127.0.0.1:5432/build \
    REDIS_URL=redis://127.0.0.1:6379/0 \
    python manage.py collectstatic --noinput --verbosity 1

USER portal

EXPOSE 8000

CMD ["gunicorn", "--config", "/app/gunicorn.conf.py", "portal.wsgi:application"]
