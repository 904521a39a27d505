"""Adding a district: clone the template, route its host name, name its site, invite its admin."""

import logging
from dataclasses import dataclass
from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_exists, tenant_context
from wagtail.log_actions import LogContext
from wagtail.models import Site

from tenants.models import AdoptionStage, District, Domain, schema_name_for
from tenants.template_schema import ensure_template_current

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DistrictSpec:
    """What the state says about a district, from the admin, a command or an import."""

    name: str
    slug: str
    region: str = ""
    adoption_stage: str = AdoptionStage.UNREPORTED


@dataclass(frozen=True)
class ProvisionedDistrict:
    district: District
    set_password_url: str | None


def provision_district(spec: DistrictSpec, admin_email: str | None = None) -> ProvisionedDistrict:
    """Create the district in one transaction: a failure leaves no row, schema or domain."""
    ensure_template_current()
    with transaction.atomic():
        district = district_for(spec)
        check_district(district, new=True)
        district.save(verbosity=0)
        Domain.objects.create(domain=district.primary_hostname, tenant=district, is_primary=True)
        # A clean log context: the state user who asked is no user of the district's.
        with tenant_context(district), LogContext():
            _name_site(district)
            set_password_url = invite_administrator(district, admin_email) if admin_email else None
    return ProvisionedDistrict(district=district, set_password_url=set_password_url)


def district_for(spec: DistrictSpec) -> District:
    """An unsaved District as the spec describes it."""
    return District(
        name=spec.name,
        slug=spec.slug,
        region=spec.region,
        adoption_stage=spec.adoption_stage,
        schema_name=schema_name_for(spec.slug),
    )


def check_district(district: District, *, new: bool) -> None:
    """Raise a ValidationError, in District's own words, for whatever would stop it being saved.

    A new district also needs its web address and its schema to be free.
    """
    errors: dict[str, list[str]] = {}
    no_nul = ProhibitNullCharactersValidator()
    for field in ("name", "slug", "region"):
        try:
            no_nul(getattr(district, field))
        except ValidationError as error:
            errors.setdefault(field, []).extend(error.messages)
    try:
        district.full_clean(validate_unique=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if new and "slug" not in errors:
        errors.update(_taken(district))
    if errors:
        raise ValidationError(errors)


def _taken(district: District) -> dict[str, list[str]]:
    """The slug's problems if a district, an address or a schema already has it."""
    try:
        district.validate_unique()
    except ValidationError as error:
        return {
            "slug": [message for messages in error.message_dict.values() for message in messages]
        }
    hostname = district.primary_hostname
    if Domain.objects.filter(domain=hostname).exists():
        return {"slug": [f"The address {hostname} already belongs to another district."]}
    if schema_exists(district.schema_name):
        return {
            "slug": [
                f"A schema named {district.schema_name} is already in the database "
                "(left by a removed district?); choose another short name."
            ]
        }
    return {}


def _name_site(district: District) -> None:
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    site.hostname = district.primary_hostname
    site.site_name = district.name
    site.save()
    home = site.root_page.specific
    home.title = district.name
    home.draft_title = district.name
    home.save_revision().publish()


def invite_administrator(district: District, email: str) -> str:
    """Make the district's first administrator, with no password, and mail a set-password link.

    Must run inside the district's schema. The link works once: setting a password changes the
    hash it was signed with.
    """
    user_model = get_user_model()
    user = user_model(username=email, email=email, is_superuser=True, is_staff=True)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        urlconf="portal.urls.district",
        kwargs={"uidb64": uid, "token": token},
    )
    url = district.base_url + path
    try:
        send_mail(
            subject=f"Your administrator account for {district.name}",
            message=(
                f"An administrator account for {district.name} on the state portrait portal has "
                f"been made for you.\n\nChoose your password here (the link works once):\n{url}"
                f"\n\nThen sign in at {district.base_url}/admin/ with the user name {email}."
            ),
            from_email=None,
            recipient_list=[email],
        )
    except (OSError, SMTPException):
        # The district stands without the mail: whoever provisioned it is shown the link.
        logger.warning("Could not mail the set-password link to %s.", email, exc_info=True)
    return url
