"""The personal-data patterns, in one place: what must never be stored, cached or logged. Used by
the search caches, the failed-search store, the comment store, the page cache's choice and the
access log. They err on the side of removing too much: a comment with a date in it loses the date."""

from __future__ import annotations

import re

REMOVED = "[fjernet]"

_DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen, non-breaking hyphen, dashes, minus
_MONTH = r"(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-z]*"  # both languages
# Danish CPR numbers as people write them: 0101651234, 010165-1234, 010165 - 1234,
# 01.01.65-1234, 0101 65 1234, with any kind of hyphen.
_CPR = re.compile(rf"\b\d{{2}}[.\s]?\d{{2}}[.\s]?\d{{2}}\s*[{_DASH}]?\s*\d{{4}}\b")
_PHONE = re.compile(r"(?:\+|00)?(?:45)?[\s-]?\b(?:\d[\s-]?){8}\b")
# E-mail addresses, also written to fool robots: name(at)example.dk, name [at] example dot dk.
_EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\{at\})\s*[\w-]+"
    r"(?:\s*(?:\.|\(dot\)|\[dot\]|\sdot\s)\s*[\w-]+)+",
    re.IGNORECASE,
)
# Whole dates, such as a date of birth: 03.05.1966, 3/5-66, 1966-05-03, 3. maj 1966, May 3, 1966.
_DATE = re.compile(
    rf"\b\d{{1,2}}[./{_DASH}]\d{{1,2}}[./{_DASH}](?:\d{{4}}|\d{{2}})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"\b\d{{1,2}}\.?\s*{_MONTH}\.?\s+\d{{4}}\b|\b{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}\b",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(r"\d{6,}")
# A person's name: "jeg hedder Hanne", "my name is Ali", or two or more capitalised words in a
# row ("Hanne Jensen") that are not the name of an authority or a place the answers mention.
_NAMED = re.compile(
    r"\b(?:jeg hedder|mit navn er|hun hedder|han hedder|my name is|i am called)\s+\w+",
    re.IGNORECASE,
)
_CAPITALISED_WORDS = re.compile(r"\b[A-ZÆØÅ][a-zæøåéü]+(?:[ \-][A-ZÆØÅ][a-zæøåéü]+)+\b")
NOT_NAMES = frozenset(
    {"udbetaling danmark", "det fælles designsystem", "det fælles", "fælles designsystem"}
)


def _not_an_authority(match: re.Match[str]) -> str:
    return match[0] if match[0].lower() in NOT_NAMES else REMOVED


_PATTERNS = (_EMAIL, _CPR, _DATE, _PHONE, _LONG_NUMBER)


def scrub(text: str) -> str:
    """A text with CPR numbers, phone numbers, e-mail addresses, dates, long numbers and names
    taken out."""
    for pattern in (*_PATTERNS, _NAMED):
        text = pattern.sub(REMOVED, text)
    return _CAPITALISED_WORDS.sub(_not_an_authority, text)


def holds_personal_details(text: str) -> bool:
    """Whether a text looks like it holds a CPR number, phone number, e-mail address, a whole
    date, a long number or a person's name: such text is never stored or cached."""
    return scrub(text) != text


_RESULT_LINK = re.compile(
    r"^(/tjek/resultat/|/en/check/result/|/frister/resultat/|/en/deadlines/result/).*", re.DOTALL
)
MAX_LOGGED_PATH = 200


def path_for_log(path: str) -> str:
    """A request's path as the log may keep it: a result link's token (it holds the citizen's
    answers) and personal details taken out, and any control character written as an escape, so
    one request is always one line."""
    path = _RESULT_LINK.sub(r"\1-", path)
    path = scrub(path[:MAX_LOGGED_PATH])
    return "".join(
        char if char.isprintable() and char not in '"\\' else f"\\x{ord(char):02x}" for char in path
    )
