"""What a site puts its name to: logo, colors, contact details and the standard notices.
One per Wagtail site, in every schema: the state's site and each district's."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Site

from caching.generations import remember
from portrait.identity import WASH, WHITE, contrast_problem, validate_hex_color

NOTICE_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]

DEFAULT_PRIVACY_NOTICE = (
    "<p>We collect no personal information when you read this site. If you write to us, sign "
    "up for a convening or answer a survey, we use what you send only for that purpose, keep "
    "it no longer than we need to, and never sell it.</p>"
    "<p>Figures about learners are published only as totals for groups large enough that no "
    "student can be identified.</p>"
    "<p>Questions about your information? Write to us at the address below.</p>"
)
DEFAULT_ACCESSIBILITY_STATEMENT = (
    "<p>We want everyone to be able to use this site. It aims to meet the Web Content "
    "Accessibility Guidelines (WCAG) 2.1 at level AA, and we check its pages with automated "
    "tools and with a keyboard.</p>"
    "<p>If something on this site is hard for you to use, please tell us: say which page, "
    "what you were trying to do, and how we can reach you. We will answer within five "
    "working days and, if you need it sooner, send you the information another way.</p>"
)
DEFAULT_NON_DISCRIMINATION_NOTICE = (
    "<p>We do not discriminate on the basis of race, color, national origin, sex, disability, "
    "or age in our programs and activities, and we provide equal access to designated youth "
    "groups.</p>"
    "<p>Questions about this policy may be sent to us at the contact address on this "
    "page.</p>"
)
# Every page shows the identity, so it is kept under the schema's generation (a setting's save
# bumps it): a cached council page or portrait then costs no query for it.
DEFAULT_BRAND_COLOR = "#083b6a"
DEFAULT_ACCENT_COLOR = "#0b5394"


@register_setting(icon="image")
class SiteIdentity(BaseSiteSetting):
    """The site's logo, colors, contact details and notices, shown in its header and footer."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A seal or logo, shown beside the site's name and as its browser icon."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social preview image"),
        help_text=_("Shown when a page is shared on social media (1200 × 630 works best)."),
    )
    brand_color = models.CharField(
        _("header color"),
        max_length=7,
        default=DEFAULT_BRAND_COLOR,
        validators=[validate_hex_color],
        help_text=_("Behind the site's name and menu, under white text."),
    )
    accent_color = models.CharField(
        _("link and button color"),
        max_length=7,
        default=DEFAULT_ACCENT_COLOR,
        validators=[validate_hex_color],
        help_text=_("Links on white and on light panels, and buttons with white text."),
    )
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    privacy_notice = RichTextField(features=NOTICE_FEATURES, default=DEFAULT_PRIVACY_NOTICE)
    accessibility_statement = RichTextField(
        features=NOTICE_FEATURES, default=DEFAULT_ACCESSIBILITY_STATEMENT
    )
    barrier_report_email = models.EmailField(
        _("where to report a barrier"),
        blank=True,
        help_text=_("Who hears about accessibility problems; the contact email if empty."),
    )
    non_discrimination_notice = RichTextField(
        _("notice of non-discrimination"),
        features=NOTICE_FEATURES,
        default=DEFAULT_NON_DISCRIMINATION_NOTICE,
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("social_image"),
                FieldPanel("brand_color"),
                FieldPanel("accent_color"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_address"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_notice"),
                FieldPanel("accessibility_statement"),
                FieldPanel("barrier_report_email"),
                FieldPanel("non_discrimination_notice"),
            ],
            heading=_("Notices"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    @classmethod
    def for_site(cls, site):
        """The site's identity, or its defaults unsaved: reading must never save, because a
        save of a setting empties the schema's page cache."""
        if site is None:
            return cls()
        saved = cls.base_queryset().select_related("logo", "social_image").filter(site=site)
        return saved.first() or cls(site=site)

    @classmethod
    def for_request(cls, request):
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        identity = remember(
            f"site-identity:{request.get_host()}",
            lambda: cls.for_site(Site.find_for_request(request)),
        )
        identity._request = request
        setattr(request, attr_name, identity)
        return identity

    def clean(self):
        super().clean()
        errors = {}
        checks = [
            ("brand_color", {_("white text"): WHITE}, _("The header color")),
            (
                "accent_color",
                {_("a white page"): WHITE, _("a light panel"): WASH},
                _("The link and button color"),
            ),
        ]
        for field, backgrounds, role in checks:
            color = (getattr(self, field) or "").lower()
            if len(color) == 7 and color.startswith("#"):
                try:
                    problem = contrast_problem(color, backgrounds, role)
                except ValueError:
                    continue  # the field's own validator reports a malformed color
                if problem:
                    errors[field] = problem
        if errors:
            raise ValidationError(errors)

    @property
    def barrier_email(self) -> str:
        return self.barrier_report_email or self.contact_email
