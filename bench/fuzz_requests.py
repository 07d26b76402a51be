"""Fuzz run: N requests with NUL and other control characters against the production set-up, counting 5xx answers.

`.venv/bin/python bench/fuzz_requests.py [--requests 5000] [--database-url …] [--seed 1]` creates the database if
needed, migrates, loads the curated catalogue, adds one practice with a manager (the only data it makes itself),
serves the site with gunicorn and production settings (DEBUG=false, HTTPS as a reverse proxy reports it), logs the
manager in, and then sends GET and POST requests over HTTP to every public and practice URL: half logged in, half
anonymous, each with parameters named after the page's own form fields or random names, and values from an alphabet
of NUL, the other control characters, invalid UTF-8 (lone surrogates' bytes), huge numbers and repeated keys. POSTs
carry a valid CSRF token, so they reach the forms. It prints the count per status class and every 5xx, and exits 1
when there was any.
"""

import argparse
import http.client
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
HOST = "toolkit.test"
PASSWORD = "fuzz-wachtwoord-2026"
ODD = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\x9f", "\ud800", "\udfff", "\ufeff", "\uffff"]
PLAIN = list("abcXYZ019-_ .@éß中😀")
SPECIAL = ["9" * 40, "-" + "9" * 40, "1e309", "NaN", "-1", "2147483648", "9223372036854775808", "", "\x00", "on"]
SETUP = f"""
from django.contrib.auth import get_user_model
from practices.models import Membership, Practice, Role
fields = {{"name": "Fuzzpraktijk", "place": "Utrecht", "agb_code": "12345678"}}
practice, _ = Practice.objects.get_or_create(slug="fuzz", defaults=fields)
practice.patient_page_published = True
practice.save()
user, _ = get_user_model().objects.get_or_create(username="fuzzmanager")
user.set_password("{PASSWORD}")
user.save()
Membership.objects.get_or_create(practice=practice, user=user, defaults={{"role": Role.MANAGER}})
"""
LIST_URLS = """
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from catalog.models import Programme, Provider
from training.models import Course
from practices.models import Practice
practice = Practice.objects.get(slug="fuzz")
membership = practice.memberships.first()
course = Course.objects.filter(published=True).first()
samples = {
    "practice_slug": "fuzz", "membership_id": membership.pk, "invitation_id": 1, "item_id": 1, "number": 1,
    "lesson_id": course.lessons.first().pk if course else 1, "attempt_id": 1, "code": "ABCD-1234",
    "token": "onbekend", "uidb64": "MQ",
}
slugs = {
    "catalog:provider_detail": Provider.objects.first().slug,
    "catalog:programme_detail": Programme.objects.filter(status="published").first().slug,
}
def walk(patterns, namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace])) if entry.namespace else namespace
            if inner != "admin":
                yield from walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in ("logout", "favicon"):
            converters = getattr(entry.pattern, "converters", None) or {}
            yield ":".join(filter(None, [namespace, entry.name])), tuple(converters)
for name, kwargs in walk(get_resolver().url_patterns):
    values = {k: samples.get(k) for k in kwargs}
    if "slug" in values:
        values["slug"] = slugs.get(name, course.slug if course else "x")
    print(reverse(name, kwargs=values))
"""


def _env(database_url):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "fuzz-run-secret-key-not-for-production-0123456789",
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "ERROR",
    }


def _manage(env, *args, stdin=None):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _ensure_database(database_url):
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """Raw HTTP with a cookie jar, as if behind an HTTPS proxy: the site sees https and a forwarded address."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=b"", query=""):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "203.0.113.77",
            "Referer": f"https://{HOST}/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path + (f"?{query}" if query else ""), body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, content.decode("utf-8", "replace")

    def csrf(self):
        return self.cookies.get("csrftoken", "")


def _percent(text):
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def _value(rng):
    if rng.random() < 0.2:
        return rng.choice(SPECIAL)
    return "".join(rng.choice(ODD if rng.random() < 0.5 else PLAIN) for _ in range(rng.randint(0, 12)))


def _pairs(rng, names):
    pairs = []
    for _ in range(rng.randint(1, 6)):
        key = rng.choice(names) if names and rng.random() < 0.8 else _value(rng) or "q"
        pairs.append((key, _value(rng)))
    if rng.random() < 0.3:
        pairs.append((pairs[0][0], _value(rng)))  # the same key twice: an array
    # At least one NUL or control character in every request.
    key, value = pairs[0]
    pairs[0] = (key, value + rng.choice(ODD[:0x20]))
    return pairs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/toolkit_sec1_fuzz")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    env = _env(args.database_url)
    _ensure_database(args.database_url)
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_catalog")
    _manage(env, "compile_translations")
    _manage(env, "collectstatic", "--noinput")
    _manage(env, "shell", "-c", SETUP)
    urls = _manage(env, "shell", "-c", LIST_URLS).split()

    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "toolkit.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        manager = Browser(port)
        manager.request("GET", "/account/login/")
        body = f"csrfmiddlewaretoken={manager.csrf()}&username=fuzzmanager&password={PASSWORD}".encode()
        status, _ = manager.request("POST", "/account/login/", body)
        if status != 302:
            sys.exit(f"log-in failed: {status}")
        # Field names per page, as the manager sees it.
        names = {}
        for url in urls:
            _status, html = manager.request("GET", url)
            found = set(re.findall(r'name="([^"]+)"', html)) | set(re.findall(r"[?&](?:amp;)?([a-z_]+)=", html))
            names[url] = sorted(found - {"csrfmiddlewaretoken"})
        anonymous = Browser(port)
        anonymous.request("GET", "/account/login/")  # a CSRF cookie

        rng = random.Random(args.seed)
        statuses = Counter()
        failures = []
        started = time.monotonic()
        for _ in range(args.requests):
            browser = manager if rng.random() < 0.5 else anonymous
            url = rng.choice(urls)
            pairs = _pairs(rng, names[url])
            encoded = "&".join(f"{_percent(k)}={_percent(v)}" for k, v in pairs)
            if rng.random() < 0.5:
                status, _ = browser.request("GET", url, query=encoded)
                method = "GET"
            else:
                body = f"csrfmiddlewaretoken={browser.csrf()}&{encoded}".encode("ascii")
                status, _ = browser.request("POST", url, body)
                method = "POST"
            statuses[f"{status // 100}xx"] += 1
            if status >= 500:
                failures.append(f"{status} {method} {url} {encoded[:200]}")
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    print(f"{args.requests} requests in {elapsed:.0f} s against {len(urls)} URLs (DEBUG=false, PostgreSQL, gunicorn)")
    print("by status class:", dict(sorted(statuses.items())))
    print(f"responses >= 500: {len(failures)}")
    for failure in failures[:50]:
        print("  ", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
