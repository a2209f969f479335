"""Slow and idle clients: how long an answer page takes while one stranger holds many connections
open, on the site as `make run` serves it (gunicorn alone) and behind deploy/nginx.conf.

Three kinds of held connection, 30 of each kind in turn: idle (connected, nothing sent), slow
headers (a request line and a header a byte a second: slowloris) and a slow body (a form post
whose body comes a byte a second). Prints, for each, the answer page's time to answer (the
slowest of three tries, each given at most 10 s) and how many of the held connections the server
had closed after 15 s. Run: `.venv/bin/python bench/slow_clients.py`."""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.deploy.test_nginx import nginx_serving  # noqa: E402
from tests.gunicorn_server import gunicorn_serving  # noqa: E402

HELD = 30
OPENINGS = {
    "idle": b"",
    "slow headers": b"GET /faq/tidlig-pension HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ",
    "slow body": (
        b"POST /chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-"
        b"urlencoded\r\nContent-Length: 100000\r\n\r\nmessage="
    ),
}


def answer_time(port: int) -> float:
    started = time.monotonic()
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/faq/folkepensionsalder", timeout=10).read()
    except OSError:
        return float("inf")
    return time.monotonic() - started


def measure(port: int, opening: bytes) -> tuple[float, int]:
    held = [socket.create_connection(("127.0.0.1", port)) for _ in range(HELD)]
    stop = threading.Event()

    def trickle() -> None:
        while not stop.is_set():
            for connection in held:
                try:
                    connection.send(b"a")
                except OSError:
                    pass
            stop.wait(1.0)

    for connection in held:
        connection.sendall(opening)
    if opening:
        threading.Thread(target=trickle, daemon=True).start()
    time.sleep(1.0)
    slowest = max(answer_time(port) for _ in range(3))
    time.sleep(max(0.0, 15.0 - 1.0))
    stop.set()
    closed = 0
    for connection in held:
        connection.settimeout(0.2)
        try:
            connection.recv(65536)  # the server's last words, or b"" when it has closed
            closed += 1
        except TimeoutError:
            pass
        except OSError:
            closed += 1
        connection.close()
    return slowest, closed


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="pensionsguiden-slow-"))
    print(f"Answer page while one client holds {HELD} connections (slowest of 3 tries):")
    with (
        gunicorn_serving(
            data, data / "gunicorn.log", workers=2, PENSIONSGUIDEN_SECRET_KEY="slow-clients"
        ) as (_base, site_port),
        nginx_serving(site_port) as proxy_port,
    ):
        for name, port in (("site alone", site_port), ("behind nginx", proxy_port)):
            for kind, opening in OPENINGS.items():
                slowest, closed = measure(port, opening)
                shown = (
                    "no answer in 10 s" if slowest == float("inf") else f"{slowest * 1000:.0f} ms"
                )
                print(
                    f"  {name:13} {kind:13} answer page: {shown:>18}; "
                    f"held connections closed by the server after 15 s: {closed} of {HELD}"
                )


if __name__ == "__main__":
    main()
