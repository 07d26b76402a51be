"""Arbitrary query strings and form data never give a server error, on SQLite and on PostgreSQL.

Every public and practice URL (walked from the root URLconf, so a new page is fuzzed automatically) gets GET and
POST requests, as an anonymous visitor and as the practice's manager, whose parameters are the page's own form
field names plus random ones, and whose values come from an alphabet with NUL and other control characters, lone
surrogates (sent as the bytes a browser would send), invalid UTF-8, huge and odd numbers, and repeated keys
(arrays). PostgreSQL refuses NUL in text where SQLite accepts it, so CI runs this module on both.

Each request runs inside a savepoint that is rolled back afterwards: one request cannot change the world the next
one sees, and a database error cannot poison the test's transaction.
"""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from practices.models import Invitation, MenuItem, Role
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupMembership, CareGroupPractice
from tests import factories
from tests.practices import factories as practice_factories
from tests.training import factories as training_factories

pytestmark = pytest.mark.django_db

# Not fuzzed, with the reason.
SKIPPED = {
    "logout": "ends the session the rest of the walk needs (log-out is a plain POST without parameters)",
    "favicon": "a redirect to a static file",
}

# Odd characters: NUL and the other C0 controls, DEL, C1 controls, lone surrogates, and a few ordinary ones.
ODD_CHARACTERS = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\x9f", "\ud800", "\udfff", "\ufeff", "\uffff"]
ALPHABET = st.one_of(
    st.sampled_from(ODD_CHARACTERS), st.characters(codec="utf-8", exclude_categories=["Cs"]), st.sampled_from("a1-_ ")
)
SPECIAL_VALUES = st.sampled_from(
    [
        "9" * 40,
        "-" + "9" * 40,
        "1e309",
        "NaN",
        "-inf",
        "0x10",
        "-1",
        "2147483648",
        "9223372036854775808",
        "1.5",
        "",
        "\x00",
        "on",
        "true",
        "2024-02-30",
        "99999-12-31",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
    ]
)
VALUE = st.one_of(st.text(ALPHABET, max_size=30), SPECIAL_VALUES)
ODD_KEYS = st.one_of(st.text(ALPHABET, min_size=1, max_size=8), st.sampled_from(["theme[]", "p[0]", "page", "q"]))


def _percent(text: str) -> str:
    # The bytes a client would send: lone surrogates as their (invalid) UTF-8 bytes, everything percent-encoded.
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def _encode(pairs) -> str:
    return "&".join(f"{_percent(key)}={_percent(value)}" for key, value in pairs)


def _named_patterns(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace])) if entry.namespace else namespace
            if inner == "admin":
                continue
            yield from _named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            # Path patterns name their arguments in converters; regex patterns (the API's router) only in the regex.
            converters = getattr(entry.pattern, "converters", None)
            kwargs = tuple(converters) if converters else tuple(entry.pattern.regex.groupindex)
            yield ":".join(filter(None, [namespace, entry.name])), kwargs


