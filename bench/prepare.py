"""Bench set-up inside Django: a practice with a logged-in manager, the pages' addresses and their query counts.

The manager also coordinates a care group of 500 joined practices, for the coordinator's overview.

`prepare.py release` empties the bench practices' menus and reach counts, so `generate_catalog` may replace
their programmes.
`prepare.py setup '{"name": "/path", ...}'` (after `generate_catalog`, with the server's environment) prints one
JSON object: the session cookie, the addresses of the measured pages, the lookups the random overview filters
pick from, and the SQL queries each page takes (Django's test client against the bench database, the cache
cleared before each page, so the count is a first visit's).
"""

import json
import os
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toolkit.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from catalog.models import Language, Programme, Provider, Theme  # noqa: E402
from practices.care_group_cache import bump_care_groups, bumps_deferred  # noqa: E402
from practices.models import Membership, MenuItem, PopulationProfile, Practice, Role  # noqa: E402
from practices.models_caregroups import CareGroup, CareGroupMembership, CareGroupPractice  # noqa: E402
from practices.models_reach import MonthlyReach  # noqa: E402
from practices.reach import add_months, this_month  # noqa: E402

PRACTICE_SLUG = "bench-praktijk"
USERNAME = "bench-manager"
HOST = "127.0.0.1"
# The care group whose coordinator overview is measured (issue 14): the bench manager coordinates it.
CARE_GROUP_SLUG = "bench-zorggroep"
CARE_GROUP_PRACTICES = 500
REACH_MONTHS = 24
GROUP_PRACTICE_PREFIX = "bench-zg-"


def bench_practice(published):
    """The same practice at every catalogue size: a population that gives reasons, three programmes on the menu."""
    practice, _created = Practice.objects.update_or_create(
        slug=PRACTICE_SLUG,
        defaults={"name": "Benchpraktijk", "place": "Utrecht", "agb_code": "99999999", "patient_page_published": True},
    )
    user, _created = get_user_model().objects.get_or_create(username=USERNAME, defaults={"email": "bench@example.org"})
    Membership.objects.update_or_create(user=user, practice=practice, defaults={"role": Role.MANAGER})
    profile, _created = PopulationProfile.objects.update_or_create(
        practice=practice,
        defaults={
            "registered_patients": 6000,
            "share_0_17": Decimal("18"),
            "share_18_64": Decimal("60"),
            "share_65_plus": Decimal("22"),
            "share_low_literacy": Decimal("18"),
            "share_migration": Decimal("24"),
        },
    )
    profile.languages.set(Language.objects.all())
    practice.menu_items.all().delete()
    for position, programme in enumerate(published[:3], start=1):
        MenuItem.objects.create(practice=practice, programme=programme, position=position)
    return practice, user


def bench_care_group(user, published):
    """500 joined practices with a population, two programmes each (a paid one where there is one) and 24 months
    of reach counts per programme (the issue's size for the coordinator's overview)."""
    with bumps_deferred():  # one new data version for the group at the end, not one per row deleted
        care_group = _bench_care_group(user, published)
    return care_group


