"""Wagtail admin views for progress: the district's own (self-assessment, action plans,
outcome uploads, adoption reports) and the state's (frameworks, API tokens, dashboard)."""
