"""What every page shares: its language (from the URL), the URL table, and the template globals."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from types import MappingProxyType
from typing import Any

from flask import Blueprint, current_app, request, url_for

from app.content.library import Library
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Language, language

# Every public page has one endpoint and one path per language; url_for(endpoint, lang=...) picks it.
PAGE_PATHS: dict[str, dict[str, str]] = {
    "pages.home": {"da": "/", "en": "/en/"},
    "pages.category": {"da": "/kategori/<category>", "en": "/en/category/<category>"},
    "pages.a_to_z": {"da": "/a-z", "en": "/en/a-z"},
    "pages.answer": {"da": "/faq/<slug>", "en": "/en/faq/<slug>"},
    "pages.accessibility": {"da": "/tilgaengelighed", "en": "/en/accessibility"},
    "pages.feedback": {"da": "/faq/<slug>/feedback", "en": "/en/faq/<slug>/feedback"},
    "pages.share": {"da": "/faq/<slug>/del", "en": "/en/faq/<slug>/share"},
    "search.search": {"da": "/search", "en": "/en/search"},
    "questionnaire.questionnaire": {"da": "/tjek", "en": "/en/check"},
    "questionnaire.result_link": {"da": "/tjek/resultat/<token>", "en": "/en/check/result/<token>"},
    "chat.chat": {"da": "/chat", "en": "/en/chat"},
    "deadlines.deadlines": {"da": "/frister", "en": "/en/deadlines"},
    "deadlines.result_link": {
        "da": "/frister/resultat/<token>",
        "en": "/en/deadlines/result/<token>",
    },
}

CATEGORY_LABELS = {
    "foertidspension": N_("Førtidspension (disability pension)"),
    "seniorpension": N_("Seniorpension (for the worn out)"),
    "andre-veje": N_("Other routes: folkepension and tidlig pension"),
    "din-sag": N_("Your case: money, deadlines and rights"),
    "om-siden": N_("About this site"),
}
CATEGORY_INTROS = {
    "foertidspension": N_(
        "For people aged 40 or more whose ability to work is permanently reduced."
    ),
    "seniorpension": N_(
        "For people with a long working life and at most 6 years to folkepensionsalder."
    ),
    "andre-veje": N_(
        "When you reach folkepensionsalder, or can retire early after many years of work."
    ),
    "din-sag": N_(
        "What you get, how long it takes, your rights, and what to write when you apply or complain."
    ),
    "om-siden": N_("Where to get advice and who runs this site."),
}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


def page(bp: Blueprint, endpoint: str, **options: Any) -> Callable[..., Any]:
    """Register a view under its path in each language, with the language as a URL default."""

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        for lang, path in PAGE_PATHS[f"{bp.name}.{endpoint}"].items():
            bp.add_url_rule(path, endpoint, view, defaults={"lang": lang}, **options)
        return view

    return register


def page_language() -> str:
    """The site language of this request: from the URL only, never a cookie or header."""
    if request.view_args and request.view_args.get("lang") in LANGUAGES:
        return request.view_args["lang"]
    return "en" if request.path == "/en" or request.path.startswith("/en/") else DEFAULT_LANGUAGE


def page_texts() -> Language:
    """The catalogue of this request's language."""
    return language(page_language())


def translate(text: str, **values: object) -> str:
    """An interface text in this request's language (an English msgid, `%(name)s` filled in)."""
    return page_texts().gettext(text, **values)


_ = translate  # the name pybabel extracts


@cache
def category_labels(lang: str) -> MappingProxyType[str, str]:
    return MappingProxyType(
        {key: language(lang).gettext(text) for key, text in CATEGORY_LABELS.items()}
    )


@cache
def category_intros(lang: str) -> MappingProxyType[str, str]:
    return MappingProxyType(
        {key: language(lang).gettext(text) for key, text in CATEGORY_INTROS.items()}
    )


def library() -> Library:
    return current_app.extensions["library"]


def other_language_url() -> str | None:
    if request.endpoint is None or request.url_rule is None or not request.view_args:
        return None
    other = "en" if page_language() == "da" else "da"
    return url_for(request.endpoint, **{**request.view_args, "lang": other})


def page_globals() -> dict[str, Any]:
    lang = page_language()
    return {
        "lang": lang,
        "other_lang": "en" if lang == "da" else "da",
        "language_names": LANGUAGE_NAMES,
        "other_language_url": other_language_url,
        "category_labels": category_labels(lang),
        "site_name": current_app.config["SITE_NAME"],
        "contact": current_app.extensions["contact"],
    }


def install_translations(app: Any) -> None:
    """Templates translate with Jinja's i18n extension (new-style gettext: escaped, with %(name)s
    filled in), from the catalogue of the request's language."""
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(
        lambda text: page_texts().catalogue.gettext(text),
        lambda one, many, count: page_texts().catalogue.ngettext(one, many, count),
        newstyle=True,
    )
    app.jinja_env.filters["long_date"] = lambda value: page_texts().date_text(value)
    app.context_processor(page_globals)
