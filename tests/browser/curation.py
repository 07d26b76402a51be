"""Shared steps for the curators' browser journeys in the Django admin."""

import warnings

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.helpers import admin_login
from tests.otp import TEST_TOTP_SECRET, totp_device

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Django admin's two-list widget (filter_horizontal) puts aria-label on a plain <span>, and its select2
# autocomplete leaves ARIA fields unnamed. That markup is Django's, not ours: it is reported as a warning,
# and everything else on the page is held to WCAG 2.1 AA.
DJANGO_WIDGETS = [".selector", ".select2-container"]


def log_in_to_admin(page, username, password):
    """Two-factor log-in: password plus the current code of a TOTP device the test gives the curator."""
    totp_device(get_user_model().objects.get(username=username))
    admin_login(page, username, password, TEST_TOTP_SECRET)
    expect(page.get_by_role("link", name="Programma's", exact=True)).to_be_visible()


def assert_admin_accessible(page, axe):
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    ours = axe.run(page, context={"exclude": [[selector] for selector in DJANGO_WIDGETS]}, options=options)
    assert ours.violations_count == 0, f"{page.url}\n{ours.generate_report()}"
    everything = axe.run(page, options=options)
    if everything.violations_count:
        report = everything.generate_report()
        warnings.warn(f"axe-core on Django admin widgets at {page.url}:\n{report}", stacklevel=2)


def choose_in_two_lists(page, field_id, label):
    """Django's two-list widget (filter_horizontal): select an option on the left, press the arrow to move it."""
    page.locator(f"#{field_id}_from").select_option(label=label)
    page.locator(f"#{field_id}_add").click()
