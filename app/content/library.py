"""The loaded and rendered answers the site serves, with the lists pages need (category, A-Z, related)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.content.loader import CATEGORIES, ContentSet, FaqEntry, load_content, sort_key
from app.content.rendering import RenderedBody, fill_figures, render_markdown


@dataclass(frozen=True)
class Answer:
    entry: FaqEntry
    body: RenderedBody
    summary: str

    @property
    def slug(self) -> str:
        return self.entry.slug


@dataclass
class Library:
    content: ContentSet
    answers: dict[str, dict[str, Answer]]
    _a_to_z: dict[str, list[Answer]] = field(init=False)

    def __post_init__(self) -> None:
        # Sorted once: every page's menu and lists read these.
        self._a_to_z = {
            lang: sorted(answers.values(), key=lambda a: sort_key(a.entry.title))
            for lang, answers in self.answers.items()
        }

    @classmethod
    def load(cls, root: Path) -> Library:
        content = load_content(root)
        answers = {
            lang: {slug: _answer(entry) for slug, entry in entries.items()}
            for lang, entries in content.entries.items()
        }
        return cls(content, answers)

    def rendered(self) -> dict[tuple[str, str], RenderedBody]:
        return {
            (lang, slug): answer.body
            for lang, answers in self.answers.items()
            for slug, answer in answers.items()
        }

    def get(self, lang: str, slug: str) -> Answer | None:
        return self.answers.get(lang, {}).get(slug)

    def a_to_z(self, lang: str) -> list[Answer]:
        return self._a_to_z.get(lang, [])

    def in_category(self, lang: str, category: str) -> list[Answer]:
        return [answer for answer in self.a_to_z(lang) if answer.entry.category == category]

    def categories(self, lang: str) -> list[tuple[str, list[Answer]]]:
        return [(category, self.in_category(lang, category)) for category in CATEGORIES]

    def related(self, answer: Answer) -> list[Answer]:
        found = (self.get(answer.entry.lang, slug) for slug in answer.entry.related)
        return [related for related in found if related is not None]


def _answer(entry: FaqEntry) -> Answer:
    return Answer(entry, render_markdown(entry.body), fill_figures(entry.summary))
