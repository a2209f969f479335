"""Building a language's index: from the loaded answers, into a new folder, swapped in at once."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path

from whoosh import index as whoosh_index

from app.content.library import Library
from app.search.analysis import ANALYSIS_VERSION, SearchDocument, Vocabulary, make_schema


def documents_from(library: Library, lang: str) -> list[SearchDocument]:
    """What the search reads of each answer in one language."""
    return [
        SearchDocument(
            slug=answer.slug,
            title=answer.entry.title,
            summary=answer.summary,
            questions=answer.entry.questions,
            body=answer.body.text,
            category=answer.entry.category,
            legal_refs=tuple(ref.text for ref in answer.entry.legal_refs),
            sections=tuple(
                (section.anchor, section.heading, section.text) for section in answer.body.sections
            ),
        )
        for answer in library.answers.get(lang, {}).values()
    ]


def fingerprint(documents: Iterable[SearchDocument], lang: str, vocabulary: Vocabulary) -> str:
    digest = hashlib.sha256(f"{ANALYSIS_VERSION}|{lang}|{vocabulary!r}".encode())
    for document in sorted(documents, key=lambda d: d.slug):
        digest.update(json.dumps(document.__dict__, sort_keys=True, default=list).encode())
    return digest.hexdigest()


FINGERPRINT_FILE = "fingerprint.txt"


def current_fingerprint(root: Path, lang: str) -> str | None:
    path = root / lang / FINGERPRINT_FILE
    return path.read_text(encoding="utf-8").strip() if path.exists() else None


def build_index(
    documents: list[SearchDocument], root: Path, lang: str, vocabulary: Vocabulary
) -> Path:
    """Write a new index beside the old one, then swap a symlink: readers never see half an index."""
    root.mkdir(parents=True, exist_ok=True)
    build_dir = root / f".{lang}-{uuid.uuid4().hex[:12]}"
    build_dir.mkdir()
    ix = whoosh_index.create_in(str(build_dir), make_schema(lang, vocabulary))
    writer = ix.writer()
    for document in documents:
        writer.add_document(
            slug=document.slug,
            title=document.title,
            questions="\n".join(document.questions),
            summary=document.summary,
            text="\n".join(
                [document.body, *document.legal_refs, document.category.replace("-", " ")]
            ),
            spelling="\n".join(
                [document.title, document.summary, *document.questions, document.body]
            ),
        )
    writer.commit()
    (build_dir / FINGERPRINT_FILE).write_text(fingerprint(documents, lang, vocabulary), "utf-8")
    link = root / lang
    temporary_link = root / f".{lang}-link-{uuid.uuid4().hex[:8]}"
    temporary_link.symlink_to(build_dir.name)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(temporary_link, link)
    _remove_old_builds(root, lang, keep={build_dir.name})
    return link


def _remove_old_builds(root: Path, lang: str, keep: set[str]) -> None:
    """Keep the newest previous build too: a worker may still be reading it."""
    builds = sorted(
        (path for path in root.glob(f".{lang}-*") if path.is_dir() and not path.is_symlink()),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for old in [path for path in builds if path.name not in keep][1:]:
        shutil.rmtree(old, ignore_errors=True)
