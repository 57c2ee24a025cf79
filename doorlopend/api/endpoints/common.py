"""What every operation documents besides its answer: its problems."""

from ..problems import Problem

PROBLEMS = {
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    422: Problem,
    429: Problem,
}


def responses(ok: dict) -> dict:
    return {**ok, **PROBLEMS}
