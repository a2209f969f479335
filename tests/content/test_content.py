"""The content loader and `flask content check`: the real content is clean, and each kind of error is caught."""

from __future__ import annotations

import statistics
from datetime import date
from pathlib import Path

import pytest

from app.content.check import check_content, reviews_due
from app.content.loader import CATEGORIES, load_content
from app.content.readability import lix
from tests.conftest import ROOT

REQUIRED_SLUGS = {
    "foertidspension": [
        "foertidspension-betingelser",
        "foertidspension-to-veje",
        "midlertidig-foertidspension",
        "genoptagelse-og-frakendelse",
        "rehabiliteringsteam-undtagelser",
        "ressourceforloeb-krav",
        "arbejdsproevning",
        "erstatning-og-foertidspension",
        "formue-og-foertidspension",
        "indtaegter-ved-siden-af",
        "personlig-indkomst",
        "efterloen-og-foertidspension",
        "uddannelse-paa-foertidspension",
        "boligstoette-foertidspension",
        "udbetaling-af-foertidspension",
        "fleksjob",
        "sygedagpenge-og-jobafklaring",
    ],
    "seniorpension": [
        "hvad-er-seniorpension",
        "seniorpension-betingelser",
        "seniorpension-ansoegning",
        "seniorpension-beslutningsgrundlag",
        "seniorpension-arbejdsevne",
        "seniorpension-kommunens-rolle",
        "seniorpension-afslag-og-klage",
        "seniorpension-overgangsregler",
        "beskaeftigelseskrav",
        "seniorfoertidspension",
        "samarbejdsforum-seniorpension",
    ],
    "andre-veje": [
        "folkepensionsalder",
        "tidlig-pension",
        "hvilken-pension-kan-jeg-soege",
        "klage-ankestyrelsen",
        "efterloen-seniorpension-eller-tidlig-pension",
        "fra-foertidspension-til-folkepension",
    ],
    "din-sag": [
        "hvor-mange-penge",
        "pension-og-udlandet",
        "dine-rettigheder-i-sagen",
        "sagsbehandlingstid-og-forsoergelse",
        "hvad-skal-der-staa-i-ansoegningen",
        "skat-og-pensionsopsparing",
    ],
    "om-siden": ["kontakt-og-raadgivning"],
}


def always_known(_path: str) -> bool:
    return True


def test_the_real_content_has_no_problems(app) -> None:
    library = app.extensions["library"]
    report = check_content(library.content, set(), always_known, library.rendered())
    assert report.problems == []


@pytest.mark.parametrize(
    ("category", "slug"),
    [(category, slug) for category, slugs in REQUIRED_SLUGS.items() for slug in slugs],
)
def test_required_answer_exists_in_both_languages_in_its_category(
    app, category: str, slug: str
) -> None:
    library = app.extensions["library"]
    for lang in ("da", "en"):
        answer = library.get(lang, slug)
        assert answer is not None, f"{lang}/{slug}"
        assert answer.entry.category == category
        assert answer.entry.questions, f"{lang}/{slug} needs alternative questions"


def test_every_danish_answer_is_readable(app) -> None:
    library = app.extensions["library"]
    scores = [
        lix(f"{answer.entry.summary}\n\n{answer.entry.body}")
        for answer in library.answers["da"].values()
    ]
    assert max(scores) <= 45
    assert statistics.median(scores) <= 40


def test_a_hard_collection_fails_on_its_median_lix(tmp_path: Path) -> None:
    # Each answer stays under the limit for one answer (LIX 42.3 <= 45); their median is over 40.
    hard = VALID_DA.replace(
        'summary: "Du kan få hjælp, hvis du er syg."',
        'summary: "Kommunen træffer afgørelsen, når arbejdsevnen er undersøgt grundigt."',
    ).replace("Du skal være mindst", "Arbejdsevnen vurderes af kommunen. Du skal være mindst")
    root = fixture_set(tmp_path, da=hard)
    other = (
        hard.replace("hjælp?", "noget andet?")
        .replace("- anden", "- hjaelp")
        .replace("/faq/anden", "/faq/hjaelp")
    )
    (root / "da" / "anden.md").write_text(other, encoding="utf-8")
    found = problems_for(root)
    assert not any("is over 45" in problem for problem in found), found
    assert any("median LIX 42.3 is over 40" in problem for problem in found), found


# --- deliberately broken fixture files --------------------------------------------------------

VALID_DA = """---
title: "Hvem kan få hjælp?"
category: foertidspension
summary: "Du kan få hjælp, hvis du er syg."
legal_refs:
  - "Lov om social pension § 16"
updated: 2026-11-23
reviewed: 2026-11-23
review_due: 2027-11-23
related:
  - anden
questions:
  - "Kan jeg få hjælp?"
---
Du skal være mindst {{ foertidspension_min_age }} år.

## Sådan søger du {#saadan}

Læs [det andet svar](/faq/anden).
"""

