"""Helpers for benchmarks that serve the app as in production (not a benchmark itself):
scratch PostgreSQL database, gunicorn, light asyncio HTTP client, CPU use, profile."""

import asyncio
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
TICK = os.sysconf("SC_CLK_TCK")


def scratch_url(prefix: str = "doorlopend_bench") -> str:
    """The URL of this process's scratch database (made by `scratch_database`);
    BENCH_DB_PREFIX, if set, replaces "doorlopend_bench" (one name space per user)."""
    prefix = prefix.replace(
        "doorlopend_bench", os.environ.get("BENCH_DB_PREFIX", "doorlopend_bench")
    )
    return PG_URL.rsplit("/", 1)[0] + f"/{prefix}_{os.getpid()}"


@contextlib.contextmanager
def scratch_database(url: str) -> Iterator[None]:
    """Create the empty database `url` names; drop it afterwards, also after a failure."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    drop = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    # A SIGTERM (CI timeout, kill) must still reach the `finally` that drops it.
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(drop)
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(drop)
        signal.signal(signal.SIGTERM, previous)


@dataclass
class Server:
    host: str
    port: int
    process: subprocess.Popen

    def pids(self) -> list[int]:  # the master's and its workers'
        pid = self.process.pid
        return [pid, *map(int, _read(f"/proc/{pid}/task/{pid}/children").split())]


@contextlib.contextmanager
def gunicorn(
    env: dict,
    workers: int,
    threads: int,
    name: str = "bench-gunicorn",
    wait: float = 30,
) -> Iterator[Server]:
    """Serve config.wsgi on a free port while the block runs (gthread if threads > 1);
    its log in var/<name>.log. Several may run at once (no shared control socket)."""
    with socket.socket() as s:  # BENCH_PORT: a port of one's own on a shared machine
        s.bind(("127.0.0.1", int(os.environ.get("BENCH_PORT", 0))))
        port = s.getsockname()[1]
    args = [ROOT / ".venv/bin/gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}"]
    args += ["-w", str(workers), "--threads", str(threads), "--error-logfile", "-"]
    args += ["-k", "gthread" if threads > 1 else "sync", "--worker-tmp-dir", "/dev/shm"]
    args += ["--no-control-socket"]
    log = ROOT / "var" / f"{name}.log"  # the last run's; var/ is not in git
    log.parent.mkdir(exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603
            args, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=out
        )
    # BENCH_START_SECONDS: more time to start on a busy machine.
    wait = max(wait, float(os.environ.get("BENCH_START_SECONDS", 0)))
    server, deadline = Server("127.0.0.1", port, process), time.monotonic() + wait
    try:
        while not _up(server, workers):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"gunicorn did not start:\n{log.read_text()[-3000:]}"
                )
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _up(server: Server, workers: int) -> bool:
    try:
        url = f"http://{server.host}:{server.port}/healthz"
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            return response.status == 200 and len(server.pids()) > workers
    except OSError:
        return False


def cpu_seconds(pids: list[int] | None = None, *, command: str = "") -> float:
    """CPU seconds of `pids`, or of all processes named `command`, with their reaped
    children's: PostgreSQL's ended backends count in the postmaster's."""
    if pids is None:
        comms = Path("/proc").glob("[0-9]*/comm")
        pids = [int(p.parent.name) for p in comms if _read(p).strip() == command]
    total = 0
    for pid in pids:
        fields = _read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
        total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return total / TICK


def cpu_now(server_pids: list[int]) -> list[float]:
    """CPU seconds so far of the server, PostgreSQL, this process, and the machine
    (busy, and all: summed over its cores)."""
    machine = [int(v) for v in _read("/proc/stat").split("\n")[0].split()[1:9]]
    busy = sum(machine) - machine[3] - machine[4]  # minus idle and iowait
    ours = [cpu_seconds(server_pids), cpu_seconds(command="postgres")]
    return [*ours, time.process_time(), busy / TICK, sum(machine) / TICK]


def cpu_shares(before: list[float], after: list[float], wall: float) -> dict:
    """Who used the CPU between two `cpu_now()`, in % of one core."""
    used = [100 * (b - a) / wall for a, b in zip(before, after, strict=True)]
    server, postgres, client, busy, total = used
    other = max(0.0, busy - server - postgres - client)
    shares = {"gunicorn": server, "PostgreSQL": postgres, "this client": client}
    return shares | {"other (kernel, other processes)": other, "cores": total / 100}


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text()
    except OSError:  # the process ended meanwhile
        return ""


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    ms: float = 0.0


