"""Browser tests: the site served by gunicorn on 127.0.0.1, driven in Debian's Chromium by
Playwright. Without Chromium they are skipped with one line saying how to install it, except in CI
(CI=true), where a missing browser is a failure."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
INSTALL_HINT = (
    "browser tests skipped: install Chromium with 'apt-get install -y chromium' (CI does)"
)


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ARG001
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"CI=true but Chromium is missing at {CHROMIUM}")
    skip = pytest.mark.skip(reason=INSTALL_HINT)
    for item in items:
        if "tests/browser/" in str(item.fspath) and "html_validity" not in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> str:
    """gunicorn as in production, on a free port on 127.0.0.1."""
    port = _free_port()
    data = tmp_path_factory.mktemp("live")
    env = {
        **os.environ,
        "PORT": str(port),
        "WORKERS": "2",
        "PENSIONSGUIDEN_DATABASE_URL": f"sqlite:///{data}/feedback.sqlite3",
        "PENSIONSGUIDEN_SECRET_KEY": "browser-tests",
    }
    log = (data / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:app.gunicorn_config"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        server.terminate()
        raise RuntimeError("gunicorn did not start: " + (data / "gunicorn.log").read_text())
    yield base
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
