"""Account URLs under /account/: log-in, log-out and password (Django's own views, our templates and Dutch e-mail).

The names stay un-namespaced ("login", "password_reset", …) because django.contrib.auth reverses them so.
The invitation link lives at /uitnodiging/<token>/ (accounts.invitation_urls), outside /account/.
"""

from django.conf import settings
from django.contrib.auth import urls as auth_urls
from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.password_reset import RateLimitedPasswordResetView

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            # The log-in page tells people the lock-out rule before they run into it.
            extra_context={
                "failure_limit": settings.AXES_FAILURE_LIMIT,
                "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            }
        ),
        name="login",
    ),
    # Rate-limited per e-mail and client address; its own subject template says what the mail is about.
    path("password_reset/", RateLimitedPasswordResetView.as_view(), name="password_reset"),
    *auth_urls.urlpatterns,
]
