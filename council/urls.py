"""The council's public pages, on the state site only (see portal/urls/state.py)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from caching.page_cache import never_page_cached
from council.forms import SignInForm
from council.views import convenings, feedback, members

app_name = "council"

urlpatterns = [
    path("", convenings.council_home, name="home"),
    path("convenings/", convenings.convening_list, name="convenings"),
    path("convenings.ics", convenings.convenings_feed, name="convenings_feed"),
    path("convenings/<slug:slug>/", convenings.convening_detail, name="convening"),
    path("convenings/<slug:slug>/event.ics", convenings.convening_calendar, name="convening_ics"),
    path("convenings/<slug:slug>/register/", convenings.register, name="register"),
    path("registrations/<str:token>/", convenings.registration_detail, name="registration"),
    path("registrations/<str:token>/qr.svg", convenings.registration_qr, name="registration_qr"),
    path(
        "registrations/<str:token>/cancel/",
        convenings.cancel_registration,
        name="cancel_registration",
    ),
    path("prompts/", feedback.prompt_list, name="prompts"),
    path("prompts/<slug:slug>/", feedback.prompt_detail, name="prompt"),
    path("prompts/<slug:slug>/rate/", feedback.prompt_rate, name="prompt_rate"),
    path("prompts/<slug:slug>/thanks/", feedback.prompt_thanks, name="prompt_thanks"),
    path("prompts/<slug:slug>/results/", feedback.prompt_results, name="prompt_results"),
    path("thoughts/<int:pk>/report/", feedback.report_thought, name="report_thought"),
    path("you-said-we-did/", feedback.outcome_list, name="outcomes"),
    path("join/<str:token>/", members.accept_invitation, name="accept_invitation"),
    path("me/", members.my_council, name="my_council"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="council/sign_in.html",
            next_page="council:my_council",
            authentication_form=SignInForm,
        ),
        name="sign_in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(next_page="council:home"), name="sign_out"),
]

# Every council page shows live state (seats, notices, moderation, results) that each public
# submission changes: bumping the state's page cache on each would empty it for the whole site.
for pattern in urlpatterns:
    never_page_cached(pattern.callback)
