"""A lesson's curator Markdown renders inert on the lesson page."""

import pytest
from django.urls import reverse

from tests.training import factories


@pytest.mark.django_db
def test_a_lesson_with_a_script_renders_inert_on_its_page(learner_client):
    course = factories.course(lessons=1)
    lesson = course.lessons.get()
    lesson.body = "Hallo <script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    lesson.save()
    learner_client.post(reverse("training:course_enrol", kwargs={"slug": course.slug}))
    response = learner_client.get(lesson.get_absolute_url())
    body = response.content.decode()
    assert "Hallo" in body
    assert "pwned" not in body
    assert "onerror" not in body
