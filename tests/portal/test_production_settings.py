"""Production settings refuse to start without what every web node and worker must share."""

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
