"""Error pages in the page's language, and JSON errors for the APIs."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, redirect, render_template, request
from werkzeug.exceptions import HTTPException

from app.i18n import LANGUAGES, N_, language
from app.privacy import path_for_log

API_MESSAGES = {
    429: N_("Too many requests: please wait a minute."),
    404: N_("There is no such address in the API."),
    405: N_("This address cannot be used with that method."),
    413: N_("The request is too long."),
}


def api_language() -> str:
    """The language an API request asked for (query or JSON body), Danish otherwise."""
    asked = request.args.get("lang")
    if asked is None and request.is_json:
        try:
            body = request.get_json(silent=True)
        except RecursionError:
            body = None
        asked = body.get("lang") if isinstance(body, dict) else None
    return asked if asked in LANGUAGES else "da"


def http_error(error: HTTPException) -> Any:
    code = error.code or 500
    if request.path.startswith("/api/"):
        message = API_MESSAGES.get(code, N_("The request could not be used."))
        response = jsonify(
            {"error": {"field": None, "message": language(api_language()).gettext(message)}}
        )
        response.status_code = code
        return response
    if code == 404 and request.method in ("GET", "HEAD"):
        corrected = current_app.extensions["addresses"].corrected(request.path)
        if corrected is not None:
            query = request.query_string.decode("latin-1")
            return redirect(corrected + (f"?{query}" if query else ""), 301)
    response = current_app.make_response((render_template("error.html", error=error), code))
    if code == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="Redaktion", charset="UTF-8"'
    return response


def unexpected_error(error: Exception) -> Any:
    current_app.logger.exception(
        "unhandled error on %s %s", request.method, path_for_log(request.path)
    )
    if request.path.startswith("/api/"):
        message = language(api_language()).gettext(N_("Something went wrong on our side."))
        response = jsonify({"error": {"field": None, "message": message}})
        response.status_code = 500
        return response
    return render_template("error.html", error=None), 500


def init_app(app: Any) -> None:
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, unexpected_error)
