"""A hall of phones answering the Reflectietool (gunicorn, 2 workers, PostgreSQL).

N participants join by code and answer the 22 questions one by one as htmx posts them;
some change an answer, one answer in twenty is sent twice at once (a retry racing the
original). A facilitator polls the live results every 2–3 s; /livez, a bare view, is
sampled at 10/s: the floor, in the same run. Every (participant, question) sent must be
stored once, with the last value sent; then one answer save and one results poll are
profiled in-process. Targets: answer p95 ≤ 100 ms and ≤ 3× bare, results p95 ≤ 50 ms,
0 lost. Exits 1 on a lost, doubled or wrong answer or a failed request (5xx, no reply).
"""
# ruff: noqa: E402 - Django is set up for the scratch database before its imports

import argparse
import asyncio
import os
import random
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _server
import _servers
from _server import pct

sys.path.insert(0, str(_server.ROOT))


PARSER = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
add, pair = PARSER.add_argument, {"type": float, "nargs": 2, "metavar": ("MIN", "MAX")}
add("--participants", type=int, default=300)
add("--think", **pair, default=(2.0, 6.0), help="s between two answers (uniform)")
add("--join-rate", type=float, default=16, help="arrivals/s: 1,000 in a minute")
add("--workers", type=int, default=2)
add("--threads", type=int, default=1, help="per worker; > 1: gthread, not sync workers")
add(
    "--conn-max-age",
    type=int,
    help="as ?conn_max_age= in DATABASE_URL (default: the settings, 60)",
)
add("--no-profile", action="store_true")
add("--servers", type=int, choices=(1, 2), default=1, help="2: see bench/_servers.py")
ARGS = PARSER.parse_args()  # before Django starts: --conn-max-age is in DATABASE_URL
DATABASE = _server.scratch_url()
AGE = "" if ARGS.conn_max_age is None else f"?conn_max_age={ARGS.conn_max_age}"
ENV = {
    "DATABASE_URL": DATABASE + AGE,
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_ENV": "development",  # production would insist on HTTPS; DEBUG is off
    "DEBUG": "false",
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
warnings.filterwarnings("ignore", "No directory at")  # var/static: not collected here

import django

django.setup()

from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_scopes import scopes_disabled

from doorlopend.instruments.models import InstrumentVersion
from doorlopend.partnerships.tests.factories import RoleAssignmentFactory
from doorlopend.reflection import services
from doorlopend.reflection.models import Answer

TARGET_ANSWER_MS, TARGET_RATIO, TARGET_RESULTS_MS = 100, 3, 50
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION_RE = re.compile(r"[?&]v=([0-9a-f]+)")
SECTORS = ["vo", "mbo", "hbo", "gemeente", "bedrijfsleven", "overig"]
LAYERS = ["bestuur", "management", "uitvoering"]
VALUES = [1, 2, 3, 3, 4, 4, 4, 5, 5, 0]  # 0 = weet niet
HTMX = {"HX-Request": "true"}
# Where a request's time goes: (label, the function that does it, with what it calls).
ANSWER_STAGES = [
    ("signed cookie", "participation_cookie.py:session_and_token"),
    ("answer_record (one statement)", "services/participation.py:answer_record"),
    ("answer_save (full path)", "services/participation.py:answer_save"),
]
RESULTS_STAGES = [
    ("membership (tenancy guard)", "partnerships/access.py:membership_for"),
    ("live_results (cache)", "reflection/selectors/live.py:live_results"),
    ("session_results", "reflection/selectors/results.py:session_results"),
]


def prepare() -> dict:
    """Schema, a partnership with a coordinator, an OPEN Reflectietool session, URLs."""
    call_command("migrate", verbosity=0)
    with scopes_disabled():  # set-up data, as the test factories make it
        role = RoleAssignmentFactory(role="coordinator")  # with partnership and user
        partnership, user = role.membership.partnership, role.membership.user
        versions = InstrumentVersion.objects.filter(key="reflectietool")
        instrument = versions.latest("version")
        session = services.session_create(
            partnership=partnership, instrument=instrument, title="LOB-dag",
            date=date.today(), by=role.membership,
        )  # fmt: skip
        services.session_open(session=session)
    facilitator = Client()
    facilitator.force_login(user)  # a login cookie made server-side
    code, slug = session.join_code, partnership.slug
    return {
        "session": session,
        "sessionid": facilitator.cookies[settings.SESSION_COOKIE_NAME].value,
        "themes": [[q.key for q in t.questions] for t in instrument.definition.themes],
        "join": reverse("participate:join", args=[code]),
        "answer": reverse("participate:answer", args=[code]),
        "theme": [reverse("participate:theme", args=[code, n]) for n in range(1, 7)],
        "live": reverse("reflection:session_live", args=[slug, session.pk]),
        "bare": reverse("core:alive"),
    }


class Hall:
    """The simulated clients: what they sent, and what they saw."""

    def __init__(self, args: argparse.Namespace, setup: dict, server) -> None:
        self.args, self.setup, self.server = args, setup, server
        self.times, self.statuses = defaultdict(list), defaultdict(Counter)  # per kind
        self.sent: set[tuple[str, str]] = set()  # (participant token, question)
        self.saved: dict[tuple[str, str], int] = {}  # → last value acknowledged
        self.done = False

    def phone(self, cookies: dict | None = None) -> _server.Phone:
        return _server.Phone(self.server.host, self.server.port, dict(cookies or {}))

    async def call(self, kind: str, request) -> _server.Response | None:
        try:
            response = await request
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as e:
            self.statuses[kind][type(e).__name__] += 1
            return None
        self.times[kind].append(response.ms)
        self.statuses[kind][response.status] += 1
        return response

    async def participant(self, n: int) -> None:
        rng, s, phone, a = random.Random(n), self.setup, self.phone(), self.args
        await asyncio.sleep(rng.uniform(0, a.participants / a.join_rate))
        page = await self.call("join_page", phone.get(s["join"]))
        csrf = page and CSRF_RE.search(page.body.decode())
        # Spread over the 18 sector × layer groups.
        form = {"csrfmiddlewaretoken": csrf and csrf.group(1), "sector": SECTORS[n % 6],
                "layer": LAYERS[n // 6 % 3]}  # fmt: skip
        joined = csrf and await self.call("join", phone.post(s["join"], form, {}))
        if not joined or joined.status != 302:
            return
        await self.call("theme", phone.get(joined.headers["location"]))
        cookie = phone.cookies.get(f"reflectie-{s['session'].pk}", "")
        who = cookie.strip('"').split(":")[1]  # "<code>:<token>:<time>:<signature>"
        changer = rng.random() < 0.2
        for number, keys in enumerate(s["themes"]):
            if number:
                await self.call("theme", phone.get(s["theme"][number]))
            for key in keys:
                await asyncio.sleep(rng.uniform(*a.think))
                await self.answer(phone, who, key, rng.choice(VALUES), rng)
            if changer and rng.random() < 0.3:  # back to an earlier question
                await self.answer(phone, who, rng.choice(keys), rng.choice(VALUES), rng)
        phone.close()

    async def answer(self, phone, who: str, key: str, value: int, rng) -> None:
        form = {"question": key, "value": value}
        headers = {**HTMX, "X-CSRFToken": phone.cookies.get("csrftoken", "")}
        self.sent.add((who, key))
        twins = [self.phone(phone.cookies)] if rng.random() < 1 / 20 else []  # a retry
        posts = (p.post(self.setup["answer"], form, headers) for p in [phone, *twins])
        responses = await asyncio.gather(*(self.call("answer", r) for r in posts))
        for twin in twins:  # racing the first: the same tap, sent again at once
            twin.close()
        if any(r and r.status == 200 and b"answer-saved" in r.body for r in responses):
            self.saved[(who, key)] = value

    async def facilitator(self) -> None:
        """Polls as the page's htmx does: with the version shown, 204 when unchanged."""
        phone, version = self.phone({"sessionid": self.setup["sessionid"]}), ""
        while not self.done:
            url = self.setup["live"] + (f"?v={version}" if version else "")
            response = await self.call("results", phone.get(url, HTMX))
            if response and response.status == 200:
                version = next(iter(VERSION_RE.findall(response.body.decode())), "")
            await asyncio.sleep(random.uniform(2, 3))

    async def floor(self) -> None:
        phone = self.phone()
        while not self.done:
            await self.call("bare", phone.get(self.setup["bare"]))
            await asyncio.sleep(0.1)

    async def warm_up(self) -> None:
        """A served app is warm: templates, translations, URLconfs loaded in each worker."""
        for url in [self.setup[k] for k in ("bare", "join", "live")] * 8:
            phone = self.phone({"sessionid": self.setup["sessionid"]})
            await phone.get(url, HTMX)
            phone.close()

    async def run(self) -> None:
        tasks = [asyncio.create_task(task()) for task in (self.facilitator, self.floor)]
        await asyncio.gather(*map(self.participant, range(self.args.participants)))
        self.done = True
        await asyncio.gather(*tasks)


def report(hall: Hall, wall: float, cpu: dict) -> tuple[int, str]:
    """Print the figures; return the exit status and the last line."""
    with scopes_disabled():  # the benchmark's own check of its scratch database
        answers = Answer.objects.filter(participant__session=hall.setup["session"])
        rows = list(answers.values_list("participant__token", "question_key", "value"))
    stored = {(token, key): value for token, key, value in rows}
    check = {  # the database against what the phones sent and were told was saved
        "in the database": len(rows),
        "distinct (participant, question) sent": len(hall.sent),
        "acknowledged": len(hall.saved),
        "lost": len(hall.sent - stored.keys()),
        "doubled": len(rows) - len(stored),
        "stored ≠ last sent": sum(stored.get(k, v) != v for k, v in hall.saved.items()),
    }
    a, t = hall.args, hall.times
    kind = f"gthread × {a.threads}" if a.threads > 1 else "sync"
    print(
        f"# {a.participants} participants joining at {a.join_rate:g}/s, think "
        f"{a.think[0]:g}–{a.think[1]:g} s; gunicorn {a.workers} workers ({kind}); "
        f"CONN_MAX_AGE={settings.DATABASES['default']['CONN_MAX_AGE']}"
    )
    print(f"{'request':<10} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  status")
    for k in ("answer", "join_page", "join", "theme", "results", "bare"):
        p50, p95, p99, got = (*(pct(t[k], q) for q in (50, 95, 99)), hall.statuses[k])
        codes = " ".join(f"{s}×{n}" for s, n in sorted(got.items(), key=str))
        print(f"{k:<10} {len(t[k]):>6} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f}  {codes}")
    n = sum(map(len, t.values()))
    shares = ", ".join(f"{k} {v:.0f}" for k, v in cpu.items() if k != "cores")
    server, postgres = (cpu[k] * wall * 10 / n for k in ("gunicorn", "PostgreSQL"))
    print(
        f"# {wall:.0f} s, {n / wall:.0f} requests/s; CPU in % of one core (of "
        f"{cpu['cores']:.0f}): {shares}; per request gunicorn {server:.1f} ms, "
        f"PostgreSQL {postgres:.1f} ms"
    )
    print("# answers: " + ", ".join(f"{k} {v}" for k, v in check.items()))
    answer, bare, results = (pct(t[k], 95) for k in ("answer", "bare", "results"))
    ratio = answer / bare
    missed = [f"answer p95 ≤ {TARGET_ANSWER_MS} ms"] * (answer > TARGET_ANSWER_MS)
    missed += [f"answer p95 ≤ {TARGET_RATIO}× bare"] * (ratio > TARGET_RATIO)
    missed += [f"results p95 ≤ {TARGET_RESULTS_MS} ms"] * (results > TARGET_RESULTS_MS)
    print("# targets " + ("met" if not missed else "missed: " + "; ".join(missed)))
    statuses = [(s, n) for c in hall.statuses.values() for s, n in c.items()]
    failed = sum(n for s, n in statuses if not isinstance(s, int) or s >= 500)
    bad = failed or check["lost"] or check["doubled"] or check["stored ≠ last sent"]
    return int(bool(bad)), (
        f"answer_p95_ms={answer:.1f} bare_p95_ms={bare:.1f} ratio={ratio:.2f} "
        f"results_p95_ms={results:.1f} lost={check['lost']}"
    )


def profile(setup: dict) -> None:
    """Where the time of one answer save and one results poll goes, in-process on PG."""
    phone, facilitator = Client(), Client()
    phone.post(setup["join"], {"sector": "vo", "layer": "bestuur"})
    facilitator.cookies[settings.SESSION_COOKIE_NAME] = setup["sessionid"]
    keys, counter = [k for theme in setup["themes"] for k in theme], iter(range(10**9))

    def save() -> None:
        i = next(counter)
        form = {"question": keys[i % len(keys)], "value": 1 + i % 5}
        response = phone.post(setup["answer"], form, headers=HTMX)
        assert b"answer-saved" in response.content, response.status_code

    def poll() -> None:
        assert facilitator.get(setup["live"], headers=HTMX).status_code == 200

    _server.profile_requests("answer save", save, 300, ANSWER_STAGES)
    _server.profile_requests("results poll", poll, 30, RESULTS_STAGES)

    def poll_after_an_answer() -> None:
        save()  # the version moves on: this poll computes and renders again
        poll()

    with override_settings(REFLECTION_RESULTS_SECONDS=0):
        _server.profile_requests(
            "answer save + results poll computed again",
            poll_after_an_answer,
            30,
            [
                *RESULTS_STAGES,
                ("fragments", "reflection/views/live_fragments.py:shared_fragment"),
            ],
        )
    print(f"# opening a PostgreSQL connection: {_server.connect_ms():.1f} ms")


def main(args: argparse.Namespace) -> int:
    if args.servers == 2:  # two app servers, one killed halfway: bench/_servers.py
        return _servers.main(args, ENV, prepare=prepare, hall=Hall, report=report)
    with _server.scratch_database(DATABASE):
        setup = prepare()
        with _server.gunicorn(ENV, args.workers, args.threads) as server:
            hall = Hall(args, setup, server)
            asyncio.run(hall.warm_up())
            before, started = _server.cpu_now(server.pids()), time.perf_counter()
            asyncio.run(hall.run())  # and note who used the CPU meanwhile
            wall, after = time.perf_counter() - started, _server.cpu_now(server.pids())
        cpu = _server.cpu_shares(before, after, wall)
        status, last_line = report(hall, wall, cpu)
        if not args.no_profile:
            try:
                profile(setup)
            except Exception as e:  # noqa: BLE001 - the figures above stand without it
                print(f"# profile failed: {e!r}")
        print(last_line)
        return status


if __name__ == "__main__":
    sys.exit(main(ARGS))
