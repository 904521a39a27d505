"""Pages of the state's and districts' sites that the accessibility check visits."""

from accessibility.pages import DEMO_DISTRICT, STATE, PageSpec

PAGES = [
    PageSpec("State home", STATE, "/"),
    PageSpec("State portrait", STATE, "/portrait/"),
    PageSpec("State portrait, printable", STATE, "/portrait/print/"),
    PageSpec("District directory", STATE, "/districts/"),
    PageSpec("District directory, filtered", STATE, "/districts/?region=Northern&stage=finalized"),
    PageSpec("Statewide story feed", STATE, "/stories/"),
    PageSpec("Statewide story feed, filtered", STATE, "/stories/?competency=critical-thinker"),
    PageSpec(
        "A state story",
        STATE,
        "/stories/districts-compare-notes-at-the-statewide-portrait-summit/",
    ),
    PageSpec("Coverage of state competencies", STATE, "/coverage/"),
    PageSpec("Search results", STATE, "/search/?q=podcast"),
    PageSpec("Privacy notice", STATE, "/privacy/"),
    PageSpec("Notice of non-discrimination", STATE, "/non-discrimination/"),
    PageSpec("District home", DEMO_DISTRICT, "/"),
    PageSpec("District portrait", DEMO_DISTRICT, "/portrait-of-a-learner/"),
    PageSpec("District portrait, printable", DEMO_DISTRICT, "/portrait-of-a-learner/print/"),
    PageSpec("District search results", DEMO_DISTRICT, "/search/?q=learner"),
    PageSpec("District accessibility statement", DEMO_DISTRICT, "/accessibility/"),
    PageSpec("District stories", DEMO_DISTRICT, "/stories/"),
    PageSpec(
        "District story",
        DEMO_DISTRICT,
        "/stories/ninth-graders-pitch-fixes-for-the-school-bus-routes/",
    ),
    # The same pages in Spanish, which the demo offers on the state's site and the first
    # districts'.
    PageSpec("State home, Spanish", STATE, "/es/"),
    PageSpec("State portrait, Spanish", STATE, "/es/portrait/"),
    PageSpec("District directory, Spanish", STATE, "/es/districts/"),
    PageSpec("Statewide story feed, Spanish", STATE, "/es/stories/"),
    PageSpec(
        "A state story, Spanish",
        STATE,
        "/es/stories/districts-compare-notes-at-the-statewide-portrait-summit/",
    ),
    PageSpec("Coverage of state competencies, Spanish", STATE, "/es/coverage/"),
    PageSpec("Search results, Spanish", STATE, "/es/search/?q=robótica"),
    PageSpec("District home, Spanish", DEMO_DISTRICT, "/es/"),
    PageSpec("District portrait, Spanish", DEMO_DISTRICT, "/es/portrait-of-a-learner/"),
    PageSpec("District stories, Spanish", DEMO_DISTRICT, "/es/stories/"),
    PageSpec(
        "District story, Spanish",
        DEMO_DISTRICT,
        "/es/stories/ninth-graders-pitch-fixes-for-the-school-bus-routes/",
    ),
]
