"""The answer pages and the lists that lead to them (home, categories, A-Z), the accessibility
statement, the "Did this answer your question?" form under every answer, and the page an
advisor sends or prints for a citizen (an answer's address with a QR code)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import segno
from flask import Blueprint, abort, current_app, render_template, request, url_for
from markupsafe import Markup, escape

from app.content.loader import CATEGORIES
from app.domain.facts import FOLKEPENSIONSALDER_BANDS, TIDLIG_PENSION_BANDS
from app.feedback.store import MAX_COMMENT_CHARS, FeedbackStore
from app.web.presenters import first_sentences
from app.web.site import _, category_intros, library, page

bp = Blueprint("pages", __name__)

# The table shows only the cohorts whose seniority the law's text states.
CONFIRMED_TIDLIG_PENSION_BANDS = tuple(
    band for band in TIDLIG_PENSION_BANDS if band.seniority_years is not None
)


@page(bp, "home")
def home(lang: str) -> str:
    return render_template(
        "pages/home.html", categories=library().categories(lang), intros=category_intros(lang)
    )


@page(bp, "category")
def category(lang: str, category: str) -> str:
    if category not in CATEGORIES:
        abort(404)
    return render_template(
        "pages/category.html",
        category=category,
        intro=category_intros(lang)[category],
        answers=library().in_category(lang, category),
    )


@page(bp, "a_to_z")
def a_to_z(lang: str) -> str:
    return render_template("pages/a_to_z.html", answers=library().a_to_z(lang))


# An answer with this many sections is long on a phone: with JavaScript its sections become
# DKFDS's accordion (closed, except the one a link points to). Without it, all stay open.
FOLDED_ANSWER_SECTIONS = 6


@page(bp, "answer")
def answer(lang: str, slug: str) -> str:
    found = library().get(lang, slug)
    if found is None:
        abort(404)
    return render_template(
        "pages/answer.html",
        answer=found,
        related=library().related(found),
        folkepensionsalder_bands=FOLKEPENSIONSALDER_BANDS,
        tidlig_pension_bands=CONFIRMED_TIDLIG_PENSION_BANDS,
        canonical_url=url_for("pages.answer", lang=lang, slug=slug, _external=True),
        folded=len(found.body.sections) >= FOLDED_ANSWER_SECTIONS,
    )


@page(bp, "share")
def share(lang: str, slug: str) -> str:
    """What an advisor sends or prints for a citizen: the plain address of the answer (or one of
    its sections), a QR code of it and the short answer."""
    found = library().get(lang, slug)
    if found is None:
        abort(404)
    sections = {section.anchor: section for section in found.body.sections}
    section = sections.get(request.args.get("afsnit", ""))
    address = url_for("pages.answer", lang=lang, slug=slug, _external=True)
    if section is not None:
        address += f"#{section.anchor}"
    return render_template(
        "pages/share.html",
        answer=found,
        section=section,
        quote=first_sentences(section.text) if section else None,
        address=address,
        qr_svg=Markup(qr_code_svg(address, _("QR code for the address"))),
        today=date.today(),
    )


def qr_code_svg(address: str, label: str) -> str:
    """An SVG QR code of the address (segno, made here: no outside service sees the address)."""
    output = io.BytesIO()
    segno.make(address, error="m").save(
        output, kind="svg", scale=6, border=4, xmldecl=False, svgclass="qr-code", lineclass=None
    )
    svg = output.getvalue().decode()
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


@page(bp, "accessibility")
def accessibility(lang: str) -> str:
    return render_template("pages/accessibility.html")


def feedback_store() -> FeedbackStore:
    return current_app.extensions["feedback"]


@page(bp, "feedback", methods=["POST"])
def feedback(lang: str, slug: str) -> Any:
    """Yes is stored at once; no asks for an optional comment first, then stores both together.
    Works without JavaScript and without a cookie: the vote travels in the form."""
    found = library().get(lang, slug)
    if found is None:
        abort(404)
    helpful = request.form.get("helpful")
    if helpful not in ("yes", "no"):
        abort(400)
    if helpful == "no" and request.form.get("step") != "comment":
        return render_template("pages/feedback.html", answer=found, step="comment")
    comment = (
        request.form.get("comment", "") if helpful == "no" and "skip" not in request.form else ""
    )
    if len(comment) > MAX_COMMENT_CHARS:
        error = _("Please keep the comment to %(max)s characters.", max=MAX_COMMENT_CHARS)
        return render_template(
            "pages/feedback.html", answer=found, step="comment", error=error, draft=comment
        ), 400
    feedback_store().record_vote(slug, lang, helpful == "yes", comment or None, date.today())
    return render_template("pages/feedback.html", answer=found, step="thanks")
