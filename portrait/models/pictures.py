"""What both portrait pages offer besides themselves: their picture as a PNG, and a printable
one-pager as HTML and as PDF. Wagtail routes only paths of words ending in a slash, so the
downloads are named by their Content-Disposition, not by their address."""

from django.contrib.staticfiles import finders
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portrait import graphic
from portrait.context_processors import portrait_label, state_agency_name
from portrait.models.identity import SiteIdentity

PRINT_TEMPLATE = "portrait/portrait_print.html"


class PortraitPictureMixin(RoutablePageMixin):
    """A portrait page whose `competencies` stream is drawn as a picture."""

    def picture_names(self, request) -> tuple[str, str]:
        """(whose portrait, what the state calls a portrait), from the cached context."""
        label = str(portrait_label(request)["portrait_label"])
        tenant = getattr(connection, "tenant", None)
        if tenant is not None and not getattr(tenant, "is_state", True):
            return tenant.name, label
        return str(state_agency_name(request)["state_agency_name"]), label

    def portrait_graphic(self, request, embed: bool = False) -> graphic.PortraitGraphic:
        site_name, label = self.picture_names(request)
        identity = SiteIdentity.for_request(request)
        return graphic.graphic_for(site_name, label, self.competencies, identity, embed=embed)

    def picture_context(self, request) -> dict:
        drawn = self.portrait_graphic(request)
        return {
            "portrait_ring": mark_safe(graphic.ring_svg(drawn)),  # noqa: S308 built by a template
            "portrait_stack": mark_safe(graphic.stack_svg(drawn)),  # noqa: S308
            "portrait_description": drawn.description,
        }

    def download_name(self, request, suffix: str) -> str:
        site_name, label = self.picture_names(request)
        return f"{slugify(site_name)}-{slugify(label)}.{suffix}"

    @path("picture/", name="picture_png")
    def picture_png(self, request):
        png = graphic.png_bytes(graphic.ring_svg(self.portrait_graphic(request, embed=True)))
        response = HttpResponse(png, content_type="image/png")
        response["Content-Disposition"] = f'inline; filename="{self.download_name(request, "png")}"'
        return response

    @path("picture/svg/", name="picture_svg")
    def picture_svg(self, request):
        """The picture on its own, with its icons inside it: for the state's directory cards."""
        svg = graphic.ring_svg(self.portrait_graphic(request, embed=True))
        return HttpResponse(svg, content_type="image/svg+xml")

    @path("print/", name="printable")
    def printable(self, request):
        """The whole portrait on one printable page."""
        context = self.get_context(request)
        context["print_ring"] = mark_safe(graphic.ring_svg(self.portrait_graphic(request)))  # noqa: S308
        context["page_address"] = self.address_as_visited(request)
        return TemplateResponse(request, PRINT_TEMPLATE, context)

    def address_as_visited(self, request) -> str:
        """The page's address with the host and port the visitor used (the Site row knows
        neither a proxy's port nor the development server's)."""
        return request.build_absolute_uri(self.get_url(request))

    @path("print/pdf/", name="printable_pdf")
    def printable_pdf(self, request):
        pdf = self.printable_document(request).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.download_name(request, "pdf")}"'
        return response

    def printable_document(self, request):
        """The one-pager laid out by WeasyPrint, with its pictures inside it."""
        from weasyprint import CSS, HTML

        context = self.get_context(request)
        drawn = self.portrait_graphic(request, embed=True)
        context.update(
            print_ring=mark_safe(graphic.ring_svg(drawn)),  # noqa: S308
            for_pdf=True,
            page_address=self.address_as_visited(request),
            logo_data=graphic.icon_href(SiteIdentity.for_request(request).logo, embed=True),
        )
        html = render_to_string(PRINT_TEMPLATE, context, request=request)
        stylesheet = CSS(filename=finders.find("css/print.css"))
        # No base address: everything the PDF shows is inside it, so it never calls this server.
        return HTML(string=html).render(stylesheets=[stylesheet])
