from pathlib import Path

from graphql import print_schema

from portal.schema import schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "graphql" / "schema.graphql"


def test_the_committed_schema_matches_the_code():
    """Regenerate with: .venv/bin/python manage.py graphql_schema --out graphql/schema.graphql"""
    assert SCHEMA_FILE.read_text().strip() == print_schema(schema.graphql_schema).strip()


def test_every_contract_operation_validates_against_the_schema():
    from graphql import parse, validate

    for path in sorted((SCHEMA_FILE.parent / "operations").glob("*.graphql")):
        errors = validate(schema.graphql_schema, parse(path.read_text()))
        assert errors == [], (path.name, errors)
