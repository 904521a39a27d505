"""What the council's public views share: the member behind a request, and the guard every
public form post goes through (honeypot, then rate limit)."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from council import ratelimit
from council.cached import council_settings
from council.models import MemberProfile


def member_for(request) -> MemberProfile | None:
    if not request.user.is_authenticated:
        return None
    try:
        profile = request.user.council_profile
    except MemberProfile.DoesNotExist:
        return None
    return profile if profile.is_active else None


def over_rate_limit(request, scope: str) -> bool:
    limit = council_settings().submissions_per_minute
    return not ratelimit.allow(request, scope, limit)


def too_many(request, template: str, context: dict):
    """The same form again, with its data, and a message saying to wait."""
    context["form"].add_error(
        None,
        _(
            "You have sent this form many times in the last minute. Wait a minute, then send "
            "it again."
        ),
    )
    return render(request, template, context, status=429)
