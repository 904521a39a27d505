"""The demo's portraits and stories: a pool each district draws its own from.

The words are the project's own; the districts, people and events are invented.
"""

from dataclasses import dataclass, field

# How each state competency grows from kindergarten to graduation, band by band.
STATE_CONTINUUM = {
    "critical-thinker": {
        "k-2": "Asks why and how about things they notice, and sorts simple ideas into groups "
        "that make sense.",
        "3-5": "Compares two sources on the same topic and explains which one they trust more, "
        "and why.",
        "6-8": "Tests a claim against evidence, notices when an argument leaves something out, "
        "and revises their own view.",
        "9-12": "Frames an open problem, gathers and weighs evidence from several fields, and "
        "defends a conclusion while naming its limits.",
    },
    "effective-communicator": {
        "k-2": "Takes turns in conversation and retells a story so a classmate can follow it.",
        "3-5": "Writes and speaks in complete ideas, choosing words for the person listening.",
        "6-8": "Shapes a message for a purpose, mixing writing, images and speech, and asks "
        "for feedback on it.",
        "9-12": "Persuades, explains and listens across audiences, in person and in media, and "
        "adjusts when the message is not landing.",
    },
    "collaborative-contributor": {
        "k-2": "Shares materials, helps a partner and says what they need from the group.",
        "3-5": "Takes a role in a team, keeps to it and helps settle small disagreements.",
        "6-8": "Plans work with others, divides it fairly and gives useful feedback to peers.",
        "9-12": "Leads and follows in teams unlike themselves, holds the group to its goals and "
        "shares credit.",
    },
    "adaptable-learner": {
        "k-2": "Tries again after a mistake and names one thing they learned from it.",
        "3-5": "Sets a small learning goal, checks on it and asks for help when stuck.",
        "6-8": "Chooses strategies for new kinds of tasks and reflects on what worked.",
        "9-12": "Plans their own learning toward a future they have chosen, and changes course "
        "when the world changes.",
    },
    "engaged-citizen": {
        "k-2": "Cares for shared spaces and notices when someone is left out.",
        "3-5": "Learns how their town works and takes part in a class or school project for it.",
        "6-8": "Investigates a local issue, hears more than one side and proposes an action.",
        "9-12": "Acts on a public question through service, advocacy or voting, and accounts "
        "for the effects of what they do.",
    },
}


@dataclass(frozen=True)
class DemoCompetency:
    name: str
    definition: str
    aligned_to: list[str]
    continuum: dict[str, str]  # grade band -> descriptor


