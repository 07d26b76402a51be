"""The visitor's address, as the trusted reverse proxies report it (settings.TRUSTED_PROXY_COUNT).

Behind N proxies that each append the address they received the request from to X-Forwarded-For, the client is
the N-th address from the right: everything to its left the client may have written itself. django-ipware reads
the header; here its `proxy_count` counts the proxies listed in the header, which is one fewer than ours because
the nearest proxy is REMOTE_ADDR. With no proxy (0) only REMOTE_ADDR counts, so a forged header is ignored.

django-axes (AXES_CLIENT_IP_CALLABLE) and the audit log both ask `client_address`, so the lock-out and the log
always agree on who the client was. `ClientAddressMiddleware` resolves it once per request and makes it available
to code that has no request at hand (the audit call in services) through `current_client_address`.
"""

import ipaddress
from contextvars import ContextVar

from django.conf import settings
from ipware import get_client_ip

_current: ContextVar[str | None] = ContextVar("client_address", default=None)


def client_address(request) -> str:
    """The client's IP address as text ("" when there is none, as from a test or a broken proxy)."""
    cached = getattr(request, "_client_address", None)
    if cached is not None:
        return cached
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
    else:
        address = None
    address = str(address) if address else _valid_or_empty(request.META.get("REMOTE_ADDR", ""))
    request._client_address = address
    return address


def _valid_or_empty(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return ""


def current_client_address() -> str | None:
    """The address of the request being handled in this thread, or None outside a request."""
    return _current.get()


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.client_address = client_address(request)
        token = _current.set(request.client_address or None)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