VALID_EN = (
    VALID_DA.replace('"Hvem kan få hjælp?"', '"Who can get help?"')
    .replace("(/faq/anden)", "(/en/faq/anden)")
    .replace("## Sådan søger du", "## How to apply")
)


def write_pair(root: Path, slug: str, da: str, en: str | None) -> None:
    (root / "da").mkdir(parents=True, exist_ok=True)
    (root / "en").mkdir(parents=True, exist_ok=True)
    (root / "da" / f"{slug}.md").write_text(da, encoding="utf-8")
    if en is not None:
        (root / "en" / f"{slug}.md").write_text(en, encoding="utf-8")


def fixture_set(tmp_path: Path, da: str = VALID_DA, en: str | None = VALID_EN) -> Path:
    write_pair(tmp_path, "hjaelp", da, en)
    other_da = (
        VALID_DA.replace("hjælp?", "noget andet?")
        .replace("- anden", "- hjaelp")
        .replace("/faq/anden", "/faq/hjaelp")
    )
    other_en = (
        VALID_EN.replace("help?", "something else?")
        .replace("- anden", "- hjaelp")
        .replace("/faq/anden", "/faq/hjaelp")
    )
    write_pair(tmp_path, "anden", other_da, other_en)
    return tmp_path


def problems_for(root: Path, published: set[str] | None = None) -> list[str]:
    report = check_content(load_content(root), published or set(), lambda path: path == "/tjek")
    return [
        f"{problem.path.parent.name}/{problem.path.name}:{problem.line}: {problem.message}"
        for problem in report.problems
    ]


def test_the_valid_fixture_is_clean(tmp_path: Path) -> None:
    assert problems_for(fixture_set(tmp_path)) == []


@pytest.mark.parametrize(
    ("description", "da_text", "expected"),
    [
        ("no front matter", "Bare tekst.\n", "da/hjaelp.md:1: missing front matter"),
        (
            "broken yaml",
            VALID_DA.replace('title: "Hvem kan få hjælp?"', "title: [unclosed"),
            "front matter is not valid YAML",
        ),
        (
            "missing title",
            VALID_DA.replace('title: "Hvem kan få hjælp?"\n', ""),
            "da/hjaelp.md:1: front matter lacks 'title'",
        ),
        (
            "unknown category",
            VALID_DA.replace("category: foertidspension", "category: pension"),
            "da/hjaelp.md:3: 'category' unknown category 'pension'",
        ),
        (
            "bad date",
            VALID_DA.replace("updated: 2026-11-23", "updated: igår"),
            "da/hjaelp.md:7: 'updated' must be a date",
        ),
        (
            "no review date",
            VALID_DA.replace("reviewed: 2026-11-23\n", ""),
            "da/hjaelp.md:1: front matter lacks 'reviewed'",
        ),
        (
            "no review due date",
            VALID_DA.replace("review_due: 2027-11-23\n", ""),
            "da/hjaelp.md:1: front matter lacks 'review_due'",
        ),
        (
            "malformed review date",
            VALID_DA.replace("reviewed: 2026-11-23", "reviewed: 23-11-2026"),
            "da/hjaelp.md:8: 'reviewed' must be a date",
        ),
        (
            "review due more than a year after the check",
            VALID_DA.replace("review_due: 2027-11-23", "review_due: 2027-11-24"),
            "da/hjaelp.md:9: 'review_due' is more than 12 months after 'reviewed'",
        ),
        (
            "review due before the check",
            VALID_DA.replace("review_due: 2027-11-23", "review_due: 2026-11-01"),
            "da/hjaelp.md:9: 'review_due' must come after 'reviewed'",
        ),
        (
            "summary not text",
            VALID_DA.replace('summary: "Du kan få hjælp, hvis du er syg."', "summary: 3"),
            "da/hjaelp.md:4: 'summary' must be non-empty text",
        ),
        (
            "no law",
            VALID_DA.replace('legal_refs:\n  - "Lov om social pension § 16"', "legal_refs: []"),
            "da/hjaelp.md:5: 'legal_refs' must name the law",
        ),
        (
            "unknown field",
            VALID_DA.replace("updated:", "author: x\nupdated:"),
            "da/hjaelp.md:7: unknown front matter field 'author'",
        ),
        (
            "related slug missing",
            VALID_DA.replace("- anden", "- findes-ikke"),
            "da/hjaelp.md:10: related slug 'findes-ikke' does not exist",
        ),
        (
            "broken internal link",
            VALID_DA.replace("(/faq/anden)", "(/faq/findes-ikke)"),
            "da/hjaelp.md:19: broken internal link /faq/findes-ikke: no such answer",
        ),
        (
            "link to an unknown page",
            VALID_DA.replace("(/faq/anden)", "(/tjekkk)"),
            "da/hjaelp.md:19: broken internal link /tjekkk",
        ),
        (
            "link to the other language",
            VALID_DA.replace("(/faq/anden)", "(/en/faq/anden)"),
            "da/hjaelp.md:19: link /en/faq/anden leads to the other language",
        ),
        (
            "unknown placeholder",
            VALID_DA.replace("foertidspension_min_age", "min_alder"),
            "da/hjaelp.md:15: unknown placeholder {{ min_alder }}",
        ),
        (
            "heading without anchor",
            VALID_DA.replace(" {#saadan}", ""),
            "heading 'Sådan søger du' needs a stable anchor",
        ),
        (
            "body missing",
            VALID_DA.split("---\n", 2)[0] + "---\n" + VALID_DA.split("---\n", 2)[1] + "---\n",
            "da/hjaelp.md:15: the answer has no body text",
        ),
        (
            "hard to read",
            VALID_DA.replace(
                "Du skal være mindst",
                "Arbejdsmarkedstilknytningsforholdenes dokumentationsgrundlag vurderes helbredsmæssigt "
                * 8,
            ),
            "is over 45",
        ),
    ],
)
def test_each_kind_of_error_is_reported_with_file_and_line(
    tmp_path: Path, description: str, da_text: str, expected: str
) -> None:
    found = problems_for(fixture_set(tmp_path, da=da_text))
    assert any(expected in problem for problem in found), (description, found)


