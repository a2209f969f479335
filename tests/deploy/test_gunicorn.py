"""The site under gunicorn as `make run` serves it (deploy/gunicorn.conf.py)."""

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
    # socket per worker the kernel spreads them (reuse_port in deploy/gunicorn.conf.py).
    with gunicorn_serving(tmp_path, tmp_path / "gunicorn.log", workers=2) as (_base, port):
        assert listening_sockets(port) == 2


def test_each_worker_hands_the_interpreter_lock_over_more_often_than_python_s_default() -> None:
    # A quick page must not wait long behind a thread computing a long chat reply.
    import runpy
    import sys

    settings = runpy.run_path(str(Path(__file__).parents[2] / "deploy" / "gunicorn.conf.py"))
    default = sys.getswitchinterval()
    try:
        settings["post_fork"](None, None)
        assert sys.getswitchinterval() == settings["SWITCH_INTERVAL_SECONDS"] < default
    finally:
        sys.setswitchinterval(default)
    assert settings["threads"] >= 8
