"""What each request of the load mix (bench/mix.lua) costs inside the app, without HTTP: the best
time over a few batches, and the Python function calls it makes (a steadier measure than time on a
shared machine). Run with `.venv/bin/python bench/requests.py`."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PENSIONSGUIDEN_SECRET_KEY", "bench")
os.environ["PENSIONSGUIDEN_API_RATE_LIMIT"] = "1000000 per minute"  # as bench/load.sh
os.environ["PENSIONSGUIDEN_FORM_RATE_LIMIT"] = "1000000 per minute"

from werkzeug.test import EnvironBuilder  # noqa: E402

from app import create_app  # noqa: E402
from app.web.page_cache import call_wsgi  # noqa: E402

FORM = "application/x-www-form-urlencoded"
# The mix's requests that reach Flask or the page cache, as bench/mix.lua sends them.
REQUESTS = [
    ("answer page", "GET", "/faq/folkepensionsalder", None, None),
    ("search page", "GET", "/search", "q=fortidspension+betingelser", None),
    ("search API", "GET", "/api/v1/search", "q=arne+pension&limit=5", None),
    (
        "questionnaire step",
        "POST",
        "/tjek",
        "action=answer&question=birth_date&birth_day=3&birth_month=5&birth_year=1966",
        FORM,
    ),
    (
        "questionnaire result",
        "POST",
        "/tjek",
        "a_birth_date=1966-05-03&a_receives=none&a_residence=yes&a_self_supporting=no"
        "&a_work_years=30&a_weekly_hours=10&action=result",
        FORM,
    ),
    (
        "chat API",
        "POST",
        "/api/v1/chat",
        json.dumps({"message": "Kan jeg få seniorpension når min ryg er slidt op?", "lang": "da"}),
        "application/json",
    ),
]


def main() -> None:
    app = create_app()
    print("Per request inside the app (page cache warm), one process:")
    for name, method, path, data, content_type in REQUESTS:
        is_query = method == "GET" and data is not None
        builder = EnvironBuilder(
            path=path,
            method=method,
            query_string=data if is_query else None,
            data=None if is_query else data,
            content_type=content_type,
            headers={"Host": "127.0.0.1"},
        )
        environ = builder.get_environ()
        body = environ["wsgi.input"].read()

        def run(environ: dict = environ, body: bytes = body) -> None:
            status, _, _ = call_wsgi(app, {**environ, "wsgi.input": io.BytesIO(body)})
            assert status.startswith("200"), status

        run()
        best = min(_batch(run) for _ in range(7))
        profile = cProfile.Profile()
        profile.runcall(lambda: [run() for _ in range(50)])
        calls = pstats.Stats(profile).total_calls / 50
        print(f"  {name:<22} {method:<4} {path:<24} {best * 1000:6.2f} ms  {calls:7,.0f} calls")


def _batch(run, size: int = 100) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in range(size):
        run()
    return (time.perf_counter() - started) / size


if __name__ == "__main__":
    main()
