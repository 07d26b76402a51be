"""Benchmark: every page that matters against /healthz on gunicorn, at several catalogue sizes, with wrk.

Run with `make bench` (full: 50, 500 and 5,000 programmes) or `make bench-quick` (50 and 500, shorter rounds);
`.venv/bin/python bench/run.py --help` for the knobs. Per catalogue size it generates the synthetic catalogue
(`generate_catalog`), prepares a practice with a logged-in manager (bench/prepare.py, which also counts each
page's SQL queries), and starts two gunicorn servers from this venv with production settings (DEBUG off,
PostgreSQL, 2 sync workers): one as configured (caches on), one with the overview and care group caches off.
Then, in rounds, it measures each page with wrk at 1 and at 8 clients, each page right after `/healthz` on the
same server, so the floor and the page see the same machine load. The table (median, p95, ratio of medians to the floor,
requests/s, queries per request) is printed and written to bench/results/.

The servers get an environment this script builds from nothing (only PATH, HOME and the locale are passed on),
so an exported CATALOG_OVERVIEW_CACHE_SECONDS or REDIS_URL cannot change what a round measures; `--redis-url`
sets the shared cache on purpose. Exit status: 0 measured, 2 broken (a non-200 answer, no database, no wrk).
"""

import argparse
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/toolkit_bench"
FLOOR = "/healthz"
OVERVIEW_FIXED = "/catalogus/?q=depressie&theme=depressie&delivery=guided&language=nederlands"
# The open API's list with the example filters; measured as a first request and as a 304 revalidation.
API_FIXED = "/api/v1/programmes/?theme=depressie&delivery=guided"
KEUZEHULP_ANSWERS = [
    "theme=depressie&severity=mild&age=adult&language=nl&reading=plain&guidance=guided",
    "theme=angst&severity=moderate&age=adult&language=nl",
    "theme=alcohol&severity=mild&age=older&language=nl&guidance=alone&device=web",
    "theme=slaap&age=youth&language=nl&reading=low&strength=on",
    "theme=depressie&severity=moderate&age=adult&language=tr&anonymous=on",
]
SEARCH_WORDS = ["depressie", "angst", "slaap", "alcohol", "piekeren", "stress", "somber"]
# The targets at 5,000 programmes, as the page's median over the floor's (at 50 programmes: 10 for all).
TARGETS = {
    "overview, cached combination": 3,
    "overview, random filters (cache on)": 20,
    "overview, random filters (cache off)": 20,
    "programme page": 10,
    "compare, 3 programmes": 10,
    "keuzehulp, 5 answer sets": 30,
    "practice menu": 15,
    "practice dashboard": 15,
    "patient page": 10,
    "care group overview, 500 practices": 10,
    "care group overview, 500 practices (cache off)": 10,
    "API list, random filters": 5,
    "API list, 304 (If-None-Match)": 2,
}
SMALL_CATALOGUE_TARGET = 10


