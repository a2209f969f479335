"""The chat's replies made ready to show (paragraphs, links, a next step), for its page and its API."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from flask import current_app, url_for

from app.chat import reply as chat
from app.chat.ranking import ChatRanker
from app.chat.understanding import birth_years_for_age
from app.domain.outcomes import Answers
from app.domain.rules import assess
from app.domain.sealing import seal
from app.web import wording
from app.web.site import library

# Answers about how long a case may take and when to complain: the chat also offers the
# deadlines tool with them.
DEADLINE_ANSWERS = frozenset(
    {"sagsbehandlingstid-og-forsoergelse", "klage-ankestyrelsen", "seniorpension-afslag-og-klage"}
)


@dataclass(frozen=True)
class ChatView:
    """A chat reply ready to show: paragraphs, the answer to read, other links, and a next step."""

    paragraphs: tuple[str, ...]
    primary: tuple[str, str] | None = None
    others_intro: str | None = None
    others: tuple[tuple[str, str], ...] = ()
    action: tuple[str, str] | None = None
    quote: str | None = None  # the start of the section that answers
    legal_ref: str | None = None  # the law behind it

    def as_text(self, language: wording.Wording) -> str:
        lines = list(self.paragraphs)
        if self.quote:
            lines.append(f"“{self.quote}”" + (f" ({self.legal_ref})" if self.legal_ref else ""))
        elif self.legal_ref:
            lines.append(f"({self.legal_ref})")
        if self.primary:
            lines.append(f"{language.chat_texts['read_more']} {self.primary[0]}")
        if self.others:
            if self.others_intro:
                lines.append(self.others_intro)
            lines.extend(f"- {title}" for title, _url in self.others)
        if self.action:
            lines.append(self.action[0])
        return "\n".join(lines)


def chat_ranker(lang: str) -> ChatRanker:
    return current_app.extensions["chat"][lang]


def questionnaire_start_url(lang: str, born: date | None) -> str:
    """The questionnaire, with a birth date the chat understood sealed in (never readable)."""
    if born is None:
        return url_for("questionnaire.questionnaire", lang=lang)
    token = seal({"birth_date": born.isoformat()}, current_app.config["SECRET_KEY"])
    return url_for("questionnaire.questionnaire", lang=lang, start=token)


def answer_chat(
    message: str, lang: str, previous: str | None = None
) -> tuple[chat.ChatReply, ChatView]:
    found = chat.reply(message, chat_ranker(lang), date.today(), previous)
    return found, chat_view(found, lang)


def chat_view(found: chat.ChatReply, lang: str) -> ChatView:
    texts = wording.for_language(lang).chat_texts
    kinds = chat.ReplyKind

    def link(slug: str) -> tuple[str, str]:
        answer = library().get(lang, slug)
        return (answer.entry.title if answer else slug), url_for(
            "pages.answer", lang=lang, slug=slug
        )

    advice = (texts["advice"], url_for("pages.answer", lang=lang, slug="kontakt-og-raadgivning"))
    action = None
    if found.offer_questionnaire or found.kind is kinds.SENIORPENSION_DATE:
        action = (texts["questionnaire"], questionnaire_start_url(lang, found.birth_date))
    if found.kind is kinds.ANSWER:
        best = library().get(lang, found.sources[0])
        primary, quote = link(found.sources[0]), None
        legal_ref = best.entry.legal_refs[0].text if best and best.entry.legal_refs else None
        section = next(
            (part for part in (best.body.sections if best else ()) if part.anchor == found.section),
            None,
        )
        if best and section:
            quote = first_sentences(section.text)
            refs = tuple(ref.text for ref in best.entry.legal_refs)
            legal_ref = section_legal_ref(section.text, refs) or legal_ref
            primary = (
                f"{best.entry.title} – {section.heading}",
                url_for("pages.answer", lang=lang, slug=best.slug, _anchor=section.anchor),
            )
        others = tuple(link(slug) for slug in found.sources[1:3])
        if found.sources[0] in DEADLINE_ANSWERS:
            # "How long may it take?": the deadlines tool works out the dates.
            others = ((texts["deadlines"], url_for("deadlines.deadlines", lang=lang)), *others)
        return ChatView(
            (best.summary if best else "",),
            primary,
            texts["also"],
            others,
            action,
            quote,
            legal_ref,
        )
    if found.kind is kinds.NOT_SURE:
        others = (*(link(slug) for slug in found.sources[:3]), advice)
        return ChatView((texts["not_sure"],), None, None, others, action)
    if found.kind is kinds.NO_MATCH:
        return ChatView((texts["no_match"],), None, None, (advice,), action)
    if found.kind in (kinds.FOLKEPENSION_DATE, kinds.SENIORPENSION_DATE):
        return ChatView(
            (date_paragraph(found, wording.for_language(lang)),),
            link(found.sources[0]),
            action=action,
        )
    return ChatView((texts[found.kind.value],), action=action)


def date_paragraph(found: chat.ChatReply, language: wording.Wording) -> str:
    texts = language.chat_texts
    if found.birth_date is None and found.age_now is not None:
        first, second = birth_years_for_age(found.age_now, date.today())
        years, months, _reached = chat.folkepension_for(date(second, 1, 1))
        values = {
            "now": found.age_now,
            "age": wording.age_text(years, months),
            "first": first + years,
            "second": second + years,
        }
        return texts["folkepension_age"] % values
    if found.birth_date is None:
        assert found.birth_year is not None
        years, months, reached = chat.folkepension_for(date(found.birth_year, 1, 1))
        values = {
            "year": found.birth_year,
            "age": wording.age_text(years, months),
            "reach_year": reached.year,
        }
        return texts["folkepension_year"] % values
    outcome = assess(Answers(found.birth_date), max(date.today(), found.birth_date))
    values = {
        "born": language.date_text(found.birth_date),
        "age": wording.age_text(
            outcome.folkepensionsalder_months // 12, outcome.folkepensionsalder_months % 12
        ),
        "date": language.date_text(outcome.folkepension_date),
        "opens": language.date_text(outcome.seniorpension_window_opens),
        "apply": language.date_text(outcome.seniorpension_apply_from),
    }
    key = (
        "seniorpension_date"
        if found.kind is chat.ReplyKind.SENIORPENSION_DATE
        else "folkepension_date"
    )
    return texts[key] % values


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PARAGRAPH_REF = re.compile(r"§+\s*\d+(?:\s?[a-z]\b)?(?:,\s*stk\.\s*\d+)?")
QUOTE_CHARS = 240


def first_sentences(text: str) -> str:
    """The start of a section, whole sentences up to about QUOTE_CHARS characters."""
    quote = ""
    for sentence in _SENTENCE_END.split(text):
        if quote and len(quote) + len(sentence) > QUOTE_CHARS:
            break
        quote = f"{quote} {sentence}".strip()
    return quote[: QUOTE_CHARS * 2]


def section_legal_ref(text: str, legal_refs: tuple[str, ...]) -> str | None:
    """The answer's legal reference that the section names (its § appears in it), if any."""
    named = {
        match.group(0).replace("§§", "§").replace(" ", "")
        for match in _PARAGRAPH_REF.finditer(text)
    }
    for ref in legal_refs:
        if any(paragraph in ref.replace(" ", "") for paragraph in named):
            return ref
    return None
