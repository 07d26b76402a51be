"""Project settings, read from the environment in one place (see README for every variable)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from toolkit.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# Development is the zero-set-up default; production sets DEBUG=false and must then give a real key.
DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",
    "toolkit",
    "catalog",
    "practices",
    "training",
    "accounts",
    # The admin, behind two-factor authentication; listed after `accounts` so its log-in templates come first.
    "accounts.apps.TwoFactorAdminConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "toolkit.response_headers.PermissionsPolicyMiddleware",
    # Who the client is (behind TRUSTED_PROXY_COUNT proxies), for the lock-out and the audit log.
    "toolkit.client_address.ClientAddressMiddleware",
    # Before CommonMiddleware, so a cross-origin preflight to /api/ gets its answer (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    # No control character or lone surrogate in any parameter reaches a view (toolkit/input_cleaning.py).
    "toolkit.input_cleaning.CleanInputMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Gzip for public pages without a session or CSRF token (BREACH: toolkit/compression.py). After WhiteNoise, which
    # serves static files precompressed; before everything else that reads or writes the body.
    "toolkit.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A revalidated API answer (If-None-Match / If-Modified-Since) gets its 304 here, in the language just chosen,
    # before CSRF, sessions' users and DRF's throttle run (catalog/api/conditional.py).
    "catalog.api.conditional.NotModifiedMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Idle and absolute session limits (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS).
    "accounts.session_limits.SessionLimitsMiddleware",
    # Cache-Control: private, no-store on every page shown to a logged-in visitor.
    "toolkit.response_headers.PrivatePagesMiddleware",
    # request.practice_context, read by the catalogue and training, which do not import practices.
    "practices.middleware.PracticeContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "toolkit.urls"
WSGI_APPLICATION = "toolkit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "toolkit.context_processors.language_switch",
                "toolkit.context_processors.nav_section",
            ],
        },
    },
]

# SQLite is the embedded default so `make run` needs nothing; DATABASE_URL=postgres://… switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions live in the database (or Redis when REDIS_URL is set), so app servers stay stateless.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Per process; room for every overview card of a large catalogue (catalog/overview_cache.py) besides the pages:
    # the default of 300 entries would cull the cards on nearly every first visit of a filter combination.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    }
# How long a rendered catalogue overview is reused (catalog/overview_cache.py); 0 renders every request.
# A change to the catalogue makes cached pages obsolete at once, whatever this says.
CATALOG_OVERVIEW_CACHE_SECONDS = env_int("CATALOG_OVERVIEW_CACHE_SECONDS", 600)
# How long a process reuses the catalogue's revision token before reading it again (catalog/overview_cache.py):
# other processes see a change up to this many seconds late; the process that made it sees it at once. 0: every call.
REVISION_MEMO_SECONDS = env_int("REVISION_MEMO_SECONDS", 1)
# How long the care group overview's sections are kept (practices/care_group_cache.py); 0 renders them on every
# visit. A change to anything they show makes them obsolete at once, whatever this says.
CARE_GROUP_CACHE_SECONDS = env_int("CARE_GROUP_CACHE_SECONDS", 3600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
# Dutch numbers: "3.844 patiënten", "61,5%". Numbers that are not quantities (ids in attributes, years, chart
# coordinates) are written with |unlocalize or passed as strings.
USE_THOUSAND_SEPARATOR = True
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Never a CDN: Bootstrap is the slim build under static/vendor/bootstrap/ (only the rules and the one plugin the
# site uses; `make css` rebuilds it, see assets/).
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploaded files are served only as downloads through catalog.views.resource_file, never from MEDIA_URL.
RESOURCE_UPLOAD_MAX_MB = env_int("RESOURCE_UPLOAD_MAX_MB", 10)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Any import-export format escapes formulas too; the project's CSV goes further (toolkit/csv_safe.py).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Axes must come first: it refuses a locked-out log-in before the password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "practices:choose"
LOGOUT_REDIRECT_URL = "home"

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "toolkit@localhost")
# Where the privacy and accessibility statements send questions, requests and reports of problems.
CONTACT_EMAIL = env_str("CONTACT_EMAIL", DEFAULT_FROM_EMAIL)
# Mail goes through Django's task queue, kept in the database; `manage.py db_worker` is the process that sends it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The waits (seconds) before the 2nd, 3rd, … attempt at a mail whose send failed: 1 min, 5 min, 30 min, 2 h, 8 h.
MAIL_RETRY_DELAYS = (60, 300, 1800, 7200, 28800)
# Scheme and host for the links in mail sent outside a request (the reminders of `manage.py send_reminders`).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)
# After a failed quiz attempt the learner waits this long before the next one, so the quiz cannot be passed by trial.
QUIZ_RETRY_WAIT_MINUTES = env_int("QUIZ_RETRY_WAIT_MINUTES", 10)
# Invitation mails per inviting user and per invited address (any practice), as django-ratelimit rates.
INVITATION_RATE_PER_USER = env_str("INVITATION_RATE_PER_USER", "20/h")
INVITATION_RATE_PER_ADDRESS = env_str("INVITATION_RATE_PER_ADDRESS", "3/d")

# Security. Content Security Policy without inline script or style: every script is a file under static/.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Every browser feature the site never uses is off, for its own pages and for anything they might embed.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
    "geolocation=(), gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), "
    "usb=(), xr-spatial-tracking=(), browsing-topics=()"
)
# A logged-in session ends after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after the log-in
# whatever happens (accounts/session_limits.py); the cookie itself lives no longer than the absolute limit.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = SESSION_MAX_HOURS * 60 * 60
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Log-in rate limiting (django-axes; see docs/security.md): after AXES_FAILURE_LIMIT failed attempts for one
# user name from one IP address, that pair is locked for the cool-off; each new try while locked restarts it.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_VERBOSE = False  # log only what the lock-out uses, and no banner on every manage.py command
# Behind reverse proxies: how many of them, each adding the address it saw to X-Forwarded-For (0 = the app is
# reached directly and the header is ignored). toolkit/client_address.py reads it, for axes and the audit log.
# AXES_PROXY_COUNT is the setting's older name.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", env_int("AXES_PROXY_COUNT", 0))
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more")
AXES_CLIENT_IP_CALLABLE = "toolkit.client_address.client_address"

# Password reset mails (accounts/views.py): at most this many per e-mail address and per client address, per hour.
PASSWORD_RESET_RATE_PER_ADDRESS = env_str("PASSWORD_RESET_RATE_PER_ADDRESS", "3/h")
PASSWORD_RESET_RATE_PER_CLIENT = env_str("PASSWORD_RESET_RATE_PER_CLIENT", "10/h")

# The audit log (practices.AuditEvent) keeps events this many days; `manage.py prune_audit_log` removes older ones.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 5 * 365)
if AUDIT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 1")

# The open data API (/api/v1/, catalog/api/): read-only, anonymous, JSON, throttled per client address.
API_ANON_RATE = env_str("API_ANON_RATE", "120/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["catalog.api.throttling.ApiAnonThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
# The catalogue's data licence, in the schema and on the open data page.
DATA_LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
SPECTACULAR_SETTINGS = {
    "TITLE": _("e-mental health starters-toolkit: open catalogue data"),
    "DESCRIPTION": _(
        "The curated catalogue of online self-help programmes for GP practices, read-only. The data are "
        "published under the CC BY 4.0 licence: reuse them freely, and name the e-mental health "
        "starters-toolkit as the source. Every answer carries an ETag and Last-Modified; send them back "
        "(If-None-Match, If-Modified-Since) and get 304 when nothing changed. Anonymous clients are throttled "
        "(429 with Retry-After). Add ?lang=en to the schema's address for the English descriptions."
    ),
    "VERSION": "1",
    "LICENSE": DATA_LICENCE,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
}
# Any origin may read the API (never the rest of the site), and only read it.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

# Two-factor authentication for the admin (django-otp TOTP): the label authenticator apps show.
OTP_TOTP_ISSUER = "eMH toolkit"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
