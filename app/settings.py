"""Every setting with its default; read once at startup from PENSIONSGUIDEN_* environment variables."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "PENSIONSGUIDEN"
# Searches (results and whole pages) kept in memory per worker and language.
RECENT_SEARCHES = 2_048

DEFAULTS: dict[str, Any] = {
    "CONTENT_DIR": str(ROOT / "content"),
    "DKFDS_DIR": str(ROOT / "node_modules" / "dkfds" / "dist"),
    "SITE_NAME": "Pensionsguiden",
    # Contact details of the organisation running the site; empty means "not configured".
    "CONTACT_NAME": "",
    "CONTACT_PHONE": "",
    "CONTACT_EMAIL": "",
    "CONTACT_ADDRESS": "",
    "CONTACT_HOURS": "",
    "SEARCH_INDEX_DIR": str(ROOT / "search_index"),
    "DATABASE_URL": "sqlite:///" + str(ROOT / "instance" / "pensionsguiden.sqlite3"),
    # The editors' page /redaktion: user name and a werkzeug password hash; unset = page closed.
    "EDITOR_USERNAME": "redaktion",
    "EDITOR_PASSWORD_HASH": "",
    # Requests per client, counted in memory per worker process and never logged: to the JSON
    # APIs together; form posts and searches together; the editors' pages (guessing the password).
    "API_RATE_LIMIT": "120 per minute",
    "FORM_RATE_LIMIT": "60 per minute",
    "EDITOR_RATE_LIMIT": "10 per minute",
    # Addresses of the proxies whose X-Forwarded-For/-Proto the app believes (behind nginx on the
    # same machine: 127.0.0.1); none by default.
    "TRUSTED_PROXIES": "",
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    # Serve pages that are the same for everyone (answers, categories, ...) from memory.
    "PAGE_CACHE": True,
    # Recent search results and search pages kept per worker and language (0: none, as the search
    # benchmark measures).
    "RECENT_SEARCHES": RECENT_SEARCHES,
    # Host names the site answers to, besides localhost (a list, or names separated by commas);
    # PENSIONSGUIDEN_SERVER_NAME counts too. Any other Host gets a 400 before any page or cache.
    "ALLOWED_HOSTS": "",
    # The largest request body read: forms and chat messages are a few kilobytes at most.
    "MAX_CONTENT_LENGTH": 64 * 1024,
}

log = logging.getLogger("pensionsguiden")


def configure(config: Any, test_config: dict[str, Any] | None = None) -> None:
    """Defaults, then the environment, then a test's own settings (a Flask config object)."""
    config.from_mapping(DEFAULTS)
    if os.environ.get("DATABASE_URL"):
        config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    config.from_prefixed_env(ENV_PREFIX)
    if test_config:
        config.from_mapping(test_config)
    if not config.get("SECRET_KEY"):
        # Safe for local use: nothing signed with it outlives the process. Production sets
        # PENSIONSGUIDEN_SECRET_KEY so every worker and restart shares one key.
        config["SECRET_KEY"] = secrets.token_urlsafe(32)
        log.warning("PENSIONSGUIDEN_SECRET_KEY is not set; using a random key for this process")


def setting_list(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """A setting that lists names: a JSON list from the environment, or names separated by commas."""
    names = value.split(",") if isinstance(value, str) else list(value)
    return [name.strip() for name in names if name.strip()]


def contact_details(config: Any) -> dict[str, str]:
    """The organisation's contact details that are set, by name."""
    return {
        key: config[f"CONTACT_{key.upper()}"]
        for key in ("name", "phone", "email", "address", "hours")
        if config.get(f"CONTACT_{key.upper()}")
    }
