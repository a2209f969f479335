"""Every page in both languages: status, structure, language, links that must never break."""

from __future__ import annotations

import re

import pytest

from app import create_app
from app.domain.facts import FOLKEPENSIONSALDER_BANDS
from app.web import all_public_paths
from tests.conftest import ROOT

PUBLISHED = [
    line.strip()
    for line in (ROOT / "content" / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("path", PUBLISHED)
def test_every_published_url_still_works(fetch_page, path: str) -> None:
    fetch_page(path)


def test_every_public_page_is_in_the_published_list(app) -> None:
    with app.test_request_context():
        current = set(all_public_paths())
    missing = sorted(current - set(PUBLISHED))
    assert not missing, f"add new public URLs to content/published-urls.txt: {missing}"


def test_every_answer_renders_in_both_languages(app, fetch_page) -> None:
    library = app.extensions["library"]
    for slug, answer in library.answers["da"].items():
        html, _ = fetch_page(f"/faq/{slug}")
        assert f"<h1>{answer.entry.title}</h1>".replace('"', "&#34;") in html.replace('"', "&#34;")
        fetch_page(f"/en/faq/{slug}")


def test_an_answer_page_has_summary_first_law_box_date_and_links(fetch_page) -> None:
    html, page = fetch_page("/faq/foertidspension-betingelser")
    assert html.index("<h1>") < html.index("Det korte svar") < html.index('class="answer__body"')
    assert 'id="lovgrundlag"' in html and "Lov om social pension § 16" in html
    assert '<time datetime="2026-12-01">1. december 2026</time>' in html
    assert 'href="http://localhost/faq/foertidspension-betingelser"' in html  # plain copyable link
    assert "js-copy-link" in html and "hidden" in html  # the button appears only with JavaScript
    assert 'href="/en/faq/foertidspension-betingelser"' in html
    assert "{{" not in html  # every figure was filled in
    english, _ = fetch_page("/en/faq/foertidspension-betingelser")
    assert '<time datetime="2026-12-01">1 December 2026</time>' in english
    assert 'href="/faq/foertidspension-betingelser"' in english


def test_every_heading_in_an_answer_has_a_stable_anchor(app, client) -> None:
    library = app.extensions["library"]
    for lang, prefix in (("da", ""), ("en", "/en")):
        for slug in library.answers[lang]:
            html = client.get(f"{prefix}/faq/{slug}").get_data(as_text=True)
            body = html.split('class="answer__body"', 1)[1].split('class="legal-basis"', 1)[0]
            for heading in re.findall(r"<h[2-6][^>]*>", body):
                assert 'id="' in heading, (lang, slug, heading)


def test_figures_in_answers_come_from_facts(client) -> None:
    html = client.get("/faq/foertidspension-betingelser").get_data(as_text=True)
    assert "40 år" in html
    html = client.get("/faq/folkepensionsalder").get_data(as_text=True)
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", html, re.S)
    assert len(rows) == len(FOLKEPENSIONSALDER_BANDS)
    assert [" ".join(age.split()) for _dates, age in rows] == [
        "65 år",
        "65½ år",
        "66 år",
        "66½ år",
        "67 år",
        "68 år",
        "69 år",
        "70 år",
    ]
    assert "1. juli 1955 – 31. december 1962" in " ".join(rows[4][0].split())
    assert "1. januar 1971 eller senere" in " ".join(rows[7][0].split())


def test_the_tidlig_pension_table_shows_the_seniority_the_law_states(client) -> None:
    html = client.get("/faq/tidlig-pension").get_data(as_text=True)
    table = html.split("Anciennitet til tidlig pension efter fødselsdato", 1)[1].split("</table>")[
        0
    ]
    rows = [
        [" ".join(cell.split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    ]
    # § 26 h: born, folkepensionsalder, seniority counted until, 1 / 2 / 3 years early.
    assert rows == [
        ["1. juli 1955–1962", "67 år", "61 år", "42 år", "43 år", "44 år"],
        ["1963–1964", "68 år", "61 år", "42 år", "43 år", "44 år"],
        ["1965–1966", "68 år", "62 år", "43 år", "44 år", "45 år"],
        ["1967–1968", "69 år", "62 år", "43 år", "44 år", "45 år"],
        ["1969–1970", "69 år", "63 år", "44 år", "45 år", "46 år"],
    ]
    english = client.get("/en/faq/tidlig-pension").get_data(as_text=True)
    assert "1 year early" in english and "3 years early" in english


def test_home_lists_categories_and_entry_points(fetch_page) -> None:
    html, _ = fetch_page("/")
    for category in ("foertidspension", "seniorpension", "andre-veje", "din-sag", "om-siden"):
        assert f'href="/kategori/{category}"' in html
    assert 'href="/tjek"' in html and 'href="/chat"' in html
    assert 'role="search"' in html
    english, _ = fetch_page("/en/")
    assert 'href="/en/category/seniorpension"' in english and 'href="/en/check"' in english


def test_a_to_z_is_in_danish_alphabetical_order(app, fetch_page) -> None:
    html, _ = fetch_page("/a-z")
    listing = html.split('<ul class="a-to-z">', 1)[1].split("</ul>", 1)[0]
    titles = re.findall(r'<li><a href="/faq/[^"]+">([^<]+)</a>', listing)
    assert len(titles) == len(app.extensions["library"].answers["da"])
    folded = [t.casefold().replace("æ", "{").replace("ø", "|").replace("å", "}") for t in titles]
    assert folded == sorted(folded)


def test_category_page_lists_only_its_answers(fetch_page) -> None:
    html, _ = fetch_page("/kategori/seniorpension")
    assert 'href="/faq/seniorpension-betingelser"' in html
    assert 'href="/faq/arbejdsproevning"' not in html


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/faq/findes-ikke", "da", "Siden findes ikke"),
        ("/en/faq/does-not-exist", "en", "Page not found"),
        ("/kategori/ukendt", "da", "Siden findes ikke"),
        ("/helt/forkert", "da", "Siden findes ikke"),
        ("/en/nothing/here", "en", "Page not found"),
    ],
)
def test_not_found_pages_speak_the_page_language(
    fetch_page, path: str, lang: str, text: str
) -> None:
    html, _ = fetch_page(path, status=404, lang=lang)
    assert text in html
    assert 'id="site-search-query"' in html  # the search box is there to help


def test_server_error_page_is_friendly_and_in_the_page_language() -> None:
    from app import create_app

    app = create_app({"TESTING": False, "SECRET_KEY": "x", "PROPAGATE_EXCEPTIONS": False})

    @app.route("/en/broken-page")
    def boom() -> str:
        raise RuntimeError("boom")

    response = app.test_client().get("/en/broken-page")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html and "Traceback" not in html and "boom" not in html


def test_language_comes_from_the_url_not_headers_or_cookies(client) -> None:
    response = client.get("/", headers={"Accept-Language": "en"})
    assert '<html lang="da">' in response.get_data(as_text=True)
    client.set_cookie("lang", "en")
    assert '<html lang="da">' in client.get("/a-z").get_data(as_text=True)


def test_design_system_is_served_from_the_installed_package(client) -> None:
    html = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/dkfds/[0-9.]+/css/[^"]+\.css)"', html)
    assert css, "pages link the DKFDS stylesheet"
    with client.get(css.group(1)) as response:
        assert response.status_code == 200 and b"IBMPlexSans" in response.data
    assert not (ROOT / "app" / "static" / "dkfds").exists()  # not copied into the repository


def test_print_stylesheet_prints_the_address(client) -> None:
    stylesheet = re.search(
        r'href="(/static/[0-9a-f]{12}/site\.css)"', client.get("/").get_data(as_text=True)
    )
    with client.get(stylesheet.group(1)) as response:
        css = response.get_data(as_text=True)
    assert "@media print" in css and ".print-only" in css
    html = client.get("/faq/tidlig-pension").get_data(as_text=True)
    assert 'class="print-only print-url">http://localhost/faq/tidlig-pension<' in html


def test_pages_work_without_javascript(client) -> None:
    html = client.get("/faq/tidlig-pension").get_data(as_text=True)
    assert "<script" in html and "defer" in html
    assert "onclick" not in html and "<script>" not in html  # no inline script


def test_contact_details_come_from_settings() -> None:
    from app import create_app

    configured = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "x",
            "CONTACT_NAME": "Rådgivningen",
            "CONTACT_PHONE": "70 10 20 30",
            "CONTACT_HOURS": "Mandag-fredag 9-13",
        }
    )
    html = configured.test_client().get("/faq/kontakt-og-raadgivning").get_data(as_text=True)
    assert (
        "Kontakt Rådgivningen" in html
        and 'href="tel:70102030"' in html
        and "Mandag-fredag 9-13" in html
    )


def test_without_contact_details_the_pages_say_where_free_advice_is(client) -> None:
    for path, text in (("/faq/kontakt-og-raadgivning", "gratis råd"), ("/en/", "Free advice")):
        html = client.get(path).get_data(as_text=True)
        assert text in html and 'href="https://www.dukh.dk"' in html, path
        assert "not given its contact details" not in html and "ikke oplyst" not in html


def test_assets_have_fingerprinted_names_and_long_cache_headers(client) -> None:
    html = client.get("/").get_data(as_text=True)
    for path in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        with client.get(path) as response:
            assert response.status_code == 200, path
            assert "max-age=31536000" in response.headers["Cache-Control"], path
            assert "immutable" in response.headers["Cache-Control"], path
    with client.get("/static/0000/site.css") as stale:  # an old name still works, briefly cached
        assert stale.status_code == 200 and "immutable" not in stale.headers["Cache-Control"]


def test_answer_pages_support_conditional_requests(client) -> None:
    first = client.get("/faq/tidlig-pension")
    etag = first.headers["ETag"]
    assert (
        "max-age=" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
    )
    again = client.get("/faq/tidlig-pension", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert (
        client.get("/faq/tidlig-pension", headers={"If-None-Match": '"other"'}).status_code == 200
    )
    assert client.get("/faq/tidlig-pension").data == first.data
    # Security headers are part of the cached page too.
    assert client.get("/faq/tidlig-pension").headers["X-Frame-Options"] == "DENY"


def test_pages_that_differ_per_visitor_are_not_cached(client) -> None:
    assert "ETag" not in client.post("/tjek", data={"action": "start"}).headers
    assert "ETag" not in client.post("/chat", data={"message": "seniorpension"}).headers
    # A search page is the same for everyone who makes that search, so it is cached per query.
    assert "ETag" in client.get("/search?q=pension").headers


def test_the_menu_and_footer_are_in_the_page_language() -> None:
    site = create_app({"TESTING": True, "PAGE_CACHE": False})
    client = site.test_client()
    danish = [client.get(path).get_data(as_text=True) for path in ("/tjek", "/a-z")]
    english = client.get("/en/check").get_data(as_text=True)
    footer = re.compile(r"<footer.*</footer>", re.S)
    assert footer.search(danish[0]).group(0) == footer.search(danish[1]).group(0)
    assert "Tilgængelighedserklæring" in danish[0] and "Accessibility statement" in english
    assert "Tilgængelighedserklæring" not in english


def test_every_answer_says_when_its_rules_were_checked(app, client) -> None:
    library = app.extensions["library"]
    for lang, prefix, label in (("da", "", "Regler tjekket:"), ("en", "/en", "Rules checked:")):
        for slug, answer in library.answers[lang].items():
            html = client.get(f"{prefix}/faq/{slug}").get_data(as_text=True)
            reviewed = answer.entry.reviewed.isoformat()
            assert re.search(rf'{label} <time datetime="{reviewed}">', html), (lang, slug)
