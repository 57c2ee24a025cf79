"""`reflection_load.py --servers 2`: the hall of phones against two app servers.

Two gunicorn servers on two ports share one PostgreSQL database and one Redis (CACHE_URL,
a key prefix of this run's own); the phones are split between them, as a load balancer
would. Before the hall, three checks that need the two to share state: wrong join codes
sent to both in turn are counted once (the join limit holds across both), failed logins
to both in turn lock the account out on both (django-axes), and the facilitator's one
login session is known to both. Halfway (half the expected answers sent) the second server
is killed (SIGKILL: master and workers, mid-request); its phones carry on against the
first, as the participant page does, by sending the same request again after a short,
growing pause (answers are upserts: a resend of one that did arrive changes nothing).
Afterwards a fresh second server is started and the results fragment is fetched from both:
it must be identical. The usual figures follow (reflection_load.report: every answer sent
is in the database once, with the last value sent), then one line with the two-server
figures. Not a benchmark on its own: reflection_load.py calls `main`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import time

import _server

REDIS = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")
WRONG_CODE_LIMIT = 20  # the servers' REFLECTION_JOIN_FAILURE_RATE, per day
WRONG_CODES_SENT = 30
RESEND_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 2.0, 2.0)  # seconds, then give up
CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"|csrftoken=[^;"]+')


class Pair:
    """The app servers the phones are spread over, and what happened to them."""

    def __init__(self, servers: list[_server.Server]) -> None:
        self.servers, self.turn = servers, 0
        self.per_server = [0] * len(servers)
        self.failovers, self.moved = 0, set()
        self.killed_at = self.killed_after_answers = None

    def next_port(self) -> int:
        index, self.turn = self.turn % len(self.servers), self.turn + 1
        self.per_server[index] += 1
        return self.servers[index].port

    def other_port(self, port: int) -> int:
        ports = [s.port for s in self.servers]
        return (
            ports[(ports.index(port) + 1) % len(ports)] if port in ports else ports[0]
        )


class FailoverPhone(_server.Phone):
    """A phone that, when its server does not answer, sends the same request to the other
    one after a pause that grows, as the participant page's script resends an answer."""

    pair: Pair | None = None

    async def request(self, method, path, form, headers, timeout=30.0):
        for attempt, pause in enumerate((*RESEND_PAUSES, None)):
            try:
                return await super().request(method, path, form, headers, timeout)
            except (OSError, TimeoutError, asyncio.IncompleteReadError):
                if pause is None:
                    raise
                self.close()
                self.pair.failovers += 1
                self.pair.moved.add(id(self))
                self.port = self.pair.other_port(self.port)
                await asyncio.sleep(pause * (1 + attempt % 2) / 2)
        raise AssertionError("unreachable")


def hall_class(base: type) -> type:
    """reflection_load's Hall, its phones spread over the pair, one server killed halfway."""

    class SplitHall(base):
        def phone(self, cookies: dict | None = None) -> FailoverPhone:
            pair = self.server
            phone = FailoverPhone("127.0.0.1", pair.next_port(), dict(cookies or {}))
            phone.pair = pair
            return phone

        async def kill_halfway(self, started: float) -> None:
            expected = self.args.participants * sum(map(len, self.setup["themes"]))
            while len(self.sent) < expected / 2 and not self.done:
                await asyncio.sleep(0.2)
            victim = self.server.servers[1]
            for pid in victim.pids()[::-1]:  # workers first, then the master
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            self.server.killed_at = time.perf_counter() - started
            self.server.killed_after_answers = len(self.sent)

        async def run(self) -> None:
            killer = asyncio.create_task(self.kill_halfway(time.perf_counter()))
            await super().run()
            await killer

    return SplitHall


async def _wrong_codes(setup: dict, pair: Pair) -> list[int]:
    """Join-page visits with a code that leads nowhere, to both servers in turn."""
    url, statuses = setup["join"].replace(setup["session"].join_code, "QQQQQQ"), []
    for n in range(WRONG_CODES_SENT):
        phone = _server.Phone("127.0.0.1", pair.servers[n % 2].port)
        statuses.append((await phone.get(url)).status)
        phone.close()
    return statuses


