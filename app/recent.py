"""A bounded memory of recent results, kept per worker process. When it is full it starts over:
that keeps memory bounded without bookkeeping on every hit, and the common entries (the searches
everyone makes after a news story) are back after their next use."""

from __future__ import annotations

from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class RecentMemory(Generic[Key, Value]):
    def __init__(self, size: int) -> None:
        self.size = size  # 0 remembers nothing
        self._entries: dict[Key, Value] = {}

    def get(self, key: Key) -> Value | None:
        return self._entries.get(key)

    def put(self, key: Key, value: Value) -> None:
        if not self.size:
            return
        if len(self._entries) >= self.size:
            self._entries.clear()
        self._entries[key] = value
