"""`manage.py check_links`: every catalogue link checked against a local test server, never the internet."""

import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog.link_check import check_url, check_urls, collect_links, link_check_run
from catalog.models import LinkCheck, Resource, Source, Study
from tests import factories
from training.models import FundingScheme, Insurer, InsurerRule

pytestmark = pytest.mark.django_db

SLOW_SECONDS = 2.0
TIMEOUT = 0.5


class _Handler(BaseHTTPRequestHandler):
    """/ok 200, /missing 404, /no-head 405 on HEAD and 200 on GET, /slow answers too late, /moved redirects."""

    requests: list[tuple[str, str]] = []

    def _answer(self, method):
        self.requests.append((method, self.path))
        if self.path == "/ok":
            self._status(200)
        elif self.path == "/no-head":
            self._status(405 if method == "HEAD" else 200)
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._status(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/moved-away":
            self.send_response(302)
            self.send_header("Location", "/missing")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._status(404)

    def _status(self, code):
        body = b"" if self.command == "HEAD" else b"hello"
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):  # noqa: N802 (the name http.server calls)
        self._answer("HEAD")

    def do_GET(self):  # noqa: N802
        self._answer("GET")

    def log_message(self, format, *args):  # keep the test output clean
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client gave up on /slow before it answered: expected


