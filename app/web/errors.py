"""Error pages in the page's language, and JSON errors for the APIs."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


def http_error(error: HTTPException) -> Any:
    if request.path.startswith("/api/"):
        message = "Too many requests: please wait a little." if error.code == 429 else error.name
        response = jsonify({"error": {"field": None, "message": message}})
        response.status_code = error.code or 500
        return response
    return render_template("error.html", error=error), error.code or 500


def unexpected_error(error: Exception) -> Any:
    current_app.logger.exception("unhandled error on %s %s", request.method, request.path)
    if request.path.startswith("/api/"):
        response = jsonify({"error": {"field": None, "message": "Internal server error"}})
        response.status_code = 500
        return response
    return render_template("error.html", error=None), 500


def init_app(app: Any) -> None:
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected_error)
