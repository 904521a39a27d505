"""Production settings: they refuse to start without what every web node and worker must share,
and put uploads in object storage when a bucket is named."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def load_production_settings(**environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(SECRET_KEY="x" * 50, DATABASE_URL="postgres://portal@db/portal", **environment)
    return subprocess.run(
        [sys.executable, "-c", "import portal.settings.production"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_shared_cache():
    result = load_production_settings()

    assert result.returncode != 0
    assert "REDIS_URL must be set in production" in result.stderr


def test_production_starts_with_a_shared_cache():
    result = load_production_settings(REDIS_URL="redis://redis:6379/0")

    assert result.returncode == 0, result.stderr


def test_a_named_bucket_puts_uploads_in_object_storage_with_signed_document_links():
    script = (
        "import json, portal.settings.production as s; "
        "print(json.dumps([s.STORAGES['default'], s.WAGTAILDOCS_SERVE_METHOD]))"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("S3_")}
    env.update(
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://portal@db/portal",
        REDIS_URL="redis://redis:6379/0",
        S3_BUCKET="portal-media",
        S3_ENDPOINT_URL="https://s3.example.gov",
        S3_SIGNED_URL_SECONDS="120",
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    storage, serve_method = json.loads(result.stdout)
    assert storage["BACKEND"] == "tenants.storage.TenantS3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "portal-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.gov"
    assert storage["OPTIONS"]["signed_url_seconds"] == 120
    assert serve_method == "redirect"