@dataclass
class Phone:
    """One device: a keep-alive connection, reopened when the server closed it."""

    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, headers: dict | None = None) -> Response:
        return await self.request("GET", path, None, headers or {})

    async def post(self, path: str, form: dict, headers: dict) -> Response:
        return await self.request("POST", path, form, headers)

    async def request(self, method, path, form, headers, timeout=30.0) -> Response:
        body = urlencode(form).encode() if form is not None else b""
        head = {"Host": f"{self.host}:{self.port}", "Content-Length": len(body)}
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            head["Content-Type"] = "application/x-www-form-urlencoded"
        lines = [f"{method} {path} HTTP/1.1"]
        lines += [f"{k}: {v}" for k, v in {**head, **headers}.items()]
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        started = time.perf_counter()
        response = await asyncio.wait_for(self._exchange(raw), timeout)
        response.ms = (time.perf_counter() - started) * 1000
        return response

    async def _exchange(self, raw: bytes) -> Response:
        # A connection the server has closed (a sync worker's `Connection: close`,
        # gthread's keep-alive timeout) is reopened, as a browser does; a kept-alive
        # one that fails at once gets one fresh attempt.
        fresh = self.writer is None or self.reader.at_eof()
        while True:
            if fresh:
                self.close()
                connecting = asyncio.open_connection(self.host, self.port)
                self.reader, self.writer = await connecting
            try:
                self.writer.write(raw)
                return await self._read()
            except (ConnectionError, asyncio.IncompleteReadError):
                if fresh:
                    raise
                fresh = True

    async def _read(self) -> Response:
        reader, headers = self.reader, {}
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionResetError("closed before the response")
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
            headers[name] = value
        length = headers.get("content-length")  # Django always sends it
        body = await (reader.readexactly(int(length)) if length else reader.read())
        if headers.get("connection", "").lower() == "close" or not length:
            self.close()
        return Response(int(status_line.split()[1]), headers, body)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


DJANGO_STAGES = [  # (label, the function that does it: its time with what it calls)
    ("ORM building SQL", "django/db/models/sql/compiler.py:as_sql"),
    ("SQL on the wire", "psycopg/cursor.py:execute"),
    ("templates", "django/template/backends/django.py:render"),
]


def profile_requests(name: str, call: Callable[[], object], n: int, stages) -> None:
    """Run `call()`, one in-process request, n times; print its median time, its
    queries, and the share in its time under cProfile of each of `stages`, a list of
    (label, "path/file.py:function"), with what that function calls."""
    import cProfile
    import pstats

    from django.db import connection

    queries: list[tuple[str, float]] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((sql, 1000 * (time.perf_counter() - started)))

    walls, sql_ms = [], []
    for _ in range(20):
        call()  # warm up
    with connection.execute_wrapper(timed):
        for _ in range(n):
            queries.clear()
            started = time.perf_counter()
            call()
            walls.append(1000 * (time.perf_counter() - started))
            sql_ms.append(sum(ms for _sql, ms in queries))
    profiler = cProfile.Profile()
    profiler.runcall(lambda: [call() for _ in range(n)])
    # (file, line, function) → (calls, calls, own time, time with callees, callers)
    stats = pstats.Stats(profiler).stats
    total, spent = sum(row[2] for row in stats.values()), Counter()
    for (file, _line, function), row in stats.items():
        spent[f"{file}:{function}"] += row[3]
    shares = {
        label: 100 * sum(t for k, t in spent.items() if k.endswith(pattern)) / total
        for label, pattern in [*stages, *DJANGO_STAGES]
    }
    print(
        f"# one {name} in-process (no gunicorn, no network), median of {n}: "
        f"{statistics.median(walls):.2f} ms; SQL {statistics.median(sql_ms):.2f} ms:"
    )
    for sql, ms in queries:  # of the last request
        print(f"#   {ms:6.2f} ms  {sql[:100]}")
    print("#   of its time: " + ", ".join(f"{k} {v:.0f}%" for k, v in shares.items()))


def connect_ms(repeat: int = 20) -> float:
    """What opening a database connection costs (once per request if CONN_MAX_AGE=0)."""
    from django.db import connection

    times = []
    for _ in range(repeat):
        connection.close()
        started = time.perf_counter()
        connection.ensure_connection()
        times.append(1000 * (time.perf_counter() - started))
    return statistics.median(times)


if __name__ == "__main__":
    print("bench/_server.py: helpers for the other benchmarks; nothing to measure")
