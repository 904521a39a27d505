#!/usr/bin/env python3
"""Set up and run the portal on a machine that has only Python 3.11+.

    python3 dev.py serve   install into .venv/, build the demo and run the portal on :8000
    python3 dev.py test    install into .venv/ and run the whole test suite

With no DATABASE_URL the portal starts an embedded PostgreSQL under .data/; with no
REDIS_URL (or CELERY_BROKER_URL) Celery runs tasks in the web process.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
INSTALL_INPUTS = ["pyproject.toml", "constraints.txt"]


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs on whatever python3 is)
        sys.exit(f"The portal needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    install()
    return COMMANDS[argv[0]](argv[1:])


def install() -> None:
    """Create .venv/ and install the project into it, again only when its inputs change."""
    if not PYTHON.exists():
        print("Creating .venv/ …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    fingerprint = hashlib.sha256(
        b"".join((ROOT / name).read_bytes() for name in INSTALL_INPUTS)
    ).hexdigest()
    stamp = VENV / ".portal-installed"
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    print("Installing the portal and its dependencies into .venv/ …", flush=True)
    run([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([PYTHON, "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", ".[dev]"])
    stamp.write_text(fingerprint)


def serve(args: list[str]) -> int:
    return run([PYTHON, "manage.py", "start_portal", *args], check=False)


def test(args: list[str]) -> int:
    return run([PYTHON, "-m", "pytest", *args], check=False)


def run(command: list, check: bool = True) -> int:
    environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([str(part) for part in command], cwd=ROOT, env=environment)
    while True:
        try:
            returncode = process.wait()
            break
        except KeyboardInterrupt:
            # The command had the same Ctrl-C: let it stop its server and the embedded
            # database rather than kill it (subprocess.run would, after a quarter second).
            continue
    if check and returncode != 0:
        sys.exit(returncode)
    return returncode


COMMANDS = {"serve": serve, "test": test}

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
