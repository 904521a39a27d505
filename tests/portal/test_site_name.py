from django.contrib.auth import get_user_model
from django_tenants.utils import tenant_context


def test_each_admin_names_its_own_site(alpha, bravo, host_client, settings):
    for district in (alpha, bravo):
        with tenant_context(district):
            get_user_model().objects.create_superuser("chief", "chief@example.org", "pass-12345")
    on_alpha, on_bravo = host_client("alpha.localhost"), host_client("bravo.localhost")
    on_alpha.post("/admin/login/", {"username": "chief", "password": "pass-12345"})
    on_bravo.post("/admin/login/", {"username": "chief", "password": "pass-12345"})

    alpha_dashboard = on_alpha.get("/admin/").content.decode()
    bravo_dashboard = on_bravo.get("/admin/").content.decode()

    assert "Alpha School District" in alpha_dashboard
    assert "Bravo School District" not in alpha_dashboard
    assert "Bravo School District" in bravo_dashboard
    assert settings.STATE_NAME not in bravo_dashboard
