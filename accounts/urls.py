"""Account URLs under /account/: log-in, log-out and password (Django's own views, our templates and Dutch e-mail).

The names stay un-namespaced ("login", "password_reset", …) because django.contrib.auth reverses them so. The
paths are translated: /account/inloggen/ in Dutch, /en/account/login/ in English (the English ones are Django's
own and did not change). The invitation link lives at /uitnodiging/<token>/ (accounts.invitation_urls).
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path
from django.utils.translation import gettext_lazy as _

from accounts.password_reset import RateLimitedPasswordResetView
from accounts.reminder_views import reminder_settings

urlpatterns = [
    path(
        _("login/"),
        auth_views.LoginView.as_view(
            # The log-in page tells people the lock-out rule before they run into it.
            extra_context={
                "failure_limit": settings.AXES_FAILURE_LIMIT,
                "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            }
        ),
        name="login",
    ),
    path(_("logout/"), auth_views.LogoutView.as_view(), name="logout"),
    path(_("password_change/"), auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(_("password_change/done/"), auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    # django.contrib.auth ships a subject template under the same name; ours says what the mail is about.
    path(
        _("password_reset/"),
        # Rate-limited per e-mail and client address; its own subject template says what the mail is about.
        RateLimitedPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(_("password_reset/done/"), auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(_("reset/<uidb64>/<token>/"), auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(_("reminders/"), reminder_settings, name="reminder_settings"),
    path(_("reset/done/"), auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