def _bench_care_group(user, published):
    care_group, _created = CareGroup.objects.update_or_create(slug=CARE_GROUP_SLUG, defaults={"name": "Benchzorggroep"})
    CareGroupMembership.objects.get_or_create(care_group=care_group, user=user)
    existing = set(Practice.objects.filter(slug__startswith=GROUP_PRACTICE_PREFIX).values_list("slug", flat=True))
    Practice.objects.bulk_create(
        Practice(
            slug=f"{GROUP_PRACTICE_PREFIX}{number:04d}",
            name=f"Benchpraktijk {number:04d}",
            place="Utrecht",
            agb_code=f"{98_000_000 + number:08d}",
        )
        for number in range(1, CARE_GROUP_PRACTICES + 1)
        if f"{GROUP_PRACTICE_PREFIX}{number:04d}" not in existing
    )
    practices = list(Practice.objects.filter(slug__startswith=GROUP_PRACTICE_PREFIX).order_by("slug"))
    CareGroupPractice.objects.bulk_create(
        [CareGroupPractice(care_group=care_group, practice=practice) for practice in practices], ignore_conflicts=True
    )
    PopulationProfile.objects.bulk_create(
        [
            PopulationProfile(
                practice=practice,
                registered_patients=4000 + 10 * index,
                share_0_17=Decimal("18"),
                share_18_64=Decimal("60"),
                share_65_plus=Decimal("22"),
                share_low_literacy=Decimal("18"),
                share_migration=Decimal("24"),
            )
            for index, practice in enumerate(practices)
        ],
        ignore_conflicts=True,
    )
    paid = [programme for programme in published if programme.cost == Programme.Cost.PRACTICE_LICENCE]
    choices = (paid[:1] + published)[:6]
    MenuItem.objects.filter(practice__in=practices).delete()
    MenuItem.objects.bulk_create(
        MenuItem(practice=practice, programme=programme, position=position)
        for index, practice in enumerate(practices)
        for position, programme in enumerate(dict.fromkeys((choices[index % 6], choices[(index + 1) % 6])), start=1)
    )
    first = add_months(this_month(), -(REACH_MONTHS - 1))
    MonthlyReach.objects.filter(practice__in=practices).delete()
    MonthlyReach.objects.bulk_create(
        (
            MonthlyReach(
                practice_id=item.practice_id,
                programme_id=item.programme_id,
                month=add_months(first, offset),
                offered=4 + (item.practice_id + offset) % 9,
                started=2 + (item.practice_id + offset) % 6,
                finished=1,
                stopped=1,
            )
            for item in MenuItem.objects.filter(practice__in=practices)
            for offset in range(REACH_MONTHS)
        ),
        batch_size=5000,
    )
    # A live database's autovacuum keeps the planner's statistics current; right after these bulk loads they still
    # describe the tables before them, and the planner would pick plans for a handful of rows.
    with connection.cursor() as cursor:
        for model in (Practice, CareGroupPractice, PopulationProfile, MenuItem, MonthlyReach):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    bump_care_groups(care_group_ids=[care_group.pk])  # bulk_create sends no signal: the cached overview is old
    return care_group


def session_cookie(user):
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client.cookies["sessionid"].value


def pages(practice, published):
    slugs = [programme.slug for programme in published]
    compare = "&".join(f"p={slug}" for slug in slugs[3:6])
    return {
        "programme": f"/catalogus/{slugs[len(slugs) // 2]}/",
        "compare": f"/catalogus/vergelijk/?{compare}",
        "menu": f"/praktijk/{practice.slug}/aanbod/",
        "dashboard": f"/praktijk/{practice.slug}/",
        "patient": f"/p/{practice.slug}/",
        "care_group": f"/zorggroep/{CARE_GROUP_SLUG}/",
    }


def query_counts(paths, cookie):
    """SQL queries per page on a first visit (the cache cleared before each one)."""
    client = Client(HTTP_HOST=HOST)
    client.cookies["sessionid"] = cookie
    counts = {}
    for name, path in paths.items():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"GET {path} answered {response.status_code}, not 200")
        counts[name] = len(queries)
    return counts


def release():
    """Empty the bench practices' menus and reach counts, so generate_catalog may replace their programmes."""
    with bumps_deferred():
        _release()


def _release():
    MenuItem.objects.filter(practice__slug=PRACTICE_SLUG).delete()
    MenuItem.objects.filter(practice__slug__startswith=GROUP_PRACTICE_PREFIX).delete()
    # The care group's reach counts point to programmes too (generate_catalog's delete would fail on them). By the
    # practices' ids: a join on the slug, right after the bulk insert (no statistics yet), took PostgreSQL minutes.
    group = list(Practice.objects.filter(slug__startswith=GROUP_PRACTICE_PREFIX).values_list("pk", flat=True))
    MonthlyReach.objects.filter(practice_id__in=group).delete()


def main():
    if sys.argv[1:2] == ["release"]:
        release()
        return
    published = list(Programme.objects.published().order_by("pk"))
    if len(published) < 6:
        raise SystemExit("The bench needs at least 6 published programmes: run generate_catalog first.")
    practice, user = bench_practice(published)
    bench_care_group(user, published)
    cookie = session_cookie(user)
    measured = pages(practice, published)
    extra = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    print(
        json.dumps(
            {
                "cookie": cookie,
                "published": len(published),
                "pages": measured,
                "queries": query_counts({**measured, **extra}, cookie),
                "lookups": {
                    "theme": list(Theme.objects.values_list("slug", flat=True)),
                    "language": list(Language.objects.values_list("slug", flat=True)),
                    "provider": list(Provider.objects.order_by("pk").values_list("slug", flat=True)[:50]),
                },
            }
        )
    )


if __name__ == "__main__":
    main()
