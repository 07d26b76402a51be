"""Benchmark: the filtered catalogue overview against /healthz on gunicorn, 5,000 programmes in PostgreSQL.

Run with `make bench` (or `.venv/bin/python bench/catalog_overview.py --help`). It creates the database if
needed, migrates, loads the lookups, generates the synthetic catalogue, serves the site with gunicorn (2
workers, production settings) on a free local port, warms up, then times sequential requests to both URLs,
interleaved so both see the same machine load. It prints median and p95 latency and the ratio of the medians,
and exits 0 (PASS) when the overview's median is within --max-ratio times the floor's, 1 (FAIL) when not, and
2 when something is broken (a non-200 answer, no database, gunicorn not starting).

The site caches the rendered overview until the catalogue changes (catalog/overview_cache.py), so the verdict
is on the page as visitors get it after the first visit. A second round serves the site with that cache off and
prints the same figures for the first visit of a filter combination (no verdict: it is there to be honest).
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/toolkit_bench"
FLOOR_PATH = "/healthz"
OVERVIEW_PATH = "/catalogus/?q=depressie&theme=depressie&delivery=guided&language=nederlands"


class BenchError(Exception):
    """Something is broken (not merely slow): the benchmark cannot give a figure."""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--programmes", type=int, default=5000, help="synthetic programmes to generate")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per URL")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests per URL first")
    parser.add_argument("--max-seconds", type=float, default=180, help="stop timing after this long")
    parser.add_argument("--max-ratio", type=float, default=5.0, help="PASS when overview/floor <= this")
    parser.add_argument("--path", default=OVERVIEW_PATH, help="the page to measure against the floor")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database as it is")
    return parser.parse_args()


def server_env(database_url, *, overview_cache=True):
    return {
        "CATALOG_OVERVIEW_CACHE_SECONDS": "600" if overview_cache else "0",
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_MANIFEST": "false",
        "LOG_LEVEL": "WARNING",
    }


def ensure_database(database_url):
    """CREATE DATABASE when it does not exist yet (connecting to the server's `postgres` database)."""
    import psycopg

    parts = urlsplit(database_url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise BenchError(f"The benchmark needs PostgreSQL, not {parts.scheme!r}: set DATABASE_URL=postgres://…")
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def manage(env, *args):
    print("$ manage.py", " ".join(args), flush=True)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, workers):
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "toolkit.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--log-level=warning",
    ]
    # A process group of its own, so stopping it stops the workers too.
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def stop_gunicorn(process):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fetch(base, path):
    """Seconds one GET takes; anything but a 200 stops the benchmark loudly."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body = error.read()[:300].decode("utf-8", "replace")
        raise BenchError(f"GET {path} answered {error.code}, not 200:\n{body}") from None
    except urllib.error.URLError as error:
        raise BenchError(f"GET {path} failed: {error.reason}") from None
    if status != 200:
        raise BenchError(f"GET {path} answered {status}, not 200")
    return time.perf_counter() - started


def wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with code {process.returncode}")
        try:
            fetch(base, FLOOR_PATH)
            return
        except BenchError:
            time.sleep(0.3)
    raise BenchError(f"gunicorn did not answer {FLOOR_PATH} within {timeout} s")


def measure(base, paths, count, max_seconds):
    """Interleaved timings per path, at most `count` each and for at most `max_seconds` in all."""
    timings = {path: [] for path in paths}
    deadline = time.monotonic() + max_seconds
    for _ in range(count):
        for path in paths:
            timings[path].append(fetch(base, path))
        if time.monotonic() > deadline:
            print(f"time limit reached after {len(timings[paths[0]])} rounds")
            break
    return timings


def p95(samples):
    return statistics.quantiles(samples, n=100, method="inclusive")[94]


def report(title, timings, floor_path, page_path, max_ratio):
    print(f"\n{title}\n{'URL':<70} {'n':>4} {'median ms':>10} {'p95 ms':>8}")
    for path, samples in timings.items():
        median_ms, p95_ms = statistics.median(samples) * 1000, p95(samples) * 1000
        print(f"{path:<70} {len(samples):>4} {median_ms:>10.2f} {p95_ms:>8.2f}")
    ratio = statistics.median(timings[page_path]) / statistics.median(timings[floor_path])
    p95_ratio = p95(timings[page_path]) / p95(timings[floor_path])
    if max_ratio is None:
        print(f"ratio of medians {ratio:.2f} (p95 ratio {p95_ratio:.2f})")
        return True
    verdict = "PASS" if ratio <= max_ratio else "FAIL"
    print(f"ratio of medians {ratio:.2f} (p95 ratio {p95_ratio:.2f}); target <= {max_ratio:g}: {verdict}")
    return verdict == "PASS"


def serve_and_measure(args, env, requests):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(env, port, args.workers)
    try:
        wait_until_up(base, server)
        paths = [FLOOR_PATH, args.path]
        print(f"gunicorn on {base} with {args.workers} workers; warming up")
        measure(base, paths, args.warmup, args.max_seconds)
        return measure(base, paths, requests, args.max_seconds)
    finally:
        stop_gunicorn(server)


def main():
    args = parse_args()
    env = server_env(args.database_url)
    ensure_database(args.database_url)
    if not args.skip_setup:
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "loaddata", str(ROOT / "fixtures" / "catalog_lookups.json"), "--verbosity=0")
        manage(env, "generate_catalog", f"--programmes={args.programmes}", "--seed=2015")
    cached = serve_and_measure(args, env, args.requests)
    uncached_env = server_env(args.database_url, overview_cache=False)
    uncached = serve_and_measure(args, uncached_env, max(args.requests // 4, 20))
    passed = report(
        "Overview as served (cached until the catalogue changes)", cached, FLOOR_PATH, args.path, args.max_ratio
    )
    report(
        "First visit of a filter combination (overview cache off; no verdict)", uncached, FLOOR_PATH, args.path, None
    )
    return 0 if passed else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"\nBENCHMARK BROKEN: {error}", file=sys.stderr)
        sys.exit(2)