@pytest.fixture
def server(monkeypatch):
    for name in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]:
        monkeypatch.delenv(name, raising=False)
    _Handler.requests = []
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port_url():
    """An address on 127.0.0.1 where nothing listens."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def test_a_working_page_is_ok_with_one_head_request(server):
    result = check_url(f"{server}/ok", timeout=TIMEOUT)
    assert (result.ok, result.status_code, result.error) == (True, 200, "")
    assert _Handler.requests == [("HEAD", "/ok")]


def test_a_missing_page_is_dead_with_its_status(server):
    result = check_url(f"{server}/missing", timeout=TIMEOUT)
    assert (result.ok, result.status_code) == (False, 404)
    assert _Handler.requests == [("HEAD", "/missing"), ("GET", "/missing")]


def test_a_server_that_refuses_head_is_asked_again_with_get(server):
    result = check_url(f"{server}/no-head", timeout=TIMEOUT)
    assert (result.ok, result.status_code) == (True, 200)
    assert _Handler.requests == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_redirect_is_followed_and_stays_a_head_request(server):
    result = check_url(f"{server}/moved", timeout=TIMEOUT)
    assert (result.ok, result.status_code) == (True, 200)
    assert _Handler.requests == [("HEAD", "/moved"), ("HEAD", "/ok")]


def test_a_redirect_to_a_missing_page_is_dead(server):
    result = check_url(f"{server}/moved-away", timeout=TIMEOUT)
    assert (result.ok, result.status_code) == (False, 404)


def test_a_slow_page_is_dead_after_the_timeout(server):
    started = time.monotonic()
    result = check_url(f"{server}/slow", timeout=TIMEOUT)
    assert not result.ok
    assert result.status_code is None
    assert "0.5" in result.error
    assert time.monotonic() - started < SLOW_SECONDS * 2


def test_no_connection_is_dead_with_the_reason(closed_port_url):
    result = check_url(closed_port_url, timeout=TIMEOUT)
    assert not result.ok and result.status_code is None and result.error


def test_only_web_addresses_are_fetched():
    result = check_url("file:///etc/passwd", timeout=TIMEOUT)
    assert not result.ok and "http" in result.error


def test_never_more_checks_at_once_than_workers():
    running, most = 0, 0
    lock = threading.Lock()

    def fake_check(url, *, timeout):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1
        from catalog.link_check import LinkResult

        return LinkResult(url, ok=True, status_code=200)

    urls = [f"https://example.org/{n}" for n in range(12)]
    results = check_urls(urls, timeout=1, workers=3, check=fake_check)
    assert list(results) == urls
    assert 1 < most <= 3


def _catalogue(server):
    provider = factories.provider(
        "Aanbieder Test",
        website=f"{server}/ok",
        complaints_procedure_url=f"{server}/missing",
        privacy_statement_url=f"{server}/no-head",
    )
    programme = factories.programme("Kleurjeleven", provider=provider, website=f"{server}/moved")
    Source.objects.create(title="Productpagina", publisher="Aanbieder", url=f"{server}/slow", seen_on=date(2026, 11, 1))
    Study.objects.create(programme=programme, title="Een studie", design="rct", url=f"{server}/ok")
    Resource.objects.create(programme=programme, kind="manual", title="Handleiding", url=f"{server}/missing")
    scheme = FundingScheme.objects.create(
        title="POH-ggz",
        slug="poh-ggz",
        covers="x",
        source_url=f"{server}/ok",
        last_checked=date(2026, 1, 1),
        check_by=date(2027, 1, 1),
    )
    InsurerRule.objects.create(
        scheme=scheme, insurer=Insurer.objects.create(name="DSW", slug="dsw"), rule_text="x", source_url=f"{server}/ok"
    )
    return programme


def test_every_kind_of_link_is_collected_with_where_it_is_used(server):
    _catalogue(server)
    links = collect_links()
    assert set(links) == {f"{server}/{path}" for path in ["ok", "missing", "no-head", "moved", "slow"]}
    ok_places = " ".join(links[f"{server}/ok"])
    assert "Aanbieder Test" in ok_places and "Een studie" in ok_places and "POH-ggz" in ok_places
    assert "DSW" in ok_places
    assert any("Handleiding" in place for place in links[f"{server}/missing"])
    assert any("Kleurjeleven" in place for place in links[f"{server}/moved"])


def test_a_study_doi_is_checked_as_its_doi_address():
    programme = factories.programme("Psyfit")
    Study.objects.create(programme=programme, title="Trial", design="rct", doi="10.1000/xyz123")
    assert "https://doi.org/10.1000/xyz123" in collect_links()


def test_the_command_stores_one_result_per_address_and_lists_the_dead_ones(server):
    _catalogue(server)
    out = StringIO()
    call_command("check_links", "--timeout", str(TIMEOUT), "--workers", "3", stdout=out)
    checks = {check.url.removeprefix(server): check for check in LinkCheck.objects.all()}
    assert set(checks) == {"/ok", "/missing", "/no-head", "/moved", "/slow"}
    assert {path for path, check in checks.items() if check.ok} == {"/ok", "/no-head", "/moved"}
    assert checks["/missing"].status_code == 404
    assert "Handleiding" in checks["/missing"].found_on
    assert checks["/slow"].error and checks["/slow"].status_code is None
    output = out.getvalue()
    assert "Checked 5 link(s): 3 work, 2 dead." in output
    assert f"{server}/missing – HTTP 404" in output
    assert f"{server}/slow" in output


def test_a_second_run_updates_the_rows_and_drops_links_no_longer_used(server):
    programme = _catalogue(server)
    link_check_run(timeout=TIMEOUT, workers=4)
    first = LinkCheck.objects.get(url=f"{server}/moved").checked_at
    programme.website = ""
    programme.save()
    run = link_check_run(timeout=TIMEOUT, workers=4)
    assert not LinkCheck.objects.filter(url=f"{server}/moved").exists()
    assert run.saved.removed == 1 and run.saved.created == 0
    assert LinkCheck.objects.count() == 4
    assert LinkCheck.objects.get(url=f"{server}/ok").checked_at >= first


def test_a_dry_run_prints_but_stores_nothing(server):
    _catalogue(server)
    LinkCheck.objects.create(url="https://old.example.org/", found_on="x", ok=True, checked_at="2026-01-01T00:00Z")
    out = StringIO()
    call_command("check_links", "--dry-run", "--timeout", str(TIMEOUT), stdout=out)
    assert list(LinkCheck.objects.values_list("url", flat=True)) == ["https://old.example.org/"]
    output = out.getvalue()
    assert f"ok   {server}/ok (200)" in output
    assert f"DEAD {server}/missing (404)" in output
    assert "Dry run: nothing stored." in output


def test_the_command_refuses_nonsense_options():
    with pytest.raises(CommandError):
        call_command("check_links", "--workers", "0")
    with pytest.raises(CommandError):
        call_command("check_links", "--timeout", "0")
