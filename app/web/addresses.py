"""Forgiving addresses: a near miss of a page's address redirects to the page. A trailing slash,
capitals, æ/ø/å typed into a slug, a small misspelling of a slug, and a slug in the redirect table
(content/redirects.toml: renamed answers and common guesses) all lead to the answer, with a
permanent redirect. Anything else stays a 404."""

from __future__ import annotations

import difflib
import re

from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import Map, RequestRedirect

ANSWER_PREFIXES = ("/faq/", "/en/faq/")
# How alike a typed slug must be to a real one (difflib's ratio) to be taken for it: a letter or
# two wrong in a long slug, not another word.
CLOSE_ENOUGH = 0.88
_FOLDED = {"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"}


def fold_slug(typed: str) -> str:
    """A typed slug as the site writes slugs: lower case, æ/ø/å as ae/oe/aa, words joined by -."""
    text = "".join(_FOLDED.get(char, char) for char in typed.lower().strip())
    text = re.sub(r"[\s_+.]+", "-", text)
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9-]", "", text)).strip("-")


def loose(slug: str) -> str:
    """A slug with the two-letter spellings of æ/ø/å cut to one letter: "ansogning" and
    "ansoegning" meet."""
    return slug.replace("oe", "o").replace("aa", "a").replace("ae", "a")


class Addresses:
    def __init__(self, url_map: Map, slugs: set[str], redirects: dict[str, str]) -> None:
        self.url_map = url_map
        self.slugs = slugs
        self.redirects = redirects
        self.by_loose = {loose(slug): slug for slug in sorted(slugs)}

    def slug_for(self, typed: str) -> str | None:
        folded = fold_slug(typed)
        if folded in self.slugs:
            return folded
        if folded in self.redirects:
            return self.redirects[folded]
        if loose(folded) in self.by_loose:
            return self.by_loose[loose(folded)]
        close = difflib.get_close_matches(loose(folded), self.by_loose, n=1, cutoff=CLOSE_ENOUGH)
        return self.by_loose[close[0]] if close else None

    def corrected(self, path: str) -> str | None:
        """The page's own address for a near miss of it, or None when there is none."""
        trimmed = path if path in ("/", "/en/") else path.rstrip("/")
        lowered = trimmed.lower()
        for prefix in ANSWER_PREFIXES:
            if lowered.startswith(prefix):
                slug = self.slug_for(trimmed[len(prefix) :])
                return prefix + slug if slug else None
        # Only a clean address: a control character or a space in it could not go in a Location
        # header, and no address of the site has one.
        clean = lowered.isprintable() and not any(char.isspace() for char in lowered)
        if clean and lowered != path and is_known_path(self.url_map, lowered):
            return lowered
        return None


def is_known_path(url_map: Map, path: str) -> bool:
    """Whether a path is one of the site's addresses (for some method)."""
    try:
        url_map.bind("localhost").match(path, method="GET")
    except (RequestRedirect, MethodNotAllowed):
        return True
    except HTTPException:
        return False
    return True
