"""The task split: one responsible role per task, supporting roles besides it, a weekly feedback block."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from practices import selectors, services
from practices.models import AuditEvent, Role, Task, TaskAssignment
from practices.task_split import TaskParts, task_split_problems
from tests.practices import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _url(practice):
    return reverse("practices:task_split", kwargs={"practice_slug": practice.slug})


def _valid_post(**overrides):
    data = {f"responsible_{task}": Role.POH_GGZ for task in Task.values}
    data.update(feedback_day="2", feedback_minutes="60")
    data.update(overrides)
    return data


def _all(responsible=(Role.POH_GGZ,), supporting=()):
    return {task: TaskParts(tuple(responsible), tuple(supporting)) for task in Task.values}


# The rule, without HTTP -------------------------------------------------------------------------------------


def test_one_responsible_and_separate_supporters_is_sound():
    assert task_split_problems(_all(supporting=(Role.HUISARTS, Role.ASSISTANT))) == {}


def test_a_task_without_responsible_role_is_a_problem():
    parts = _all()
    parts[Task.CRISIS] = TaskParts((), (Role.HUISARTS,))
    problems = task_split_problems(parts)
    assert list(problems) == [Task.CRISIS]
    assert "Choose the one role that is responsible" in str(problems[Task.CRISIS][0])


def test_two_responsible_roles_is_a_problem():
    parts = _all()
    parts[Task.SIGNALLING] = TaskParts((Role.HUISARTS, Role.POH_GGZ))
    message = str(task_split_problems(parts)[Task.SIGNALLING][0])
    assert "Only one role can be responsible" in message and "GP" in message and "POH-ggz" in message


def test_a_role_both_responsible_and_supporting_is_a_problem():
    parts = _all()
    parts[Task.GUIDANCE] = TaskParts((Role.POH_GGZ,), (Role.POH_GGZ, Role.HUISARTS))
    message = str(task_split_problems(parts)[Task.GUIDANCE][0])
    assert "cannot be responsible and supporting" in message


def test_an_unknown_role_is_a_problem():
    parts = _all()
    parts[Task.REPORTING] = TaskParts(("receptionist",))
    assert Task.REPORTING in task_split_problems(parts)


def test_service_refuses_an_unsound_split_and_keeps_the_old_one(practice, manager):
    factories.complete_task_split(practice)
    parts = _all()
    parts[Task.CRISIS] = TaskParts()
    with pytest.raises(ValidationError):
        services.task_split_save(practice=practice, by=manager, parts=parts, feedback_day=1, feedback_minutes=30)
    assert practice.task_assignments.filter(responsible=True).count() == len(Task.values)


def test_database_refuses_two_responsible_roles_for_a_task(practice):
    TaskAssignment.objects.create(practice=practice, task=Task.CRISIS, role=Role.HUISARTS, responsible=True)
    with pytest.raises(IntegrityError):
        TaskAssignment.objects.create(practice=practice, task=Task.CRISIS, role=Role.POH_GGZ, responsible=True)


# Through the page -------------------------------------------------------------------------------------------


def test_saving_a_sound_split_stores_it_with_the_feedback_block(client, practice, manager):
    client.force_login(manager)
    response = client.post(
        _url(practice),
        _valid_post(supporting_guidance=[Role.HUISARTS, Role.ASSISTANT], feedback_minutes="90"),
    )
    assert response.status_code == 302
    parts = selectors.task_split_parts(practice)
    assert parts[Task.GUIDANCE] == TaskParts((Role.POH_GGZ,), (Role.ASSISTANT, Role.HUISARTS))
    assert selectors.task_split_settings(practice).feedback_minutes == 90
    assert selectors.task_split_is_complete(practice)


def test_missing_responsible_role_is_refused_with_a_message_next_to_the_task(client, practice, manager):
    client.force_login(manager)
    data = _valid_post()
    del data["responsible_crisis"]
    response = client.post(_url(practice), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_responsible_crisis_error"' in page
    assert "Choose the one role that is responsible for this task." in page
    assert not practice.task_assignments.exists()


def test_two_responsible_roles_in_one_post_are_refused(client, practice, manager):
    client.force_login(manager)
    response = client.post(_url(practice), _valid_post(responsible_signalling=[Role.HUISARTS, Role.POH_GGZ]))
    assert "Only one role can be responsible for a task" in response.content.decode()
    assert not practice.task_assignments.exists()


def test_role_both_responsible_and_supporting_is_refused(client, practice, manager):
    client.force_login(manager)
    response = client.post(_url(practice), _valid_post(supporting_monitoring=[Role.POH_GGZ]))
    page = response.content.decode()
    assert "cannot be responsible and supporting at the same time" in page
    assert 'id="id_responsible_monitoring_error"' in page
    assert not practice.task_assignments.exists()


def test_refused_form_keeps_the_users_choices(client, practice, manager):
    client.force_login(manager)
    data = _valid_post(responsible_evaluating=Role.HUISARTS, supporting_evaluating=[Role.ASSISTANT])
    del data["responsible_crisis"]
    page = client.post(_url(practice), data).content.decode()
    assert 'value="huisarts" class="form-check-input" id="id_responsible_evaluating_0" checked' in page
    assert 'value="assistant" class="form-check-input" id="id_supporting_evaluating_3" checked' in page


@pytest.mark.parametrize(("minutes", "message"), [("0", "at least 5 minutes"), ("600", "480 minutes")])
def test_feedback_block_must_be_a_sensible_length(client, practice, manager, minutes, message):
    client.force_login(manager)
    page = client.post(_url(practice), _valid_post(feedback_minutes=minutes)).content.decode()
    assert message in page
    assert not practice.task_assignments.exists()


def test_matrix_is_an_accessible_table_with_fieldsets(client, practice, manager):
    client.force_login(manager)
    page = client.get(_url(practice)).content.decode()
    assert "<caption>" in page and 'scope="row"' in page
    assert page.count("<fieldset") >= 2 * len(Task.values)
    assert 'for="id_responsible_signalling_0"' in page


def test_saved_split_is_shown_when_the_page_is_opened_again(client, practice, manager):
    factories.complete_task_split(practice, responsible=Role.HUISARTS)
    client.force_login(manager)
    page = client.get(_url(practice)).content.decode()
    assert page.count('value="huisarts" class="form-check-input" id="id_responsible_') == len(Task.values)
    assert page.count(" checked") >= len(Task.values)


def test_saving_is_audited(client, practice, manager):
    client.force_login(manager)
    client.post(_url(practice), _valid_post())
    assert AuditEvent.objects.filter(practice=practice, action="change", subject="task split", user=manager).exists()
