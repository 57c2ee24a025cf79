"""Every test sees each answer in the live results at once; test_live_cache.py sets the
interval of REFLECTION_RESULTS_SECONDS where it tests it."""

import pytest


@pytest.fixture(autouse=True)
def _results_every_poll(settings):
    settings.REFLECTION_RESULTS_SECONDS = 0
