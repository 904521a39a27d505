"""Spanish at `/es/` only on a site that offers it: elsewhere the prefix leads nowhere."""

from dataclasses import dataclass

from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import translate_url
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language, get_language_from_path
from wagtail.models import Page

from caching.page_cache import is_page_request
from portrait.models.languages import DEFAULT_LANGUAGE, language_name, offered_languages


class PathLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a page's answer does not vary on the browser's
    Accept-Language: a page's language comes from its path alone, so the page cache keeps one
    entry per page rather than one per browser language."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_page_request(request) and response.has_header("Vary"):
            kept = [
                header
                for header in cc_delim_re.split(response["Vary"])
                if header.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class SiteLanguageMiddleware:
    """After LocaleMiddleware: a language prefix the site has not switched on is a 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language and language != DEFAULT_LANGUAGE and language not in offered_languages():
            raise Http404("This site is not offered in that language.")
        return self.get_response(request)


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str | None  # None: this page has no translation in that language yet
    absolute_url: str | None = None  # for hreflang links, which must name the host


@dataclass(frozen=True)
class PageLanguages:
    """What the base template needs: the language the content is written in, the other
    languages' versions of the page, and whether the reader asked for one it lacks."""

    reading: str
    content: str
    alternates: tuple[Alternate, ...]
    english_url: str | None

    @property
    def untranslated(self) -> bool:
        return self.content != self.reading


def page_languages(request, page=None) -> PageLanguages:
    reading = get_language() or DEFAULT_LANGUAGE
    offered = offered_languages()
    if offered == (reading,):  # a site in one language: nothing to switch to, no query
        return PageLanguages(reading, reading, (), None)
    if page is not None and isinstance(page, Page):
        return _wagtail_page_languages(request, page, reading, offered)
    # Views outside the page tree (the directory, the council) speak every offered language.
    alternates = tuple(
        _alternate(request, code, translate_url(request.get_full_path(), code))
        for code in offered
        if code != reading
    )
    return PageLanguages(reading, reading, alternates, None)


def _alternate(request, code: str, url: str | None) -> Alternate:
    absolute = request.build_absolute_uri(url) if url else None
    return Alternate(code, language_name(code), url, absolute)


def _wagtail_page_languages(request, page, reading, offered) -> PageLanguages:
    # One query: every live version of the page, with its locale.
    versions = list(
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
        .only("id", "url_path", "alias_of_id", "locale__language_code", "translation_key")
    )
    by_id = {version.pk: version for version in versions}
    # The copy of an untranslated page shows its original's words, in the original's language.
    written = by_id.get(page.alias_of_id or page.pk)
    content = written.locale.language_code if written is not None else reading
    translated = {
        version.locale.language_code: version for version in versions if version.alias_of_id is None
    }
    english = translated.get(DEFAULT_LANGUAGE)
    alternates = tuple(
        _alternate(request, code, translated[code].get_url(request) if code in translated else None)
        for code in offered
        if code != reading
    )
    english_url = english.get_url(request) if english is not None else None
    return PageLanguages(reading, content, alternates, english_url)
