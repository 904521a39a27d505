"""Every field error reaches the client, in the portal's words; suggestions only in
development."""

import logging

import pytest
from django.db import DataError

from tests.api_client import post

SET_STAGE = """
mutation S($stage: DistrictAdoptionStage!) {
  setDistrictAdoptionStage(slug: "alpha", stage: $stage) { changed }
}
"""


def test_every_permission_error_is_reported_with_its_path(alpha, public_client):
    # given twelve fields the public may not read
    fields = " ".join(
        f'd{n}: district(slug: "alpha") {{ assessment(framework: "f") {{ name }} }}'
        for n in range(12)
    )
    # when
    body = post(public_client, "{ " + fields + " }").json()
    # then
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [
        ([f"d{n}", "assessment"], "PERMISSION_DENIED") for n in range(12)
    ]
    assert body["data"] == {f"d{n}": {"assessment": None} for n in range(12)}


def test_a_database_failure_is_reported_in_the_portals_words(
    alpha, public_client, monkeypatch, caplog
):
    class Broken:
        class objects:
            @staticmethod
            def active():
                raise DataError('invalid input syntax for type integer: "x"')

    monkeypatch.setattr("progress.api.districts.DistrictModel", Broken)

    body = post(public_client, '{ district(slug: "alpha") { name } }').json()

    [error] = body["errors"]
    assert error["message"] == (
        "This field could not be read because of a fault on our side; it has been logged."
    )
    assert error["extensions"] == {"code": "INTERNAL_ERROR"}
    assert "invalid input syntax" not in str(body)
    [logged] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert logged.getMessage() == "GraphQL field district failed"


@pytest.mark.parametrize("debug", [False, True])
def test_field_suggestions_only_in_development(public_client, settings, debug):
    settings.DEBUG = debug

    field = post(public_client, "{ districs { slug } }").json()["errors"][0]["message"]
    enum = post(public_client, SET_STAGE, {"stage": "FINALISED"}).json()["errors"][0]["message"]

    assert field.startswith("Cannot query field 'districs' on type 'Query'.")
    assert enum.startswith("Variable '$stage' got invalid value 'FINALISED'")
    assert ("Did you mean" in field, "Did you mean" in enum) == (debug, debug)


def test_introspection_of_a_type_is_refused_to_the_public(public_client, staff_client):
    query = '{ __type(name: "District") { name } }'

    refused = post(public_client, query).json()
    assert refused["errors"][0]["message"] == (
        "GraphQL introspection has been disabled, but the requested query contained the field "
        "'__type'."
    )
    assert post(staff_client, query).json() == {"data": {"__type": {"name": "District"}}}
