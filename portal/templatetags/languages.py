from django import template

from portal.languages import page_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def languages_of_page(context):
    """The page's languages, for the base template's `lang`, switcher and hreflang links."""
    request = context.get("request")
    if request is None:
        return None
    return page_languages(request, context.get("page"))