DISTRICT_COMPETENCIES = [
    DemoCompetency(
        "Curious problem-solver",
        "Digs into real problems, tests ideas and keeps going until one works.",
        ["critical-thinker", "adaptable-learner"],
        {
            "k-2": "Wonders aloud about what they see and tries more than one way to build it.",
            "6-8": "Breaks a messy problem into parts and tests a fix for each.",
            "9-12": "Takes on a problem nobody has solved for them and shows the evidence that "
            "their solution works.",
        },
    ),
    DemoCompetency(
        "Confident communicator",
        "Shares ideas with any audience and listens to understand.",
        ["effective-communicator"],
        {
            "k-2": "Speaks up in a circle and listens while others talk.",
            "6-8": "Presents a project to people outside the class and answers their questions.",
            "9-12": "Speaks, writes and designs for real audiences, from a school board to a "
            "future employer.",
        },
    ),
    DemoCompetency(
        "Generous teammate",
        "Brings out the best in a group and follows through on their share.",
        ["collaborative-contributor"],
        {
            "k-2": "Helps a classmate finish and takes turns with the good materials.",
            "6-8": "Keeps a group on track and makes room for quieter voices.",
            "9-12": "Leads a team through disagreement to a result everyone stands behind.",
        },
    ),
    DemoCompetency(
        "Caring neighbor",
        "Looks after the people and places around them.",
        ["engaged-citizen"],
        {
            "k-2": "Tidies shared spaces and checks on a friend who looks sad.",
            "6-8": "Joins a service project and explains who it helps and why.",
            "9-12": "Organizes others to meet a need in the community and sees it through.",
        },
    ),
    DemoCompetency(
        "Resilient learner",
        "Treats setbacks as information and keeps growing.",
        ["adaptable-learner"],
        {
            "k-2": "Tries a hard puzzle again and says what they will do differently.",
            "6-8": "Tracks their own progress toward a goal and changes a strategy that fails.",
            "9-12": "Recovers from a real failure, explains what it taught them and sets a new "
            "course.",
        },
    ),
    DemoCompetency(
        "Ethical decision-maker",
        "Weighs what is fair and right before acting, and owns the result.",
        ["engaged-citizen", "critical-thinker"],
        {
            "k-2": "Tells the truth about what happened and says sorry when it is due.",
            "6-8": "Explains how a choice affects others and picks the fairer option.",
            "9-12": "Reasons through a hard dilemma in public life and acts on their conclusion.",
        },
    ),
    DemoCompetency(
        "Creative maker",
        "Imagines what is not there yet and builds it with others.",
        ["critical-thinker", "collaborative-contributor"],
        {
            "k-2": "Builds, draws and plays to show an idea in their head.",
            "6-8": "Designs a prototype, tests it with users and improves it.",
            "9-12": "Brings an original product, performance or venture to a real audience.",
        },
    ),
    DemoCompetency(
        "Global storyteller",
        "Connects their own story to people and places far from home.",
        ["effective-communicator", "engaged-citizen"],
        {
            "k-2": "Shares a family story and listens to a classmate's.",
            "6-8": "Interviews someone from another culture and retells what they learned.",
            "9-12": "Tells a story that helps people on two sides of a divide understand each "
            "other.",
        },
    ),
]

VISIONS = [
    "<p>Every {name} graduate leaves us ready to think for themselves, to work well with "
    "others and to keep learning, with a clear sense of who they are and what they can give."
    "</p>",
    "<p>In {name}, we want each young person to walk across the stage knowing their "
    "strengths, trusted by their community and curious about what comes next.</p>",
    "<p>{name} graduates solve real problems alongside their neighbors, speak up for what is "
    "right and are ready for the work, study and service they choose.</p>",
    "<p>We picture a {name} graduate who is kind, brave and skilled: someone employers hire, "
    "colleges welcome and younger students look up to.</p>",
]

WHYS = [
    "<p>Our families told us that test scores alone do not describe the young people they "
    "hope to raise. This portrait names what matters most to {name}, so that classrooms, "
    "clubs and families can aim at the same things.</p>",
    "<p>Local employers, tribal elders and students all said the same thing in our listening "
    "sessions: school should prepare people for life here and anywhere. This portrait is how "
    "{name} keeps that promise in view.</p>",
    "<p>When our region's largest employer closed, {name} asked what a graduate needs to "
    "thrive through change. Hundreds of answers shaped the competencies below.</p>",
]


@dataclass(frozen=True)
class DemoStory:
    title: str
    summary: str
    paragraphs: list[str]
    quote: tuple[str, str]
    condition_slugs: list[str]
    picks: list[int] = field(default_factory=lambda: [0, 1])  # the district's competencies


