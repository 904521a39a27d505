"""Staff's GraphiQL loads every script and style from the portal's own static files, with no
inline script or style, so it works without a CDN and under a strict Content-Security-Policy."""

import base64
import hashlib

from bs4 import BeautifulSoup


def graphiql_page(client) -> BeautifulSoup:
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_graphiql_uses_only_the_portals_static_files(staff_client):
    page = graphiql_page(staff_client)

    scripts = page.find_all("script")
    sheets = page.find_all("link", rel="stylesheet")
    addresses = [s.get("src") for s in scripts] + [s["href"] for s in sheets]
    assert len(scripts) == 7 and len(sheets) == 3
    assert all(address and address.startswith("/static/") for address in addresses), addresses
    assert page.find("style") is None and not page.select("[style]")


def test_each_file_is_served_and_matches_its_integrity_value(staff_client):
    page = graphiql_page(staff_client)

    for element in page.find_all(["script", "link"]):
        address = element.get("src") or element.get("href")
        response = staff_client.get(address)
        assert response.status_code == 200, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if element.get("integrity"):
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
            assert element["integrity"] == f"sha256-{digest}", address
