"""Browser helpers for the practice journeys: log in without the login page, open a second browser."""

from django.conf import settings
from django.test import Client


def log_in(context, user, base_url):
    """Give a browser context a logged-in session for `user` (force_login, then copy the cookie)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": base_url}])


class ExtraBrowser:
    """A second person at another computer: a fresh context that, like `page`, fails on CSP violations."""

    def __init__(self, browser, base_url):
        self.context = browser.new_context(base_url=base_url, locale="nl-NL", viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.csp_errors = []
        self.page.on(
            "console",
            lambda message: (
                self.csp_errors.append(message.text)
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )

    def close(self):
        self.context.close()
        assert not self.csp_errors, f"Content Security Policy violations: {self.csp_errors}"
