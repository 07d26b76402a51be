"""The practice menu's two sections (its items and its suggestions), kept rendered in the shared cache.

Both depend only on the catalogue revision, the day, the language and the practice's own menu and population, so a
practice's page renders them once per change instead of on every view. Their forms carry CSRF_PLACEHOLDER, replaced
with each visitor's own token per request; a form holding a member's input and its errors is never kept.
"""

import hashlib

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from catalog import selectors as catalog_selectors
from practices import selectors
from practices.forms import MenuItemForm
from practices.kept_forms import CSRF_PLACEHOLDER, with_csrf_token

# The menu's parts kept rendered: the catalogue revision is in the key, so the timeout only frees memory of old ones.
MENU_CACHE_SECONDS = 24 * 60 * 60


def kept_html(request, name: str, state, render) -> str:
    """HTML that depends only on `state` (and the language), rendered by `render()` at most once per state and
    kept in the shared cache; `render` writes CSRF_PLACEHOLDER for the token, filled in with this request's.

    Put the catalogue revision in `state` when the HTML shows the catalogue, and the day when it says what is
    overdue: then an entry is never stale, and the timeout only frees memory.
    """
    digest = hashlib.sha256(repr(state).encode()).hexdigest()[:32]
    key = f"practices:{name}:v1:{get_language()}:{digest}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, MENU_CACHE_SECONDS)
    return with_csrf_token(request, html)


def items_section(request, revision, practice, items, failed_item_form):
    """The menu's items, each with its programme and its form; kept rendered while nothing they show changes."""

    def render(csrf_token):
        forms_by_item = {item.pk: MenuItemForm(instance=item, prefix=f"item{item.pk}") for item in items}
        if failed_item_form is not None:
            forms_by_item[failed_item_form.instance.pk] = failed_item_form
        parts = programme_parts(revision, [item.programme for item in items])
        context = {
            "practice": practice,
            "items": [(item, forms_by_item[item.pk], parts[item.programme_id]) for item in items],
            "csrf_token": csrf_token,
        }
        return render_to_string("practices/includes/menu_items.html", context)

    if failed_item_form is not None:  # a form with the member's input and its errors is never kept
        return mark_safe(render(get_token(request)))  # noqa: S308 - rendered by a template
    shown = [
        (item.pk, item.programme_id, item.guided_by, item.licence_arranged, item.note, item.position) for item in items
    ]
    state = (revision, timezone.localdate().isoformat(), practice.slug, shown)
    return kept_html(request, "menu-items", state, lambda: render(CSRF_PLACEHOLDER))


def programme_parts(revision, programmes):
    """What each menu item shows of its programme (provider, cost, notices, the four verdicts) as HTML, by id.

    It depends only on the catalogue, the day (a programme past its review says so) and the language, so it is kept
    per catalogue revision, day and language: a warm page reads no verdicts and renders no quality badges.
    """
    prefix = f"practices:menu-programme:v1:{revision}:{timezone.localdate().isoformat()}:{get_language()}:"
    keys = {f"{prefix}{programme.pk}": programme for programme in programmes}
    found = cache.get_many(keys)
    missing = [programme for key, programme in keys.items() if key not in found]
    if missing:
        prefetch_related_objects(missing, catalog_selectors.assessments_prefetch())
        rendered = {
            f"{prefix}{programme.pk}": render_to_string(
                "practices/includes/menu_programme.html", {"programme": programme}
            )
            for programme in missing
        }
        cache.set_many(rendered, MENU_CACHE_SECONDS)
        found.update(rendered)
    return {programme.pk: mark_safe(found[key]) for key, programme in keys.items()}  # noqa: S308 - a template's


def suggestions_section(request, revision, practice, facts, on_menu):
    """The menu's suggestions as HTML, kept per catalogue revision, language, population and menu.

    Nothing else changes them, so a practice's page reads no programme rows and words no reasons on a second visit.
    """

    def render():
        suggestions = selectors.suggestions_for(facts, on_menu=on_menu, revision=revision)
        context = {
            "practice": practice,
            "has_profile": facts is not None,
            "suggestions": [suggestion for suggestion in suggestions if suggestion.fits_population][:6],
            "other_suggestions": [suggestion for suggestion in suggestions if not suggestion.fits_population][:6],
            "csrf_token": CSRF_PLACEHOLDER,
        }
        return render_to_string("practices/includes/menu_suggestions.html", context)

    state = (revision, practice.slug, facts, sorted(on_menu))
    return kept_html(request, "menu-suggestions", state, render)