STORIES = [
    DemoStory(
        "Ninth graders pitch fixes for the school bus routes",
        "A mapping project turned into a proposal the transportation office adopted.",
        [
            "Students rode every route, logged delays and drew the results on a shared map.",
            "Their pitch to the transportation office combined two routes and saved twelve "
            "minutes a morning.",
        ],
        ("I never thought a spreadsheet could change my morning.", "A ninth-grade student"),
        ["culture", "agency"],
        [0, 2],
    ),
    DemoStory(
        "Fourth graders run a podcast about local history",
        "Interviews with grandparents became a series the whole town listens to.",
        [
            "Each episode starts with a question a student could not answer alone.",
            "The class edits together and votes on what makes the final cut.",
        ],
        ("They asked better questions than most reporters.", "A parent volunteer"),
        ["partnerships", "instruction"],
        [1, 3],
    ),
    DemoStory(
        "Middle schoolers build a rain garden behind the gym",
        "A flooded corner of the field became a science lab and a habitat.",
        [
            "Seventh graders measured runoff after every storm for a month before choosing plants.",
            "The county's water office now uses their data to plan gardens at two more schools.",
        ],
        ("The garden is the first thing I show visitors.", "The school's custodian"),
        ["flexible-learning-environments", "partnerships"],
        [0, 3],
    ),
    DemoStory(
        "Seniors defend their graduation portfolios before the community",
        "Every senior showed evidence of the portrait's competencies to a panel of neighbors.",
        [
            "Panels of parents, employers and teachers heard forty presentations in two days.",
            "Students chose their own evidence, from welding projects to poetry readings.",
        ],
        ("It was the first test I studied for by being myself.", "A graduating senior"),
        ["comprehensive-assessment-system", "shared-vision"],
        [1, 4],
    ),
    DemoStory(
        "Kindergarteners and seniors become reading buddies",
        "Weekly visits across the district's two campuses built friendships and fluency.",
        [
            "Seniors trained as tutors and planned each session with the kindergarten team.",
            "By spring, the younger readers were reading their own stories back to the seniors.",
        ],
        ("My buddy remembers every book we read.", "A kindergarten student"),
        ["culture", "learner-supports"],
        [2, 3],
    ),
    DemoStory(
        "A robotics club opens its workshop to the whole town",
        "Saturday build days brought students, retirees and local machinists together.",
        [
            "Club members taught soldering to adults and learned machining from them in return.",
            "The club's entry at the regional competition used parts a local shop donated.",
        ],
        ("We built the robot, but the town built the club.", "The club's faculty adviser"),
        ["partnerships", "flexible-learning-environments"],
        [0, 2],
    ),
    DemoStory(
        "Students redesign the cafeteria with the food service team",
        "A student council survey led to a quieter room and a menu built with local farms.",
        [
            "Students surveyed more than six hundred classmates about noise, time and food.",
            "They presented three options to the board, which funded the one with the most votes.",
        ],
        ("Lunch is the one time I get to talk to everyone.", "A tenth-grade student"),
        ["agency", "transparency"],
        [1, 2],
    ),
    DemoStory(
        "Sixth graders write letters that reach the state capitol",
        "A civics unit on the local river ended with testimony before a legislative committee.",
        [
            "Students read the water quality reports and interviewed farmers and anglers.",
            "Three students testified in person; every letter was entered into the record.",
        ],
        ("They changed how I think about the river bill.", "A state representative"),
        ["agency", "curriculum"],
        [3, 1],
    ),
    DemoStory(
        "An internship program pairs juniors with local employers",
        "Forty juniors spent ten weeks at hospitals, farms, shops and offices.",
        [
            "Each intern kept a journal tying their work to one of the portrait's competencies.",
            "Several employers have offered summer jobs, and two interns founded a business.",
        ],
        ("She found a problem we had missed for years.", "A clinic manager"),
        ["partnerships", "flexible-learning-environments"],
        [0, 1],
    ),
    DemoStory(
        "Third graders lead their own parent conferences",
        "Students chose their best work and explained their goals to their families.",
        [
            "Teachers coached students on how to talk about progress and setbacks.",
            "Attendance at conferences rose by a third, and families asked to keep the format.",
        ],
        ("My daughter explained fractions better than I could.", "A parent"),
        ["agency", "comprehensive-assessment-system"],
        [4, 1],
    ),
    DemoStory(
        "A student film festival tells the district's story",
        "Short films on family, work and place drew a full house at the community theater.",
        [
            "Teams of students wrote, shot and edited films over one semester.",
            "The winning film, about three generations on one farm, now opens board meetings.",
        ],
        ("I saw my grandfather on a big screen.", "A festival guest"),
        ["culture", "shared-vision"],
        [1, 3],
    ),
    DemoStory(
        "Teachers and students co-design a week of open learning",
        "Each spring, students pick what they study for a week, from coding to quilting.",
        [
            "Students proposed forty courses; teachers and volunteers taught thirty of them.",
            "Survey results show more students say they look forward to school that week.",
        ],
        ("I taught the class I wished someone had taught me.", "A twelfth-grade student"),
        ["instruction", "culture"],
        [4, 2],
    ),
]
