"""An embedded PostgreSQL for machines without a database server (the `pgserver` package)."""

from pathlib import Path

DATABASE_NAME = "portal"


def embedded_database_settings(data_dir: Path) -> dict:
    """Start (or join) the embedded server under `data_dir` and return Django DATABASES options.

    The server stops when the last process that started it exits.
    """
    import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(data_dir / "postgres", cleanup_mode="stop")
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DATABASE_NAME};")
    info = server.get_postmaster_info()
    return {
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
    }
