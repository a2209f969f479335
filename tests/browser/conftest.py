"""Browser tests: the site served by gunicorn on 127.0.0.1, driven in Debian's Chromium by
Playwright. Without Chromium they are skipped with one line saying how to install it, except in CI
(CI=true), where a missing browser is a failure."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gunicorn_server import gunicorn_serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
INSTALL_HINT = (
    "browser tests skipped: install Chromium with 'apt-get install -y chromium' (CI does)"
)


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ARG001
    # Everything in tests/browser/ is the slow lane: `make test-fast` leaves it out (-m "not browser").
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> Iterator[str]:
    """gunicorn as in production, on a free port on 127.0.0.1."""
    data = tmp_path_factory.mktemp("live")
    with gunicorn_serving(
        data, data / "gunicorn.log", workers=2, PENSIONSGUIDEN_SECRET_KEY="browser-tests"
    ) as (base, _port):
        yield base


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    return live_server


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def page_without_javascript(browser) -> Iterator:
    """A page in a browser context with JavaScript off, as some citizens' browsers are."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
