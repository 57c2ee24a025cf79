"""Gunicorn for `make serve` and the systemd unit (README, "In productie draaien").

Everything comes from the environment:

    GUNICORN_BIND      address to listen on; default HOST:PORT (honcho sets PORT)
    HOST, PORT         default 127.0.0.1 and 8000: behind a proxy on the same machine
    WEB_CONCURRENCY    worker processes; default 2 per core + 1 (5 on two cores): a sync
                       worker waits on PostgreSQL for part of each request, so more
                       workers than cores keep both cores busy
    GUNICORN_THREADS   threads per worker; default 1 (sync workers)
    GUNICORN_TIMEOUT   seconds before a silent worker is killed; default 30
    FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers count; default 127.0.0.1

No access log of gunicorn's own: the app writes one JSON line per request (method, URL
pattern, status, duration, request id; never the path's values or the client's address:
ACCESS_LOG, core.logs). Gunicorn's own lines are JSON lines too.
"""

import os

from doorlopend.core.logs import JsonFormatter  # noqa: F401 (named in logconfig_dict)

_cores = os.cpu_count() or 1

bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * _cores + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
# A request over this is killed (its worker restarted); on SIGTERM workers get
# graceful_timeout to finish what they serve before they stop.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = 5
# Restart each worker now and then (jittered, so not all at once) to bound memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "doorlopend"

accesslog = None
errorlog = "-"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "doorlopend.core.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False}
    },
}
