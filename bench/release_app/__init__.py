"""A district app that exists only for bench/migrate.py: its one migration plays a release's."""
