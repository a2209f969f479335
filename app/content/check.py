"""Checks all content at once and reports every problem with file and line, plus each answer's LIX."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from app.content.loader import ContentSet, FaqEntry, Problem
from app.content.readability import LIX_LIMIT, LIX_MEDIAN_LIMIT, lix
from app.content.rendering import RenderedBody, render_markdown

ANSWER_PATH = re.compile(r"^(?:/(?P<lang>en))?/faq/(?P<slug>[^/#?]+)/?(?:#(?P<anchor>.*))?$")


# Editors are warned this long before an answer's review falls due, so it never lapses unnoticed.
REVIEW_WARNING_DAYS = 30


@dataclass(frozen=True)
class ReviewDue:
    """An answer whose check against the law is overdue, or falls due soon."""

    lang: str
    slug: str
    title: str
    review_due: date
    overdue: bool

    def __str__(self) -> str:
        state = "overdue since" if self.overdue else "due on"
        return f"content/{self.lang}/{self.slug}.md: review {state} {self.review_due.isoformat()}"


def reviews_due(content: ContentSet, today: date) -> list[ReviewDue]:
    """Answers to check against the law again: overdue first, then by due date.

    A warning, not a problem: time passing must never make the content check fail."""
    horizon = today + timedelta(days=REVIEW_WARNING_DAYS)
    found = [
        ReviewDue(lang, entry.slug, entry.title, entry.review_due, entry.review_due < today)
        for lang, entries in content.entries.items()
        for entry in entries.values()
        if entry.review_due <= horizon
    ]
    return sorted(found, key=lambda due: (due.review_due, due.lang, due.slug))


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    lix_by_slug: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _line_of(entry: FaqEntry, needle: str) -> int:
    text = entry.path.read_text(encoding="utf-8")
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else entry.body_first_line


def _check_rendered(
    entry: FaqEntry,
    body: RenderedBody,
    content: ContentSet,
    is_known_path: Callable[[str], bool],
) -> list[Problem]:
    problems: list[Problem] = []
    for name in body.unknown_placeholders:
        problems.append(
            Problem(entry.path, _line_of(entry, name), f"unknown placeholder {{{{ {name} }}}}")
        )
    for name in body.misplaced_blocks:
        problems.append(
            Problem(
                entry.path,
                _line_of(entry, name),
                f"{{{{ {name} }}}} must stand on a line of its own",
            )
        )
    for heading in body.headings:
        if heading.level == 1:
            problems.append(
                Problem(
                    entry.path,
                    _line_of(entry, heading.text),
                    "use ## headings: the title is the page's h1",
                )
            )
        if not heading.explicit_anchor:
            problems.append(
                Problem(
                    entry.path,
                    _line_of(entry, heading.text),
                    f"heading {heading.text!r} needs a stable anchor, e.g. {{#{heading.anchor}}}",
                )
            )
    anchors = {heading.anchor for heading in body.headings}
    for href in body.links:
        if not href.startswith("/"):
            continue
        line = _line_of(entry, f"({href}")
        answer = ANSWER_PATH.match(href)
        if answer:
            link_lang = answer["lang"] or "da"
            target = content.get(link_lang, answer["slug"])
            if link_lang != entry.lang:
                problems.append(
                    Problem(entry.path, line, f"link {href} leads to the other language")
                )
            if target is None:
                problems.append(
                    Problem(entry.path, line, f"broken internal link {href}: no such answer")
                )
            elif answer["anchor"] and target.slug == entry.slug and answer["anchor"] not in anchors:
                problems.append(
                    Problem(entry.path, line, f"broken internal link {href}: no such section")
                )
        elif not is_known_path(href.split("#")[0].split("?")[0]):
            problems.append(Problem(entry.path, line, f"broken internal link {href}"))
    return problems


def check_content(
    content: ContentSet,
    published_slugs: set[str],
    is_known_path: Callable[[str], bool],
    rendered: dict[tuple[str, str], RenderedBody] | None = None,
) -> CheckReport:
    report = CheckReport(problems=list(content.problems))
    rendered = rendered or {}
    for lang, entries in content.entries.items():
        seen_titles: dict[str, Path] = {}
        for entry in entries.values():
            body = rendered.get((lang, entry.slug)) or render_markdown(entry.body)
            report.problems.extend(_check_rendered(entry, body, content, is_known_path))
            title_key = entry.title.casefold()
            if title_key in seen_titles:
                report.problems.append(
                    Problem(
                        entry.path, 2, f"duplicate title: also used by {seen_titles[title_key]}"
                    )
                )
            seen_titles[title_key] = entry.path
            twin = content.get("da" if lang == "en" else "en", entry.slug)
            if twin is not None and lang == "da":
                twin_body = rendered.get((twin.lang, twin.slug)) or render_markdown(twin.body)
                mine = [heading.anchor for heading in body.headings]
                theirs = [heading.anchor for heading in twin_body.headings]
                if mine != theirs:
                    report.problems.append(
                        Problem(
                            entry.path,
                            entry.body_first_line,
                            f"section anchors differ from the English answer: {mine} vs {theirs}",
                        )
                    )
            if lang == "da":
                score = lix(f"{entry.summary}\n\n{entry.body}")
                report.lix_by_slug[entry.slug] = score
                if score > LIX_LIMIT:
                    report.problems.append(
                        Problem(
                            entry.path,
                            entry.body_first_line,
                            f"LIX {score} is over {LIX_LIMIT}: shorter sentences and words, please",
                        )
                    )
    if report.lix_by_slug:
        median = statistics.median(report.lix_by_slug.values())
        if median > LIX_MEDIAN_LIMIT:
            report.problems.append(
                Problem(
                    Path("content") / "da",
                    1,
                    f"median LIX {median} is over {LIX_MEDIAN_LIMIT}: simplify the hardest answers",
                )
            )
    for lang, entries in content.entries.items():
        for slug in sorted(published_slugs - set(entries) - set(content.redirects)):
            report.problems.append(
                Problem(
                    Path("content") / lang / f"{slug}.md",
                    1,
                    f"missing slug: /faq/{slug} is published and must keep working",
                )
            )
    report.problems.sort()
    return report
