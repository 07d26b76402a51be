"""The read side the practices app calls: who finished which course, and who holds a POH-ggz certificate."""

import datetime

import pytest

from tests import factories as common
from tests.training import factories
from training.models import Audience
from training.selectors import certificates_for_users, users_with_completed_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    poh = common.user("poh1", first_name="Pim", last_name="POH")
    gp = common.user("gp1", first_name="Hanna", last_name="Huisarts")
    newcomer = common.user("nieuw1")
    poh_course = factories.course("Blended behandelen", audience=Audience.POH_GGZ, questions=None)
    gp_course = factories.course("Signaleren", audience=Audience.GP, questions=None)
    factories.certificate(poh, gp_course, datetime.date(2026, 3, 1))
    factories.certificate(poh, poh_course, datetime.date(2026, 5, 1))
    factories.certificate(gp, gp_course, datetime.date(2026, 4, 1))
    return poh, gp, newcomer, poh_course, gp_course


def test_certificates_for_users_lists_each_users_finished_courses_with_dates(cast):
    poh, gp, newcomer, poh_course, gp_course = cast
    result = certificates_for_users([poh.pk, gp.pk, newcomer.pk])
    assert [(c.course_title, c.issued_on) for c in result[poh.pk]] == [
        ("Signaleren", datetime.date(2026, 3, 1)),
        ("Blended behandelen", datetime.date(2026, 5, 1)),
    ]
    assert [c.course_id for c in result[gp.pk]] == [gp_course.pk]
    assert result[poh.pk][1].audience == Audience.POH_GGZ
    assert result[newcomer.pk] == []


def test_certificates_for_users_leaves_out_users_not_asked_for(cast):
    poh, gp, *_ = cast
    assert set(certificates_for_users([gp.pk])) == {gp.pk}


def test_certificates_for_users_takes_one_query(cast, django_assert_num_queries):
    poh, gp, newcomer, *_ = cast
    with django_assert_num_queries(1):
        certificates_for_users([poh.pk, gp.pk, newcomer.pk])


def test_users_with_completed_course_filters_by_audience(cast):
    poh, gp, newcomer, *_ = cast
    everyone = [poh.pk, gp.pk, newcomer.pk]
    assert users_with_completed_course(everyone, audiences=[Audience.POH_GGZ]) == {poh.pk}
    assert users_with_completed_course(everyone, audiences=[Audience.GP]) == {poh.pk, gp.pk}
    assert users_with_completed_course(everyone) == {poh.pk, gp.pk}


def test_users_with_completed_course_only_answers_for_the_given_users(cast):
    poh, gp, newcomer, *_ = cast
    assert users_with_completed_course([gp.pk, newcomer.pk], audiences=[Audience.POH_GGZ]) == set()
    assert users_with_completed_course([], audiences=[Audience.POH_GGZ]) == set()
