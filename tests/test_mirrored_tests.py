"""Tests mirror the code: each module with logic has tests/<same folders>/test_<module>.py.

Modules without one are listed below with the reason; the list may only shrink. A module is
"with logic" when it defines a function or a method; migrations and packages' __init__ are not
counted.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "portal",
    "tenants",
    "caching",
    "routing",
    "publishing",
    "support",
    "spreadsheets",
    "registry",
    "api",
    "state",
    "portrait",
    "progress",
    "council",
    "demo",
    "accessibility",
]

APP_CONFIG = "app configuration: its ready() wiring runs before every test"
ADMIN_HOOKS = "Wagtail admin registration, exercised by the admin tests of its app"
DEMO = "demo content, built and checked by tests/demo/management/commands/test_seed_demo.py"
MODELS = "models, tested through the package's exports by the app's tests"
THROUGH_HTTP = "views, forms and their guards, tested through HTTP by the app's tests"
NOT_YET = "no focused test yet"


def covered_by(test_module: str) -> str:
    assert (ROOT / test_module).exists(), test_module
    return f"tested by {test_module}"


UNMIRRORED = {
    "routing/apps.py": APP_CONFIG,
    "publishing/apps.py": APP_CONFIG,
    "caching/apps.py": APP_CONFIG,
    "progress/management/commands/rebuild_progress_summary.py": covered_by(
        "tests/state/progress/test_progress_summary.py"
    ),
    "state/progress/apps.py": APP_CONFIG,
    "api/arguments.py": covered_by("tests/api/test_paging.py"),
    "api/execute.py": covered_by("tests/api/test_view.py"),
    "api/execution.py": covered_by("tests/api/test_plain_lists.py"),
    "api/loaders.py": covered_by("tests/progress/api/test_query_counts.py"),
    "api/permissions.py": covered_by("tests/security/test_framework_disclosure.py"),
    "api/validation.py": covered_by("tests/api/test_view.py"),
    "portal/apps.py": APP_CONFIG,
    "accessibility/browser_checks.py": covered_by(
        "tests/accessibility/management/commands/test_check_accessibility.py"
    ),
    "portal/content_security.py": covered_by("tests/security/test_headers.py"),
    "demo/embedded_db.py": covered_by("tests/portal/test_startup_output.py"),
    "portal/languages.py": covered_by("tests/portal/test_spanish_interface.py"),
    "portal/settings/base.py": covered_by("tests/portal/settings/test_production.py"),
    "portal/settings/environment.py": covered_by("tests/portal/test_startup_output.py"),
    "portal/sign_in.py": THROUGH_HTTP,
    "portal/statement_timeout.py": covered_by("tests/security/test_statement_timeout.py"),
    "portal/templatetags/languages.py": covered_by("tests/portal/test_spanish_interface.py"),
    "portal/two_factor/forms.py": THROUGH_HTTP,
    "portal/two_factor/middleware.py": THROUGH_HTTP,
    "portal/two_factor/policy.py": covered_by("tests/security/test_two_factor.py"),
    "portal/two_factor/views.py": covered_by("tests/portal/test_spanish_interface.py"),
    "portal/urls/district.py": covered_by("tests/council/test_links.py"),
    "portal/wagtail_hooks.py": ADMIN_HOOKS,
    "registry/backup.py": covered_by("tests/registry/management/commands/test_backup_restore.py"),
    "routing/context_processors.py": THROUGH_HTTP,
    "spreadsheets/district_import.py": covered_by(
        "tests/spreadsheets/management/commands/test_import_districts.py"
    ),
    "registry/management/commands/backup_district.py": covered_by(
        "tests/registry/management/commands/test_backup_restore.py"
    ),
    "registry/management/commands/restore_district.py": covered_by(
        "tests/registry/management/commands/test_backup_restore.py"
    ),
    "tenants/management/progress.py": covered_by(
        "tests/spreadsheets/management/commands/test_import_districts.py"
    ),
    "routing/middleware.py": THROUGH_HTTP,
    "tenants/models.py": MODELS,
    "tenants/postgresql_backend/base.py": covered_by("tests/security/test_statement_timeout.py"),
    "publishing/scheduling.py": covered_by("tests/portrait/editorial/test_scheduled_publishing.py"),
    "tenants/schema_migrations.py": covered_by(
        "tests/tenants/management/commands/test_migrate_schemas.py"
    ),
    "tenants/starter.py": covered_by("tests/demo/management/commands/test_seed_demo.py"),
    "tenants/template_schema.py": covered_by("tests/tenants/test_cloning.py"),
    "tenants/views.py": THROUGH_HTTP,
    "registry/wagtail_hooks.py": ADMIN_HOOKS,
    "portrait/adoption.py": covered_by("tests/portrait/test_state_front_page.py"),
    "portrait/apps.py": APP_CONFIG,
    "portrait/blocks.py": covered_by("tests/portrait/test_district_portrait.py"),
    "portrait/context_processors.py": THROUGH_HTTP,
    "portrait/dashboard.py": covered_by("tests/portrait/editorial/test_dashboard.py"),
    "demo/portrait.py": DEMO,
    "demo/portrait_builders.py": DEMO,
    "demo/portrait_identity.py": DEMO,
    "demo/portrait_spanish.py": DEMO,
    "portrait/feeds.py": THROUGH_HTTP,
    "portrait/forms.py": THROUGH_HTTP,
    "portrait/identity.py": covered_by("tests/portrait/test_site_identity.py"),
    "portrait/models/home.py": MODELS,
    "portrait/models/identity.py": MODELS,
    "portrait/models/languages.py": MODELS,
    "portrait/models/mixins.py": MODELS,
    "portrait/models/pictures.py": MODELS,
    "portrait/models/portraits.py": MODELS,
    "portrait/signals.py": covered_by("tests/publishing/test_sync.py"),
    "portrait/starter.py": covered_by("tests/tenants/test_cloning.py"),
    "portrait/stories.py": covered_by("tests/portrait/models/test_stories.py"),
    "portrait/sync.py": covered_by("tests/portrait/test_read_model.py"),
    "portrait/translation.py": covered_by("tests/portrait/editorial/test_translation.py"),
    "portrait/views/coverage.py": covered_by("tests/portrait/test_statewide_views.py"),
    "portrait/views/directory.py": THROUGH_HTTP,
    "portrait/views/search.py": THROUGH_HTTP,
    "portrait/views/site_pages.py": covered_by("tests/portrait/templatetags/test_site_chrome.py"),
    "portrait/wagtail_hooks.py": ADMIN_HOOKS,
    "state/api/loaders.py": covered_by("tests/state/api/test_contract_operations.py"),
    "state/api/queries.py": covered_by("tests/api/test_errors.py"),
    "state/api/types.py": covered_by("tests/state/api/test_contract_operations.py"),
    "state/models.py": MODELS,
    "progress/admin/assessment_forms.py": THROUGH_HTTP,
    "progress/admin/district_viewsets.py": THROUGH_HTTP,
    "progress/admin/policies.py": THROUGH_HTTP,
    "progress/admin/state_viewsets.py": THROUGH_HTTP,
    "progress/admin/token_views.py": THROUGH_HTTP,
    "progress/adoption.py": covered_by("tests/progress/admin/test_adoption_views.py"),
    "progress/api/loaders.py": covered_by("tests/security/test_framework_disclosure.py"),
    "progress/api/mutations.py": covered_by("tests/progress/api/test_contract_operations.py"),
    "progress/api/queries.py": covered_by("tests/progress/api/test_contract_operations.py"),
    "progress/api/types.py": covered_by("tests/progress/api/test_contract_operations.py"),
    "progress/api/districts.py": covered_by("tests/api/test_errors.py"),
    "progress/apps.py": APP_CONFIG,
    "progress/dashboard/charts.py": covered_by("tests/progress/dashboard/test_views.py"),
    "progress/dashboard/exports.py": covered_by("tests/progress/dashboard/test_views.py"),
    "progress/dashboard/tables.py": covered_by("tests/progress/dashboard/test_views.py"),
    "progress/models/action_plans.py": MODELS,
    "progress/models/adoption.py": MODELS,
    "progress/models/assessment.py": MODELS,
    "progress/models/outcomes.py": MODELS,
    "progress/outcomes.py": covered_by("tests/security/test_outcome_disclosure.py"),
    "state/progress/loading.py": covered_by(
        "tests/progress/management/commands/test_load_framework.py"
    ),
    "state/progress/models/frameworks.py": MODELS,
    "state/progress/models/read_model.py": MODELS,
    "state/progress/models/tokens.py": MODELS,
    "progress/sync.py": covered_by("tests/progress/admin/test_adoption_views.py"),
    "progress/wagtail_hooks.py": ADMIN_HOOKS,
    "council/apps.py": APP_CONFIG,
    "council/emails.py": covered_by("tests/council/test_tasks.py"),
    "council/exchange.py": covered_by("tests/council/test_feedback.py"),
    "council/lifecycle.py": covered_by("tests/council/test_staff_journey.py"),
    "council/models/convenings.py": covered_by("tests/council/test_staff_journey.py"),
    "council/models/feedback.py": MODELS,
    "council/models/operations.py": MODELS,
    "council/models/people.py": MODELS,
    "council/outbox.py": covered_by("tests/council/test_members.py"),
    "council/panels.py": ADMIN_HOOKS,
    "council/reminders.py": covered_by("tests/council/test_tasks.py"),
    "council/results.py": covered_by("tests/council/test_feedback.py"),
    "council/staff/guards.py": THROUGH_HTTP,
    "council/staff/tools.py": THROUGH_HTTP,
    "council/staff/viewsets.py": THROUGH_HTTP,
    "council/submissions.py": covered_by("tests/council/test_exports.py"),
    "council/views/common.py": THROUGH_HTTP,
    "council/views/convenings.py": THROUGH_HTTP,
    "council/views/feedback.py": THROUGH_HTTP,
    "council/views/members.py": THROUGH_HTTP,
    "council/wagtail_hooks.py": ADMIN_HOOKS,
}


def modules_with_logic() -> list[str]:
    found = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or path.name == "__init__.py":
                continue
            tree = ast.parse(path.read_text())
            if any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in ast.walk(tree)):
                found.append(relative.as_posix())
    return found


def mirrored(module: str) -> bool:
    path = Path(module)
    return (ROOT / "tests" / path.parent / f"test_{path.stem}.py").exists()


def test_every_module_with_logic_has_a_test_module_of_the_same_name_or_a_reason():
    missing = [m for m in modules_with_logic() if not mirrored(m) and m not in UNMIRRORED]
    assert missing == [], "add tests/<path>/test_<module>.py, or a reason to UNMIRRORED"


def test_the_list_of_exceptions_holds_only_modules_still_without_a_test_module():
    modules = set(modules_with_logic())
    stale = [m for m in UNMIRRORED if m not in modules or mirrored(m)]
    assert stale == [], "remove these from UNMIRRORED"
