"""Loads the answers from content/<lang>/<slug>.md into validated FaqEntry objects (no rendering)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import frontmatter
import yaml

from app.domain.facts import add_months
from app.i18n import LANGUAGES

CATEGORIES: tuple[str, ...] = (
    "foertidspension",
    "seniorpension",
    "andre-veje",
    "din-sag",
    "om-siden",
)
# Answers in these categories explain the site itself and need not cite the law.
CATEGORIES_WITHOUT_LAW: frozenset[str] = frozenset({"om-siden"})
# An answer checked against the law must be checked again within this many months.
REVIEW_INTERVAL_MONTHS = 12
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class LegalRef:
    """A legal reference as the Lovgrundlag box shows it, with the address of the § on
    retsinformation.dk or of an official page that explains it, when the answer gives one."""

    text: str
    url: str | None = None

    def __str__(self) -> str:
        return self.text


# Where a legal reference's address may point: the law itself, and the authorities' own pages.
OFFICIAL_HOSTS = (
    "retsinformation.dk", "borger.dk", "star.dk", "ast.dk", "atp.dk", "seniorpension.dk",
    "bm.dk", "ft.dk", "lifeindenmark.borger.dk",
)  # fmt: skip


@dataclass(frozen=True)
class FaqEntry:
    slug: str
    lang: str
    title: str
    category: str
    summary: str
    legal_refs: tuple[LegalRef, ...]
    updated: date
    reviewed: date
    review_due: date
    related: tuple[str, ...]
    questions: tuple[str, ...]
    body: str
    path: Path
    body_first_line: int


class FieldError(ValueError):
    """A front-matter value that does not have the expected shape."""


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError("must be non-empty text")
    return " ".join(value.split())


def _text_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise FieldError("must be a list of non-empty texts")
    return tuple(" ".join(v.split()) for v in value)


def _legal_refs(value: Any) -> tuple[LegalRef, ...]:
    """Each reference is text ("Lov om social pension § 16"), or text with the address of the §
    or of an official page: {text: "...", url: "https://www.retsinformation.dk/eli/..."}."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FieldError("must be a list of references")
    refs: list[LegalRef] = []
    for item in value:
        if isinstance(item, str) and item.strip():
            refs.append(LegalRef(" ".join(item.split())))
        elif isinstance(item, dict) and set(item) == {"text", "url"}:
            text = _text(item["text"])
            refs.append(LegalRef(text, _official_url(item["url"], text)))
        else:
            raise FieldError("must list texts, or {text, url} pairs")
    return tuple(refs)


# retsinformation.dk's permanent address of a published law or order (ELI): Lovtidende's series,
# the year and the number, "lov nr. 1559 af 27. december 2019" being /eli/lta/2019/1559.
ELI_PATH = re.compile(r"/eli/lt[abc]/(?P<year>\d{4})/(?P<number>\d+)")
NUMBERED_ACT = re.compile(r"\bnr\. (?P<number>\d+) af \d{1,2}\. \w+ (?P<year>\d{4})", re.IGNORECASE)


def _official_url(value: Any, text: str) -> str:
    if not isinstance(value, str):
        raise FieldError("has a url that is not text")
    parts = urlsplit(value)
    host = (parts.hostname or "").removeprefix("www.")
    if parts.scheme != "https" or not any(
        host == official or host.endswith("." + official) for official in OFFICIAL_HOSTS
    ):
        raise FieldError(
            f"has url {value!r}: it must be https on an official site ({', '.join(OFFICIAL_HOSTS)})"
        )
    if host == "retsinformation.dk":
        eli = ELI_PATH.fullmatch(parts.path)
        if eli is None or parts.query or parts.fragment:
            raise FieldError(
                f"has url {value!r}: on retsinformation.dk it must be /eli/lta/YEAR/NUMBER"
            )
        act = NUMBERED_ACT.search(text)
        if act and (act["year"], act["number"]) != (eli["year"], eli["number"]):
            raise FieldError(
                f"has url {value!r} for {text!r}: the number and year do not match the reference"
            )
    return value


def _category(value: Any) -> str:
    if value not in CATEGORIES:
        raise FieldError(f"unknown category {value!r}; use one of {', '.join(CATEGORIES)}")
    return value


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise FieldError("must be a date written YYYY-MM-DD")


def _slug_list(value: Any) -> tuple[str, ...]:
    slugs = _text_list(value)
    for slug in slugs:
        if not SLUG_PATTERN.match(slug):
            raise FieldError(f"{slug!r} is not a slug (lower-case ASCII words joined by '-')")
    return slugs


# Front-matter field -> (parser, required). One table, so the rules are in one place.
FIELDS: dict[str, tuple[Callable[[Any], Any], bool]] = {
    "title": (_text, True),
    "category": (_category, True),
    "summary": (_text, True),
    "legal_refs": (_legal_refs, True),
    "updated": (_date, True),
    "reviewed": (_date, True),
    "review_due": (_date, True),
    "related": (_slug_list, False),
    "questions": (_text_list, True),
}


