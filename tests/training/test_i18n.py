"""Training pages speak Dutch by default and English under /en/."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_manuals_page_is_dutch_by_default_and_english_under_en(client):
    dutch = client.get(reverse("training:manual_list")).content.decode()
    # The request leaves its language active in the thread; the override restores it for the next test.
    with translation.override("en"):
        english_url = reverse("training:manual_list")
        english = client.get(english_url).content.decode()
    assert "Handleidingen en patiëntmateriaal" in dutch
    assert english_url.startswith("/en/")
    assert "Manuals and patient materials" in english


def test_quiz_validation_message_is_dutch(learner_client, learner, course):
    from training.services import enrolment_create, lesson_complete

    enrolment = enrolment_create(user=learner, course=course)
    for lesson in course.lessons.all():
        lesson_complete(enrolment=enrolment, lesson=lesson)
    response = learner_client.post(reverse("training:quiz", kwargs={"slug": course.slug}), {})
    assert "Kies een antwoord." in response.content.decode()
