"""Who may do what on every practice URL.

The outsider walk enumerates EVERY pattern in practices.urls (new pages are walked automatically) and
checks, for GET and POST, that a member of another practice gets a 404 and changes nothing, and that an
anonymous visitor is sent to the log-in page. Then a role matrix for the team, settings and audit pages, and
405 for GET on POST-only endpoints.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone

from practices import services
from practices import urls as practice_urls
from practices.models import AuditEvent, Invitation, Membership, MenuItem, Practice, Role, VisionVersion
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupPractice
from practices.permissions import Capability, may
from tests import factories
from tests.practices import factories as step_factories

pytestmark = pytest.mark.django_db

# URLs that are not practice pages, with the reason; everything else must take a practice_slug and be walked.
PUBLIC_OR_OWN = {
    "choose": "lists only the visitor's own practices (test_accounts.py)",
    "patient_page": "public once the practice publishes it (test_patient_page.py)",
    "patient_leaflet": "public once the practice publishes it (test_patient_page.py)",
    "patient_screen": "public once the practice publishes it (test_patient_page.py)",
}

# A sample value for every URL keyword argument, pointing at a real object of the victim practice so an
# outsider's request aims at something that exists. A new URL kwarg without a sample fails the walk loudly.
SAMPLES = {
    "practice_slug": lambda world: world.practice.slug,
    "membership_id": lambda world: world.membership.pk,
    "invitation_id": lambda world: world.invitation.pk,
    "number": lambda world: world.vision.number,
    "item_id": lambda world: world.menu_item.pk,
    "example_id": lambda world: _shared_example(world).pk,
    "care_group_invitation_id": lambda world: _care_group_invitation(world).pk,
    "care_group_slug": lambda world: _joined_care_group(world).slug,
}


def _shared_example(world):
    # The victim practice shares its adopted vision, so the outsider aims at an example that exists.
    return services.example_share(practice=world.practice, by=world.vision.adopted_by, show_name=True)


def _care_group_invitation(world):
    care_group = CareGroup.objects.create(name="Zorggroep Uitnodiger", slug="uitnodiger")
    return CareGroupInvitation.objects.create(care_group=care_group, practice=world.practice)


def _joined_care_group(world):
    care_group = CareGroup.objects.create(name="Zorggroep Lid", slug="lid")
    CareGroupPractice.objects.create(care_group=care_group, practice=world.practice)
    return care_group


# Form data that would change something if any of it were accepted.
HOSTILE_POST = {
    "role": Role.MANAGER,
    "email": "indringer@example.org",
    "name": "Overgenomen",
    "place": "Nergens",
    "agb_code": "99999999",
    "kind": Practice.Kind.GP_PRACTICE,
    "phone": "0900 1234",
    "website": "https://indringer.example",
}


def _patterns(patterns, namespace="practices", kwargs=()):
    """(url name, kwarg names) for every pattern, following nested includes."""
    for entry in patterns:
        names = (*kwargs, *_kwarg_names(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, inner, names)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}", names


def _kwarg_names(pattern):
    converters = getattr(pattern, "converters", None)
    if converters is not None:
        return tuple(converters)
    return tuple(pattern.regex.groupindex)


ALL_URLS = dict(_patterns(practice_urls.urlpatterns))
PRACTICE_URLS = sorted(name for name in ALL_URLS if name.split(":")[-1] not in PUBLIC_OR_OWN)


@dataclass
class World:
    practice: Practice
    membership: Membership
    invitation: Invitation
    vision: VisionVersion
    menu_item: MenuItem


@pytest.fixture
def world(practice, manager, huisarts, assistant, outsider):
    invitation = Invitation.objects.create(
        practice=practice,
        email="eva@example.org",
        role=Role.POH_GGZ,
        token_hash=Invitation.hash_token("geheim"),
        invited_by=manager,
        expires_at=timezone.now() + timedelta(days=7),
    )
    AuditEvent.objects.create(practice=practice, user=manager, username="alice", action="view", subject="start")
    vision = VisionVersion.objects.create(
        practice=practice,
        number=1,
        status=VisionVersion.Status.ADOPTED,
        sections=step_factories.vision_sections(),
        adopted_at=timezone.now(),
        adopted_by=manager,
    )
    menu_item = MenuItem.objects.create(practice=practice, programme=factories.programme("Kleur je leven"))
    return World(
        practice=practice,
        membership=Membership.objects.get(user=huisarts),
        invitation=invitation,
        vision=vision,
        menu_item=menu_item,
    )


def _url(name, world):
    missing = [kwarg for kwarg in ALL_URLS[name] if kwarg not in SAMPLES]
    if missing:
        pytest.fail(f"{name} takes {missing}: add a sample value to SAMPLES in {__file__}")
    return reverse(name, kwargs={kwarg: SAMPLES[kwarg](world) for kwarg in ALL_URLS[name]})


def _state(practice):
    """What an outsider might try to change: row counts of every practices model, and the victim's data."""
    counts = {model._meta.label: model._base_manager.count() for model in apps.get_app_config("practices").get_models()}
    # The refusal itself is logged (test_refused_access_log.py); nothing else may change.
    refusals = AuditEvent.objects.filter(action=AuditEvent.Action.REFUSED)
    counts[AuditEvent._meta.label] -= refusals.count()
    return (
        counts,
        list(practice.audit_events.exclude(pk__in=refusals).values_list("id", "action", "subject")),
        list(Practice.objects.filter(pk=practice.pk).values()),
        sorted(practice.memberships.values_list("user_id", "role")),
        list(practice.invitations.values()),
        len(mail.outbox),
    )


