"""load_demo: loadable twice with the same result, and refused with DEBUG off (each test starts from an empty
catalogue, which is why they do not share test_demo_data's catalogue loaded once per module)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from catalog.models import Programme, Provider, QualityAssessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True
    return settings


def test_load_demo_twice_gives_the_same_catalogue_and_puts_redactie_in_its_group(debug_on, redactie_group):
    call_command("load_demo", stdout=StringIO())
    counts = (Programme.objects.count(), QualityAssessment.objects.count(), Provider.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (Programme.objects.count(), QualityAssessment.objects.count(), Provider.objects.count()) == counts
    redactie = get_user_model().objects.get(username="redactie")
    assert redactie.is_staff
    assert list(redactie.groups.values_list("name", flat=True)) == ["Redactie"]
    assert redactie.has_perm("catalog.change_programme")


def test_load_demo_refuses_with_debug_off_and_creates_no_account(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not get_user_model().objects.exists()
    assert not Programme.objects.exists()
