"""A POH-ggz follows the demo course, fails the quiz once, passes, and the certificate checks out."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from catalog.models import Resource
from tests import factories
from tests.browser.helpers_training import log_in, log_out
from training.models import Course, QuizAttempt

pytestmark = pytest.mark.django_db(transaction=True)
COURSE_SLUG = "blended-behandelen-in-de-huisartsenpraktijk"


@pytest.fixture(autouse=True)
def _default_language():
    # An earlier test in this worker may have left English active; reverse() must give the Dutch URLs.
    with translation.override(settings.LANGUAGE_CODE):
        yield


def load(name):
    call_command("loaddata", str(settings.BASE_DIR / "fixtures" / f"{name}.json"), verbosity=0)


def answer_quiz(page, course, *, right):
    for question in course.quiz.questions.prefetch_related("choices"):
        choices = [c for c in question.choices.all() if c.is_correct == right]
        for choice in choices if right else choices[:1]:
            page.check(f'input[name="question_{question.pk}"][value="{choice.pk}"]')
    page.get_by_role("button", name="Antwoorden inleveren").click()


def test_poh_follows_the_course_fails_then_passes_the_quiz_and_the_certificate_verifies(
    page, live_server, assert_accessible
):
    load("training_course")
    course = Course.objects.get(slug=COURSE_SLUG)
    poh = factories.user("poh", first_name="Pim", last_name="van der POH")
    log_in(page, live_server, poh)

    page.goto(reverse("training:course_list"))
    assert_accessible(page)
    page.get_by_role("link", name=course.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    expect(page.get_by_text("Deze cursus is niet geaccrediteerd")).to_be_visible()  # no body, no points
    assert_accessible(page)
    page.get_by_role("button", name="Begin met deze cursus").click()

    lessons = list(course.lessons.all())
    for number, lesson in enumerate(lessons, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        if number in (1, len(lessons)):
            assert_accessible(page)
        page.get_by_role("button", name="Markeer als af en ga verder").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Toets")
    assert_accessible(page)
    page.get_by_role("button", name="Antwoorden inleveren").click()  # nothing ticked: refused, per question
    summary = page.locator("[data-error-summary]")  # one linked message per question, focused
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link").first).to_contain_text("Kies")
    assert_accessible(page)

    answer_quiz(page, course, right=False)
    expect(page.get_by_text("Nog niet geslaagd")).to_be_visible()
    expect(page.get_by_role("heading", name="Wat u opnieuw kunt lezen")).to_be_visible()
    assert_accessible(page)

    # The wait between attempts; then as if it were over.
    page.goto(reverse("training:quiz", kwargs={"slug": COURSE_SLUG}))
    expect(page.get_by_text("U kunt het opnieuw proberen vanaf")).to_be_visible()
    assert_accessible(page)
    QuizAttempt.objects.update(submitted_at=timezone.now() - datetime.timedelta(minutes=11))
    page.reload()
    answer_quiz(page, course, right=True)
    expect(page.get_by_text("U bent geslaagd voor de toets.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Bekijk uw certificaat").first.click()
    expect(page.get_by_text("Pim van der POH")).to_be_visible()
    expect(page.get_by_text("Deze cursus is niet geaccrediteerd")).to_be_visible()
    expect(page.get_by_text("Accreditatiepunten")).to_have_count(0)
    expect(page.get_by_role("button", name="Afdrukken of bewaren als pdf")).to_be_visible()  # shown by the JS
    assert_accessible(page)
    code = page.locator(".tk-code").inner_text()

    log_out(page)
    page.goto(reverse("training:certificate_lookup"))
    assert_accessible(page)
    page.get_by_label("Controlecode").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Controleer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificaat gecontroleerd")
    expect(page.get_by_text("Pim van der POH")).to_be_visible()
    expect(page.get_by_text(course.title).first).to_be_visible()
    assert_accessible(page)

    response = page.goto(reverse("training:certificate_verify", kwargs={"code": "AAAA-BBBB-CCCC"}))
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Certificaat niet gevonden")
    assert_accessible(page)


def test_manuals_and_funding_pages_are_accessible_and_filter_without_javascript(page, live_server, assert_accessible):
    load("training_funding")
    programme = factories.programme("Kleur je leven")
    Resource.objects.create(
        programme=programme,
        kind=Resource.Kind.MANUAL,
        title="Handleiding voor de POH-ggz",
        body="Lees eerst **hoofdstuk 1**.",
        url="https://example.org/handleiding",
    )
    Resource.objects.create(
        programme=programme,
        kind=Resource.Kind.VIDEO,
        audience=Resource.Audience.PATIENTS,
        title="Uitlegfilm voor patiënten",
        url="https://example.org/film",
    )

    page.goto(reverse("training:manual_list"))
    assert_accessible(page)
    page.get_by_label("Voor", exact=True).select_option("patients")
    page.get_by_role("button", name="Toon", exact=True).click()
    expect(page).to_have_url(re.compile(r"audience=patients"))
    expect(page.get_by_role("heading", name="Uitlegfilm voor patiënten")).to_be_visible()
    expect(page.get_by_role("heading", name="Handleiding voor de POH-ggz")).to_have_count(0)
    assert_accessible(page)

    page.goto(reverse("training:funding_list"))
    assert_accessible(page)
    page.get_by_label("Zorgverzekeraar", exact=True).select_option("dsw")
    page.get_by_role("button", name="Toon", exact=True).click()
    expect(page).to_have_url(re.compile(r"insurer=dsw"))
    expect(page.locator(".tk-rule").first).to_contain_text("DSW")
    assert_accessible(page)


def test_funding_page_for_a_curator_of_a_practice_marks_own_insurers_and_overdue_checks(
    page, live_server, assert_accessible, monkeypatch
):
    from practices.middleware import PracticeContext
    from tests.training import practice_provider
    from training.models import FundingScheme, Insurer

    load("training_funding")
    # The curated schemes were all checked recently; one is made overdue on purpose to see the notice.
    FundingScheme.objects.filter(slug="e-mail-en-chat-directe-tijd-zorgprestatiemodel").update(
        check_by=datetime.date(2026, 1, 1)
    )
    monkeypatch.setattr("practices.middleware.practice_context_of", practice_provider.provide)
    practice_provider.current = PracticeContext(
        name="Praktijk De Linde",
        slug="de-linde",
        insurer_ids=frozenset([Insurer.objects.get(slug="menzis").pk]),
    )
    try:
        log_in(page, live_server, factories.user("redacteur", is_staff=True))
        page.goto(reverse("training:funding_list"))
        expect(page.locator(".tk-rule.tk-rule-mine").first).to_contain_text("Menzis")
        expect(page.get_by_text("uw verzekeraar").first).to_be_visible()
        expect(page.locator(".tk-tag-warn").first).to_be_visible()  # the demo Zorgprestatiemodel check is overdue
        assert_accessible(page)
    finally:
        practice_provider.current = None
