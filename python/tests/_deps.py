"""Optional test dependencies: skip with a clear message where one is missing, except under
``EVENTCODER_REQUIRE_ALL=1`` (set by scripts/test-all, so CI), where a missing one fails."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

REQUIRE_ALL = os.environ.get("EVENTCODER_REQUIRE_ALL") == "1"


def need(ok: bool, why: str) -> None:
    """Skips (or, under EVENTCODER_REQUIRE_ALL=1, fails) the test unless ``ok``."""
    if ok:
        return
    if REQUIRE_ALL:
        pytest.fail(f"{why} (required: EVENTCODER_REQUIRE_ALL=1)", pytrace=False)
    pytest.skip(why, allow_module_level=True)


def need_module(name: str) -> ModuleType:
    """Imports ``name``, or skips (fails under EVENTCODER_REQUIRE_ALL=1) if it is missing."""
    try:
        return importlib.import_module(name)
    except ImportError as e:
        need(False, f"needs {name} ({e}); see python/requirements-test.txt")
        raise  # unreachable: need() raised