@pytest.fixture
def world(practice, manager, huisarts):
    """A practice with a bit of everything, a published programme, a provider, a course with a quiz."""
    programme = factories.programme("Kleur je leven")
    course = training_factories.course("Blended starten", lessons=2)
    invitation = Invitation.objects.create(
        practice=practice,
        email="eva@example.org",
        role=Role.POH_GGZ,
        token_hash=Invitation.hash_token("geheim"),
        invited_by=manager,
        expires_at=timezone.now() + timedelta(days=7),
    )
    menu_item = MenuItem.objects.create(practice=practice, programme=programme)
    practice.patient_page_published = True
    practice.save()
    practice_factories.complete_task_split(practice, by=manager)
    # The manager also coordinates a care group the practice joined, so its pages are fuzzed for real.
    care_group = CareGroup.objects.create(name="Zorggroep Fuzz", slug="fuzz")
    CareGroupMembership.objects.create(care_group=care_group, user=manager)
    CareGroupPractice.objects.create(care_group=care_group, practice=practice)
    other_group = CareGroup.objects.create(name="Zorggroep Anders", slug="anders")
    care_group_invitation = CareGroupInvitation.objects.create(care_group=other_group, practice=practice)
    samples = {
        "care_group_slug": care_group.slug,
        "care_group_invitation_id": care_group_invitation.pk,
        "slug": None,  # per URL below: a programme, provider or course slug
        "practice_slug": practice.slug,
        "membership_id": practice.memberships.get(user=huisarts).pk,
        "invitation_id": invitation.pk,
        "item_id": menu_item.pk,
        "example_id": 1,  # an example that need not exist: a 404 is an answer too
        "number": 1,
        "lesson_id": course.lessons.first().pk,
        "attempt_id": 1,
        "code": "ABCD-1234",
        "token": "onbekend",
        "uidb64": "MQ",
        "pk": 1,  # a resource file that need not exist: a 404 is an answer too
        "format": "json",  # the API's format suffix
    }
    slugs = {
        "catalog:provider_detail": programme.provider.slug,
        "catalog:programme_detail": programme.slug,
        "programme-detail": programme.slug,
        "provider-detail": programme.provider.slug,
    }
    urls = []
    for name, kwargs in _named_patterns(get_resolver().url_patterns):
        if name in SKIPPED:
            continue
        values = {kwarg: samples[kwarg] for kwarg in kwargs}
        if "slug" in values:
            values["slug"] = slugs.get(name, course.slug)
        if name == "password_reset_confirm":
            values["token"] = "set-password"
        urls.append(reverse(name, kwargs=values))
    return sorted(set(urls))


@pytest.fixture
def field_names(world, manager):
    """The names of every form field and link parameter each page shows its manager, so the fuzz reaches forms."""
    client = Client()
    client.force_login(manager)
    names = {}
    for url in world:
        response = client.get(url)
        # Downloads (the audit log's CSV, resource files) stream their body.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace")
        found = set(re.findall(r'name="([^"]+)"', text))
        found |= set(re.findall(r"[?&](?:amp;)?([a-z_]+)=", text))
        names[url] = sorted(found - {"csrfmiddlewaretoken"}) or ["q"]
    return names


def _fire(client, method, url, pairs):
    """One request in a savepoint that is always rolled back; returns the status code."""

    class _Undo(Exception):
        pass

    status = None
    try:
        with transaction.atomic():
            if method == "GET":
                response = client.get(url, QUERY_STRING=_encode(pairs))
            else:
                response = client.generic(
                    "POST", url, _encode(pairs).encode("ascii"), content_type="application/x-www-form-urlencoded"
                )
            status = response.status_code
            raise _Undo
    except _Undo:
        pass
    return status


@st.composite
def requests(draw, urls_with_fields):
    url = draw(st.sampled_from(sorted(urls_with_fields)))
    keys = st.one_of(st.sampled_from(urls_with_fields[url]), ODD_KEYS)
    pairs = draw(st.lists(st.tuples(keys, VALUE), max_size=6))
    if pairs and draw(st.booleans()):
        # The same key again: an array where the view expects one value.
        pairs.append((pairs[0][0], draw(VALUE)))
    return draw(st.sampled_from(["GET", "POST"])), url, pairs, draw(st.booleans())


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=st.data())
def test_no_request_gives_a_server_error(data, field_names, manager):
    method, url, pairs, logged_in = data.draw(requests(field_names))
    client = Client(raise_request_exception=False)
    if logged_in:
        client.force_login(manager)
    status = _fire(client, method, url, pairs)
    assert status < 500, f"{method} {url}?{_encode(pairs)} gave {status}"


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\ud800"])
def test_odd_characters_in_every_parameter_of_every_page_give_no_server_error(field_names, manager, character):
    """Not random: every known field of every page at once, with the character alone and inside a word."""
    client = Client(raise_request_exception=False)
    client.force_login(manager)
    failures = []
    for url, names in field_names.items():
        pairs = [(name, f"a{character}b") for name in names] + [(name, character) for name in names]
        for method in ("GET", "POST"):
            status = _fire(client, method, url, pairs)
            if status >= 500:
                failures.append(f"{method} {url} {status}")
    assert failures == []
