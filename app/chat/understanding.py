"""Reading a citizen's message: dates of birth, birth years, ages and small talk. What kind of
question it asks is app/chat/intents.py. Pure: no index, no storage."""

from __future__ import annotations

import re
from datetime import date

from app.domain.facts import folkepensionsalder_band

MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "marts": 3,
    "march": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>(?:19|20)?\d\d)\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<mn>{_MONTH})\.?,?\s*(?P<y>(?:19|20)\d\d)\b"
    ),
    re.compile(
        rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
    ),
)
# "født i 1967", and "født i 67" (two digits, not the start of a date such as 03.05.66).
_BIRTH_YEAR = re.compile(
    r"\b(?:født|fødd|foedt|fodt|born)\s+(?:i\s+|in\s+)?'?"
    r"(?:(?P<y>(?:19|20)\d\d)\b|(?P<yy>\d\d)(?!\d|[.\-/]\d))"
)

_GREETINGS = {"hej", "hejsa", "hejhej", "goddag", "godmorgen", "davs", "dav", "hallo", "halløj", "hi",
              "hello", "hey", "god", "morgen", "good", "morning", "afternoon", "there", "med", "dig"}  # fmt: skip
_THANKS = {"tak", "thanks", "thank", "thx", "tusind", "mange", "you", "so", "much", "for", "hjælpen",
           "the", "help", "ok", "okay", "super", "fint", "godt", "dejligt", "great"}  # fmt: skip
_HELP = {"hjælp", "help", "hvad", "kan", "du", "what", "can", "you", "do", "me", "jeg", "spørge",
         "om", "ask", "about", "how", "does", "this", "work", "virker", "det", "?"}  # fmt: skip


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\?", text.lower())


def find_birth_date(message: str, today: date) -> date | None:
    text = message.lower()
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"])
            year = int(parts["y"])
            if year < 100:
                year += 1900 if year > today.year % 100 else 2000
            try:
                found = date(year, month, int(parts["d"]))
            except ValueError:
                continue
            if date(1900, 1, 1) <= found <= today:
                return found
    return None


def find_birth_year(message: str, today: date) -> int | None:
    match = _BIRTH_YEAR.search(message.lower())
    if not match:
        return None
    if match["yy"]:
        two_digits = int(match["yy"])
        year = two_digits + (1900 if two_digits > today.year % 100 else 2000)
    else:
        year = int(match["y"])
    return year if 1900 <= year <= today.year else None


_AGE = re.compile(
    r"\bjeg er (?P<a>\d{2}) ?(?:år|aar|ar)\b|\b(?P<b>\d{2}) (?:år|aar|ar) gammel|\bi'?m (?P<c>\d{2})\b|\bi am (?P<d>\d{2})\b|"
    r"\b(?P<e>\d{2}) years old|(?:^\W*|\bjeg )fylder (?P<f>\d{2})\b|\bi (?:turn|will be) (?P<g>\d{2})\b|"
    r"\bi(?:'m| am) turning (?P<h>\d{2})\b|^\W*(?P<k>\d{2}) (?:years|år|aar|ar)\b(?! (?:ago|siden))|\bjeg bliver (?P<j>\d{2}) (?:i år|i aar|i ar|til)\b|"
    # "jeg er 61 og ...": an age, unless a unit follows
    r"(?:\bjeg |\bæ |^\W*|, )er (?P<i>\d{2})\b(?!\s*(?:kg|kilo|procent|%|timer|uger|dage|m(?:å|aa|a)neder|kr))"
)


def find_age(message: str) -> int | None:
    match = _AGE.search(message.lower())
    if not match:
        return None
    age = int(next(value for value in match.groupdict().values() if value))
    return age if 16 <= age <= 99 else None


def birth_years_for_age(age: int, today: date) -> tuple[int, int]:
    """Someone who is `age` today was born in one of these two years."""
    return today.year - age - 1, today.year - age


def same_folkepensionsalder_all_year(year: int) -> bool:
    return folkepensionsalder_band(date(year, 1, 1)) == folkepensionsalder_band(date(year, 12, 31))


def small_talk(message: str) -> str | None:
    """ "greeting", "thanks", "help" or "empty" for a message that is only that; else None."""
    if not message.strip():
        return "empty"
    words = _words(message)
    if not words:
        return None
    if len(words) <= 6 and set(words) <= _THANKS and {"tak", "thanks", "thank", "thx"} & set(words):
        return "thanks"
    if len(words) <= 5 and set(words) <= _GREETINGS:
        return "greeting"
    if (
        len(words) <= 8
        and set(words) <= _HELP
        and (
            {"hjælp", "help"} & set(words)
            or {"hvad", "kan", "du"} <= set(words)
            or {"what", "can", "you"} <= set(words)
        )
    ):
        return "help"
    return None
