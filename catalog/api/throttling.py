"""Anonymous clients share the API fairly: a rate per client address from settings.API_ANON_RATE.

A revalidation answered 304 is not counted: NotModifiedMiddleware (catalog/api/conditional.py) answers it before
DRF runs, for the price of reading the revision token, so a client that revalidates often costs next to nothing.
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle

from toolkit.client_address import client_address


class ApiAnonThrottle(AnonRateThrottle):
    """Read the rate from the settings at each request (DRF's own class reads it once, at import)."""

    scope = "api_anon"

    def get_rate(self):
        return settings.API_ANON_RATE

    def get_ident(self, request):
        # toolkit.client_address has already chosen the client's address behind TRUSTED_PROXY_COUNT proxies.
        return client_address(request._request) or super().get_ident(request)
