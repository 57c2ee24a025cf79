"""Error reports leave without pupil data (core.error_reports.scrub_event), on a sample
event shaped like the ones sentry-sdk's Django integration sends."""

import copy
import json

import sentry_sdk
from sentry_sdk.transport import Transport

from doorlopend.core.error_reports import scrub_event

SAMPLE = {
    "level": "error",
    "request": {
        "method": "POST",
        "url": "https://doorlopend.example.org/p/demo/doorstroom/leerlingen/12/?q=Jansen",
        "query_string": "q=Jansen",
        "data": {"first_name": "Sanne", "last_name": "de Vries"},
        "cookies": {"sessionid": "abc", "csrftoken": "def"},
        "headers": {
            "Cookie": "sessionid=abc",
            "User-Agent": "Firefox",
            "X-Forwarded-For": "10.1.2.3",
            "X-Request-ID": "req-12345678",
        },
        "env": {"REMOTE_ADDR": "10.1.2.3"},
    },
    "user": {"id": "7", "email": "decaan@example.org", "ip_address": "10.1.2.3"},
    "exception": {
        "values": [
            {
                "type": "IntegrityError",
                "value": "duplicate key (email)=(sanne@example.org)",
                "stacktrace": {
                    "frames": [
                        {
                            "function": "pupil_detail",
                            "vars": {"pupil": "<Pupil: Sanne de Vries>", "n": 3},
                        }
                    ]
                },
            }
        ]
    },
    "breadcrumbs": {
        "values": [
            {
                "category": "query",
                "message": "SELECT … WHERE email = 'sanne@example.org'",
                "data": {"params": ["sanne@example.org"]},
            }
        ]
    },
    "extra": {"sys.argv": ["gunicorn"]},
}
PERSONAL = (
    "Sanne",
    "de Vries",
    "Jansen",
    "sanne@",
    "decaan@",
    "10.1.2.3",
    "abc",
    "def",
)


def _scrubbed(event):
    return scrub_event(copy.deepcopy(event), {})


def test_the_sample_event_leaves_without_personal_data():
    event = _scrubbed(SAMPLE)
    text = json.dumps(event)
    for value in PERSONAL:
        assert value not in text, value
    assert event["request"]["method"] == "POST"
    assert event["request"]["url"].endswith("/p/demo/doorstroom/leerlingen/12/")
    assert event["request"]["headers"] == {
        "User-Agent": "Firefox",
        "X-Request-ID": "req-12345678",
    }
    assert event["user"] == {"id": "7"}
    assert event["exception"]["values"][0]["type"] == "IntegrityError"


def test_on_a_pupil_page_every_frame_loses_its_locals():
    frames = _scrubbed(SAMPLE)["exception"]["values"][0]["stacktrace"]["frames"]
    assert frames[0]["vars"] == {}


def test_elsewhere_only_pupil_fields_are_filtered():
    event = copy.deepcopy(SAMPLE)
    event["request"]["url"] = "https://doorlopend.example.org/p/demo/plan/"
    event["exception"]["values"][0]["stacktrace"]["frames"][0]["vars"] = {
        "pupil_name": "Sanne",
        "birth_date": "2010-01-01",
        "goal_id": 4,
        "note": "mail sanne@example.org",
    }
    [frame] = _scrubbed(event)["exception"]["values"][0]["stacktrace"]["frames"]
    assert frame["vars"] == {
        "pupil_name": "[Filtered]",
        "birth_date": "[Filtered]",
        "goal_id": 4,
        "note": "mail [email]",
    }


def test_sentry_sdk_sends_what_the_scrubber_leaves(settings):
    """Through the real SDK: an exception with a pupil's name in a local variable."""
    sent = []

    class Capture(Transport):
        def capture_envelope(self, envelope):
            sent.extend(item.payload.json for item in envelope.items)

    from doorlopend.core import error_reports

    sentry_sdk.init(
        dsn="https://key@errors.example.org/1",
        transport=Capture,
        send_default_pii=False,
        include_local_variables=True,
        before_send=error_reports.scrub_event,
        default_integrations=False,
    )
    try:
        try:
            pupil_email = "sanne@example.org"
            raise ValueError(f"no school for {pupil_email}")
        except ValueError as error:
            sentry_sdk.capture_exception(error)
        sentry_sdk.flush()
    finally:
        sentry_sdk.init()  # no DSN: off again
    assert sent, "nothing sent"
    text = json.dumps(sent)
    assert "sanne@example.org" not in text and '"pupil_email": "[Filtered]"' in text
