"""The real mail queue: mail waits in the database until the worker (`manage.py db_worker`) sends it, and a send
that fails is tried again later instead of being lost."""

import signal
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from practices.models import Role
from practices.services import invitation_create
from tests import factories
from tests.practices import factories as practice_factories
from toolkit.mail import queue_mail

pytestmark = pytest.mark.django_db(transaction=True)


class FailsFirstBackend(LocmemBackend):
    """The mail server is down for the first message only."""

    failures_left = 1

    def send_messages(self, messages):
        if FailsFirstBackend.failures_left:
            FailsFirstBackend.failures_left -= 1
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def run_worker():
    # The worker installs its own SIGINT/SIGTERM handlers; the test process gets its own back afterwards.
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", batch=True, interval=0, startup_delay=False, reload=False, verbosity=0)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def test_queued_mail_waits_for_the_worker_then_arrives_as_text_and_html():
    queue_mail(to="poh@example.nl", subject="Herinnering", text="Vul de telling in: https://toolkit.example/x/")
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["poh@example.nl"]
    assert message.body == "Vul de telling in: https://toolkit.example/x/"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<a href="https://toolkit.example/x/"' in html


def test_a_failed_send_is_retried_later_not_lost(settings):
    settings.EMAIL_BACKEND = "tests.toolkit.test_mail_queue.FailsFirstBackend"
    FailsFirstBackend.failures_left = 1
    queue_mail(to="poh@example.nl", subject="Herinnering", text="Tekst")

    run_worker()

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    # The next attempt waits the first delay (1 minute), so the worker leaves it for now.
    assert retry.run_after > timezone.now() + timedelta(seconds=50)

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    run_worker()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["poh@example.nl"]


def test_a_mail_that_keeps_failing_is_given_up_after_the_last_delay(settings):
    settings.EMAIL_BACKEND = "tests.toolkit.test_mail_queue.FailsFirstBackend"
    settings.MAIL_RETRY_DELAYS = (0, 0)
    FailsFirstBackend.failures_left = 10
    queue_mail(to="poh@example.nl", subject="Herinnering", text="Tekst")

    run_worker()

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="FAILED").count() == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_invitation_mail_goes_through_the_queue(settings):
    practice = practice_factories.practice("Praktijk Wachtrij", slug="wachtrij")
    manager = practice_factories.member(practice, Role.MANAGER, "mgr")
    invitation_create(
        practice=practice, email="nieuw@example.nl", role=Role.POH_GGZ, invited_by=manager, site_url="https://t.example"
    )
    assert mail.outbox == []

    run_worker()

    assert [message.to for message in mail.outbox] == [["nieuw@example.nl"]]
    assert "https://t.example/" in mail.outbox[0].body


def test_password_reset_mail_goes_through_the_queue(client):
    factories.user("vergeten", email="vergeten@example.nl")
    response = client.post(reverse("password_reset"), {"email": "vergeten@example.nl"})
    assert response.status_code == 302
    assert mail.outbox == []

    run_worker()

    assert [message.to for message in mail.outbox] == [["vergeten@example.nl"]]
    assert "/account/" in mail.outbox[0].body
    assert mail.outbox[0].alternatives[0][1] == "text/html"
