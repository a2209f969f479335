"""The site under gunicorn as `make run` serves it, on a free port on 127.0.0.1, for the tests of
the running server and the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn_serving(
    data_dir: Path, log_path: Path, workers: int, **settings: str
) -> Iterator[tuple[str, int]]:
    """Base URL and port of the site once every worker has started and it answers; stopped after.
    `settings` are extra environment variables, such as PENSIONSGUIDEN_SECRET_KEY."""
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "WORKERS": str(workers),
        "PENSIONSGUIDEN_DATABASE_URL": f"sqlite:///{data_dir}/feedback.sqlite3",
        **settings,
    }
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            if not _started(base, log_path, workers):
                raise RuntimeError("gunicorn did not start: " + log_path.read_text())
            yield base, port
        finally:
            server.terminate()
            server.wait(timeout=10)


def _started(base: str, log_path: Path, workers: int) -> bool:
    # Wait until every worker has booted, so the first requests do not all land on one, then for
    # an answer.
    deadline = time.monotonic() + 20
    while log_path.read_text().count("Booting worker") < workers:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                return True
        except OSError:
            time.sleep(0.1)
    return False
