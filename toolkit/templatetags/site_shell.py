"""The parts of every page that are the same for every visitor in a language: the main menu and the footer.

Rendering them on every page took about a millisecond (eleven URL reversals, seven includes, some twenty
translations), as much as a care group page's own work once its sections are kept. They depend only on the
language, the URL prefix, the menu section of the page, whether the visitor is logged in and whether the page is
itself a menu item, so each combination is rendered once per process and kept (a few hundred at most). What differs
per visitor or page stays outside: the log-out form with its CSRF token, the language links and the messages.
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

register = template.Library()

# (URL name, label, menu section: toolkit.context_processors.NAV_SECTIONS marks the pages inside it).
MAIN_MENU = (
    ("catalog:programme_list", _("Programmes"), "programmes"),
    ("catalog:keuzehulp", _("Decision aid"), "keuzehulp"),
    ("training:course_list", _("E-learning"), "elearning"),
    ("training:manual_list", _("Manuals"), "manuals"),
    ("training:funding_list", _("Funding"), "funding"),
)
MEMBER_ITEM = ("practices:choose", _("My practice"), "practice")
VISITOR_ITEM = ("login", _("Log in"), "account")
KEPT_MAX = 512


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's items, the current page marked (aria-current): kept per language, section and visitor kind."""
    request = context.get("request")
    user = context.get("user")
    authenticated = bool(user is not None and user.is_authenticated)
    path = request.path if request is not None else ""
    language, prefix = get_language(), get_script_prefix()
    hrefs = {href for href, _label, _section in _menu_items(language, prefix, authenticated)}
    # Only a menu item's own address changes the menu; any other page is keyed without its path.
    current = path if path in hrefs else ""
    return _rendered_menu(language, prefix, context.get("nav_section", ""), authenticated, current)


@register.simple_tag
def site_footer():
    """The footer of every page but the practices' public ones: kept per language."""
    return _rendered_footer(get_language(), get_script_prefix())


@lru_cache(maxsize=KEPT_MAX)
def _menu_items(language, prefix, authenticated):
    # `language` and `prefix` are the active ones of the caller: they key the cache, reverse() reads them itself.
    items = (*MAIN_MENU, MEMBER_ITEM if authenticated else VISITOR_ITEM)
    return tuple((reverse(name), str(label), section) for name, label, section in items)


@lru_cache(maxsize=KEPT_MAX)
def _rendered_menu(language, prefix, section, authenticated, current):
    context = {"items": _menu_items(language, prefix, authenticated), "nav_section": section, "current": current}
    return mark_safe(render_to_string("includes/main_menu.html", context))  # noqa: S308 (a template's own output)


@lru_cache(maxsize=KEPT_MAX)
def _rendered_footer(language, prefix):
    return mark_safe(render_to_string("includes/site_footer.html"))  # noqa: S308 (a template's own output)


@receiver(setting_changed, dispatch_uid="site_shell_forget")
def forget_kept_parts(**kwargs):
    """A test that overrides settings (URLs, languages, templates) must not see parts rendered before it."""
    for kept in (_menu_items, _rendered_menu, _rendered_footer):
        kept.cache_clear()
