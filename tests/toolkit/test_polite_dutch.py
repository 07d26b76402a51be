"""One voice: the Dutch site addresses everyone with "u", never with "je", "jij", "jouw" or "jezelf".

Three places say it: the Dutch catalogues, the pages under the Dutch prefix, and the e-mails the site sends in
Dutch. Text that quotes another site word for word (elements with class "source", the citations under facts) may
keep that site's "je"; the pages here are rendered from test data without such quotes, and the check skips them
anyway. Programme names such as "Kleur je leven" are proper names and belong to the catalogue's content, which
this test does not fill.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practices.models import Role
from practices.services import invitation_create
from tests import factories
from tests.practices import factories as practice_factories
from tests.training import factories as training_factories
from training.models import Enrolment
from training.services import lesson_complete

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ["locale", "accounts/locale", "catalog/locale", "practices/locale", "training/locale"]
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf|jullie)\b", re.IGNORECASE)
# Attributes whose text a reader meets as well: screen readers announce labels, browsers show titles.
READ_ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
SKIPPED_ELEMENTS = {"script", "style"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def informal_words(text):
    """Each informal word in `text`, with a little context so a failure says where it is."""
    return [text[max(0, m.start() - 40) : m.end() + 40].strip() for m in INFORMAL.finditer(text)]


class _ReadableText(HTMLParser):
    """The text a visitor reads: element text and read-out attributes, without scripts, styles and quotes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._stack = []  # (tag, skipped) of the open elements

    def _skipping(self):
        return any(skipped for _, skipped in self._stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = tag in SKIPPED_ELEMENTS or "source" in (attributes.get("class") or "").split()
        if not skipped and not self._skipping():
            self.parts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)
        if tag not in VOID_ELEMENTS:
            self._stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        if not self._skipping():
            self.parts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        # Close up to the matching open element; stray end tags are ignored.
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data):
        if not self._skipping():
            self.parts.append(data)


def readable_text(html):
    parser = _ReadableText()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def test_the_reader_skips_quotes_scripts_and_tags_but_reads_labels():
    html = (
        '<main><h1>Uw voortgang</h1><p class="source small">bron: <a href="#">Kleur je leven</a></p>'
        '<script>var je = 1;</script><a aria-label="Naar jouw praktijk" href="#">x</a><br><p>Klaar</p></main>'
    )
    text = readable_text(html)
    assert "Uw voortgang" in text and "Klaar" in text
    assert "Kleur je leven" not in text and "var je" not in text
    assert [match.group(0) for match in INFORMAL.finditer(text)] == ["jouw"]  # from the aria-label


@pytest.mark.parametrize("locale_dir", CATALOGUES)
def test_no_dutch_translation_says_je(locale_dir):
    catalogue = polib.pofile(str(ROOT / locale_dir / "nl" / "LC_MESSAGES" / "django.po"))
    informal = [
        (entry.msgid, text)
        for entry in catalogue
        if not entry.obsolete
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if INFORMAL.search(text)
    ]
    assert not informal, f'{locale_dir}: write these with "u"/"uw": {informal}'


PUBLIC_PAGES = [
    ("home", {}),
    ("catalog:programme_list", {}),
    ("catalog:keuzehulp", {}),
    ("login", {}),
    ("password_reset", {}),
    ("training:course_list", {}),
    ("training:manual_list", {}),
    ("training:funding_list", {}),
    ("training:certificate_lookup", {}),
]


def _assert_polite(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.text.count("<html") == 1
    found = informal_words(readable_text(response.text))
    assert not found, f'{url} addresses the reader with "je": {found}'


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES)
def test_public_dutch_pages_say_u(client, name, kwargs):
    url = reverse(name, kwargs=kwargs)
    assert not url.startswith("/en/")
    _assert_polite(client, url)


@pytest.mark.django_db
def test_pages_of_a_logged_in_practice_member_say_u(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    practice = practice_factories.practice("Huisartsenpraktijk De Linde", slug="de-linde")
    manager = practice_factories.member(practice, Role.MANAGER, "alice")
    # A second practice, so the choice page shows instead of going straight to the one practice.
    other = practice_factories.practice("Huisartsenpraktijk De Wilg", slug="de-wilg")
    practice.memberships.model.objects.create(user=manager, practice=other, role=Role.HUISARTS)
    course = training_factories.course("Blended starten", lessons=3)
    enrolment = Enrolment.objects.create(user=manager, course=course)
    first, *rest = course.lessons.order_by("position")
    lesson_complete(enrolment=enrolment, lesson=first)
    client.force_login(manager)
    # Half-way: progress, "continue where you left off", reading ahead, the locked quiz.
    pages = [
        reverse("home"),
        reverse("practices:choose"),
        reverse("practices:members", args=[practice.slug]),
        reverse("practices:invite", args=[practice.slug]),
        reverse("training:course_list"),
        reverse("training:course_detail", args=[course.slug]),
        reverse("training:lesson_detail", args=[course.slug, rest[-1].pk]),
        reverse("training:quiz", args=[course.slug]),
    ]
    for url in pages:
        _assert_polite(client, url)

    # Every lesson done: the open quiz with its rules, and the course page that points to it.
    for lesson in rest:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    for url in [reverse("training:course_detail", args=[course.slug]), reverse("training:quiz", args=[course.slug])]:
        _assert_polite(client, url)

    # A failed attempt's result with the answers, then a passed one and the certificate.
    quiz_url = reverse("training:quiz", args=[course.slug])
    for right in (False, True):
        response = client.post(quiz_url, training_factories.answers(course, right=right), follow=True)
        assert response.redirect_chain, "submitting the quiz leads to its result"
        _assert_polite(client, response.redirect_chain[-1][0])
        if not right:
            _assert_polite(client, quiz_url)  # the wait before the next attempt
            enrolment.attempts.update(submitted_at=timezone.now() - timedelta(hours=1))
    _assert_polite(client, reverse("training:certificate_detail", args=[course.slug]))


@pytest.mark.django_db
def test_the_password_reset_email_says_u(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    factories.user("pim", email="pim@example.org")
    response = client.post(reverse("password_reset"), {"email": "pim@example.org"}, follow=True)
    assert response.status_code == 200
    (message,) = mail.outbox
    assert "wachtwoord" in message.body  # Dutch, so the check below reads the Dutch text
    assert not informal_words(message.subject)
    assert not informal_words(message.body), message.body


@pytest.mark.django_db
def test_the_invitation_email_says_u(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    practice = practice_factories.practice("Huisartsenpraktijk De Linde", slug="de-linde")
    manager = practice_factories.member(practice, Role.MANAGER, "alice")
    invitation_create(
        practice=practice,
        email="eva@example.org",
        role=Role.POH_GGZ,
        invited_by=manager,
        site_url="http://testserver",
    )
    (message,) = mail.outbox
    assert "uitnodiging" in message.body.lower()
    assert not informal_words(message.subject)
    assert not informal_words(message.body), message.body