def url_problems(tmp_path: Path, text: str, url: str) -> list[str]:
    """The content check's complaints about the address of one legal reference."""
    da_text = VALID_DA.replace(
        'legal_refs:\n  - "Lov om social pension § 16"',
        f'legal_refs:\n  - text: "{text}"\n    url: "{url}"',
    )
    found = problems_for(fixture_set(tmp_path, da=da_text))
    return [problem for problem in found if "'legal_refs' has url" in problem]


@pytest.mark.parametrize(
    ("url", "accepted"),
    [
        ("https://www.retsinformation.dk/eli/lta/2023/1208", True),
        ("https://ast.dk/for-borgere-med-en-klagesag/klagefrister/klagefrister", True),
        ("https://www.borger.dk/pension-og-efterloen/tidlig-pension", True),
        ("http://www.retsinformation.dk/eli/lta/2023/1208", False),  # not https
        ("https://danskelove.dk/pensionsloven/26a", False),  # not an official site
        ("https://retsinformation.dk.evil.example/eli", False),
        ("retsinformation.dk/eli", False),
    ],
)
def test_a_legal_reference_may_carry_the_address_of_an_official_page(
    tmp_path: Path, url: str, accepted: bool
) -> None:
    found = url_problems(tmp_path, "Lov om social pension § 16", url)
    assert bool(found) is not accepted, found


@pytest.mark.parametrize(
    ("text", "url", "accepted"),
    [
        (
            "Lov nr. 1559 af 27. december 2019",
            "https://www.retsinformation.dk/eli/lta/2019/1559",
            True,
        ),
        # The number or the year of another act than the one named.
        (
            "Lov nr. 1559 af 27. december 2019",
            "https://www.retsinformation.dk/eli/lta/2019/1595",
            False,
        ),
        (
            "Lov nr. 1559 af 27. december 2019",
            "https://www.retsinformation.dk/eli/lta/2020/1559",
            False,
        ),
        # Not a permanent address: a search, or the old form with an id.
        (
            "Lov om social pension § 16",
            "https://www.retsinformation.dk/Forms/R0710.aspx?id=1",
            False,
        ),
        ("Lov om social pension § 16", "https://www.retsinformation.dk/eli/lta/2024", False),
    ],
)
def test_a_retsinformation_address_is_the_permanent_one_of_the_act_named(
    tmp_path: Path, text: str, url: str, accepted: bool
) -> None:
    found = url_problems(tmp_path, text, url)
    assert bool(found) is not accepted, found


def test_the_legal_basis_box_links_a_reference_with_an_address(client) -> None:
    html = client.get("/faq/klage-ankestyrelsen").get_data(as_text=True)
    box = html[html.index('id="lovgrundlag"') :]
    assert '<a href="https://ast.dk/for-borgere-med-en-klagesag/klagefrister/klagefrister">' in box
    html = client.get("/faq/hvad-er-seniorpension").get_data(as_text=True)
    box = html[html.index('id="lovgrundlag"') :]
    assert '<a href="https://www.retsinformation.dk/eli/lta/2019/1559">' in box


