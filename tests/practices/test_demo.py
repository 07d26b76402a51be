"""The demo loader's practices, members, insurers and curator authenticator; safe to run twice."""

import pytest
from django.apps import apps
from django_otp.plugins.otp_totp.models import TOTPDevice

from practices.demo import DemoRefused, demo_load
from practices.models import Membership, MonthlyReach, Practice
from practices.models_caregroups import CareGroup
from practices.reach import add_months, this_month
from training.models import Insurer

pytestmark = pytest.mark.django_db


def _state():
    counts = {model._meta.label: model.objects.count() for model in apps.get_app_config("practices").get_models()}
    memberships = sorted(Membership.objects.values_list("practice__slug", "user__username", "role"))
    practices = sorted(Practice.objects.values_list("slug", "name", "agb_code", "insurers__slug"))
    devices = list(TOTPDevice.objects.values_list("user__username", "key", "confirmed"))
    return counts, memberships, practices, devices, Insurer.objects.count()


def test_demo_practices_members_and_outsider(settings):
    settings.DEBUG = True
    demo_load()
    demo = Practice.objects.get(slug="demo")
    assert demo.name == "Huisartsenpraktijk De Linde" and len(demo.agb_code) == 8
    assert {m.user.username: m.role for m in demo.memberships.select_related("user")} == {
        "huisarts": "huisarts",
        "poh": "poh_ggz",
        "manager": "manager",
    }
    assert set(demo.insurers.values_list("name", flat=True)) == {"Zilveren Kruis", "VGZ", "CZ"}
    second = Practice.objects.get(slug="de-wilg")
    assert list(second.memberships.values_list("user__username", flat=True)) == ["outsider"]
    outsider = second.memberships.get().user
    assert outsider.check_password("toolkit-demo") and outsider.memberships.count() == 1
    assert Insurer.objects.filter(slug__in=["zilveren-kruis", "vgz", "cz", "menzis", "dsw", "onvz"]).count() == 6


def test_running_the_demo_loader_twice_gives_the_same_state(settings):
    settings.DEBUG = True
    demo_load()
    first = _state()
    demo_load()
    assert _state() == first


def test_demo_practice_is_half_way_with_two_programmes_and_a_public_patient_page(settings, client):
    settings.DEBUG = True
    demo_load()
    practice = Practice.objects.get(slug="demo")
    assert sorted(practice.insurers.values_list("slug", flat=True)) == ["cz", "vgz", "zilveren-kruis"]
    assert sorted(practice.menu_items.values_list("programme__slug", flat=True)) == ["kleurjeleven", "psyfit"]
    assert practice.visions.get().status == "draft"
    assert practice.population.registered_patients == 6200
    page = client.get("/p/demo/")
    assert page.status_code == 200
    assert "Kleurjeleven" in page.text and "Psyfit" in page.text


def test_every_demo_practice_is_marked_and_its_public_pages_say_it_is_fictitious(settings, client):
    settings.DEBUG = True
    demo_load()
    assert Practice.objects.count() == Practice.objects.filter(is_demo=True).count() == 4
    for path in ["/p/demo/", "/p/demo/folder/", "/p/demo/scherm/"]:
        page = client.get(path)
        assert page.status_code == 200, path
        assert "Voorbeeldpraktijk (fictief)" in page.text, path


def test_demo_loader_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(DemoRefused):
        demo_load()
    assert not Practice.objects.exists()


def test_demo_practice_has_six_months_of_reach_counts_marked_as_demo(settings, client):
    settings.DEBUG = True
    demo_load()
    demo = Practice.objects.get(slug="demo")
    months = sorted(set(MonthlyReach.objects.filter(practice=demo).values_list("month", flat=True)))
    assert months == [add_months(this_month(), offset) for offset in range(-5, 1)]
    assert not MonthlyReach.objects.filter(is_demo=False).exists()
    client.force_login(demo.memberships.get(role="manager").user)
    page = client.get(f"/praktijk/{demo.slug}/bereik/").text
    assert "Demopraktijk: deze aantallen zijn verzonnen" in page


def test_demo_care_group_with_three_practices_an_open_invitation_and_a_coordinator(settings, client):
    settings.DEBUG = True
    demo_load()
    care_group = CareGroup.objects.get(slug="kromme-rijn")
    assert care_group.name == "Zorggroep Kromme Rijn (demo)" and care_group.is_demo
    assert sorted(care_group.joined.values_list("practice__slug", flat=True)) == ["de-es", "demo", "het-kasteel"]
    assert list(care_group.invitations.open().values_list("practice__slug", flat=True)) == ["de-wilg"]
    coordinator = care_group.coordinators.get().user
    assert coordinator.username == "coordinator" and coordinator.check_password("toolkit-demo")
    assert not coordinator.memberships.exists()
    client.force_login(coordinator)
    html = client.get("/zorggroep/kromme-rijn/").text
    assert "Huisartsenpraktijk De Linde" in html and "Gezondheidscentrum Het Kasteel" in html
    assert "Huisartsenpraktijk De Wilg" not in html
    assert "Minddistrict" in html
