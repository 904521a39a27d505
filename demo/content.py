"""Demo content for a new portal: the project's own words, invented districts."""

STATE_INTRO = (
    "<p>Every community in the state is describing the graduate it hopes to send into the world. "
    "Here you can read the statewide portrait of a learner and visit each district's own.</p>"
)

STATE_COMPETENCIES = [
    (
        "Critical thinker",
        "critical-thinker",
        "Weighs evidence, asks good questions and reaches sound conclusions on hard problems.",
    ),
    (
        "Effective communicator",
        "effective-communicator",
        "Listens closely and shares ideas clearly in speech, writing and media, for any audience.",
    ),
    (
        "Collaborative contributor",
        "collaborative-contributor",
        "Works with people unlike themselves toward shared goals and does their part well.",
    ),
    (
        "Adaptable learner",
        "adaptable-learner",
        "Meets change with curiosity, learns from setbacks and keeps growing after school ends.",
    ),
    (
        "Engaged citizen",
        "engaged-citizen",
        "Cares for their community, acts ethically and takes part in civic life.",
    ),
]

# name, slug, region, adoption stage
DISTRICTS = [
    ("Aspen Hollow School District", "aspen-hollow", "Northern", "finalized"),
    ("Birch Creek Public Schools", "birch-creek", "Northern", "developing"),
    ("Cedar Valley Unified", "cedar-valley", "Northern", "considering"),
    ("Dover Plains Schools", "dover-plains", "Central", "finalized"),
    ("Elm Harbor School District", "elm-harbor", "Coastal", "developing"),
    ("Fox River Community Schools", "fox-river", "Central", "developing"),
    ("Granite Ridge Schools", "granite-ridge", "Central", "not_considering"),
    ("Heron Bay Public Schools", "heron-bay", "Coastal", "finalized"),
    ("Iron Mesa Unified", "iron-mesa", "Southern", "considering"),
    ("Juniper Flats District", "juniper-flats", "Southern", ""),
    ("Kestrel Lake Schools", "kestrel-lake", "Coastal", "developing"),
    ("Lone Willow School District", "lone-willow", "Southern", "finalized"),
]

DISTRICT_INTRO = (
    "<p>Welcome to {name}. Families, students, staff and neighbors are shaping what our "
    "graduates should know and be able to do, and this site follows that work.</p>"
)