def test_a_slug_without_translation_is_reported(tmp_path: Path) -> None:
    found = problems_for(fixture_set(tmp_path, en=None))
    assert "da/hjaelp.md:1: no translation: content/en/hjaelp.md is missing" in found


def test_a_published_slug_that_disappears_is_reported(tmp_path: Path) -> None:
    found = problems_for(fixture_set(tmp_path), published={"hjaelp", "forsvundet"})
    assert (
        "da/forsvundet.md:1: missing slug: /faq/forsvundet is published and must keep working"
        in found
    )


def test_a_published_slug_that_was_renamed_keeps_working_through_the_redirect_table(
    tmp_path: Path,
) -> None:
    root = fixture_set(tmp_path)
    (root / "redirects.toml").write_text('[redirects]\nforsvundet = "hjaelp"\n', encoding="utf-8")
    found = problems_for(root, published={"hjaelp", "forsvundet"})
    assert not [problem for problem in found if "forsvundet" in problem]


def test_a_bad_file_name_is_reported(tmp_path: Path) -> None:
    root = fixture_set(tmp_path)
    write_pair(
        root, "Store_Bogstaver", VALID_DA.replace("hjælp?", "x?"), VALID_EN.replace("help?", "x?")
    )
    assert any("'Store_Bogstaver' is not a valid slug" in problem for problem in problems_for(root))


def test_a_duplicate_title_is_reported(tmp_path: Path) -> None:
    root = fixture_set(tmp_path)
    write_pair(root, "kopi", VALID_DA, VALID_EN)
    assert any("duplicate title" in problem for problem in problems_for(root))


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    broken = VALID_DA.replace("category: foertidspension", "category: x").replace(
        "updated: 2026-11-23", "updated: nej"
    )
    found = problems_for(fixture_set(tmp_path, da=broken))
    assert len([problem for problem in found if problem.startswith("da/hjaelp.md")]) >= 2


def test_categories_are_the_five_the_site_shows() -> None:
    assert CATEGORIES == ("foertidspension", "seniorpension", "andre-veje", "din-sag", "om-siden")


def test_reviews_due_lists_overdue_and_soon_due_answers_but_are_no_problem(tmp_path: Path) -> None:
    root = fixture_set(tmp_path)
    content = load_content(root)
    assert reviews_due(content, date(2027, 10, 23)) == []
    soon = reviews_due(content, date(2027, 10, 25))
    assert [(due.lang, due.slug, due.overdue) for due in soon] == [
        ("da", "anden", False),
        ("da", "hjaelp", False),
        ("en", "anden", False),
        ("en", "hjaelp", False),
    ]
    assert all(due.overdue for due in reviews_due(content, date(2027, 11, 24)))
    assert problems_for(root) == []


def test_content_check_command_warns_about_reviews_due_without_failing(tmp_path: Path) -> None:
    from app import create_app

    overdue = VALID_DA.replace("reviewed: 2026-11-23", "reviewed: 2025-01-02").replace(
        "review_due: 2027-11-23", "review_due: 2025-12-01"
    )
    root = fixture_set(tmp_path, da=overdue)
    overdue_app = create_app({"TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(root)})
    result = overdue_app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "content/da/hjaelp.md: review overdue since 2025-12-01" in result.output
    assert "content/en/hjaelp.md" not in result.output


def test_content_check_command_passes_on_the_real_content(runner) -> None:
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "Content OK" in result.output
    assert "folkepensionsalder" in result.output  # the LIX report lists every Danish answer


def test_content_check_command_fails_on_broken_content(tmp_path: Path) -> None:
    from app import create_app

    root = fixture_set(tmp_path, da=VALID_DA.replace("category: foertidspension", "category: x"))
    broken_app = create_app({"TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(root)})
    result = broken_app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code != 0
    assert "unknown category 'x'" in result.output


def test_lix_of_a_known_text() -> None:
    # 10 words, 2 sentences, 1 word over six letters (førtidspension): 10/2 + 100*1/10 = 15.
    assert lix("Jeg har ondt i ryggen. Min førtidspension kommer snart igen.") == 15.0


def test_the_published_url_list_is_committed() -> None:
    assert (ROOT / "content" / "published-urls.txt").exists()


def test_a_table_labels_every_cell_with_its_column_for_a_phone() -> None:
    from app.content.rendering import render_markdown

    body = render_markdown("| Pension | Penge fra |\n|---|---|\n| Seniorpension | Den 1. |\n").html
    assert 'class="table table--compact table--responsive-headers"' in body
    assert '<td data-title="Pension">Seniorpension</td>' in body
    assert '<td data-title="Penge fra">Den 1.</td>' in body
