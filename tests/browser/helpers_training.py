"""Browser helpers for the training journeys: log a user in without the login form."""

from django.conf import settings
from django.test import Client


def log_in(page, live_server, user):
    """Give the Playwright context the session cookie of a forced login: the next page sees `user`."""
    client = Client()
    client.force_login(user)
    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_cookie.value, "url": live_server.url}]
    )


def log_out(page):
    page.context.clear_cookies()
