"""Where the API rate limit counts requests by default: limits' in-memory storage, without its
timer thread.

limits' MemoryStorage clears old counts from a timer thread that lives 10 ms and is started again
by the next counted request: under load that is a new thread for nearly every API request, and
measured with bench/load.sh it cost about a quarter of the site's throughput. Counts expire on their
own when read (fixed windows, Flask-Limiter's default), so this storage only sweeps what is left
over for memory's sake, at most once a second, in the request that finds it due."""

from __future__ import annotations

import time

from limits.storage import MemoryStorage

SWEEP_EVERY_SECONDS = 1.0


class SweepingMemoryStorage(MemoryStorage):
    STORAGE_SCHEME = ["pensionsguiden-memory"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._next_sweep = time.monotonic() + SWEEP_EVERY_SECONDS

    # Replaces MemoryStorage's private __schedule_expiry (name-mangled), which starts the timer.
    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_EVERY_SECONDS
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]
