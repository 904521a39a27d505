"""Council members: accepting an invitation, signing in, and their own page."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from caching.page_cache import never_page_cached
from council.forms import AcceptInvitationForm, ProfileForm
from council.models import (
    Invitation,
    MemberProfile,
    Outcome,
    Participation,
    Registration,
    RegistrationStatus,
)
from council.views.common import member_for


@never_page_cached
def accept_invitation(request, token):
    invitation = Invitation.find(token)
    if invitation is None:
        return render(request, "council/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(
        request.POST or None,
        email=invitation.email,
        initial={"region": invitation.region, "voice": invitation.voice},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Locked, so the same link cannot make two accounts.
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.accepted_at is not None:
                return render(request, "council/invitation_invalid.html", status=404)
            data = form.cleaned_data
            user = get_user_model().objects.create_user(
                username=invitation.email, email=invitation.email, password=data["password1"]
            )
            profile = MemberProfile.objects.create(
                user=user,
                display_name=data["display_name"],
                region=data["region"],
                voice=data["voice"],
            )
            locked.accepted_at = timezone.now()
            locked.member = profile
            locked.save(update_fields=["accepted_at", "member"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to the council. Your profile is ready."))
        return redirect("council:my_council")
    return render(
        request,
        "council/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=400 if form.errors else 200,
    )


@login_required(login_url="council:sign_in")
def my_council(request):
    member = member_for(request)
    if member is None:
        return render(request, "council/not_a_member.html", status=403)
    form = ProfileForm(
        request.POST or None,
        initial={
            "display_name": member.display_name,
            "region": member.region,
            "voice": member.voice,
        },
    )
    if request.method == "POST" and form.is_valid():
        for field, value in form.cleaned_data.items():
            setattr(member, field, value)
        member.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("council:my_council")
    prompt_ids = Participation.objects.filter(user=request.user).values("prompt_id")
    return render(
        request,
        "council/my_council.html",
        {
            "member": member,
            "form": form,
            "registrations": Registration.objects.filter(user=request.user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .select_related("convening")
            .order_by("-convening__starts_at"),
            "outcomes": Outcome.objects.filter(
                is_published=True, theme__prompt__in=prompt_ids
            ).select_related("theme__prompt"),
        },
        status=400 if form.errors else 200,
    )
