from django import template

from portal.languages import page_languages
from tenants.prose import and_list as joined_with_and

register = template.Library()


@register.simple_tag(takes_context=True)
def languages_of_page(context):
    """The page's languages, for the base template's `lang`, switcher and hreflang links."""
    request = context.get("request")
    if request is None:
        return None
    return page_languages(request, context.get("page"))


@register.filter
def and_list(items) -> str:
    """`{{ names|and_list }}`: "A, B and C" in English, "A, B y C" in Spanish."""
    return joined_with_and(items)
