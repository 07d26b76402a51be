"""`request.practice_context`: what the catalogue and training may know of the visitor's practice.

The catalogue and training must not import `practices`, yet the keuzehulp puts the practice's own programmes
first and names the practice on the patient's advice sheet, and the funding overview marks the practice's
insurers. PracticeContextMiddleware gives every request a lazy `request.practice_context`: worked out only when
a page reads it, at most once per request, and falsy (it wraps None) for an anonymous visitor or one without a
current practice. Readers test it with `if`, never with `is None`.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from practices.selectors import current_membership, practice_contact_line


@dataclass(frozen=True)
class PracticeContext:
    name: str
    slug: str
    practice_id: int = 0  # for the keuzehulp's advice counter (practices.reach_services)
    contact_line: str = ""
    programme_ids: frozenset[int] = field(default_factory=frozenset)  # the practice's own menu
    insurer_ids: frozenset[int] = field(default_factory=frozenset)  # insurers it has contracts with

    # The catalogue cannot reverse a practices URL name, so the context hands it the addresses it links to.
    @property
    def menu_url(self) -> str:
        return reverse("practices:menu", kwargs={"practice_slug": self.slug})

    @property
    def menu_add_url(self) -> str:
        """Where a programme page or the keuzehulp posts `programme` (a slug) and `next` to put it on the menu."""
        return reverse("practices:menu_add_programme", kwargs={"practice_slug": self.slug})


def practice_context_of(request) -> PracticeContext | None:
    """The current practice of the visitor as the catalogue and training see it, or None."""
    if not request.user.is_authenticated:
        return None
    membership = current_membership(request)
    if membership is None:
        return None
    practice = membership.practice
    return PracticeContext(
        name=practice.name,
        slug=practice.slug,
        practice_id=practice.pk,
        contact_line=practice_contact_line(practice),
        programme_ids=frozenset(practice.menu_items.values_list("programme_id", flat=True)),
        insurer_ids=frozenset(practice.insurers.values_list("pk", flat=True)),
    )


class PracticeContextMiddleware:
    """Sets the lazy `request.practice_context`; list it after the session and authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.practice_context = SimpleLazyObject(lambda: practice_context_of(request))
        return self.get_response(request)
