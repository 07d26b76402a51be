"""Demo data for development: the curated content, one account per role, the demo practices. Never with DEBUG off.

The content part (catalogue, funding, course) is `practices.content.content_load`, the same as `load_catalog` in
production; only the accounts, the curator's authenticator and the demo practices are demo. The practices:
`demo` half-way through the roadmap with six months of made-up reach counts (marked as demo), and `de-wilg` with
only `outsider` in it. The demo care group
"Zorggroep Kromme Rijn (demo)" has `demo` and two more demo practices joined (without accounts of their own), an
open invitation to `de-wilg` (so `outsider`, its manager, can accept it), and `coordinator` as its coordinator.
"""

from base64 import b32encode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from catalog.models import Language, Programme
from practices import services
from practices.content import content_load
from practices.models import Membership, MenuItem, PopulationProfile, Practice, Role, VisionVersion
from practices.models_caregroups import CareGroup, CareGroupInvitation, CareGroupMembership, CareGroupPractice
from practices.reach import add_months, this_month
from practices.reach_services import reach_save
from practices.vision import SECTION_KEYS
from training.models import Insurer

DEMO_PASSWORD = "toolkit-demo"
# The demo curator's authenticator secret: public, in the source, so for development only (DEBUG on).
DEMO_TOTP_KEY_HEX = b"eMH-toolkit-demo-otp".hex()  # 20 bytes; base32 in demo_totp_secret()
DEMO_TOTP_USERNAME = "redactie"


class DemoRefused(Exception):
    pass


def demo_accounts():
    """(username, first name, last name, is staff, groups) for each demo role."""
    return [
        ("huisarts", "Hanna", "de Huisarts", False, []),
        ("poh", "Pim", "van der POH", False, []),
        ("manager", "Marieke", "Manager", False, []),
        ("redactie", "Rik", "Redacteur", True, ["Redactie"]),
        ("outsider", "Otto", "Buitenstaander", False, []),
        ("coordinator", "Carla", "Coördinator", False, []),
    ]


def demo_totp_secret() -> str:
    """The demo curator's secret in base32, as authenticator apps want it."""
    return b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()


def demo_totp_device(user):
    """A confirmed authenticator (TOTP) device with the fixed demo secret, so the admin can be tried."""
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name="Demo authenticator", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True}
    )
    return device


@transaction.atomic
def demo_load(*, stdout=None):
    if not settings.DEBUG:
        raise DemoRefused("Demo data and demo accounts are only loaded with DEBUG on.")
    content_load()
    users = {}
    for username, first, last, is_staff, groups in demo_accounts():
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.is_staff = is_staff
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        users[username] = user
    practices = demo_practices(users)
    demo_care_group(practices, users)
    demo_totp_device(users[DEMO_TOTP_USERNAME])
    return users


# (slug, name, place, AGB code, phone, contracted insurer slugs, {username: role})
DEMO_PRACTICES = [
    (
        "demo",
        "Huisartsenpraktijk De Linde",
        "Utrecht",
        "01012345",
        "030 123 4567",
        ["zilveren-kruis", "vgz", "cz"],
        {"huisarts": Role.HUISARTS, "poh": Role.POH_GGZ, "manager": Role.MANAGER},
    ),
    (
        "de-wilg",
        "Huisartsenpraktijk De Wilg",
        "Amersfoort",
        "01054321",
        "033 765 4321",
        ["menzis"],
        {"outsider": Role.MANAGER},
    ),
]

# A vision half written: three of the six sections, so the demo shows a draft to continue.
DEMO_VISION = {
    "why_and_whom": (
        "Wij willen volwassenen met lichte of matige somberheid, angst of te veel drinken sneller iets bieden. "
        "Online zelfhulp met begeleiding van onze POH-ggz past bij veel van hen."
    ),
    "full_treatment": (
        "Een online programma is bij ons een volwaardige behandeling, geen wachtlijstvulling. De POH-ggz "
        "bespreekt de voortgang in het gewone consult."
    ),
    "shared_decision": (
        "We leggen de mogelijkheden uit en kiezen samen met de patiënt. Wie liever alleen gesprekken heeft, krijgt die."
    ),
}
DEMO_MENU = ["kleurjeleven", "psyfit"]
# Made-up counts for the demo practice, oldest of six months first: (offered, started, finished, stopped). Finished
# and stopped follow those who started that month, so the recent months have fewer: they are still busy.
DEMO_REACH = {
    "kleurjeleven": [(5, 3, 2, 1), (6, 4, 2, 1), (4, 3, 2, 0), (7, 5, 2, 1), (6, 4, 1, 0), (5, 2, 0, 0)],
    "psyfit": [(3, 2, 1, 1), (4, 2, 1, 0), (3, 2, 1, 0), (5, 3, 1, 0), (4, 3, 0, 1), (3, 1, 0, 0)],
}


