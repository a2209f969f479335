"""The personal-data patterns, in one place: what must never be stored, cached or logged."""

from __future__ import annotations

import re

REMOVED = "[fjernet]"

# Danish CPR numbers, phone numbers and e-mail addresses: never stored.
_CPR = re.compile(r"\b\d{6}[- ]?\d{4}\b")
_PHONE = re.compile(r"(?:\+|00)?(?:45)?[\s-]?\b(?:\d[\s-]?){8}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_LONG_NUMBER = re.compile(r"\d{6,}")


def scrub(text: str) -> str:
    """A text with CPR numbers, phone numbers and e-mail addresses taken out."""
    for pattern in (_EMAIL, _CPR, _PHONE):
        text = pattern.sub(REMOVED, text)
    return text


def holds_personal_details(text: str) -> bool:
    """Whether a text looks like it holds a CPR number, phone number, e-mail address or other long
    number: such text is never stored or cached."""
    return any(pattern.search(text) for pattern in (_EMAIL, _CPR, _PHONE, _LONG_NUMBER))
