"""Links to sections and the page an advisor sends to a citizen (issue 18): a table of contents,
a link after every section heading, and an address with a QR code, with and without JavaScript."""

from __future__ import annotations

import re

from app.web.pages import qr_code_svg


def sections_of(app, slug: str, lang: str = "da"):
    return app.extensions["library"].get(lang, slug).body.sections


def test_a_long_answer_has_a_table_of_contents_with_every_section(client, app) -> None:
    html = client.get("/faq/seniorpension-ansoegning").get_data(as_text=True)
    contents = html[
        html.index('aria-labelledby="paa-siden"') : html.index(
            "</nav>", html.index('aria-labelledby="paa-siden"')
        )
    ]
    anchors = re.findall(r'href="#([^"]+)"', contents)
    assert anchors == [section.anchor for section in sections_of(app, "seniorpension-ansoegning")]
    assert len(anchors) >= 3


def test_an_answer_with_few_sections_has_no_table_of_contents(client, app) -> None:
    short = next(
        answer.slug
        for answer in app.extensions["library"].a_to_z("da")
        if 0 < len(answer.body.sections) < 3
    )
    assert 'aria-labelledby="paa-siden"' not in client.get(f"/faq/{short}").get_data(as_text=True)


def test_every_section_heading_offers_a_link_a_copy_button_and_send_or_print(client, app) -> None:
    for lang, prefix in (("da", ""), ("en", "/en")):
        html = client.get(f"{prefix}/faq/klage-ankestyrelsen").get_data(as_text=True)
        for section in sections_of(app, "klage-ankestyrelsen", lang):
            heading_end = html.index("</h2>", html.index(f'<h2 id="{section.anchor}"'))
            after = html[heading_end : heading_end + 1500]
            # A real link (works without JavaScript), the copy button JavaScript shows, and the page
            # to send or print.
            assert f'href="#{section.anchor}"' in after
            assert (
                f'data-copy="http://localhost{prefix}/faq/klage-ankestyrelsen#{section.anchor}"'
                in after
            )
            share = "del" if lang == "da" else "share"
            assert (
                f'href="{prefix}/faq/klage-ankestyrelsen/{share}?afsnit={section.anchor}"' in after
            )


def test_the_page_copy_link_keeps_the_open_section(client) -> None:
    html = client.get("/faq/tidlig-pension").get_data(as_text=True)
    assert re.search(r'class="[^"]*js-copy-link"[^>]*data-keep-section', html)


def test_the_send_page_shows_the_address_a_qr_code_of_it_and_the_short_answer(client, app) -> None:
    section = sections_of(app, "seniorpension-ansoegning")[-1]
    response = client.get(f"/faq/seniorpension-ansoegning/del?afsnit={section.anchor}")
    html = response.get_data(as_text=True)
    address = f"http://localhost/faq/seniorpension-ansoegning#{section.anchor}"
    assert response.status_code == 200 and f'<a href="{address}">{address}</a>' in html
    assert qr_code_svg(address, "QR-kode med adressen") in html
    assert app.extensions["library"].get("da", "seniorpension-ansoegning").summary in html
    assert section.heading in html and 'name="robots" content="noindex"' in html


def test_the_send_page_for_the_whole_answer_and_in_english(client) -> None:
    whole = client.get("/en/faq/tidlig-pension/share").get_data(as_text=True)
    assert '<a href="http://localhost/en/faq/tidlig-pension">' in whole and "<svg" in whole
    unknown_section = client.get("/faq/tidlig-pension/del?afsnit=findes-ikke")
    assert '<a href="http://localhost/faq/tidlig-pension">' in unknown_section.get_data(
        as_text=True
    )
    assert client.get("/faq/findes-ikke/del").status_code == 404


def test_the_qr_code_is_an_image_with_a_name() -> None:
    svg = qr_code_svg("https://example.dk/faq/x", "QR-kode med adressen")
    assert svg.startswith('<svg role="img" aria-label="QR-kode med adressen" ')
    assert qr_code_svg("https://example.dk/faq/y", "x") != qr_code_svg(
        "https://example.dk/faq/x", "x"
    )
