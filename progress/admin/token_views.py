"""State staff's personal API tokens: made here, shown once, revocable."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from state.progress.models import ApiToken
from tenants.state import on_state_schema


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label=gettext_lazy("What is the token for?"))


def _state_only(request) -> None:
    if not on_state_schema():
        raise PermissionDenied


def tokens_view(request):
    _state_only(request)
    form = TokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _, new_key = ApiToken.issue(request.user, form.cleaned_data["name"])
        form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return TemplateResponse(
        request,
        "progress/api_tokens.html",
        {"form": form, "tokens": tokens, "new_key": new_key},
    )


@require_POST
def revoke_token_view(request, pk):
    _state_only(request)
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(
        request, gettext_lazy("The token “%(name)s” no longer works.") % {"name": token.name}
    )
    return redirect("progress_api_tokens")