class BenchError(Exception):
    """Something is broken (not merely slow): the benchmark cannot give a figure."""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL, help="PostgreSQL; the bench owns it")
    parser.add_argument("--sizes", default="50,500,5000", help="programmes to generate, comma-separated")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per size")
    # wrk takes whole seconds only (it refuses -d1.5s with its usage text).
    parser.add_argument("--seconds", type=int, default=3, help="wrk duration per page, clients and round (whole s)")
    parser.add_argument("--clients", default="1,8", help="concurrent connections, comma-separated")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--redis-url", default="", help="use Redis as the shared cache (default: per process)")
    parser.add_argument("--quick", action="store_true", help="50 and 500 programmes, 2 rounds of 1 s")
    parser.add_argument("--only", default="", help="measure only pages whose name contains this text (e.g. API)")
    parser.add_argument("--output", type=Path, help="Markdown file (default bench/results/bench-<time>.md)")
    parser.add_argument(
        "--pages", default="", help="only pages whose name contains one of these words, comma-separated (e.g. menu)"
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.rounds, args.seconds = "50,500", 2, 2
    args.sizes = [int(size) for size in args.sizes.split(",")]
    args.clients = [int(clients) for clients in args.clients.split(",")]
    args.pages = [word.strip() for word in args.pages.split(",") if word.strip()]
    return args


# Environment and servers ------------------------------------------------------------------------------------


def server_env(args, *, overview_cache: bool) -> dict:
    """Everything the servers and manage.py see: built from nothing, so the caller's shell changes nothing."""
    env = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    env.update(
        {
            "LANG": "C.UTF-8",
            "DJANGO_SETTINGS_MODULE": "toolkit.settings",
            "DATABASE_URL": args.database_url,
            "DEBUG": "false",
            "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789abcdef",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "LOG_LEVEL": "WARNING",
            "CATALOG_OVERVIEW_CACHE_SECONDS": "600" if overview_cache else "0",
            # The care group overview's kept sections too: every request is then a first visit after a change.
            "CARE_GROUP_CACHE_SECONDS": "3600" if overview_cache else "0",
            # wrk is one client sending thousands of requests: the API's throttle would answer 429.
            "API_ANON_RATE": "100000000/min",
        }
    )
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


def ensure_database(database_url):
    """CREATE DATABASE when it does not exist yet (connecting to the server's `postgres` database)."""
    import psycopg

    parts = urlsplit(database_url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise BenchError(f"The benchmark needs PostgreSQL, not {parts.scheme!r}")
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
        return connection.execute("SHOW server_version").fetchone()[0]


def manage(env, *args):
    print("$ manage.py", " ".join(args), flush=True)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def prepare(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, str(BENCH / "prepare.py"), *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise BenchError(f"bench/prepare.py {' '.join(args[:1])} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    env: dict
    workers: int
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        command = [sys.executable, "-m", "gunicorn", "toolkit.wsgi:application", f"--bind=127.0.0.1:{self.port}"]
        command += [f"--workers={self.workers}", "--log-level=warning"]
        # A process group of its own, so stopping it stops the workers too.
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.base + FLOOR, timeout=5):
                    return self
            except OSError:
                time.sleep(0.3)
        raise BenchError("gunicorn did not answer /healthz within 60 s")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


# What is measured -------------------------------------------------------------------------------------------


def random_overview_paths(rng, lookups, count=2000, prefix="/catalogus/?", second_pages=True):
    """Filter combinations as first visitors make them: a search word or not, one to four filters, a page."""
    choices = {
        "theme": lookups["theme"],
        "language": lookups["language"],
        "provider": lookups["provider"],
        "delivery": ["self_help", "guided", "blended"],
        "cost": ["free", "practice_licence", "insurer", "patient"],
        "quality": ["effectiveness", "transparency", "user_friendliness", "safety"],
        "sort": ["name", "newest", "reviewed"],
    }
    paths = []
    for _ in range(count):
        query = [("q", rng.choice(SEARCH_WORDS))] if rng.random() < 0.4 else []
        for key in rng.sample(sorted(choices), rng.randint(1, 4)):
            query.append((key, rng.choice(choices[key])))
        # The overview shows its last page for one past the end; the API answers 404 there, as REST clients expect.
        if rng.random() < 0.2 and second_pages:
            query.append(("page", "2"))
        paths.append(prefix + urlencode(query))
    return paths


@dataclass
class Page:
    name: str
    paths: list
    server: str = "cached"  # or "uncached": the server with the overview cache and the care group cache off
    cookie: bool = False
    query_key: str | None = None
    fresh_paths: object = None  # a function of the round giving new paths (random filter mixes)
    conditional: bool = False  # send If-None-Match with the ETag of the first answer: measures the 304
    header: str = ""

    def paths_for(self, round_number):
        return self.fresh_paths(round_number) if self.fresh_paths else self.paths


def pages_for(setup, size):
    lookups, pages = setup["lookups"], setup["pages"]

    def mix(salt, prefix="/catalogus/?"):
        return lambda round_number: random_overview_paths(
            random.Random(f"{size}-{salt}-{round_number}"),
            lookups,
            prefix=prefix,
            second_pages=prefix == "/catalogus/?",
        )

    keuzehulp = [f"/catalogus/keuzehulp/?{answers}" for answers in KEUZEHULP_ANSWERS]
    return [
        Page("overview, cached combination", [OVERVIEW_FIXED], query_key="overview"),
        Page("overview, random filters (cache on)", [], query_key="overview", fresh_paths=mix("on")),
        Page("overview, random filters (cache off)", [], "uncached", query_key="overview", fresh_paths=mix("off")),
        Page("programme page", [pages["programme"]], query_key="programme"),
        Page("compare, 3 programmes", [pages["compare"]], query_key="compare"),
        Page("keuzehulp, 5 answer sets", keuzehulp, query_key="keuzehulp"),
        Page("practice menu", [pages["menu"]], cookie=True, query_key="menu"),
        Page("practice dashboard", [pages["dashboard"]], cookie=True, query_key="dashboard"),
        Page("patient page", [pages["patient"]], query_key="patient"),
        Page("care group overview, 500 practices", [pages["care_group"]], cookie=True, query_key="care_group"),
        Page(
            "care group overview, 500 practices (cache off)",
            [pages["care_group"]],
            "uncached",
            cookie=True,
            query_key="care_group",
        ),
        Page("API list, random filters", [], fresh_paths=mix("api", "/api/v1/programmes/?")),
        Page("API list, 304 (If-None-Match)", [API_FIXED], conditional=True),
    ]


def check_ok(base, path, cookie=None):
    """Loudly refuse a page that does not answer 200 (wrk counts a redirect to the log-in page as a success)."""
    request = urllib.request.Request(base + path, headers={"Cookie": f"sessionid={cookie}"} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            if response.status != 200 or response.url != base + path:
                raise BenchError(f"GET {path} answered {response.status} at {response.url}, not 200")
    except urllib.error.HTTPError as error:
        raise BenchError(f"GET {path} answered {error.code}, not 200") from None


def etag_of(base, path):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return response.headers["ETag"]


def wrk(base, paths, *, clients, seconds, cookie="", header="", warming=False):
    """One wrk run over `paths` in turn: the Lua script's JSON summary plus requests/s."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    env = {**os.environ, "BENCH_PATHS": listing.name, "BENCH_COOKIE": cookie, "BENCH_HEADER": header}
    command = ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{seconds:g}s", "--timeout=60s"]
    command += ["-s", str(BENCH / "paths.lua"), base]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    finally:
        os.unlink(listing.name)
    line = next((line for line in result.stdout.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise BenchError(f"wrk gave no summary:\n{result.stdout}\n{result.stderr}")
    summary = json.loads(line[len("BENCH ") :])
    if summary["non_2xx"] or summary["socket_errors"]:
        raise BenchError(f"wrk saw errors on {paths[0]}…: {summary}")
    if not summary["requests"] and not warming:
        raise BenchError(f"no request finished within {seconds:g} s on {paths[0]}:\n{result.stdout}{result.stderr}")
    summary["rps"] = summary["requests"] / summary["seconds"] if summary["seconds"] else 0
    return summary


@dataclass
class Samples:
    """Per clients count: one wrk summary per round for the page, and the floor runs right before it."""

    page: dict = field(default_factory=dict)
    floor: dict = field(default_factory=dict)

    def add(self, clients, page_run, floor_run):
        self.page.setdefault(clients, []).append(page_run)
        self.floor.setdefault(clients, []).append(floor_run)


def timed(base, paths, *, clients, seconds, cookie="", header=""):
    """A wrk run that finished requests: on a machine shared with others a stall can swallow a short run whole."""
    for attempt in range(3):
        summary = wrk(
            base, paths, clients=clients, seconds=seconds * 2**attempt, cookie=cookie, header=header, warming=True
        )
        if summary["requests"]:
            return summary
    raise BenchError(f"no request finished within {seconds * 4:g} s on {paths[0]}")


def warm_up(pages, servers, cookie, passes=6):
    """Until every page answered in a pass: a fresh worker's first request of a page takes seconds, not ms."""
    print(f"warming up ({len(pages)} pages)", flush=True)
    for _ in range(passes):
        answered = [
            wrk(
                servers[page.server].base,
                page.paths_for(0),
                clients=2,
                seconds=2,
                cookie=cookie if page.cookie else "",
                header=page.header,
                warming=True,
            )["requests"]
            for page in pages
        ]
        if all(answered):
            return
    raise BenchError("some pages did not answer within the warm-up")


def measure_size(args, size, setup, servers):
    pages = [page for page in pages_for(setup, size) if args.only in page.name]
    if args.pages:
        pages = [page for page in pages if any(word in page.name for word in args.pages)]
    cookie = setup["cookie"]
    for page in pages:
        for path in page.paths_for(0)[:3]:
            check_ok(servers[page.server].base, path, cookie if page.cookie else None)
        if page.conditional:
            page.header = f"If-None-Match: {etag_of(servers[page.server].base, page.paths[0])}"
    results = {page.name: Samples() for page in pages}
    warm_up(pages, servers, cookie)
    for round_number in range(1, args.rounds + 1):
        print(f"round {round_number}/{args.rounds} at {size} programmes", flush=True)
        for page in pages:
            base = servers[page.server].base
            for clients in args.clients:
                floor = timed(base, [FLOOR], clients=clients, seconds=args.seconds)
                run = timed(
                    base,
                    page.paths_for(round_number),
                    clients=clients,
                    seconds=args.seconds,
                    cookie=cookie if page.cookie else "",
                    header=page.header,
                )
                results[page.name].add(clients, run, floor)
    return pages, results


# Report -----------------------------------------------------------------------------------------------------


def median_of(runs, key):
    return statistics.median(run[key] for run in runs)


def size_table(args, size, setup, pages, results):
    one, many = args.clients[0], args.clients[-1]
    floors = [run for samples in results.values() for run in samples.floor[one]]
    floor_ms = median_of(floors, "p50_us") / 1000
    floor_rps_many = median_of([run for s in results.values() for run in s.floor[many]], "rps")
    lines = [
        f"#### {size:,} programmes generated ({setup['published']:,} published)",
        "",
        f"| page | queries | median, {one} client | p95 | ratio to floor | target | requests/s, {one} | "
        f"requests/s, {many} |",
        "|---|---|---|---|---|---|---|---|",
        f"| `/healthz` (floor) | 0 | {floor_ms:.2f} ms | {median_of(floors, 'p95_us') / 1000:.2f} ms | 1× | — | "
        f"{median_of(floors, 'rps'):,.0f} | {floor_rps_many:,.0f} |",
    ]
    rows = {}
    for page in pages:
        samples = results[page.name]
        page_ms = median_of(samples.page[one], "p50_us") / 1000
        page_floor_ms = median_of(samples.floor[one], "p50_us") / 1000
        ratio = page_ms / page_floor_ms
        target = min(TARGETS[page.name], SMALL_CATALOGUE_TARGET) if size <= 50 else TARGETS[page.name]
        verdict = "met" if ratio <= target else "**not met**"
        rows[page.name] = page_ms
        lines.append(
            f"| {page.name} | {setup['queries'].get(page.query_key, '—')} | {page_ms:.2f} ms | "
            f"{median_of(samples.page[one], 'p95_us') / 1000:.2f} ms | {ratio:.1f}× | ≤ {target}×: {verdict} | "
            f"{median_of(samples.page[one], 'rps'):,.1f} | {median_of(samples.page[many], 'rps'):,.1f} |"
        )
    return "\n".join(lines), rows


def growth_table(medians):
    sizes = sorted(medians)
    names = list(medians[sizes[0]])
    header = "| page | " + " | ".join(f"{size:,}" for size in sizes) + " | growth, last two sizes |"
    lines = [header, "|---|" + "---|" * (len(sizes) + 1)]
    for name in names:
        cells = " | ".join(f"{medians[size][name]:.1f} ms" for size in sizes)
        growth = medians[sizes[-1]][name] / medians[sizes[-2]][name] if len(sizes) > 1 else 1
        lines.append(f"| {name} | {cells} | {growth:.2f}× |")
    return "\n".join(lines)


def machine(postgres_version):
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, PostgreSQL {postgres_version}"


def main():
    args = parse_args()
    if shutil.which("wrk") is None:
        raise BenchError("wrk is missing: `make bench` installs it (apt-get install wrk)")
    postgres_version = ensure_database(args.database_url)
    cached_env, uncached_env = server_env(args, overview_cache=True), server_env(args, overview_cache=False)
    started = datetime.now(UTC)
    sections, medians = [], {}
    manage(cached_env, "migrate", "--noinput", "--verbosity=0")
    manage(cached_env, "collectstatic", "--noinput", "--verbosity=0")  # hashed and compressed, as deployed
    manage(cached_env, "loaddata", str(ROOT / "fixtures" / "catalog_lookups.json"), "--verbosity=0")
    for size in args.sizes:
        prepare(cached_env, "release")
        manage(cached_env, "generate_catalog", f"--programmes={size}", "--seed=2015")
        extra = {"overview": OVERVIEW_FIXED, "keuzehulp": f"/catalogus/keuzehulp/?{KEUZEHULP_ANSWERS[0]}"}
        setup = json.loads(prepare(cached_env, "setup", json.dumps(extra)))
        servers = {"cached": Server(cached_env, args.workers), "uncached": Server(uncached_env, args.workers)}
        try:
            for server in servers.values():
                server.start()
            pages, results = measure_size(args, size, setup, servers)
        finally:
            for server in servers.values():
                server.stop()
        table, medians[size] = size_table(args, size, setup, pages, results)
        sections.append(table)
        print("\n" + table + "\n", flush=True)
    report = "\n\n".join(
        [
            f"### Bench run of {started:%Y-%m-%d %H:%M} UTC",
            f"Machine: {machine(postgres_version)}. gunicorn, {args.workers} sync workers, DEBUG off, "
            f"wrk on the same machine; {args.rounds} rounds of {args.seconds:g} s per page and clients count, "
            "each page right after `/healthz` on the same server. Queries: a first visit (cache cleared). "
            "Ratio: the page's median over the floor's, at one client.",
            *sections,
            "#### Median at one client by catalogue size",
            growth_table(medians),
        ]
    )
    RESULTS.mkdir(exist_ok=True)
    output = args.output or RESULTS / f"bench-{started:%Y%m%d-%H%M}.md"
    output.write_text(report + "\n")
    print(report)
    print(f"\nwritten to {output}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchError, subprocess.CalledProcessError) as error:
        print(f"\nBENCHMARK BROKEN: {error}", file=sys.stderr)
        sys.exit(2)
