"""Support links: state staff reach a district's admin without any account crossing schemas.

A link is signed, names its district, expires within minutes and works once. Redeeming it signs
the staff member in as a district-local support user with no usable password, and records the
visit in the district's own audit log.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context
from wagtail.log_actions import log

from tenants.models import District, SupportLink

SALT = "support.links-link"
ISSUED_ACTION = "tenants.support_link_issued"
SIGN_IN_ACTION = "tenants.support_sign_in"
SUPPORT_SESSION_SECONDS = 60 * 60


class SupportLinkRefused(Exception):
    """The link is forged, expired, used, or meant for another district."""


@dataclass(frozen=True)
class SupportVisit:
    username: str
    email: str
    reason: str


def issue_support_link(district: District, staff_user, reason: str) -> str:
    """Return the URL of a new support link; only holders of the permission may ask."""
    if not staff_user.has_perm("tenants.open_support_link"):
        raise PermissionDenied(_("You may not open support links."))
    if not district.is_active:
        raise PermissionDenied(_("This district is inactive."))
    reason = reason.strip()
    if not reason:
        raise ValueError(_("Say why you need to enter this district's admin."))
    link = SupportLink.objects.create(
        district=district,
        issued_to=staff_user,
        reason=reason[:255],
        expires_at=timezone.now() + timedelta(seconds=settings.SUPPORT_LINK_MAX_AGE_SECONDS),
    )
    log(district, ISSUED_ACTION, user=staff_user, data={"reason": link.reason})
    token = signing.dumps({"link": link.pk, "schema": district.schema_name}, salt=SALT)
    path = reverse("support_enter", urlconf="portal.urls.district", args=[token])
    return district.base_url + path


def redeem_support_link(token: str) -> SupportVisit:
    """Mark the link used (once) and return who it was issued to; raise SupportLinkRefused."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.SUPPORT_LINK_MAX_AGE_SECONDS)
    except signing.SignatureExpired as error:
        raise SupportLinkRefused(_("This support link has expired.")) from error
    except signing.BadSignature as error:
        raise SupportLinkRefused(_("This support link is not valid.")) from error
    if payload.get("schema") != connection.schema_name:
        raise SupportLinkRefused(_("This support link is for another district."))
    now = timezone.now()
    # The registry of links lives in the state's schema; read it there, not in the district's.
    with schema_context(get_public_schema_name()):
        claimed = SupportLink.objects.filter(
            pk=payload.get("link"),
            district__schema_name=payload["schema"],
            used_at__isnull=True,
            expires_at__gt=now,
        ).update(used_at=now)
        if claimed != 1:
            raise SupportLinkRefused(_("This support link has already been used or has expired."))
        link = SupportLink.objects.select_related("issued_to").get(pk=payload["link"])
        visit = SupportVisit(
            username=link.issued_to.get_username(),
            email=link.issued_to.email,
            reason=link.reason,
        )
    return visit


def support_user_for(visit: SupportVisit):
    """The district-local account that stands for a state staff member; it has no password."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=f"state-support.{visit.username}"[:150],
        defaults={"email": visit.email, "first_name": "State support", "last_name": visit.username},
    )
    if created or user.has_usable_password():
        user.set_unusable_password()
    user.is_active = True
    user.is_superuser = True
    user.save()
    return user


def redeem_support_link_view(request, token: str):
    try:
        with transaction.atomic():
            visit = redeem_support_link(token)
            user = support_user_for(visit)
            log(
                user,
                SIGN_IN_ACTION,
                user=user,
                data={"issued_to": visit.username, "reason": visit.reason},
            )
    except SupportLinkRefused as refusal:
        return render(
            request, "tenants/support_link_refused.html", {"message": str(refusal)}, status=403
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session.set_expiry(SUPPORT_SESSION_SECONDS)
    return redirect("wagtailadmin_home")
