"""The editors' pages (/redaktion): votes, comments, failed searches and the answers whose check
against the law is due, behind HTTP basic auth against a hashed password from the settings."""

from __future__ import annotations

import hmac
from datetime import date
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request
from werkzeug.security import check_password_hash

from app.content.check import REVIEW_WARNING_DAYS, reviews_due
from app.web.pages import feedback_store
from app.web.site import library

bp = Blueprint("editors", __name__)


@bp.route("/redaktion")
def editors() -> Any:
    denied = editor_login_problem()
    if denied is not None:
        return denied
    store = feedback_store()
    titles = {
        (lang, slug): answer.entry.title
        for lang, answers in library().answers.items()
        for slug, answer in answers.items()
    }
    return render_template(
        "editors/editors.html",
        answers=store.answers(),
        failed=store.failed_searches(),
        titles=titles,
        reviews=reviews_due(library().content, date.today()),
        review_warning_days=REVIEW_WARNING_DAYS,
    )


@bp.route("/redaktion/eksport.csv")
def export() -> Any:
    denied = editor_login_problem()
    if denied is not None:
        return denied
    return Response(
        feedback_store().export_csv(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=pensionsguiden-feedback.csv"},
    )


def editor_login_problem() -> Any | None:
    """The response that refuses the editor, or None when the editor may pass."""
    expected_hash = current_app.config["EDITOR_PASSWORD_HASH"]
    if not expected_hash:
        current_app.logger.warning(
            "the editors' page is closed: set PENSIONSGUIDEN_EDITOR_PASSWORD_HASH"
        )
        abort(404)  # a closed page is no page: nothing for a stranger to try
    auth = request.authorization
    if (
        auth is None
        or auth.type != "basic"
        or not hmac.compare_digest(auth.username or "", current_app.config["EDITOR_USERNAME"])
        or not check_password_hash(expected_hash, auth.password or "")
    ):
        abort(401)
    return None
