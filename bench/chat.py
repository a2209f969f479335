"""Chat speed: median and 95th percentile time to reply, over the messages of
tests/chat_conversations.toml, as the chat page and API compute it (retrieval, re-ranking, dates).
Run with `make bench` or `.venv/bin/python bench/chat.py`."""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from app.chat.reply import reply  # noqa: E402

ROUNDS = 5
EXTRA = [
    "hej",
    "tak for hjælpen",
    "hvornår kan jeg gå på folkepension, jeg er født 3. maj 1966",
    "kan jeg få seniorpension? jeg er født 12/9-1965",
    "asdfgh qwerty",
    "",
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    app = create_app({"TESTING": True, "RECENT_SEARCHES": 0})  # measure the work, not a cache
    conversations = tomllib.loads((ROOT / "tests" / "chat_conversations.toml").read_text("utf-8"))
    today = date.today()
    print("Chat benchmark: messages of tests/chat_conversations.toml plus small talk and dates,")
    print("reply computed as the chat does (retrieval, re-ranking, dates), one process.")
    for lang in ("da", "en"):
        ranker = app.extensions["chat"][lang]  # prepared at startup, as in the app
        messages = [case["message"] for case in conversations[lang]] + EXTRA
        cold: list[float] = []
        warm: list[float] = []
        gc.collect()
        for round_number in range(ROUNDS + 1):
            for message in messages:
                started = time.perf_counter()
                reply(message, ranker, today)
                (cold if round_number == 0 else warm).append((time.perf_counter() - started) * 1000)
        print(
            f"chat ({lang}) {len(messages):>4} messages | cold median {statistics.median(cold):5.2f} ms, "
            f"p95 {percentile(cold, 0.95):6.2f} ms | warm median {statistics.median(warm):5.2f} ms, "
            f"p95 {percentile(warm, 0.95):6.2f} ms ({len(cold) + len(warm)} replies)"
        )


if __name__ == "__main__":
    main()
