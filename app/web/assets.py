"""The site's own CSS and JavaScript, and Det Fælles Designsystem from node_modules, under names
that change with their content (or version), so browsers and CDNs may keep them for a year."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, send_from_directory, url_for

bp = Blueprint("assets", __name__)
ASSET_MAX_AGE = 365 * 24 * 60 * 60


@bp.route("/static/<fingerprint>/<path:filename>")
def asset(fingerprint: str, filename: str) -> Any:
    current = current_app.extensions["asset_fingerprints"].get(filename)
    return send_asset(Path(current_app.root_path) / "static", filename, fingerprint == current)


@bp.route("/static/dkfds/<version>/<path:filename>")
def dkfds(version: str, filename: str) -> Any:
    current = current_app.extensions["dkfds_version"]
    return send_asset(Path(current_app.config["DKFDS_DIR"]), filename, version == current)


def send_asset(folder: Path, filename: str, name_is_current: bool) -> Any:
    """A year and "immutable" under the current name; an old name still works, cached briefly."""
    response = send_from_directory(
        folder, filename, max_age=ASSET_MAX_AGE if name_is_current else 300
    )
    if name_is_current:
        response.headers["Cache-Control"] += ", immutable"
    return response


def asset_url(filename: str) -> str:
    fingerprint = current_app.extensions["asset_fingerprints"].get(filename, "0")
    return url_for("assets.asset", fingerprint=fingerprint, filename=filename)


def dkfds_url(filename: str) -> str:
    return url_for(
        "assets.dkfds", version=current_app.extensions["dkfds_version"], filename=filename
    )


def fingerprint_assets(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in folder.iterdir()
        if path.is_file()
    }


def dkfds_version(dist: Path) -> str:
    package = dist.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "0"


def init_app(app: Any) -> None:
    app.extensions["asset_fingerprints"] = fingerprint_assets(Path(app.root_path) / "static")
    app.extensions["dkfds_version"] = dkfds_version(Path(app.config["DKFDS_DIR"]))
    app.jinja_env.globals.update(asset_url=asset_url, dkfds_url=dkfds_url)
    app.register_blueprint(bp)
