"""The demo practices: `demo` half-way through the roadmap, and `de-wilg` with only `outsider` in it."""

from catalog.models import Language, Programme
from practices import services
from practices.models import Membership, Practice, Role
from practices.vision import SECTION_KEYS
from training.models import Insurer

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
DEMO_MENU = ["kleurjeleven", "minderdrinken"]


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
