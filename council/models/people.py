"""Who takes part: council members (state-schema users with a profile) and their invitations."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.languages import language_field
from tenants.permissions import StateOnlyPermissionPolicy

INVITATION_LIFETIME = timedelta(days=14)


class Voice(models.TextChoices):
    """The perspective a person brings to the council."""

    STUDENT = "student", _("Student")
    FAMILY = "family", _("Family")
    EDUCATOR = "educator", _("Educator")
    EMPLOYER = "employer", _("Employer")
    COMMUNITY = "community", _("Community")
    HIGHER_EDUCATION = "higher_education", _("Higher education")


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class MemberProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(max_length=120, verbose_name=_("display name"))
    region = models.CharField(max_length=100, verbose_name=_("region"))
    voice = models.CharField(max_length=20, choices=Voice.choices, verbose_name=_("voice"))
    joined_at = models.DateTimeField(auto_now_add=True, verbose_name=_("joined at"))
    is_active = models.BooleanField(default=True, verbose_name=_("active"))

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("council member")

    def __str__(self) -> str:
        return self.display_name

    @classmethod
    def get_permission_policy(cls):
        return StateOnlyPermissionPolicy(cls)


class InvitationQuerySet(models.QuerySet):
    def redeemable(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An emailed, one-time invitation to join the council. Only the token's hash is kept."""

    email = models.EmailField(verbose_name=_("email"))
    region = models.CharField(max_length=100, blank=True, verbose_name=_("region"))
    voice = models.CharField(
        max_length=20, choices=Voice.choices, blank=True, verbose_name=_("voice")
    )
    language = language_field()
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, verbose_name=_("token hash")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    expires_at = models.DateTimeField(verbose_name=_("expires at"))
    accepted_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("accepted at")
    )
    member = models.ForeignKey(
        MemberProfile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        verbose_name=_("member"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    def issue_token(self) -> str:
        """A fresh token; the caller mails it, and only its hash is saved."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + INVITATION_LIFETIME
        return token

    @classmethod
    def find(cls, token: str) -> "Invitation | None":
        return cls.objects.redeemable().filter(token_hash=hash_token(token)).first()

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        return "expired" if self.expires_at <= timezone.now() else "pending"
