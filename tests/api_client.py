"""Posting GraphQL to the state's endpoint in tests (saleor style: one helper returns `data`,
one asserts that a field was refused for want of permission)."""

import json
from pathlib import Path

OPERATIONS = Path(__file__).resolve().parents[1] / "graphql" / "operations"


def operation(name: str) -> str:
    return (OPERATIONS / f"{name}.graphql").read_text()


def post(client, query: str, variables: dict | None = None, **headers):
    return client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables or {}}),
        content_type="application/json",
        **headers,
    )


def get_data(client, query: str, variables: dict | None = None, **headers) -> dict:
    response = post(client, query, variables, **headers)
    body = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body["errors"]
    return body["data"]


def assert_no_permission(response, path: list) -> dict:
    body = response.json()
    assert response.status_code == 200, body
    denied = [
        e for e in body["errors"] if e.get("extensions", {}).get("code") == "PERMISSION_DENIED"
    ]
    assert [e["path"] for e in denied] == [path], body["errors"]
    return body["data"]
