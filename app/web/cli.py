"""Command-line tools on `flask`: `content check`, `content urls`, `search build`, `translations update`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from app.content.check import REVIEW_WARNING_DAYS, check_content, reviews_due
from app.content.readability import LIX_LIMIT, LIX_MEDIAN_LIMIT
from app.web.addresses import is_known_path

content_cli = AppGroup("content", help="Check and list the site's answers.")

PUBLISHED_URLS_FILE = "published-urls.txt"


def published_urls(content_dir: Path) -> list[str]:
    """The public URLs committed in content/published-urls.txt: they must never break."""
    path = content_dir / PUBLISHED_URLS_FILE
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def published_slugs(content_dir: Path) -> set[str]:
    prefix = "/faq/"
    return {url[len(prefix) :] for url in published_urls(content_dir) if url.startswith(prefix)}


@content_cli.command("check")
def check_command() -> None:
    """Validate every answer and report all problems at once, with file and line."""
    app = current_app
    library = app.extensions["library"]
    content_dir = Path(app.config["CONTENT_DIR"])
    report = check_content(
        library.content,
        published_slugs(content_dir),
        lambda path: is_known_path(app.url_map, path),
        library.rendered(),
    )
    click.echo(
        f"Readability (LIX, limit {LIX_LIMIT}; the median must be {LIX_MEDIAN_LIMIT} or lower):"
    )
    for slug, score in sorted(report.lix_by_slug.items(), key=lambda item: -item[1]):
        marker = (
            "  over the limit"
            if score > LIX_LIMIT
            else ("  above the median limit" if score > LIX_MEDIAN_LIMIT else "")
        )
        click.echo(f"  {score:5.1f}  {slug}{marker}")
    due = reviews_due(library.content, date.today())
    if due:
        click.echo(
            f"Warning: {len(due)} answer(s) to check against the law again"
            f" (overdue, or due within {REVIEW_WARNING_DAYS} days):"
        )
        for review in due:
            click.echo(f"  {review}")
    answers = sum(len(entries) for entries in library.content.entries.values())
    if report.ok:
        click.echo(f"Content OK: {answers} answers.")
        return
    for problem in report.problems:
        click.echo(str(problem), err=True)
    raise click.ClickException(f"{len(report.problems)} content problem(s)")


@content_cli.command("urls")
def urls_command() -> None:
    """Print every public URL of the site (to review additions to published-urls.txt)."""
    from app.web import all_public_paths

    with current_app.test_request_context():
        for path in all_public_paths():
            click.echo(path)


search_cli = AppGroup("search", help="The search index.")


@search_cli.command("build")
def build_search_command() -> None:
    """Rebuild the search index of every language from the loaded content (atomically)."""
    import time

    from app.i18n import LANGUAGES
    from app.search.analysis import Vocabulary
    from app.search.build import build_index, documents_from

    app = current_app
    library = app.extensions["library"]
    root = Path(app.config["SEARCH_INDEX_DIR"])
    vocabulary_path = Path(app.config["CONTENT_DIR"]) / "search-vocabulary.toml"
    for lang in LANGUAGES:
        started = time.perf_counter()
        documents = documents_from(library, lang)
        build_index(documents, root, lang, Vocabulary.load(vocabulary_path, lang))
        seconds = time.perf_counter() - started
        click.echo(
            f"Built the '{lang}' index: {len(documents)} answers in {seconds:.2f} s ({root / lang})."
        )


translations_cli = AppGroup("translations", help="Keep the interface catalogues complete.")


@translations_cli.command("update")
def update_translations_command() -> None:
    """Extract texts, merge them into app/translations/{da,en}, and copy English texts into en."""
    from babel.messages.frontend import CommandLineInterface

    root = Path(current_app.root_path).parent
    template = root / "app" / "translations" / "messages.pot"
    babel = CommandLineInterface()
    babel.run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(root / "pyproject.toml"),
            "--no-location",
            "-o",
            str(template),
            str(root),
        ]
    )
    babel.run(
        [
            "pybabel",
            "-q",
            "update",
            "-i",
            str(template),
            "-d",
            str(root / "app" / "translations"),
            "--no-fuzzy-matching",
            "--ignore-obsolete",
        ]
    )
    template.unlink()
    untranslated = fill_english_catalogue(root / "app" / "translations")
    click.echo(f"Catalogues updated; {untranslated} Danish text(s) still need translating.")


def fill_english_catalogue(translations: Path) -> int:
    """English msgids are the English texts; return how many Danish entries are still empty."""
    from babel.messages.pofile import read_po, write_po

    english_path = translations / "en" / "LC_MESSAGES" / "messages.po"
    with english_path.open("rb") as handle:
        english = read_po(handle)
    for message in english:
        if message.id and not all(_as_tuple(message.string)):
            message.string = message.id
    with english_path.open("wb") as handle:
        write_po(handle, english, width=100, include_lineno=False)
    with (translations / "da" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        danish = read_po(handle)
    return sum(1 for message in danish if message.id and not all(_as_tuple(message.string)))


def _as_tuple(value: object) -> tuple:
    return value if isinstance(value, tuple) else (value,)


questionnaire_cli = AppGroup("questionnaire", help="The questionnaire's decisions.")
DECISIONS_FILE = Path("docs") / "decisions.csv"


@questionnaire_cli.command("decisions")
def decisions_command() -> None:
    """Write docs/decisions.csv: each persona's status per route and dates, for a legal review."""
    from app.domain.decisions import AS_OF, decision_table

    path = Path(current_app.root_path).parent / DECISIONS_FILE
    path.write_text(decision_table(AS_OF), encoding="utf-8")
    click.echo(f"Wrote {path} (as of {AS_OF.isoformat()}).")


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
    app.cli.add_command(translations_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(questionnaire_cli)
