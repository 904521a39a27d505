"""Everything the portal reads from the process environment, read in one place."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parents[2]


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


@dataclass(frozen=True)
class Environment:
    database_url: str = field(default_factory=lambda: os.environ.get("DATABASE_URL", ""))
    redis_url: str = field(default_factory=lambda: os.environ.get("REDIS_URL", ""))
    broker_url: str = field(
        default_factory=lambda: os.environ.get("CELERY_BROKER_URL", os.environ.get("REDIS_URL", ""))
    )
    secret_key: str = field(default_factory=lambda: os.environ.get("SECRET_KEY", ""))
    state_domain: str = field(default_factory=lambda: os.environ.get("STATE_DOMAIN", "localhost"))
    state_name: str = field(default_factory=lambda: os.environ.get("STATE_NAME", "Example State"))
    public_port: str = field(default_factory=lambda: os.environ.get("PUBLIC_PORT", "8000"))
    public_scheme: str = field(default_factory=lambda: os.environ.get("PUBLIC_SCHEME", "http"))
    data_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("PORTAL_DATA_DIR", BASE_DIR / ".data"))
    )
    media_root: Path = field(
        default_factory=lambda: Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
    )
    # Object storage for uploads, shared by every web node (empty: the local file system).
    s3_bucket: str = field(default_factory=lambda: os.environ.get("S3_BUCKET", ""))
    s3_endpoint_url: str = field(default_factory=lambda: os.environ.get("S3_ENDPOINT_URL", ""))
    s3_region: str = field(default_factory=lambda: os.environ.get("S3_REGION", ""))
    s3_location: str = field(default_factory=lambda: os.environ.get("S3_LOCATION", ""))
    s3_signed_url_seconds: int = field(
        default_factory=lambda: int(os.environ.get("S3_SIGNED_URL_SECONDS", "300"))
    )
    db_schemas_per_connection: int = field(
        default_factory=lambda: int(os.environ.get("DB_SCHEMAS_PER_CONNECTION", "100"))
    )
    debug: bool = field(default_factory=lambda: _flag("DEBUG", False))
    page_cache: bool = field(default_factory=lambda: _flag("PAGE_CACHE", True))
    secure_cookies: bool | None = field(
        default_factory=lambda: (
            _flag("SECURE_COOKIES", False) if "SECURE_COOKIES" in os.environ else None
        )
    )
    # Seconds a database statement of a web request may run (0: no limit).
    web_statement_timeout: int = field(
        default_factory=lambda: int(os.environ.get("WEB_STATEMENT_TIMEOUT", "10"))
    )
    # Browsers heed HSTS only from a site they reached over valid HTTPS; 0 turns it off.
    hsts_seconds: int = field(
        default_factory=lambda: int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    )
    extra_allowed_hosts: list[str] = field(default_factory=lambda: _list("ALLOWED_HOSTS", ""))
    trusted_proxy_addresses: list[str] = field(
        default_factory=lambda: _list("TRUSTED_PROXY_ADDRESSES", "127.0.0.1,::1")
    )
    email_host: str = field(default_factory=lambda: os.environ.get("EMAIL_HOST", ""))
    email_port: int = field(default_factory=lambda: int(os.environ.get("EMAIL_PORT", "25")))
    email_user: str = field(default_factory=lambda: os.environ.get("EMAIL_HOST_USER", ""))
    email_password: str = field(default_factory=lambda: os.environ.get("EMAIL_HOST_PASSWORD", ""))
    email_use_tls: bool = field(default_factory=lambda: _flag("EMAIL_USE_TLS", False))
    default_from_email: str = field(
        default_factory=lambda: os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
    )

    def database(self) -> dict:
        """DATABASE_URL as Django's settings, its query options (sslmode=require, …) kept."""
        return dict(
            dj_database_url.parse(
                self.database_url,
                engine="tenants.postgresql_backend",
                conn_max_age=60,
                conn_health_checks=True,
            )
        )


ENV = Environment()
