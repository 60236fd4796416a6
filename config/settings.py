"""Django settings for Parley.

Everything that differs between a laptop and a server is read from the environment:
``DATABASE_URL``, ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS`` (see ``.env.example``).
Defaults are safe: debug is off unless asked for, and production refuses to start
without a real secret key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean environment variable (1/true/yes/on are true)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=1 for local use."
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # API tokens stored as a hash with a visible prefix and an expiry (events.api.authentication).
    "knox",
    # First among the API apps, so its templates override theirs (branding, offline Redoc).
    "events",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]
# Benchmark tooling (`manage.py generate_synthetic`, bench/synthetic/): off in the product.
if env_bool("PARLEY_TOOLING"):
    INSTALLED_APPS.append("bench.synthetic")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS for public reads under /api/ (events/api/cors.py); before anything that answers.
    "events.api.cors.PublicReadsCorsMiddleware",
    # A strict Content-Security-Policy on every HTML page (events/pages/csp.py).
    "events.pages.csp.ContentSecurityPolicyMiddleware",
    # Read-only requests may read from a replica (DATABASE_REPLICA_URL; config/db_routing.py).
    "config.db_routing.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # RateLimit-* headers from the throttles (events/api/throttling.py), on 304s too.
    "events.api.throttling.RateLimitHeadersMiddleware",
    # Unknown /api/ URLs answer JSON 404 with DEBUG on too (events/api/exceptions.py).
    "events.api.exceptions.ApiNotFoundMiddleware",
    # ETag on every GET and HEAD, 304 Not Modified for If-None-Match / If-Modified-Since;
    # none on errors (events/api/conditional.py).
    "events.api.conditional.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A database outage answers 503 JSON with Retry-After, whatever the format or page.
    "events.api.exceptions.DatabaseUnavailableMiddleware",
    # A write whose body is sent chunked (no Content-Length) answers 411, not an empty change.
    "events.api.exceptions.LengthRequiredMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite opens in microseconds, and a long-lived handle gets in the way of the test
    # runner: no persistent connection unless CONN_MAX_AGE is set (a production server
    # then saves the open and the PRAGMAs below on every request).
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "0"))
    # WAL lets reads continue while a curator writes; a writer waits up to 20 s for a lock
    # instead of failing at once; IMMEDIATE transactions take the write lock when they
    # begin, so a read-check-write (If-Match) cannot interleave with another writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )
else:
    # PostgreSQL: no statement may hold a database core longer than this (milliseconds;
    # 0 turns it off, as the benchmark's data generation does). A request that hits it
    # answers 503 with Retry-After (events.api.exceptions).
    STATEMENT_TIMEOUT_MS = int(os.environ.get("STATEMENT_TIMEOUT_MS", "15000"))
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    )

# A read replica (optional): GET/HEAD requests read from it, everything else — writes,
# the reads of a request that writes, management commands — uses the primary
# (config/db_routing.py, docs/performance.md).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    if DATABASES["replica"]["ENGINE"] != "django.db.backends.sqlite3":
        # A lost replica is noticed in seconds, and reads go to the primary meanwhile.
        DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 2
    DATABASE_ROUTERS = ["config.db_routing.PrimaryReplicaRouter"]

# Reading from the replica (config/db_routing.py): a client's reads go to the primary for
# this long after its write; a replica further behind than this, or unreachable, is
# skipped (checked at most every REPLICA_CHECK_SECONDS per process).
REPLICA_STICKY_SECONDS = int(os.environ.get("REPLICA_STICKY_SECONDS", "10"))
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "5"))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", "1"))

# The cache: throttling counters and page counts. Redis (shared by every process and
# server) when REDIS_URL is set; otherwise each process keeps its own in memory. A cache
# outage is logged and served around, never an error (IGNORE_EXCEPTIONS).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "parley",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a page count may be reused while the data is unchanged (events/api/counting.py).
COUNT_CACHE_SECONDS = int(os.environ.get("COUNT_CACHE_SECONDS", "300"))
# `Cache-Control: max-age` of anonymous API reads: how long a browser or proxy may reuse
# an answer before revalidating it with its ETag (0: always revalidate).
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))

# --- Security --------------------------------------------------------------------------
# Always on: no sniffing, no framing, no referrer leaks.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# SECURE=1 when served over HTTPS behind a proxy that sets X-Forwarded-Proto.
if env_bool("SECURE"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Cross-origin reads (events/api/cors.py, docs/api.md "Cross-origin requests"): web pages
# on other sites may GET/HEAD the API. CORS_ALLOWED_ORIGINS is `*` (any origin, the
# default), a comma-separated list of origins (`https://a.example,https://b.example`), or
# empty (no cross-origin reads). Writes are never opened cross-origin, and credentials
# (cookies, HTTP auth) are never allowed cross-origin: public data needs none.
_cors_origins = env_list("CORS_ALLOWED_ORIGINS", "*")
if "*" in _cors_origins and len(_cors_origins) > 1:
    raise ImproperlyConfigured("CORS_ALLOWED_ORIGINS is either `*` or a list of origins.")
CORS_ALLOW_ALL_ORIGINS = _cors_origins == ["*"]
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS else _cors_origins
CORS_ALLOW_CREDENTIALS = False
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-none-match", "if-modified-since"]
# Headers a cross-origin script may read: paging, caching and rate limits.
CORS_EXPOSE_HEADERS = [
    "Content-Disposition",
    "ETag",
    "Last-Modified",
    "Link",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "Retry-After",
]
CORS_PREFLIGHT_MAX_AGE = 86400

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Where load_curated / validate_curated look for the curated files.
CURATED_DIR = Path(os.environ.get("PARLEY_CURATED_DIR", BASE_DIR / "fixtures"))

API_MAX_PAGE_SIZE = 500
# Request bodies larger than this are refused (curated records are small).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MAX_REQUEST_BODY_BYTES", str(1024 * 1024)))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous write answers 401 with a WWW-Authenticate header.
        "events.api.authentication.TokenOrBearerAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["events.api.permissions.StaffWriteOrReadOnly"],
    "DEFAULT_PARSER_CLASSES": ["events.api.parsers.BoundedJSONParser"],
    # CSV everywhere; GeoJSON (events.api.renderers.GeoJSONRenderer) is added per viewset by
    # events.api.exports.ExportMixin, only where records have a place (`geojson_place_field`).
    "DEFAULT_RENDERER_CLASSES": [
        "events.api.renderers.FastJSONRenderer",
        "events.api.renderers.ParleyBrowsableAPIRenderer",
        "events.api.renderers.CSVRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["events.api.filter_backend.StrictDjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "events.api.pagination.StrictPageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "events.api.openapi.ParleyAutoSchema",
    "EXCEPTION_HANDLER": "events.api.exceptions.api_exception_handler",
    "ORDERING_PARAM": "ordering",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "events.api.negotiation.StrictContentNegotiation",
    # Fair use: per client address (anonymous) or per account; 429 with Retry-After.
    "DEFAULT_THROTTLE_CLASSES": [
        "events.api.throttling.AnonymousRateThrottle",
        "events.api.throttling.AccountRateThrottle",
    ],
    # Client addresses: how many proxies in front of Parley append to X-Forwarded-For.
    # 0 (the default) trusts no X-Forwarded-For at all: the address is the connection's.
    "NUM_PROXIES": int(os.environ.get("NUM_PROXIES", "0")),
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("THROTTLE_ANON", "600/minute"),
        "user": os.environ.get("THROTTLE_USER", "3000/minute"),
    },
}

# Sign-in attempts (admin and browsable API; events/pages/login.py), counted per client
# address and per username in the cache (Redis when REDIS_URL is set: shared by all workers).
LOGIN_RATE_PER_ADDRESS = os.environ.get("LOGIN_RATE_PER_ADDRESS", "30/hour")
LOGIN_RATE_PER_USERNAME = os.environ.get("LOGIN_RATE_PER_USERNAME", "10/hour")

# API tokens (django-rest-knox): only a SHA-512 digest is stored, with the token's first 15
# characters ("parley_" and 8 more) as the visible prefix; each expires (issue_token --days).
API_TOKEN_DAYS = int(os.environ.get("API_TOKEN_DAYS", "90"))
REST_KNOX = {
    "TOKEN_PREFIX": "parley_",
    "TOKEN_TTL": timedelta(days=API_TOKEN_DAYS),
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Parley API",
    "DESCRIPTION": (
        "Structured diplomatic events — who met whom, who said what, what happened on "
        "the ground, and which document says so. Every meeting, statement and incident "
        "carries citations: short verbatim quotes from the source document. Dates carry "
        "their precision (`day`, `month`, `year`, `approximate`). Reads are public; "
        "writes need a staff account (session or `Authorization: Token <key>`)."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.0.3",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "events.choices.ActorKind",
        "PlaceKindEnum": "events.choices.PlaceKind",
        "MeetingKindEnum": "events.choices.MeetingKind",
        "MeetingStatusEnum": "events.choices.MeetingStatus",
        "ParticipantRoleEnum": "events.choices.ParticipantRole",
        "StatementKindEnum": "events.choices.StatementKind",
        "IncidentKindEnum": "events.choices.IncidentKind",
        "IncidentActorRoleEnum": "events.choices.IncidentActorRole",
        "DatePrecisionEnum": "events.choices.DatePrecision",
        "PloverTypeEnum": "events.choices.PloverType",
        "EventTypeEnum": "events.choices.EventType",
        "RevisionActionEnum": "events.choices.RevisionAction",
        "RevisionViaEnum": "events.choices.RevisionVia",
        "SourceKindEnum": "events.choices.SourceKind",
        "SupportedFieldEnum": "events.choices.SupportedField",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "events.api.openapi.describe_everything",
        "events.api.openapi.for_generated_clients",
    ],
    "ENUM_ADD_EXPLICIT_BLANK_NULL_CHOICE": False,
    # One tag per kind of thing (ParleyAutoSchema.get_tags derives it from the path): the
    # generated clients file each operation under it (parley_api_client.api.meetings...).
    "TAGS": [
        {"name": "meetings", "description": "Diplomatic encounters: talks, calls, summits."},
        {"name": "statements", "description": "Who said what, quoted from a source."},
        {"name": "incidents", "description": "What happened on the ground."},
        {
            "name": "events",
            "description": "The timelines: meetings, statements and incidents in one feed "
            "(everything, or one actor's).",
        },
        {"name": "actors", "description": "People, states, organisations and groups."},
        {"name": "places", "description": "Where meetings and incidents happened."},
        {"name": "topics", "description": "The controlled vocabulary events are tagged with."},
        {"name": "sources", "description": "The documents every fact is quoted from."},
        {"name": "network", "description": "Who met whom: co-participation networks."},
        {"name": "stats", "description": "Counts of events for plotting."},
        {"name": "deletions", "description": "What was deleted, for keeping a copy in sync."},
        {"name": "history", "description": "Every change to a curated record; restoring."},
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
