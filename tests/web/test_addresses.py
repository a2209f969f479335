"""Forgiving addresses (app/web/addresses.py, content/redirects.toml): near misses of a page's
address redirect permanently to it; anything else stays a 404; no published URL breaks."""

from __future__ import annotations

import pytest

from app.content.loader import load_redirects
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("typed", "page"),
    [
        ("/faq/foertidspension-to-veje/", "/faq/foertidspension-to-veje"),
        ("/faq/førtidspension-to-veje", "/faq/foertidspension-to-veje"),
        ("/faq/Seniorpension-Ansoegning", "/faq/seniorpension-ansoegning"),
        ("/faq/seniorpension-ansøgning", "/faq/seniorpension-ansoegning"),
        ("/faq/seniorpension-ansogning", "/faq/seniorpension-ansoegning"),
        ("/faq/seniorpension-ansoegnig", "/faq/seniorpension-ansoegning"),
        ("/faq/tidlig pension", "/faq/tidlig-pension"),
        ("/FAQ/tidlig-pension", "/faq/tidlig-pension"),
        ("/en/faq/Tidlig-Pension/", "/en/faq/tidlig-pension"),
        ("/faq/seniorpension", "/faq/hvad-er-seniorpension"),
        ("/en/faq/klage", "/en/faq/klage-ankestyrelsen"),
        ("/A-Z", "/a-z"),
        ("/tjek/", "/tjek"),
        ("/search/?q=pension", "/search?q=pension"),
    ],
)
def test_a_near_miss_redirects_permanently_to_the_page(client, typed: str, page: str) -> None:
    response = client.get(typed)
    assert response.status_code == 301 and response.headers["Location"] == page
    assert client.get(page).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/faq/noget-helt-andet",
        "/faq/pension",
        "/findes-ikke/",
        # A capital and a control character or a space (found by Hypothesis): no redirect to an
        # address that cannot go in a Location header.
        "/kategori/A%0D",
        "/Kategori/seniorpension%0A",
        "/A-Z%20",
    ],
)
def test_anything_else_stays_a_404(client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_every_redirect_leads_to_an_answer_and_shadows_none(tmp_path) -> None:
    redirects, problems = load_redirects(ROOT / "content")
    assert redirects and not problems
    (tmp_path / "da").mkdir()
    (tmp_path / "da" / "fleksjob.md").write_text("---\n---\n", encoding="utf-8")
    (tmp_path / "redirects.toml").write_text(
        '[redirects]\nfleksjob = "fleksjob"\ngammel = "findes-ikke"\n', encoding="utf-8"
    )
    _redirects, problems = load_redirects(tmp_path)
    assert sorted(problem.message for problem in problems) == [
        "redirect fleksjob: an answer has that slug",
        "redirect gammel -> findes-ikke: no such answer",
    ]
