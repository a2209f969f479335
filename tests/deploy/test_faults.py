"""Faults under load: a gunicorn worker killed while votes come in loses no vote that was
acknowledged, and the site answers again within a second (the other worker serves meanwhile and
gunicorn starts a new one)."""

from __future__ import annotations

import http.client
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from tests.gunicorn_server import gunicorn_serving

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def workers_of(port: int) -> list[int]:
    """The pids of the gunicorn workers serving on this port (found by their environment)."""
    marker = f"PORT={port}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            status = (entry / "status").read_text()
        except OSError:
            continue
        parent = int(next(line for line in status.splitlines() if line.startswith("PPid:"))[5:])
        if marker in environ and b"gunicorn" in (entry / "cmdline").read_bytes():
            found.append((int(entry.name), parent))
    pids = {pid for pid, _ in found}
    return [pid for pid, parent in found if parent in pids]  # children of the master


def vote(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        body = urlencode({"helpful": "yes"})
        connection.request("POST", "/faq/tidlig-pension/feedback", body=body, headers=FORM)
        return connection.getresponse().status < 400
    except OSError:
        return False  # not acknowledged: the citizen sees an error and may try again
    finally:
        connection.close()


def test_a_killed_worker_loses_no_acknowledged_vote_and_the_site_recovers(tmp_path) -> None:
    with gunicorn_serving(
        tmp_path, tmp_path / "gunicorn.log", workers=2, PENSIONSGUIDEN_SECRET_KEY="faults"
    ) as (_base, port):
        acknowledged = []
        stop = threading.Event()

        def voter() -> None:
            while not stop.is_set():
                acknowledged.append(vote(port))

        voters = [threading.Thread(target=voter) for _ in range(4)]
        for thread in voters:
            thread.start()
        time.sleep(1.0)
        os.kill(workers_of(port)[0], signal.SIGKILL)
        killed_at = time.monotonic()
        while not vote(port):
            assert time.monotonic() - killed_at < 1.0, "no answer within a second of the kill"
        recovered = time.monotonic() - killed_at
        time.sleep(1.0)
        stop.set()
        for thread in voters:
            thread.join()
        deadline = time.monotonic() + 10
        while len(workers_of(port)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers_of(port)) == 2, "gunicorn did not start a new worker"
    with sqlite3.connect(tmp_path / "feedback.sqlite3") as database:
        stored = database.execute("SELECT COUNT(*) FROM feedback_votes").fetchone()[0]
    ok = sum(acknowledged) + 1  # and the vote that showed the site had recovered
    assert ok > 20 and recovered < 1.0
    assert stored >= ok, f"{ok} votes acknowledged, {stored} stored"
