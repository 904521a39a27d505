"""An embedded PostgreSQL for machines without a database server (the `pgserver` package)."""

import atexit
import contextlib
import os
import subprocess
import warnings
from pathlib import Path

DATABASE_NAME = "portal"


def embedded_database_settings(data_dir: Path) -> dict:
    """Start (or join) the embedded server under `data_dir` and return Django DATABASES options.

    The process that starts the server stops it when it exits (Ctrl-C included); processes
    that join a running one, such as the development server's reloading child, leave it be.
    """
    pgdata = data_dir / "postgres"
    data_dir.mkdir(parents=True, exist_ok=True)
    starts_it = not _server_running(pgdata)
    with warnings.catch_warnings():
        # platformdirs, under pgserver, warns where no XDG runtime directory is set.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
        import pgserver

        # pgserver's own stop-on-last-exit counts processes in a file without a lock: when the
        # reloader and its child exit together on Ctrl-C, each sees the other; neither stops.
        server = pgserver.get_server(pgdata, cleanup_mode=None)
    if starts_it:
        atexit.register(_stop, server, os.getpid())
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


def _server_running(pgdata: Path) -> bool:
    """A postmaster.pid left by a crash names a process that is gone."""
    import psutil

    try:
        pid = int((pgdata / "postmaster.pid").read_text().split("\n", 1)[0])
    except (FileNotFoundError, ValueError):
        return False
    return psutil.pid_exists(pid)


def _stop(server, owner_pid: int) -> None:
    import pgserver

    if os.getpid() != owner_pid:  # a forked child inherits atexit handlers
        return
    with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
        pgserver.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)
