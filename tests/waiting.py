"""Waiting for a condition instead of sleeping a fixed time: a test goes on the moment the condition
holds (fast on a quiet machine) and still waits long enough on a loaded one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

POLL_S = 0.05


async def eventually(condition: Callable[[], bool], timeout: float = 10.0, every: float = POLL_S) -> bool:
    """True as soon as `condition()` holds, False if it still does not after `timeout` seconds (the caller
    asserts, so a failure names what was expected)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() >= deadline:
            return False
        await asyncio.sleep(every)
    return True
