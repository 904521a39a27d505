def current_site_kind(request):
    tenant = getattr(request, "tenant", None)
    return {
        "current_tenant": tenant,
        "is_state_site": bool(tenant is not None and tenant.is_state),
    }
