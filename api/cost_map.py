"""How many items each list field of the schema is assumed to hold, for the query cost.

Modelled on saleor's query_cost_map: a list sized by a paging argument counts the page it
asks for (or the argument's default, the largest page); any other list counts the estimate
below, an upper bound for what one state holds. A list not named here counts
DEFAULT_LIST_SIZE. Keys are "Type.field" as the printed schema spells them.
"""

DEFAULT_LIST_SIZE = 10

# Lists that grow with the state: their paging argument says how many items come back.
SIZED_BY_ARGUMENT = {
    "Query.districts": "first",
    "Query.learnerOutcomes": "first",
    "District.stories": "first",
}

# Lists whose length a framework, the state portrait or a district's portrait bounds.
ESTIMATED_SIZE = {
    "Query.frameworks": 5,
    "Query.statewideAdoption": 5,
    "StatePortrait.competencies": 20,
    "DistrictPortrait.competencies": 20,
    "DistrictPortraitCompetency.alignedTo": 5,
    "District.adoptionHistory": 20,
    "PublishedAssessment.ratings": 40,
    "Framework.stages": 6,
    "Framework.conditions": 8,
    "Framework.progressOverTime": 80,
    "FrameworkCondition.competencies": 8,
    "FrameworkCompetency.guidingQuestions": 5,
    "FrameworkCompetency.stageDistribution": 6,
}
