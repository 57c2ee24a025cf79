"""Checks a running production start (`.ci/run`, step "production start"), as a browser
behind the TLS proxy would reach it: waits for /healthz to answer 200 with the worker's
and the periodic process's heartbeats, logs in as a demo user with a real POST carrying
the CSRF token, and fetches the start page with the session.

    python .ci/serve_check.py http://127.0.0.1:PORT [--wait SECONDS]

Standard library only. The proxy's part is played by the X-Forwarded-Proto header (the
app sets secure cookies and checks the Origin of a POST as on HTTPS).
"""

import argparse
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

EMAIL = "coordinator@example.org"
PASSWORD = "doorlopend-demo-2026"  # noqa: S105 (the demo's public password)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.origin = "https://" + urllib.parse.urlsplit(self.base).netloc
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "doorlopend-ci"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers |= {"Origin": self.origin, "Referer": self.origin + path}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, dict(response.headers), response.read().decode()


def wait_healthy(browser: Browser, seconds: float) -> dict:
    deadline, last = time.monotonic() + seconds, "no answer"
    while time.monotonic() < deadline:
        try:
            status, _, body = browser.request("/healthz")
            report = json.loads(body)
            beats = all(
                (report.get(name) or {}).get("age_seconds") is not None
                for name in ("worker", "periodic")
            )
            if status == 200 and beats:
                return report
            last = f"{status} {body}"
        except (OSError, ValueError) as error:
            last = repr(error)
        time.sleep(1)
    sys.exit(f"/healthz not healthy with both heartbeats in {seconds:g}s: {last}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--wait", type=float, default=120)
    args = parser.parse_args()
    browser = Browser(args.base)
    print("healthz:", json.dumps(wait_healthy(browser, args.wait)))

    status, _, page = browser.request("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or not token or "csrftoken" not in browser.cookies:
        sys.exit(f"login page: {status}, CSRF token found: {bool(token)}")
    form = {
        "csrfmiddlewaretoken": token.group(1),
        "username": EMAIL,
        "password": PASSWORD,
        "next": "",
    }
    status, headers, _ = browser.request("/accounts/login/", form)
    if status != 302 or "sessionid" not in browser.cookies:
        sys.exit(f"login POST: {status} (expected a redirect with a session)")
    print(f"login: {status} → {headers.get('Location')}")

    status, headers, page = browser.request("/")
    if status != 200 or 'action="/accounts/logout/"' not in page:
        sys.exit(f"start page after login: {status}, logged in: {'logout' in page}")
    print(f"start page: {status}, request id {headers.get('X-Request-ID')}")


if __name__ == "__main__":
    main()
