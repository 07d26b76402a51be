"""Password reset with a rate limit: a mailbox cannot be flooded, nor the site made to send mail in bulk.

Per e-mail address (settings.PASSWORD_RESET_RATE_PER_ADDRESS, 3 an hour) and per client address
(PASSWORD_RESET_RATE_PER_CLIENT, 10 an hour), counted in the cache by django-ratelimit. Over the limit the page
says so with a 429 and sends nothing; it says the same whether or not the address has an account.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import render
from django.template.loader import render_to_string
from django_ratelimit.core import is_ratelimited

from toolkit.client_address import client_address
from toolkit.mail import queue_mail


def _by_email(group, request):
    return request.POST.get("email", "").strip().lower()


def _by_client(group, request):
    return client_address(request)


class QueuedPasswordResetForm(PasswordResetForm):
    """The reset link goes out through the mail queue (toolkit.mail), with its retries, like every other mail."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        queue_mail(
            to=to_email,
            subject=render_to_string(subject_template_name, context),
            text=render_to_string(email_template_name, context),
        )


class RateLimitedPasswordResetView(auth_views.PasswordResetView):
    subject_template_name = "accounts/email/password_reset_subject.txt"
    form_class = QueuedPasswordResetForm

    def post(self, request, *args, **kwargs):
        # Both counters go up on every try, so neither can be used to probe the other.
        limited = [
            is_ratelimited(request, group=f"password_reset:{name}", key=key, rate=rate, increment=True)
            for name, key, rate in (
                ("email", _by_email, settings.PASSWORD_RESET_RATE_PER_ADDRESS),
                ("client", _by_client, settings.PASSWORD_RESET_RATE_PER_CLIENT),
            )
        ]
        if any(limited):
            return render(request, "registration/password_reset_limited.html", status=429)
        return super().post(request, *args, **kwargs)
