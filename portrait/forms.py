"""The image upload form of every site's admin (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Tells an editor who uploads something that is not an image which files do work;
    Django's own message only says the file was not a valid image."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file_field = self.fields.get("file")
        if file_field is not None:
            file_field.error_messages["invalid_image"] = _(
                "This file is not an image, or it is damaged. Upload an image in one of these "
                "formats: %(formats)s."
            ) % {"formats": file_field.supported_formats_text}