async def _failed_logins(pair: Pair) -> list[int]:
    """Wrong passwords for one account, to both servers in turn, then one more."""
    statuses = []
    for n in range(6):
        phone = _server.Phone("127.0.0.1", pair.servers[n % 2].port)
        page = await phone.get("/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        form = {"csrfmiddlewaretoken": token.group(1).decode(), "password": "wrong" * 3}
        form["username"] = "nobody@example.org"
        statuses.append((await phone.post("/accounts/login/", form, {})).status)
        phone.close()
    return statuses


async def _results(setup: dict, ports: list[int]) -> list[bytes]:
    """The live results fragment from each server, as the facilitator's poll gets it
    (without a version: the whole fragment), its CSRF tokens left out."""
    bodies = []
    for port in ports:
        phone = _server.Phone("127.0.0.1", port, {"sessionid": setup["sessionid"]})
        response = await phone.get(setup["live"], {"HX-Request": "true"})
        phone.close()
        assert response.status == 200, (port, response.status)
        bodies.append(CSRF_RE.sub(b"", response.body))
    return bodies


def _serve(env: dict, args, name: str):
    # A busy machine starts three servers' workers slowly: more than the usual 30 s.
    return _server.gunicorn(env, args.workers, args.threads, f"bench-{name}", wait=180)


def main(args, env: dict, *, prepare, hall: type, report) -> int:
    """Run the two-server hall; print the figures; 0 when every check held."""
    env = env | {
        "CACHE_URL": f"{REDIS}?key_prefix=bench{os.getpid()}",
        "REFLECTION_JOIN_FAILURE_RATE": f"{WRONG_CODE_LIMIT}/d",
    }
    with _server.scratch_database(env["DATABASE_URL"].split("?")[0]):
        setup = prepare()
        with (
            _serve(env, args, "first") as first,
            _serve(env, args, "second") as second,
        ):
            pair = Pair([first, second])
            codes = asyncio.run(_wrong_codes(setup, pair))
            logins = asyncio.run(_failed_logins(pair))
            both = asyncio.run(_results(setup, [first.port, second.port]))
            the_hall = hall_class(hall)(args, setup, pair)
            asyncio.run(the_hall.warm_up())
            pair.per_server = [0, 0]  # the warm-up's phones are not the hall's
            before, started = _server.cpu_now(first.pids()), time.perf_counter()
            asyncio.run(the_hall.run())
            wall, after = time.perf_counter() - started, _server.cpu_now(first.pids())
            with _serve(env, args, "fresh") as fresh:
                afterwards = asyncio.run(_results(setup, [first.port, fresh.port]))
        cpu = _server.cpu_shares(before, after, wall)
        print("# two servers (gunicorn CPU below: the surviving one only)")
        status, last_line = report(the_hall, wall, cpu)
        answers = _answer_check(the_hall)
    limit_held = codes == [404] * WRONG_CODE_LIMIT + [429] * (
        WRONG_CODES_SENT - WRONG_CODE_LIMIT
    )
    # Three failures reach each server: only a count they share locks the account.
    locked = logins[0] == 200 and logins[-1] == 429
    identical = both[0] == both[1] and afterwards[0] == afterwards[1]
    moved = len(pair.moved)
    print(
        f"# phones per server {pair.per_server[0]}/{pair.per_server[1]}; second server "
        f"killed at {pair.killed_at:.0f} s after {pair.killed_after_answers} answers; "
        f"{moved} phones moved to the first ({pair.failovers} requests sent again)"
    )
    print(
        f"# wrong join codes to both in turn: {codes.count(404)}×404 then "
        f"{codes.count(429)}×429 (limit {WRONG_CODE_LIMIT}: "
        f"{'held across both' if limit_held else 'NOT shared'}); failed logins: "
        f"{logins} ({'locked out on both' if locked else 'lockout NOT shared'}); "
        f"results from both servers {'identical' if identical else 'DIFFER'} "
        f"(before the run, and after it with a fresh second server)"
    )
    print(last_line)
    print(
        f"servers=2 killed_at_s={pair.killed_at:.0f} phones_moved={moved} "
        f"resent={pair.failovers} {last_line.split(' lost=')[0]} "
        f"{' '.join(f'{k}={v}' for k, v in answers.items())} join_limit_held={limit_held} "
        f"lockout_shared={locked} results_identical={identical}"
    )
    return int(bool(status or not (limit_held and locked and identical and moved)))


def _answer_check(hall) -> dict[str, int]:
    """Every (participant, question) sent, against the rows in the database."""
    from django_scopes import scopes_disabled

    from doorlopend.reflection.models import Answer

    with scopes_disabled():  # the benchmark's own check of its scratch database
        answers = Answer.objects.filter(participant__session=hall.setup["session"])
        rows = list(answers.values_list("participant__token", "question_key"))
    stored = set(rows)
    return {
        "sent": len(hall.sent),
        "in_db": len(rows),
        "lost": len(hall.sent - stored),
        "doubled": len(rows) - len(stored),
    }
