"""The feedback benchmark's baseline: a bare Django view that shows the same three questions
and saves a valid post with one INSERT. Mounted only by bench/feedback_settings.py, behind the
same middleware as the council's form, so the ratio between the two is the council's own cost.
"""

import uuid

from django import forms
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import engines

from caching.page_cache import never_page_cached

TABLE = "bench_bare_submission"
CREATE_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (idempotency_key uuid PRIMARY KEY, rating smallint, "
    "choice text, missing text, submitted_at timestamptz DEFAULT now())"
)
PAGE = engines["django"].from_string(
    '<!doctype html><html lang="en"><title>Bare</title><form method="post">{% csrf_token %}'
    "{{ form.as_div }}<button>Send</button></form></html>"
)


class BareForm(forms.Form):
    q1 = forms.TypedChoiceField(choices=[(n, n) for n in range(1, 6)], coerce=int)
    q2 = forms.ChoiceField(choices=[(c, c) for c in ("Alpha", "Beta", "Gamma")])
    q3 = forms.CharField(required=False, max_length=200)
    website = forms.CharField(required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)


@never_page_cached  # as the council's forms are
def bare_view(request):
    form = BareForm(request.POST or None, initial={"idempotency_key": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (idempotency_key, rating, choice, missing) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [data["idempotency_key"], data["q1"], data["q2"], data["q3"]],
            )
        return redirect(request.path)
    return HttpResponse(PAGE.render({"form": form}, request), status=400 if form.errors else 200)
