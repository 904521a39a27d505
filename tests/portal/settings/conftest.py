"""Production settings loaded afresh from a given environment."""

import runpy
import sys

from portal.settings import environment


def load_production_settings(monkeypatch, **variables) -> dict:
    for name, value in {
        "DATABASE_URL": "postgres://portal@db/portal",
        "REDIS_URL": "redis://redis:6379/0",
        **variables,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(environment, "ENV", environment.Environment())
    monkeypatch.delitem(sys.modules, "portal.settings.base")  # read again with this environment
    return runpy.run_module("portal.settings.production")
