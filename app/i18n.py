"""Translations: each language's catalogue loaded once, and passed wherever the language is known.

Every request knows its language from its URL, so nothing here looks a language up: the web layer
asks for `language(code)` and hands the result to templates and presenters. Interface texts are
English msgids in app/translations/{da,en}; Python marks them with `N_` where they are defined and
translates them where they are shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import Translations

LANGUAGES: tuple[str, ...] = ("da", "en")
DEFAULT_LANGUAGE = "da"
# Babel locales per site language: British English writes dates as "1 May 2026".
BABEL_LOCALES = {"da": "da", "en": "en_GB"}
CATALOGUES = Path(__file__).resolve().parent / "translations"


def N_(text: str) -> str:
    """Marks an interface text for extraction where it is defined; it is translated where shown."""
    return text


@dataclass(frozen=True)
class Language:
    code: str
    locale: Locale
    catalogue: Translations

    def gettext(self, text: str, **values: object) -> str:
        translated = self.catalogue.gettext(text)
        return translated % values if values else translated

    def ngettext(self, one: str, many: str, count: int, **values: object) -> str:
        return self.catalogue.ngettext(one, many, count) % {"num": count, **values}

    def date_text(self, value: date) -> str:
        return format_date(value, "long", locale=self.locale)

    def number_text(self, value: str | float, pattern: str = "#,##0.##") -> str:
        """A number as the language writes it: 12,5 in Danish, 12.5 in English."""
        return format_decimal(float(value), format=pattern, locale=self.locale)


@cache
def language(code: str) -> Language:
    """The language with its catalogue, loaded on first use and kept for the process."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    locale = BABEL_LOCALES[code]
    return Language(code, Locale.parse(locale), Translations.load(str(CATALOGUES), [locale]))
