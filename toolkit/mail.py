"""E-mail through the task queue: each message is one task, sent by the worker and retried with a growing wait.

A page never waits for the mail server and a mail server that is down loses nothing: `queue_mail` renders the
message in the language active now (the request's) and enqueues `send_email`; the worker (`manage.py db_worker`)
sends it. A send that fails is enqueued again to run after the next wait in settings.MAIL_RETRY_DELAYS (the
database backend has no retries of its own); after the last one the failure stays in the task results.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

logger = logging.getLogger(__name__)


def queue_mail(*, to: list[str] | str, subject: str, text: str) -> None:
    """Enqueue one message: the plain text as given, and the same text as simple HTML beside it."""
    recipients = [to] if isinstance(to, str) else list(to)
    subject = " ".join(subject.split())
    html = render_to_string("email/message.html", {"subject": subject, "text": text})
    send_email.enqueue(to=recipients, subject=subject, text=text, html=html)


def queue_templated_mail(*, to: list[str] | str, subject_template: str, text_template: str, context: dict) -> None:
    queue_mail(
        to=to,
        subject=render_to_string(subject_template, context),
        text=render_to_string(text_template, context),
    )


@task
def send_email(*, to: list[str], subject: str, text: str, html: str = "", attempt: int = 1) -> None:
    """Send one message; on failure enqueue the next attempt after the next wait, then fail this one visibly."""
    message = EmailMultiAlternatives(subject=subject, body=text, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:
        delays = settings.MAIL_RETRY_DELAYS
        if attempt > len(delays):
            logger.exception("Mail %r to %d recipient(s) failed %d times; giving up", subject, len(to), attempt)
            raise
        wait = timedelta(seconds=delays[attempt - 1])
        send_email.using(run_after=timezone.now() + wait).enqueue(
            to=to, subject=subject, text=text, html=html, attempt=attempt + 1
        )
        logger.warning("Mail %r failed (attempt %d); trying again in %s", subject, attempt, wait)
        raise
