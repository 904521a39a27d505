from django.urls import path

from portal.two_factor import views

urlpatterns = [
    path("two-factor/", views.set_up, name="two_factor_set_up"),
    path("two-factor/verify/", views.verify, name="two_factor_verify"),
    path("two-factor/recovery-codes/", views.renew_recovery_codes, name="two_factor_renew_codes"),
    path("two-factor/turn-off/", views.turn_off, name="two_factor_turn_off"),
]
