"""Tests of deploy/nginx.conf: the site under gunicorn with nginx in front, both on 127.0.0.1.
Without nginx they are skipped with one line saying how to install it, except in CI (CI set),
where a missing nginx is a failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
INSTALL_HINT = "nginx tests skipped: install nginx with 'apt-get install -y nginx' (CI does)"


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ARG001
    ours = [item for item in items if "tests/deploy/" in item.path.as_posix()]
    if not ours or Path(NGINX).exists():
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"CI is set but nginx is missing at {NGINX}")
    skip = pytest.mark.skip(reason=INSTALL_HINT)
    for item in ours:
        item.add_marker(skip)
