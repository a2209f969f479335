"""One bounded memory for every cache of the search and the page cache, kept per worker process.

When it is full it starts over: that keeps memory bounded without bookkeeping on every hit, and the
common entries (the searches everyone makes after a news story) are back after their next use.
Values are never changed after they are stored, so threads may share it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")
_MISSING = object()


class BoundedMemory(Generic[Key, Value]):
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

    def recall(self, key: Key, compute: Callable[[Key], Value]) -> Value:
        """The value kept for `key`, or `compute(key)`, kept for next time."""
        found = self._entries.get(key, _MISSING)
        if found is _MISSING:
            found = compute(key)
            self.put(key, found)
        return found  # type: ignore[return-value]