@dataclass
class ContentSet:
    """Every answer that loaded cleanly, by language and slug, and every problem found."""

    entries: dict[str, dict[str, FaqEntry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # content/redirects.toml: old or guessed slug -> the answer's slug
    redirects: dict[str, str] = field(default_factory=dict)

    def get(self, lang: str, slug: str) -> FaqEntry | None:
        return self.entries.get(lang, {}).get(slug)


def _line_of_key(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _body_first_line(text: str) -> int:
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for number, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                return number + 1
    return 1


def parse_entry(path: Path, lang: str) -> tuple[FaqEntry | None, list[Problem]]:
    """Parse one file; report every problem in it rather than stopping at the first."""
    problems: list[Problem] = []
    slug = path.stem
    if not SLUG_PATTERN.match(slug):
        problems.append(Problem(path, 1, f"file name {slug!r} is not a valid slug"))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(path, 1, f"cannot read file: {error}")]
    if not text.startswith("---"):
        return None, [
            *problems,
            Problem(path, 1, "missing front matter (the file must start with ---)"),
        ]
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, [*problems, Problem(path, line, f"front matter is not valid YAML: {error}")]

    values: dict[str, Any] = {}
    for name, (parse, required) in FIELDS.items():
        if name not in post.metadata:
            if required:
                problems.append(Problem(path, 1, f"front matter lacks '{name}'"))
            values[name] = parse(None) if not required else None
            continue
        try:
            values[name] = parse(post.metadata[name])
        except FieldError as error:
            problems.append(Problem(path, _line_of_key(text, name), f"'{name}' {error}"))
    for name in sorted(set(post.metadata) - set(FIELDS)):
        problems.append(
            Problem(path, _line_of_key(text, name), f"unknown front matter field '{name}'")
        )
    if not post.content.strip():
        problems.append(Problem(path, _body_first_line(text), "the answer has no body text"))
    if (
        values.get("category")
        and values.get("legal_refs") == ()
        and (values["category"] not in CATEGORIES_WITHOUT_LAW)
    ):
        problems.append(
            Problem(path, _line_of_key(text, "legal_refs"), "'legal_refs' must name the law")
        )
    problems.extend(_review_problems(path, text, values.get("reviewed"), values.get("review_due")))
    if problems:
        return None, problems
    entry = FaqEntry(
        slug=slug,
        lang=lang,
        body=post.content,
        path=path,
        body_first_line=_body_first_line(text),
        **values,
    )
    return entry, []


def _review_problems(
    path: Path, text: str, reviewed: date | None, review_due: date | None
) -> list[Problem]:
    """A review date says when someone checked the answer against the law; the next is due within
    REVIEW_INTERVAL_MONTHS of it, so an answer can never claim a check that never expires."""
    if reviewed is None or review_due is None:
        return []
    line = _line_of_key(text, "review_due")
    if review_due <= reviewed:
        return [Problem(path, line, "'review_due' must come after 'reviewed'")]
    latest = add_months(reviewed, REVIEW_INTERVAL_MONTHS)
    if review_due > latest:
        return [
            Problem(
                path,
                line,
                f"'review_due' is more than {REVIEW_INTERVAL_MONTHS} months after 'reviewed'"
                f" (at the latest {latest.isoformat()})",
            )
        ]
    return []


def load_content(root: Path, languages: Iterable[str] = LANGUAGES) -> ContentSet:
    content = ContentSet()
    for lang in languages:
        folder = root / lang
        content.entries[lang] = {}
        if not folder.is_dir():
            content.problems.append(Problem(folder, 1, f"missing content folder for '{lang}'"))
            continue
        for path in sorted(folder.glob("*.md")):
            entry, problems = parse_entry(path, lang)
            content.problems.extend(problems)
            if entry is not None:
                content.entries[lang][entry.slug] = entry
    content.redirects, problems = load_redirects(root)
    content.problems.extend(problems)
    content.problems.extend(_cross_problems(root, content))
    return content


REDIRECTS_FILE = "redirects.toml"


def load_redirects(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """content/redirects.toml: slugs that lead to another answer. Each target must exist, and no
    line may shadow a live answer."""
    path = root / REDIRECTS_FILE
    if not path.exists():
        return {}, []
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("redirects", {})
    except tomllib.TOMLDecodeError as error:
        return {}, [Problem(path, 1, f"not valid TOML: {error}")]
    live = {item.stem for item in root.glob("*/*.md")}
    redirects: dict[str, str] = {}
    problems: list[Problem] = []
    for old, new in table.items():
        if not isinstance(new, str) or new not in live:
            problems.append(Problem(path, 1, f"redirect {old} -> {new}: no such answer"))
        elif old in live:
            problems.append(Problem(path, 1, f"redirect {old}: an answer has that slug"))
        else:
            redirects[old] = new
    return redirects, problems


def _cross_problems(root: Path, content: ContentSet) -> list[Problem]:
    """Problems between files: untranslated slugs, unknown related slugs, mismatched categories."""
    problems: list[Problem] = []
    all_slugs = {path.stem for lang in content.entries for path in (root / lang).glob("*.md")}
    for lang, entries in content.entries.items():
        for entry in entries.values():
            for other in content.entries:
                if other != lang and not (root / other / f"{entry.slug}.md").exists():
                    problems.append(
                        Problem(
                            entry.path,
                            1,
                            f"no translation: content/{other}/{entry.slug}.md is missing",
                        )
                    )
                twin = content.get(other, entry.slug)
                if twin is not None and other != lang and twin.category != entry.category:
                    problems.append(
                        Problem(
                            entry.path,
                            1,
                            f"category {entry.category!r} differs from {other} ({twin.category!r})",
                        )
                    )
            for slug in entry.related:
                if slug not in all_slugs:
                    problems.append(
                        Problem(
                            entry.path,
                            _line_of_key(entry.path.read_text("utf-8"), "related"),
                            f"related slug {slug!r} does not exist",
                        )
                    )
                elif slug == entry.slug:
                    problems.append(Problem(entry.path, 1, "an answer cannot be related to itself"))
    return problems


_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e", "ü": "u"})


def sort_key(text: str) -> str:
    """Alphabetical order as Danish readers expect it: æ, ø, å after z."""
    return text.casefold().translate(_DANISH_ORDER)
