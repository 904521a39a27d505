def test_two_districts_share_primary_keys_but_not_schemas(alpha, bravo):
    assert alpha.schema_name != bravo.schema_name


def test_state_home_is_served(host_client, db):
    response = host_client("localhost").get("/")
    assert response.status_code in (200, 404)
