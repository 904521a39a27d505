"""The council's pages for `manage.py check_accessibility`, on the state's site once demo
content is seeded."""

from accessibility.pages import STATE, PageSpec

SEND_EMPTY = "main form.public-form button[type=submit]"

PAGES = [
    PageSpec("Council home", STATE, "/council/"),
    PageSpec("Convenings", STATE, "/council/convenings/"),
    PageSpec("A convening", STATE, "/council/convenings/portrait-draft-review/"),
    PageSpec("Registration", STATE, "/council/convenings/portrait-draft-review/register/"),
    PageSpec(
        "Registration, sent empty",
        STATE,
        "/council/convenings/portrait-draft-review/register/",
        submit=SEND_EMPTY,
    ),
    PageSpec("A past convening", STATE, "/council/convenings/spring-listening-session/"),
    PageSpec("Prompts", STATE, "/council/prompts/"),
    PageSpec("A prompt with every question type", STATE, "/council/prompts/portrait-draft-survey/"),
    PageSpec(
        "A prompt, sent empty",
        STATE,
        "/council/prompts/portrait-draft-survey/",
        submit=SEND_EMPTY,
    ),
    PageSpec("Exchange: share a thought", STATE, "/council/prompts/graduates-need/"),
    PageSpec("Exchange: rate thoughts", STATE, "/council/prompts/graduates-need/rate/"),
    PageSpec("Results", STATE, "/council/prompts/portrait-draft-survey/results/"),
    PageSpec(
        "Results by region", STATE, "/council/prompts/portrait-draft-survey/results/?by=region"
    ),
    PageSpec("Exchange results", STATE, "/council/prompts/graduates-need/results/"),
    PageSpec("You said, we did", STATE, "/council/you-said-we-did/"),
    PageSpec("Member sign-in", STATE, "/council/sign-in/"),
]
