"""StreamField blocks of portraits and stories. Every block has a preview and a hint."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from state.models import StateCompetency

CO_CREATION_KINDS = [
    ("convening", _("Community convening")),
    ("survey", _("Survey")),
    ("focus_group", _("Focus group")),
    ("interview", _("Interviews")),
    ("other", _("Other")),
]
GRADE_BANDS = [("k-2", _("K-2")), ("3-5", "3-5"), ("6-8", "6-8"), ("9-12", "9-12")]


def state_competency_choices() -> list[tuple[str, str]]:
    """The published state portrait's competencies: a table only the public schema has,
    which every district reads through its search path."""
    return list(StateCompetency.objects.values_list("slug", "name"))


class StateCompetencyChoiceBlock(blocks.MultipleChoiceBlock):
    """State competency slugs. Stored slugs are read back as they are: Wagtail would look
    the choice list up again for every slug of every page it renders."""

    def to_python(self, value):
        return [str(slug) for slug in value or []]


class AccessibleImageBlock(blocks.StructBlock):
    """An image with the text a screen reader says in its place."""

    image = ImageChooserBlock(required=False)
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        template = "blocks/accessible_image_block.html"
        description = _("An image and its alternative text")

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={"alt_text": ErrorList([_("Add alternative text for this image.")])}
            )
        return value


class RequiredImageBlock(AccessibleImageBlock):
    """An image that must be chosen, with its alternative text."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=255, help_text=_("Describe what the image shows for people who cannot see it.")
    )


class GradeBandDescriptorBlock(blocks.StructBlock):
    """What a competency looks like for learners in one grade band."""

    grade_band = blocks.ChoiceBlock(choices=GRADE_BANDS)
    descriptor = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "list-ol"
        description = _("What the competency looks like in one grade band")


class CompetencyBlock(blocks.StructBlock):
    """A competency of a portrait: what graduates can do, described for each age."""

    name = blocks.CharBlock(max_length=120)
    definition = blocks.TextBlock(max_length=600, help_text=_("One or two sentences."))
    icon = AccessibleImageBlock(required=False, help_text=_("Optional icon or picture."))
    sub_traits = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        min_num=0,
        default=[],
        help_text=_("Optional: the parts that make up the competency."),
    )
    descriptors = blocks.ListBlock(
        GradeBandDescriptorBlock(),
        min_num=0,
        default=[],
        help_text=_("Optional: how the competency grows from kindergarten to graduation."),
    )

    class Meta:
        icon = "user"
        template = "blocks/competency_block.html"
        description = _("A competency with its definition, traits and grade-band continuum")
        preview_value = {
            "name": "Collaborative contributor",
            "definition": "Works with others toward shared goals and does their part well.",
            "sub_traits": ["Listens first", "Shares the work"],
            "descriptors": [
                {"grade_band": "k-2", "descriptor": "Takes turns and helps a partner."},
                {"grade_band": "9-12", "descriptor": "Leads a team through disagreement."},
            ],
        }


class StateCompetencyBlock(CompetencyBlock):
    """A competency of the statewide portrait. Districts align to it by its slug."""

    slug = blocks.CharBlock(
        max_length=80,
        help_text=_(
            "A short, permanent identifier (lower-case letters, digits and hyphens). "
            "Districts' alignments refer to it: do not change it once published."
        ),
    )

    class Meta:
        label = _("State competency")

    def clean(self, value):
        value = super().clean(value)
        try:
            validate_slug(value["slug"])
        except ValidationError:
            raise StructBlockValidationError(
                block_errors={
                    "slug": ErrorList([_("Use only lower-case letters, digits and hyphens.")])
                }
            ) from None
        return value


class DistrictCompetencyBlock(CompetencyBlock):
    """A competency of the district's portrait, aligned to the state's."""

    aligned_to = StateCompetencyChoiceBlock(
        choices=state_competency_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The state competencies this one serves. Pick at least one."),
    )

    class Meta:
        label = _("District competency")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("aligned_to"):
            raise StructBlockValidationError(
                block_errors={
                    "aligned_to": ErrorList(
                        [_("Align this competency to at least one state competency.")]
                    )
                }
            )
        return value


class CoCreationStepBlock(blocks.StructBlock):
    """One step of how the community wrote its portrait."""

    kind = blocks.ChoiceBlock(choices=CO_CREATION_KINDS)
    title = blocks.CharBlock(max_length=160)
    date = blocks.DateBlock()
    participants = blocks.IntegerBlock(
        min_value=0, required=False, help_text=_("How many people took part.")
    )
    summary = blocks.TextBlock(required=False, max_length=600)

    class Meta:
        icon = "date"
        template = "blocks/co_creation_step_block.html"
        description = _("A convening, survey, focus group or interview, with its date and turnout")
        preview_value = {
            "kind": "convening",
            "title": "Community evening at the high school",
            "date": "2025-10-02",
            "participants": 140,
            "summary": "Families and students sorted the traits they value most.",
        }


class QuoteBlock(blocks.StructBlock):
    """Someone's words, with who said them."""

    text = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(max_length=160, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation and who said it")
        preview_value = {
            "text": "I finally saw why the project mattered.",
            "attribution": "A ninth grader",
        }


class VideoBlock(blocks.StructBlock):
    """An embedded video with a text alternative."""

    video = EmbedBlock(help_text=_("The address of the video (YouTube, Vimeo and others)."))
    caption = blocks.CharBlock(
        max_length=255, help_text=_("What the video shows; a transcript link is even better.")
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        description = _("An embedded video with its caption")


class StoryBodyBlock(blocks.StreamBlock):
    """The body of a story of vision in practice."""

    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        preview_value="<p>Students presented their capstones to the school board.</p>",
        description=_("Text with headings, lists and links"),
    )
    image = RequiredImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
