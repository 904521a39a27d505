"""Public pages of convenings: the list, one convening, registration and its management."""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caching.page_cache import never_page_cached
from council import registration as seats
from council.calendar import convening_ics, feed_ics
from council.forms import RegistrationForm
from council.idempotency import KeyReused
from council.links import absolute
from council.models import Convening, Outcome, Prompt, Registration, RegistrationStatus
from council.views.common import member_for, over_rate_limit, too_many


def council_home(request):
    convenings = Convening.objects.noticed().upcoming()[:3]
    prompts = Prompt.objects.open_now().order_by("closes_at")[:5]
    outcomes = Outcome.objects.published_to(member_for(request)).select_related("theme")[:3]
    return render(
        request,
        "council/council_home.html",
        {"convenings": convenings, "prompts": prompts, "outcomes": outcomes},
    )


def convening_list(request):
    noticed = Convening.objects.noticed()
    return render(
        request,
        "council/convening_list.html",
        {"upcoming": noticed.upcoming(), "past": noticed.past()[:20]},
    )


def _noticed(slug: str) -> Convening:
    return get_object_or_404(Convening.objects.noticed(), slug=slug)


def convening_detail(request, slug):
    convening = _noticed(slug)
    minutes = getattr(convening, "minutes", None)
    taken = convening.seats_taken()
    return render(
        request,
        "council/convening.html",
        {
            "convening": convening,
            "agenda": convening.agenda_items.all(),
            "materials": convening.materials.select_related("document"),
            "minutes": minutes if minutes and minutes.is_approved else None,
            "seats_left": max(convening.capacity - taken, 0),
            "can_register": seats.can_register(convening),
            "prompts": convening.prompts.open_now(),
        },
    )


def convening_calendar(request, slug):
    convening = _noticed(slug)
    response = HttpResponse(convening_ics(convening), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{convening.slug}.ics"'
    return response


def convenings_feed(request):
    convenings = Convening.objects.noticed().order_by("starts_at")
    return HttpResponse(feed_ics(convenings), content_type="text/calendar; charset=utf-8")


@never_page_cached
def register(request, slug):
    convening = _noticed(slug)
    member = member_for(request)
    template = "council/registration_form.html"
    if not seats.can_register(convening):
        return render(request, template, {"convening": convening, "closed": True}, status=410)
    form = RegistrationForm(request.POST or None, convening=convening, member=member)
    context = {"convening": convening, "form": form, "seats_left": None}
    if request.method == "POST":
        if form.is_spam:
            return redirect(convening.get_absolute_url())
        if over_rate_limit(request, "register"):
            return too_many(request, template, context)
        if form.is_valid():
            data = form.cleaned_data
            registrant = seats.Registrant(
                name=data["name"],
                email=data["email"],
                attendance_mode=data["attendance_mode"],
                accommodation_request=data["accommodation_request"],
                region=member.region if member else data.get("region", ""),
                voice=member.voice if member else data.get("voice", ""),
                user_id=member.user_id if member else None,
            )
            try:
                registration = seats.register(convening.pk, registrant, data["idempotency_key"])
            except seats.AlreadyRegistered:
                form.add_error("email", _("This email is already registered for this convening."))
            except KeyReused:
                form.refuse_reused_key()
            except seats.RegistrationClosed:
                return render(
                    request, template, {"convening": convening, "closed": True}, status=410
                )
            else:
                return redirect(registration.get_absolute_url())
    context["seats_left"] = max(convening.capacity - convening.seats_taken(), 0)
    return render(request, template, context, status=400 if form.errors else 200)


def _registration(token: str) -> Registration:
    return get_object_or_404(Registration.objects.select_related("convening"), manage_token=token)


@never_page_cached
def registration_detail(request, token):
    registration = _registration(token)
    waiting_ahead = None
    if registration.status == RegistrationStatus.WAITLISTED:
        waiting_ahead = registration.convening.registrations.filter(
            status=RegistrationStatus.WAITLISTED, created_at__lt=registration.created_at
        ).count()
    return render(
        request,
        "council/registration.html",
        {
            "registration": registration,
            "convening": registration.convening,
            "waiting_ahead": waiting_ahead,
            "seated": registration.status == RegistrationStatus.REGISTERED,
        },
    )


def check_in_url(registration: Registration) -> str:
    return absolute(reverse("council_admin:check_in") + f"?code={registration.check_in_code}")


def registration_qr(request, token):
    registration = _registration(token)
    if registration.status != RegistrationStatus.REGISTERED:
        raise Http404
    image = qrcode.make(check_in_url(registration), image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@require_POST
def cancel_registration(request, token):
    registration = _registration(token)
    seats.cancel(registration.pk)
    messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
    return redirect(registration.get_absolute_url())
