"""Valid pupil numbers for tests, demo data and the benchmark (deterministic)."""

from __future__ import annotations

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def bsn_for(n: int) -> str:
    """The n-th valid BSN-shaped number (11-proef holds), counting from n = 0."""
    base = 20_000_000 + n * 3  # 8 digits; step 3 skips most dead ends
    while True:
        head = f"{base:08d}"
        if len(head) > 8:
            raise ValueError("n too large")
        total = sum(w * int(d) for w, d in zip(_WEIGHTS, head, strict=True))
        check = total % 11
        if check < 10:
            return head + str(check)
        base += 1
