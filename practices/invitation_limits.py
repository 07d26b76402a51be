"""Rate limits on invitations (django-ratelimit, counted in the cache): per inviting user and per address.

The per-address limit counts across all practices, so nobody can use invitations to flood one mailbox, however
many practices they manage; the per-user limit stops one account from mailing the world. Rates are settings.
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def invitation_rate_limited(request, email: str) -> bool:
    """Count one invitation mail for this user and this address; True when either is over its limit."""
    address = email.strip().casefold()
    by_user = is_ratelimited(
        request,
        group="invitation-by-user",
        key=lambda _group, request: str(request.user.pk),
        rate=settings.INVITATION_RATE_PER_USER,
        increment=True,
    )
    by_address = is_ratelimited(
        request,
        group="invitation-to-address",
        key=lambda _group, _request: address,
        rate=settings.INVITATION_RATE_PER_ADDRESS,
        increment=True,
    )
    return by_user or by_address