def demo_practices(users):
    """Create or refresh the demo practices; step data is only seeded once, so a second run changes nothing."""
    practices = {}
    for slug, name, place, agb_code, phone, insurer_slugs, members in DEMO_PRACTICES:
        practice, _ = Practice.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "place": place, "agb_code": agb_code, "phone": phone, "is_demo": True},
        )
        practice.insurers.set(Insurer.objects.filter(slug__in=insurer_slugs))
        for username, role in members.items():
            Membership.objects.update_or_create(user=users[username], practice=practice, defaults={"role": role})
        practices[slug] = practice
    _seed_half_way(practices["demo"], by=users["manager"])
    _seed_reach(practices["demo"], by=users["poh"])
    return practices


def _seed_half_way(practice, *, by):
    if practice.visions.exists():
        return
    sections = {key: DEMO_VISION.get(key, "") for key in SECTION_KEYS}
    services.vision_save_draft(practice=practice, by=by, sections=sections, base_revision=0)
    services.population_save(
        practice=practice,
        by=by,
        languages=Language.objects.filter(code__in=["nl", "tr", "ar"]),
        registered_patients=6200,
        share_0_17=19,
        share_18_64=62,
        share_65_plus=19,
        share_low_literacy=22,
        share_migration=28,
    )
    for programme in Programme.objects.published().filter(slug__in=DEMO_MENU):
        services.menu_add(practice=practice, by=by, programme=programme)
    services.patient_page_publish(practice=practice, by=by, published=True)


def _seed_reach(practice, *, by, today=None):
    """Six months of demo counts up to this month, once; marked as demo (MonthlyReach.is_demo)."""
    if practice.monthly_reach.exists():
        return
    programmes = {programme.slug: programme for programme in Programme.objects.published().filter(slug__in=DEMO_REACH)}
    first = add_months(this_month(today), -5)
    for index in range(6):
        counts = {
            programmes[slug]: dict(zip(("offered", "started", "finished", "stopped"), months[index], strict=True))
            for slug, months in DEMO_REACH.items()
            if slug in programmes
        }
        reach_save(practice=practice, month=add_months(first, index), by=by, counts=counts, is_demo=True)


DEMO_CARE_GROUP = ("kromme-rijn", "Zorggroep Kromme Rijn (demo)")
# The care group's two other practices: (slug, name, place, AGB code, kind, adopted vision?, menu, page published)
DEMO_GROUP_PRACTICES = [
    (
        "de-es",
        "Huisartsenpraktijk De Es",
        "Bunnik",
        "01023456",
        Practice.Kind.GP_PRACTICE,
        True,
        ["minddistrict-depressie", "kleurjeleven", "minderdrinken"],
        True,
    ),
    (
        "het-kasteel",
        "Gezondheidscentrum Het Kasteel",
        "Wijk bij Duurstede",
        "01034567",
        Practice.Kind.HEALTH_CENTRE,
        False,
        ["minddistrict-mood-and-anxiety"],
        False,
    ),
]


def demo_care_group(practices, users):
    """The demo care group, its coordinator, three joined practices and one open invitation (to `de-wilg`)."""
    slug, name = DEMO_CARE_GROUP
    care_group, _ = CareGroup.objects.update_or_create(
        slug=slug, defaults={"name": name, "kind": CareGroup.Kind.CARE_GROUP, "is_demo": True}
    )
    CareGroupMembership.objects.get_or_create(care_group=care_group, user=users["coordinator"])
    joined = [practices["demo"]]
    for slug, name, place, agb_code, kind, adopted, menu, published in DEMO_GROUP_PRACTICES:
        practice, created = Practice.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "place": place, "agb_code": agb_code, "kind": kind, "is_demo": True},
        )
        if created:
            _seed_group_practice(practice, adopted=adopted, menu=menu, published=published)
        joined.append(practice)
    for practice in joined:
        CareGroupPractice.objects.get_or_create(
            care_group=care_group,
            practice=practice,
            defaults={"accepted_by": users["manager"] if practice.slug == "demo" else None},
        )
    invited = practices["de-wilg"]
    if not CareGroupPractice.objects.filter(care_group=care_group, practice=invited).exists():
        if not CareGroupInvitation.objects.open().filter(care_group=care_group, practice=invited).exists():
            CareGroupInvitation.objects.create(care_group=care_group, practice=invited, invited_by=users["coordinator"])
    return care_group


def _seed_group_practice(practice, *, adopted, menu, published):
    """Step data straight into the tables: these practices have no accounts, so nobody to record as its author."""
    if adopted:
        VisionVersion.objects.create(
            practice=practice,
            number=1,
            status=VisionVersion.Status.ADOPTED,
            sections={key: DEMO_VISION.get(key, "Demotekst.") for key in SECTION_KEYS},
            adopted_at=timezone.now(),
        )
    PopulationProfile.objects.create(
        practice=practice,
        registered_patients=4800,
        share_0_17=18,
        share_18_64=61,
        share_65_plus=21,
        share_low_literacy=15,
        share_migration=12,
    ).languages.set(Language.objects.filter(code="nl"))
    for position, programme in enumerate(Programme.objects.published().filter(slug__in=menu), start=1):
        MenuItem.objects.create(
            practice=practice, programme=programme, position=position, licence_arranged=position == 1
        )
    if published:
        practice.patient_page_published = True
        practice.save(update_fields=["patient_page_published"])
