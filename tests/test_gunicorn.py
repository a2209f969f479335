"""The site under gunicorn as `make run` serves it: each worker takes its share of connections."""

from __future__ import annotations

from pathlib import Path

from tests.gunicorn_server import gunicorn_serving

TCP_LISTEN = "0A"  # the state column of /proc/net/tcp


def listening_sockets(port: int) -> int:
    rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return sum(
        1
        for row in rows
        if row.split()[1].endswith(f":{port:04X}") and row.split()[3] == TCP_LISTEN
    )


def test_each_worker_listens_on_its_own_socket(tmp_path) -> None:
    # With one shared socket the first worker to wake takes every waiting connection; with a
    # socket per worker the kernel spreads them (bench/load.sh, README "Speed under load").
    with gunicorn_serving(tmp_path, tmp_path / "gunicorn.log", workers=2) as (_base, port):
        assert listening_sockets(port) == 2


def test_the_log_says_where_the_site_is(tmp_path) -> None:
    log_path = tmp_path / "gunicorn.log"
    with gunicorn_serving(tmp_path, log_path, workers=1) as (base, _port):
        pass
    assert f"Listening at: {base} " in log_path.read_text()
