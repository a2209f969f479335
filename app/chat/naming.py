"""Which pension a text names, which topic beside a pension (efterløn, housing benefit, ...), and
which of its sentences asks the question. Pure: no index, no storage."""

from __future__ import annotations

import re

# Which pension a message names.
PENSION_TYPES: dict[str, re.Pattern[str]] = {
    "seniorpension": re.compile(
        r"senior ?pension|seniorpenison|seniorpention|nedslidningspension|"
        # "the pension for worn-out people", in everyday words
        r"pension(?:en)? (?:for|til) (?:de |dem )?(?:der er )?(?:helt )?(?:nedslidte|slidt (?:ned|op))|"
        r"pension for (?:the )?worn[- ]out|worn[- ]out (?:people'?s )?pension"
    ),
    "foertidspension": re.compile(
        r"f(?:ø|oe|o)rtids ?pension|\bf(?:ø|o)p\b|disability pension|early retirement pension|"
        r"invalide ?pension|invalidity pension|sygepension|sickness pension"
    ),
    "tidlig_pension": re.compile(
        r"tidlig(?:e)? pension|\barne|early pension|early retirement\b(?! pension)"
    ),
    "folkepension": re.compile(
        r"folkepension|state pension|old.age pension|pensionsalder|pension age"
    ),
}


def pension_types(text: str) -> set[str]:
    lowered = text.lower()
    return {name for name, pattern in PENSION_TYPES.items() if pattern.search(lowered)}


# Topics beside a pension that an answer can be about ("førtidspension while on efterløn"). An
# answer about one of them is not surely right for a message that does not mention it, however
# alike the rest of their words are ("kan jeg få førtidspension, hvis jeg har kræft?").
SIDE_TOPICS: dict[str, re.Pattern[str]] = {
    "efterloen": re.compile(r"efterl(?:ø|oe|o)n"),
    "boligstoette": re.compile(
        r"boligst(?:ø|oe|o)tte|boligsikring|boligydelse|husleje|housing benefit|\brent\b"
    ),
    "uddannelse": re.compile(r"uddann|studere|studie|\bsu\b|kursus|education|\bstudy|course"),
    "erstatning": re.compile(r"erstatning|arbejdsskade|forsikring|compensation|insurance|damages"),
    "formue": re.compile(
        r"formue|opsparing|\barv|gave|penge i banken|vundet|gevinst|lotto|wealth|savings|"
        r"inheritance|lottery"
    ),
}


def side_topics(text: str) -> set[str]:
    lowered = text.lower()
    return {name for name, pattern in SIDE_TOPICS.items() if pattern.search(lowered)}


def question_sentence(message: str) -> str:
    """The sentence(s) that ask: in a long message the story comes first, the question last."""
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", message.strip()) if part]
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    return " ".join(asked) if asked else (sentences[-1] if sentences else "")
