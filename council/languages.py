"""The council's two languages: what a participant used is recorded with what they sent, and
the council's own text (titles, questions, agendas) has a Spanish companion for each field.

A field made with `english_with_spanish` keeps the English text in its own column and reads
its `<name>_es` companion while Spanish is active, falling back to English when the companion
is blank. Forms, saving and validation always see the English column, so an editor working in
Spanish never overwrites the English text.
"""

from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.translation import gettext_lazy as _

ENGLISH = "en"
SPANISH = "es"
LANGUAGE_CHOICES = [(ENGLISH, _("English")), (SPANISH, _("Spanish"))]


def current_language() -> str:
    """The council language of the request or mail being handled now."""
    active = translation.get_language() or ENGLISH
    return SPANISH if active.split("-")[0] == SPANISH else ENGLISH


def language_field() -> models.CharField:
    return models.CharField(
        _("language"),
        max_length=2,
        choices=LANGUAGE_CHOICES,
        default=ENGLISH,
        help_text=_("The language the person used; mail to them is written in it."),
    )


class SpanishWhenActive(DeferredAttribute):
    """Reads the Spanish companion (`<name>_es`) while Spanish is active and it is filled in.
    A data descriptor (it sets as well), so reading goes through it rather than the dict."""

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value

    def __get__(self, instance, cls=None):
        english = super().__get__(instance, cls)
        if instance is None or current_language() != SPANISH:
            return english
        return instance.__dict__.get(f"{self.field.attname}_es") or english


class EnglishWithSpanishMixin:
    # Two languages on a few fields of the council's own models: django-modeltranslation would
    # also rewrite every query and manager of these models and need project-wide settings.
    descriptor_class = SpanishWhenActive

    def english_value(self, instance):
        if self.attname not in instance.__dict__:
            instance.refresh_from_db(fields=[self.attname])
        return instance.__dict__[self.attname]

    def value_from_object(self, obj):
        return self.english_value(obj)

    def pre_save(self, model_instance, add):
        return self.english_value(model_instance)


class EnglishWithSpanishCharField(EnglishWithSpanishMixin, models.CharField):
    pass


class EnglishWithSpanishTextField(EnglishWithSpanishMixin, models.TextField):
    pass


class TranslatedModelMixin:
    """Validation reads the English columns, whatever language the editor works in."""

    def clean_fields(self, exclude=None):
        with translation.override(ENGLISH):
            super().clean_fields(exclude=exclude)
