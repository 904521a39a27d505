"""Demo identities: a generated seal and AA-contrast colors for the state and each district."""

import io
import zlib

from django.core.files.images import ImageFile
from wagtail.images.models import Image
from wagtail.models import Site

from portrait.models import SiteIdentity
from state.models import StateSettings

# Pairs of (header, links and buttons) that pass the contrast check on white and light panels.
PALETTE = [
    ("#1d4f91", "#1d4f91"),
    ("#175a45", "#176954"),
    ("#5b2a6b", "#7a388a"),
    ("#7a3412", "#96481a"),
    ("#213a5c", "#2c5e8f"),
    ("#4a3b00", "#6b5600"),
]
STATE_COLORS = ("#083b6a", "#0b5394")


def seal(title: str, initials: str, color: str) -> Image:
    """A round seal with the site's initials, made here so the demo needs no outside files."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw, ImageFont

    size = 256
    canvas = PillowImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((4, 4, size - 4, size - 4), fill=color, outline="#ffffff", width=10)
    draw.ellipse((26, 26, size - 26, size - 26), outline="#ffbf47", width=6)
    font = ImageFont.load_default(size=88)
    draw.text((size / 2, size / 2), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"{initials.lower()}-seal.png")
    image.save()
    return image


def initials_of(name: str) -> str:
    words = [word for word in name.split() if word[0].isupper() and word not in {"School"}]
    return "".join(word[0] for word in words[:2]) or name[:2].upper()


def seed_identity(
    site: Site, name: str, colors: tuple[str, str], contact_email: str, with_logo: bool = True
) -> SiteIdentity:
    """The site's colors and contact details, and a logo if asked, unless already set."""
    identity = SiteIdentity.for_site(site)
    if identity.pk is None:
        if with_logo:
            identity.logo = seal(f"{name} seal", initials_of(name), colors[0])
        identity.brand_color, identity.accent_color = colors
        identity.contact_address = "100 Main Street\nCapitol City, ES 00000"
        identity.contact_phone = "(555) 010-0100"
        identity.contact_email = contact_email
        identity.full_clean()
        identity.save()
    return identity


def seed_district_identity(name: str, slug: str, with_logo: bool) -> SiteIdentity:
    colors = PALETTE[zlib.crc32(slug.encode()) % len(PALETTE)]
    site = Site.objects.get(is_default_site=True)
    return seed_identity(site, name, colors, f"communications@{slug}.example", with_logo)


def seed_state_identity(home) -> SiteIdentity:
    from django.conf import settings

    state = StateSettings.load()
    if not state.agency_name:
        state.agency_name = "Example State Department of Education"
        state.save()
    # On a first run the state's site is made after its content; the identity needs it now.
    site, _ = Site.objects.get_or_create(
        is_default_site=True, defaults={"hostname": settings.STATE_DOMAIN, "root_page": home}
    )
    return seed_identity(site, state.agency_name, STATE_COLORS, "portrait@education.example.gov")


def demo_boundaries(names: list[str], columns: int = 4) -> dict:
    """Made-up district outlines on a grid, in GeoJSON as NCES EDGE publishes it, so the
    demo's front page shows its map."""
    features = []
    for position, name in enumerate(names):
        west = -92.0 + (position % columns) * 0.9 + (0.45 if (position // columns) % 2 else 0)
        south = 36.0 - (position // columns) * 0.7
        ring = [
            [west, south],
            [west + 0.45, south - 0.12],
            [west + 0.9, south],
            [west + 0.9, south + 0.6],
            [west + 0.45, south + 0.72],
            [west, south + 0.6],
            [west, south],
        ]
        features.append(
            {
                "type": "Feature",
                "properties": {"NAME": name, "GEOID": f"99{position:05d}"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def seed_demo_boundaries(names: list[str]) -> None:
    import json

    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    state = StateSettings.load()
    if state.district_boundaries_id is not None:
        return
    document = Document(title="District boundaries (demo)")
    content = json.dumps(demo_boundaries(names)).encode()
    document.file.save("district-boundaries.geojson", ContentFile(content), save=False)
    document.save()
    state.district_boundaries = document
    state.save()
