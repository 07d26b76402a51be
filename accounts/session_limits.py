"""Session limits: a logged-in session ends after a while without requests, and after a fixed time in any case.

A workstation in a consulting room is often left unlocked; an idle limit (SESSION_IDLE_MINUTES, 30 by default)
closes a forgotten session, and the absolute limit (SESSION_MAX_HOURS, 12) ends even a busy one, so a stolen
session cookie does not work for long. The times are kept in the session itself (seconds since the epoch).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

STARTED_KEY = "_session_started_at"
SEEN_KEY = "_session_seen_at"
# Writing the last-seen time at most once a minute keeps the session table from being written on every request.
SEEN_RESOLUTION_SECONDS = 60


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request):
        now = int(time.time())
        session = request.session
        started = session.get(STARTED_KEY, now)
        seen = session.get(SEEN_KEY, now)
        idle_over = now - seen > settings.SESSION_IDLE_MINUTES * 60
        age_over = now - started > settings.SESSION_MAX_HOURS * 60 * 60
        if idle_over or age_over:
            # logout() flushes the session and makes request.user anonymous: the page then asks for a log-in.
            logout(request)
            return
        if STARTED_KEY not in session:
            session[STARTED_KEY] = now
        if now - seen >= SEEN_RESOLUTION_SECONDS or SEEN_KEY not in session:
            session[SEEN_KEY] = now


@receiver(user_logged_in, dispatch_uid="session_limits_start")
def start_the_clock(sender, request, user, **kwargs):
    """Both times are set at the log-in, so later pages (the keuzehulp's included) find the keys already there."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED_KEY] = now
        request.session[SEEN_KEY] = now
