"""Behind a reverse proxy the lock-out counts per client, as the proxy reports it (TRUSTED_PROXY_COUNT)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from toolkit.client_address import client_address

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture
def one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def _log_in(client, client_ip, password="fout", forwarded=None):
    return client.post(
        reverse("login"),
        {"username": "alice", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded or client_ip,
    )


def test_two_clients_behind_one_proxy_do_not_lock_each_other_out(client, manager, one_proxy):
    for _ in range(5):
        last = _log_in(client, "203.0.113.5")
    assert last.status_code == 429
    assert _log_in(client, "198.51.100.7", password="toolkit-demo").status_code == 302


def test_a_client_cannot_dodge_its_lock_by_forging_x_forwarded_for(client, manager, one_proxy):
    for attempt in range(5):
        _log_in(client, "203.0.113.5", forwarded=f"192.0.2.{attempt}, 203.0.113.5")
    response = _log_in(client, "203.0.113.5", password="toolkit-demo", forwarded="192.0.2.99, 203.0.113.5")
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "192.0.2.1", "203.0.113.5"),  # no proxy: a forged header is ignored
        (1, PROXY, "203.0.113.5", "203.0.113.5"),
        (1, PROXY, "192.0.2.1, 203.0.113.5", "203.0.113.5"),  # the client wrote the first entry itself
        (2, PROXY, "192.0.2.1, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (1, PROXY, None, PROXY),  # reached without the proxy's header: the connecting address
        (1, PROXY, "nonsense\x00", PROXY),
    ],
)
def test_client_address_is_the_one_the_trusted_proxies_report(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **extra)
    assert client_address(request) == expected


def test_proxy_count_comes_from_the_environment_and_the_old_name_still_works(monkeypatch):
    import importlib

    import toolkit.settings

    try:
        monkeypatch.setenv("TRUSTED_PROXY_COUNT", "2")
        assert importlib.reload(toolkit.settings).TRUSTED_PROXY_COUNT == 2
        monkeypatch.delenv("TRUSTED_PROXY_COUNT")
        monkeypatch.setenv("AXES_PROXY_COUNT", "1")
        assert importlib.reload(toolkit.settings).TRUSTED_PROXY_COUNT == 1
    finally:
        monkeypatch.undo()
        importlib.reload(toolkit.settings)
