"""Pausing Python's cyclic garbage collector around one piece of work.

The diff engine, the detector and a command that does one job and returns allocate many small
objects that are acyclic (freed by reference counting as soon as they go) or live until the work
ends. The collector's passes over them free nothing and cost a tenth of the work or more, so each
of them runs with the collector paused; it is restored afterwards, for a process that goes on (a
build, the tests).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic garbage collector off for the ``with`` block (or the decorated function), as it
    was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
