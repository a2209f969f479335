"""The API rate limit's default storage counts like limits' MemoryStorage, without a thread per
request, and still clears old counts."""

from __future__ import annotations

import threading
import time

from app import create_app
from app.rate_limit_storage import SweepingMemoryStorage


def test_counting_api_requests_starts_no_threads(monkeypatch) -> None:
    site = create_app(
        {"TESTING": True, "RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "5 per minute"}
    )
    client = site.test_client()
    client.get("/api/v1/search?q=seniorpension")  # the storage is made on first use
    started: list[threading.Thread] = []
    original_start = threading.Thread.start

    def counted_start(thread: threading.Thread) -> None:
        started.append(thread)
        original_start(thread)

    monkeypatch.setattr(threading.Thread, "start", counted_start)
    statuses = [client.get("/api/v1/search?q=seniorpension").status_code for _ in range(6)]
    assert statuses == [200, 200, 200, 200, 429, 429]  # still limited: 5 a minute
    assert started == []
    assert isinstance(site.extensions["api_limiter"].storage, SweepingMemoryStorage)


def test_old_counts_are_swept_away() -> None:
    storage = SweepingMemoryStorage("pensionsguiden-memory://")
    storage.incr("old", expiry=0.01)
    time.sleep(0.02)
    storage._next_sweep = 0.0  # the sweep is due
    storage.incr("new", expiry=60)
    assert "old" not in storage.storage and storage.get("new") == 1
