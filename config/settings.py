"""Doorlopend settings: the one place that reads the environment.

Every variable is listed, with its default, in `.env.example`. Development defaults are
safe for a laptop; `DJANGO_ENV=production` hardens the rest and refuses to start without a
real `SECRET_KEY`.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
_DEV_SECRET = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default="" if PRODUCTION else _DEV_SECRET)
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET):
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs SECRET_KEY set in the environment."
    )
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # django-ninja's templates and static files: the API docs at /api/docs, no CDN.
    "ninja",
    "doorlopend.core",
    "doorlopend.accounts",
    "doorlopend.audit",
    "doorlopend.registry",
    "doorlopend.partnerships",
    "doorlopend.instruments",
    "doorlopend.reflection",
    "doorlopend.transitions",
    "doorlopend.routes",
    "doorlopend.roadmaps",
    "doorlopend.documents",
    "doorlopend.planning",
    "doorlopend.programme",
    "doorlopend.dossier",
    "doorlopend.knowledge",
    "doorlopend.national",
    "doorlopend.region",
    # Last: its demo approves what the apps above loaded (the plan van aanpak).
    "doorlopend.approvals",
    "doorlopend.covenant",
    "doorlopend.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "doorlopend.core.middleware.RequestIdMiddleware",
    # What two sections of a page ask alike is read once per request.
    "doorlopend.core.request_memo.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The person's chosen language, else Dutch; never the browser's Accept-Language.
    "doorlopend.accounts.middleware.ChosenLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's, with the policy from the settings built once, not per response.
    "doorlopend.core.middleware.SettledCSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # A form sent twice (double click, resend) ends where the first went; after CSRF.
    "doorlopend.core.submit_once.SubmitOnceMiddleware",
    # Last, so that a lockout answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "doorlopend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "doorlopend.partnerships.context_processors.partnership_nav",
                "doorlopend.national.context_processors.national",
            ],
        },
    },
]

DATABASES = {
    "default": env.db(
        "DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'doorlopend.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # WAL lets the task worker write while the web process reads.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
# Keep connections open between requests: opening one per request made PostgreSQL the
# bottleneck of a hall of phones (bench/reflection_load.py: answer p95 2.6 s → 83 ms).
# `?conn_max_age=N` in DATABASE_URL wins; health checks drop a connection that died.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache shared between processes: the lockout and rate limits must hold across workers.
CACHES = {
    "default": env.cache("CACHE_URL", default="dbcache://django_cache"),
}
# django-environ lower-cases the base options of Django's own RedisCache (`?key_prefix=`,
# `?timeout=`), where Django reads them upper-case: lift them, or they would be ignored and
# two sites sharing one Redis would share their lockouts and rate limits.
for _option in ("KEY_PREFIX", "TIMEOUT", "VERSION", "KEY_FUNCTION"):
    if _option.lower() in CACHES["default"]:
        CACHES["default"][_option] = CACHES["default"].pop(_option.lower())
# Backends that keep their entries in one process (or on one machine's disk): behind a
# load balancer each app server would count its own lockouts and rate limits and cache its
# own results. Refused in production; PostgreSQL (the default) or Redis are shared.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
}
if PRODUCTION and CACHES["default"]["BACKEND"] in PROCESS_LOCAL_CACHES:
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs a cache shared by every app server: "
        "CACHE_URL=redis://… (or leave it unset for the database cache)."
    )
# Sessions in the database: every app server reads the same ones (never the cache-only or
# file engines, which a second server or a cache restart would not see).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login lockout (django-axes): five failures for one account from one address lock that
# pair out for fifteen minutes. Locking a whole address would lock out a school that
# shares one public IP; locking an account alone would let anyone lock a colleague out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# Count failures under the spelling authentication uses (trimmed, lower-case): otherwise
# `Docent@…` would get five new tries after `docent@…` was locked.
AXES_USERNAME_CALLABLE = "doorlopend.accounts.lockout.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "doorlopend.accounts.views.locked_out"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_VERBOSE = False
# Password-reset links asked for one address, and from one IP address (django-ratelimit
# rates). Over the first the page is the same but no mail is sent; over the second, 429.
PASSWORD_RESET_ADDRESS_RATE = env.str("PASSWORD_RESET_ADDRESS_RATE", default="3/h")
PASSWORD_RESET_IP_RATE = env.str("PASSWORD_RESET_IP_RATE", default="30/h")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "doorlopend" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "doorlopend" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# In development WhiteNoise serves straight from the app folders; no collectstatic needed.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "media/"

# Uploads: the DUO register file is ~1 MB; refuse anything absurd before it is read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_IMPORT_UPLOAD_BYTES = env.int("MAX_IMPORT_UPLOAD_BYTES", default=20 * 1024 * 1024)

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
# Seconds the worker waits for the mail server before the send fails (and is logged).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Doorlopend <noreply@localhost>"
)

# The address people reach the site at, for links in e-mails sent outside a request (the
# daily digest). Required in production.
SITE_URL = env.str(
    "SITE_URL", default="" if PRODUCTION else "http://127.0.0.1:8000"
).rstrip("/")

INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# Reflection sessions. No figure is shown for a group smaller than this (never below 3).
REFLECTION_MIN_GROUP = max(3, env.int("REFLECTION_MIN_GROUP", default=3))
# Wrong join codes allowed per IP address (django-ratelimit rate). Only failures count:
# a hall of phones behind one school's address must all be able to join at once.
REFLECTION_JOIN_FAILURE_RATE = env.str("REFLECTION_JOIN_FAILURE_RATE", default="60/10m")
# How long a participant's phone remembers their place in a session (signed cookie).
REFLECTION_PARTICIPANT_COOKIE_DAYS = env.int(
    "REFLECTION_PARTICIPANT_COOKIE_DAYS", default=2
)
# The live results of a session (facilitator, beamer, every poll) are computed at most
# once per this many seconds, however fast answers come in; shared through the cache.
REFLECTION_RESULTS_SECONDS = env.int("REFLECTION_RESULTS_SECONDS", default=2)
# Addresses participants leave to get a session's report are deleted once it is sent, or
# this many days after the session when no report was made.
REFLECTION_REPORT_ADDRESS_DAYS = env.int("REFLECTION_REPORT_ADDRESS_DAYS", default=30)
# Behind a proxy, django-ratelimit must read the client address from the header the proxy
# sets (e.g. HTTP_X_FORWARDED_FOR); the default is the direct peer.
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")
# The API for school systems: requests per key (django-ratelimit's "n/period"), and the
# most rows one batch of pupils may hold (more: 413; send several batches).
API_RATE = env.str("API_RATE", default="120/m")
API_BATCH_MAX = env.int("API_BATCH_MAX", default=1000)

# Doorstroommonitor (transitions). Pupils are stored under a keyed hash of their national
# pupil number (PGN); the key lives only in the environment, never in the database.
_DEV_PSEUDONYM_KEY = "dev-only-pupil-pseudonym-key"  # noqa: S105
PUPIL_PSEUDONYM_KEY = env.str(
    "PUPIL_PSEUDONYM_KEY", default="" if PRODUCTION else _DEV_PSEUDONYM_KEY
)
# Fernet keys (comma-separated, newest first) that encrypt pupils' names and dates of
# birth at rest. Older keys stay listed until `manage.py rotate_pupil_keys` has run.
_DEV_DATA_KEY = "ZGV2LW9ubHktcHVwaWwtZGF0YS1rZXktMzItYnl0ZXM="  # noqa: S105
PUPIL_DATA_KEYS = env.list(
    "PUPIL_DATA_KEYS", default=[] if PRODUCTION else [_DEV_DATA_KEY]
)
# Public in this file, so never fit for real data: the system check refuses them
# (transitions.E003/E004) in production and in `check --deploy`.
PUPIL_DEV_KEYS = [_DEV_PSEUDONYM_KEY, _DEV_DATA_KEY]
if PRODUCTION and (
    not PUPIL_PSEUDONYM_KEY
    or PUPIL_PSEUDONYM_KEY == _DEV_PSEUDONYM_KEY
    or not PUPIL_DATA_KEYS
    or _DEV_DATA_KEY in PUPIL_DATA_KEYS
):
    raise ImproperlyConfigured(
        "DJANGO_ENV=production needs PUPIL_PSEUDONYM_KEY and PUPIL_DATA_KEYS set."
    )
# Aggregates shown to roles without access to pupils hide every cell under this many
# pupils (never below 3; a system check refuses less).
TRANSITIONS_MIN_CELL = env.int("TRANSITIONS_MIN_CELL", default=5)
# Personal data is erased this many whole school years after the school year in which a
# pupil's transition became final, after a dry-run notice this many days before.
TRANSITIONS_RETENTION_YEARS = env.int("TRANSITIONS_RETENTION_YEARS", default=1)
TRANSITIONS_RETENTION_NOTICE_DAYS = env.int(
    "TRANSITIONS_RETENTION_NOTICE_DAYS", default=14
)
# Largest leavers or status file accepted by upload, in bytes. Default: 200 MiB.
TRANSITIONS_MAX_UPLOAD_BYTES = env.int(
    "TRANSITIONS_MAX_UPLOAD_BYTES", default=200 * 1024 * 1024
)
# Uploaded pupil files wait here (never under MEDIA_ROOT, never served) until their import
# has run; then they are deleted.
PRIVATE_UPLOAD_ROOT = env.path("PRIVATE_UPLOAD_ROOT", default=VAR_DIR / "private")

# Evidence uploaded to a roadmap item, and consent documents of a route.
ROADMAP_EVIDENCE_MAX_BYTES = env.int(
    "ROADMAP_EVIDENCE_MAX_BYTES", default=10 * 1024 * 1024
)

# A member's private calendar feed: reads per feed token; unknown tokens per IP address
# (known feeds never count there: a school's calendars share one address).
PLANNING_FEED_RATE = env.str("PLANNING_FEED_RATE", default="60/h")
PLANNING_FEED_IP_RATE = env.str("PLANNING_FEED_IP_RATE", default="600/h")

# Background jobs (imports, documents, reports): a running job whose heartbeat is older than
# JOB_STALE_AFTER_SECONDS lost its worker and is marked stopped by the worker's sweep, which
# runs every JOB_SWEEP_SECONDS; a running job beats every JOB_HEARTBEAT_SECONDS. Uploads
# older than JOB_UPLOAD_MAX_AGE_HOURS that belong to no waiting job are deleted daily.
JOB_STALE_AFTER_SECONDS = env.int("JOB_STALE_AFTER_SECONDS", default=10 * 60)
JOB_HEARTBEAT_SECONDS = env.float("JOB_HEARTBEAT_SECONDS", default=30.0)
JOB_SWEEP_SECONDS = env.float("JOB_SWEEP_SECONDS", default=60.0)
JOB_UPLOAD_MAX_AGE_HOURS = env.int("JOB_UPLOAD_MAX_AGE_HOURS", default=24)

# The worker runs the daily work (due-date reminders, weekly digests) once a day from this
# hour (local time). Reminders go REMINDER_DAYS_BEFORE days before a due date, and once
# when it has passed (up to REMINDER_OVERDUE_DAYS days late). The weekly digest goes out
# on WEEKLY_DIGEST_WEEKDAY (0 = Monday).
PERIODIC_HOUR = env.int("PERIODIC_HOUR", default=7)
REMINDER_DAYS_BEFORE = env.int("REMINDER_DAYS_BEFORE", default=2)
REMINDER_OVERDUE_DAYS = env.int("REMINDER_OVERDUE_DAYS", default=7)
WEEKLY_DIGEST_WEEKDAY = env.int("WEEKLY_DIGEST_WEEKDAY", default=0)

TASKS = {
    "default": {
        "BACKEND": env.str("TASK_BACKEND", default="django_tasks_db.DatabaseBackend")
    }
}

# Content-Security-Policy: no inline scripts or styles, nothing from another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
FORMS_URLFIELD_ASSUME_HTTPS = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_FAILURE_VIEW = "doorlopend.core.views.csrf_failure"

if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # A load balancer's health checks may come over plain HTTP from inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Logs: JSON lines with the request id and no personal data (core.logs) in production,
# plain lines in development; LOG_FORMAT=json|plain chooses. ACCESS_LOG: one line per
# request (method, URL pattern, status, duration; never the path's values or the address).
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if PRODUCTION else "plain")
ACCESS_LOG = env.bool("ACCESS_LOG", default=PRODUCTION)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "doorlopend.core.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "doorlopend.core.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools log every layout step at INFO: too much for a report a minute.
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Error reports to a Sentry-compatible endpoint, pupil data scrubbed (core.error_reports).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from doorlopend.core.error_reports import sentry_init

    sentry_init(
        SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default=DJANGO_ENV),
        release=env.str("SENTRY_RELEASE", default=""),
        traces=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# /healthz: a worker heartbeat older than this is reported stale (the answer stays 200).
HEALTH_WORKER_STALE_SECONDS = env.int(
    "HEALTH_WORKER_STALE_SECONDS", default=max(300, int(3 * JOB_SWEEP_SECONDS))
)

# Production refuses to start without the settings it cannot guess, all named at once.
if PRODUCTION:
    _missing = [
        name
        for name, missing in (
            ("ALLOWED_HOSTS", not ALLOWED_HOSTS),
            ("SITE_URL", not SITE_URL),
        )
        if missing
    ]
    if _missing:
        raise ImproperlyConfigured(
            "DJANGO_ENV=production needs these set in the environment: "
            + ", ".join(_missing)
            + " (see .env.example and the README, 'In productie draaien')."
        )
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production.")
