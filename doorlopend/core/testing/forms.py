"""What tests read from a rendered form."""

from __future__ import annotations

import re

from doorlopend.core.submit_once import FIELD


def submit_once_key(html: str) -> str:
    """The form key (`{% submit_once_field %}`) of the page's first create form."""
    found = re.search(rf'name="{FIELD}" value="([^"]+)"', html)
    assert found, "the page has no submit-once field"
    return found.group(1)
