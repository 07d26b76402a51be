# The two commands a newcomer needs: `make run` and `make test`. Everything else is installed on the way.
SHELL := /bin/bash
PORT ?= 8000
# Django 6 needs Python 3.12; take the first interpreter that really is 3.12 (pyenv shims may only pretend).
PYTHON312 := $(shell for p in python3.12 $(wildcard /root/.pyenv/versions/3.12*/bin/python3.12) /usr/bin/python3.12 /usr/local/bin/python3.12; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null && { "$$p" -c 'import sys; print(sys.executable)'; break; }; done)
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test install messages browser-deps bench-deps lint bench bench-quick css clean

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet 'uv==0.13.9'

install: $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	@test -n "$(PYTHON312)" || { echo "Python 3.12 is needed (python3.12 on the PATH)"; exit 1; }
	$(UV) sync --frozen --python "$(PYTHON312)"

messages: install
	$(PY) manage.py compile_translations

run: messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@# The mail queue's worker (db_worker) runs beside the web server and stops with it on Ctrl+C.
	$(PY) manage.py db_worker --queue-name '*' --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Debian's Chromium drives the browser tests; Playwright cannot download its own browser here.
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "Install Debian's chromium (sudo apt-get install chromium) for the browser tests"; exit 1; fi; \
	fi

test: messages browser-deps
	$(PY) -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

# The build fails on a lint finding or on a file ruff would reformat.
lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

# The bench's load generator is Debian's wrk (native, so the floor it measures is the server's, not the client's).
bench-deps:
	@if ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
		else echo "Install Debian's wrk (sudo apt-get install wrk) for the benchmark"; exit 1; fi; \
	fi

# Every page against /healthz at 50, 500 and 5,000 programmes (bench/run.py; about half an hour).
bench: messages bench-deps
	$(PY) bench/run.py $(BENCH_ARGS)

# 50 and 500 programmes, shorter rounds: for trying a change.
bench-quick: messages bench-deps
	$(PY) bench/run.py --quick $(BENCH_ARGS)

# The slim Bootstrap under static/vendor/bootstrap/ (committed: running and testing need no node). PurgeCSS keeps
# the rules the templates, Python and scripts use (safelist: assets/purgecss.config.cjs); esbuild bundles Collapse.
# Run it after using a Bootstrap class no page used before; tests/toolkit/test_page_weight.py says when.
css: install
	npm ci --no-audit --no-fund
	CRISPY_TEMPLATES="$$($(PY) -c 'import crispy_bootstrap5, pathlib; print(pathlib.Path(crispy_bootstrap5.__file__).parent / "templates")')" \
		node assets/build.mjs

clean:
	rm -rf .venv .tools staticfiles db.sqlite3 node_modules