def test_the_walk_sees_every_url_and_every_non_practice_url_is_listed_with_a_reason():
    assert {"practices:dashboard", "practices:members", "practices:settings", "practices:audit_log"} <= set(
        PRACTICE_URLS
    )
    for name in PRACTICE_URLS:
        assert "practice_slug" in ALL_URLS[name], f"{name} has no practice_slug: scope it or list it in PUBLIC_OR_OWN"
    assert set(PUBLIC_OR_OWN) <= {name.split(":")[-1] for name in ALL_URLS}


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", PRACTICE_URLS)
def test_outsider_gets_404_and_changes_nothing(client, world, outsider, name, method):
    url = _url(name, world)
    before = _state(world.practice)
    client.force_login(outsider)
    response = client.get(url) if method == "get" else client.post(url, HOSTILE_POST)
    assert response.status_code == 404, (
        f"{method.upper()} {url} gave {response.status_code}: is practice_view the outermost decorator?"
    )
    assert _state(world.practice) == before


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", PRACTICE_URLS)
def test_anonymous_visitor_is_sent_to_log_in_and_changes_nothing(client, world, name, method):
    url = _url(name, world)
    before = _state(world.practice)
    response = client.get(url) if method == "get" else client.post(url, HOSTILE_POST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert _state(world.practice) == before


# The role matrix for the team, settings and audit pages: who gets in (200 page / 302 done) and who gets 403.
MANAGER_ONLY = {Role.MANAGER}
EVERY_ROLE = {Role.MANAGER, Role.HUISARTS, Role.ASSISTANT}
MATRIX = [
    ("practices:members", "get", None, EVERY_ROLE),
    ("practices:invite", "get", None, MANAGER_ONLY),
    ("practices:invite", "post", {"email": "nieuw@example.org", "role": Role.ASSISTANT}, MANAGER_ONLY),
    ("practices:settings", "get", None, MANAGER_ONLY),
    ("practices:settings", "post", "settings", MANAGER_ONLY),
    ("practices:audit_log", "get", None, MANAGER_ONLY),
    ("practices:membership_role", "post", {"role": Role.POH_GGZ}, MANAGER_ONLY),
    ("practices:membership_remove", "post", {}, MANAGER_ONLY),
    ("practices:invitation_withdraw", "post", {}, MANAGER_ONLY),
]


@pytest.mark.parametrize("role", [Role.MANAGER, Role.HUISARTS, Role.ASSISTANT])
@pytest.mark.parametrize(("name", "method", "data", "allowed"), MATRIX, ids=lambda v: v if isinstance(v, str) else "")
def test_role_matrix(client, world, members_by_role, role, name, method, data, allowed):
    if data == "settings":
        data = {
            "name": "De Linde",
            "place": "Utrecht",
            "agb_code": "01234567",
            "kind": "gp_practice",
            "phone": "1",
        }
    url = _url(name, world)
    client.force_login(members_by_role[role])
    before = _state(world.practice)
    response = client.get(url) if method == "get" else client.post(url, data)
    if role in allowed:
        assert response.status_code == (200 if method == "get" else 302)
    else:
        assert response.status_code == 403
        assert _state(world.practice) == before


POST_ONLY = ["practices:membership_role", "practices:membership_remove", "practices:invitation_withdraw"]


@pytest.mark.parametrize("name", POST_ONLY)
def test_get_on_a_post_only_endpoint_is_refused_and_changes_nothing(client, world, manager, name):
    url = _url(name, world)
    client.force_login(manager)
    before = _state(world.practice)
    assert client.get(url).status_code == 405
    assert _state(world.practice) == before


def test_logout_refuses_get(client, manager):
    client.force_login(manager)
    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session


# Capabilities: practices.permissions is the one place that says which role may do what; the view that does it
# and the page that offers it both ask there, so a page offers an action exactly to those the view lets in.
CAPABILITIES = {
    Capability.ADOPT_VISION: {Role.HUISARTS, Role.MANAGER},
    Capability.PUBLISH_PATIENT_PAGE: {Role.MANAGER},
    Capability.MANAGE_TEAM: {Role.MANAGER},
    Capability.SHARE_EXAMPLE: {Role.MANAGER},
    Capability.RECORD_REACH: {Role.POH_GGZ, Role.MANAGER},
}
# (the page that offers the action, the guarded URL it links or posts to)
OFFERED_ON = {
    Capability.ADOPT_VISION: ("practices:vision", "practices:vision_adopt"),
    Capability.PUBLISH_PATIENT_PAGE: ("practices:patient_page_settings", "practices:patient_page_publish"),
    Capability.MANAGE_TEAM: ("practices:members", "practices:invite"),
    Capability.SHARE_EXAMPLE: ("practices:examples", "practices:example_share"),
    Capability.RECORD_REACH: ("practices:reach", "practices:reach_counts"),
}


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_the_capabilities_the_rules_give_it(role, capability):
    assert may(Membership(role=role), capability) == (role in CAPABILITIES[capability])


def test_no_membership_has_any_capability_and_an_unknown_one_fails_loudly():
    assert not any(may(None, capability) for capability in Capability)
    with pytest.raises(ValueError):
        may(Membership(role=Role.MANAGER), "manage_evrything")


@pytest.mark.parametrize("capability", list(Capability))
@pytest.mark.parametrize("role", list(Role))
def test_a_page_offers_an_action_exactly_to_the_roles_its_view_lets_in(client, practice, role, capability):
    member = factories.user(f"lid-{role}")
    Membership.objects.create(user=member, practice=practice, role=role)
    services.vision_save_draft(practice=practice, by=member, sections=step_factories.vision_sections(), base_revision=0)
    client.force_login(member)
    page_name, action_name = OFFERED_ON[capability]
    action_url = reverse(action_name, args=[practice.slug])
    page = client.get(reverse(page_name, args=[practice.slug]))
    assert page.status_code == 200
    offered = f'"{action_url}"' in page.text
    # practice_view checks the capability before the method: a GET is 403 without it, and changes nothing.
    let_in = client.get(action_url).status_code != 403
    assert offered == let_in == (role in CAPABILITIES[capability])
