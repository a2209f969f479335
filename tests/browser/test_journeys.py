"""What citizens and advisors do, in a real browser: read, search, check, ask, switch language, share."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from app.domain.facts import add_months


def test_browse_from_home_to_an_answer(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name="Seniorpension", exact=True).click()
    expect(page).to_have_url(re.compile(r"/kategori/seniorpension$"))
    page.get_by_role("link", name="Hvad er seniorpension?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvad er seniorpension?")
    expect(page.get_by_role("heading", name="Lovgrundlag")).to_be_visible()


def test_search_and_open_a_result(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("Søg i svarene").fill("fortidspension betingelser")
    page.get_by_role("button", name="Søg", exact=True).click()
    expect(page.locator(".search-results li").first).to_be_visible()
    page.locator(".search-results a").first.click()
    expect(page).to_have_url(re.compile(r"/faq/"))


def test_suggestions_as_you_type(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("Søg i svarene").type("seniorpens", delay=20)
    expect(page.locator(".search-suggestions li").first).to_be_visible()


def test_questionnaire_to_a_result_changing_an_answer_on_the_way(page: Page, base_url: str) -> None:
    page.goto(base_url + "/tjek")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Dag").fill("3")
    page.get_by_label("Måned").fill("5")
    page.get_by_label("År", exact=True).fill("1966")
    page.get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Nej, ingen af dem").check()
    page.get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Nej").check()
    page.get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Hvor mange år har du arbejdet i alt?").fill("30")
    page.get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Hvor mange timer om ugen kan du arbejde i dit seneste job?").fill("10")
    page.get_by_role("button", name="Fortsæt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek dine svar")
    page.get_by_role("button", name=re.compile("Ændr – Kan du forsørge")).click()
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Fortsæt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tjek dine svar")
    page.get_by_role("button", name="Se resultatet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dit resultat")
    expect(page.locator(".route--recommended")).to_contain_text(
        "Seniorpension"
    )  # førtidspension no longer fits
    assert "1966" not in page.url


def test_chat_live_with_javascript(page: Page, base_url: str) -> None:
    page.goto(base_url + "/chat")
    field = page.get_by_label("Dit spørgsmål")
    field.fill("hvornår kan jeg gå på folkepension? født 3. maj 1966")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".chat-log")).to_contain_text("3. maj 2034")
    expect(field).to_be_focused()
    assert page.url.endswith("/chat")  # no page load


def test_chat_without_javascript(page_without_javascript, base_url: str) -> None:
    page = page_without_javascript
    page.goto(base_url + "/en/chat")
    page.get_by_label("Your question").fill("What is seniorpension?")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".chat-log")).to_contain_text("Read the whole answer")
    page.get_by_label("Your question").fill("thanks")
    page.get_by_role("button", name="Send").click()
    expect(page.locator(".chat-message--you")).to_have_count(2)


def test_switch_language_keeps_the_answer_and_the_section(page: Page, base_url: str) -> None:
    page.goto(base_url + "/faq/tidlig-pension")
    page.locator(".site-language").click()
    expect(page).to_have_url(base_url + "/en/faq/tidlig-pension")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(base_url + "/faq/seniorpension-ansoegning#frist")
    page.locator(".site-language").click()
    expect(page).to_have_url(base_url + "/en/faq/seniorpension-ansoegning#frist")


def test_switch_language_in_the_questionnaire_keeps_the_answers(page: Page, base_url: str) -> None:
    page.goto(base_url + "/tjek")
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Dag").fill("3")
    page.get_by_label("Måned").fill("5")
    page.get_by_label("År", exact=True).fill("1966")
    page.get_by_role("button", name="Fortsæt").click()
    page.locator(".site-language").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('input[name="a_birth_date"]').first).to_have_value("1966-05-03")


def test_copy_an_answers_link(browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base_url + "/faq/folkepensionsalder")
    page.get_by_role("button", name="Kopiér link", exact=True).click()
    expect(page.locator(".share .js-copy-status")).to_have_text("Linket er kopieret.")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/faq/folkepensionsalder")
    # Opened at a section, the page's link keeps it; each section has its own copy button.
    page.goto(base_url + "/faq/seniorpension-ansoegning#frist")
    page.get_by_role("button", name="Kopiér link", exact=True).click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        "/faq/seniorpension-ansoegning#frist"
    )
    # A long answer is folded: the reader opens another section, then copies its link.
    page.get_by_role("button", name="Datoen for din ansøgning", exact=True).click()
    page.get_by_role("button", name=re.compile("Kopiér link til dette afsnit.*Datoen")).click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        "/faq/seniorpension-ansoegning#modtaget"
    )
    context.close()


def test_a_long_answer_folds_its_sections_and_opens_the_one_a_link_points_to(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/faq/seniorpension-ansoegning")
    heading = page.get_by_role("button", name="Hvor længe du skal vente", exact=True)
    expect(heading).to_have_attribute("aria-expanded", "false")
    section = page.locator("#frist-indhold")
    expect(section).to_be_hidden()
    heading.click()
    expect(heading).to_have_attribute("aria-expanded", "true")
    expect(section).to_be_visible()
    heading.click()
    expect(section).to_be_hidden()
    # The table of contents opens the section it points to.
    page.locator(".answer__contents").get_by_role("link", name="Hvor længe du skal vente").click()
    expect(page).to_have_url(base_url + "/faq/seniorpension-ansoegning#frist")
    expect(section).to_be_visible()
    # "Open all" opens every section, so find-in-page and reading on find everything.
    page.get_by_role("button", name="Åbn alle afsnit").click()
    expect(page.locator(".accordion-content[aria-hidden=true]")).to_have_count(0)
    page.get_by_role("button", name="Luk alle afsnit").click()
    expect(page.locator(".accordion-content[aria-hidden=false]")).to_have_count(0)
    # An address with a section opens the answer at that section, open.
    page.goto(base_url + "/faq/seniorpension-ansoegning#modtaget")
    expect(page.locator("#modtaget-indhold")).to_be_visible()
    expect(page.locator("#frist-indhold")).to_be_hidden()
    # Printed, every section shows.
    page.emulate_media(media="print")
    expect(section).to_be_visible()
    # A malformed address after # stops nothing: the rest of the page's script still runs.
    page.emulate_media(media="screen")
    page.goto(base_url + "/")  # a new page load, not a jump within this one
    page.goto(base_url + "/faq/seniorpension-ansoegning#%E0%A4%A")
    expect(page.locator(".accordion")).to_have_count(1)
    expect(page.locator(".js-print-date")).not_to_be_empty()


def test_a_long_answer_is_all_open_without_javascript(
    page_without_javascript, base_url: str
) -> None:
    page = page_without_javascript
    page.goto(base_url + "/faq/seniorpension-ansoegning")
    expect(page.locator(".accordion")).to_have_count(0)
    expect(page.get_by_role("heading", name="Hvor længe du skal vente", level=2)).to_be_visible()
    expect(page.locator("#frist + .section-link + p")).to_be_visible()


def test_a_section_link_without_javascript_in_two_clicks(
    page_without_javascript, base_url: str
) -> None:
    page = page_without_javascript
    page.goto(base_url + "/faq/seniorpension-ansoegning")
    page.get_by_role("link", name=re.compile("Link til dette afsnit.*Hvor længe")).click()
    expect(page).to_have_url(base_url + "/faq/seniorpension-ansoegning#frist")
    page.goto(base_url + "/faq/seniorpension-ansoegning")
    page.get_by_role("link", name=re.compile("Send eller print.*Hvor længe")).click()
    expect(page.locator(".share-sheet__address")).to_contain_text(
        "/faq/seniorpension-ansoegning#frist"
    )


def test_a_wide_table_becomes_labelled_rows_on_a_phone(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/faq/hvilken-pension-kan-jeg-soege")
    table = page.locator(".answer__body table")
    box = table.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 360
    cell = table.locator("tbody td").nth(2)
    expect(cell).to_be_visible()
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Hvor søger du?"'
    context.close()


def test_feedback_without_javascript(page_without_javascript, base_url: str) -> None:
    page = page_without_javascript
    page.goto(base_url + "/faq/arbejdsproevning")
    page.get_by_role("button", name="Nej").click()
    page.get_by_label("Din kommentar (frivillig)").fill("Mere om praktik")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tak")


# Each step of the questionnaire, reached by posting the answers so far (as the form does), for
# someone who is 62 whenever the test runs.
BORN = add_months(date.today(), -62 * 12).isoformat()
STEPS = {
    "birth_date": {"action": "start"},
    "receives": {"a_birth_date": BORN},
    "residence": {"a_birth_date": BORN, "a_receives": "none"},
    "self_supporting": {"a_birth_date": BORN, "a_receives": "none", "a_residence": "yes"},
    "work_years": {
        "a_birth_date": BORN,
        "a_receives": "none",
        "a_residence": "yes",
        "a_self_supporting": "no",
    },
    "weekly_hours": {
        "a_birth_date": BORN,
        "a_receives": "none",
        "a_residence": "yes",
        "a_self_supporting": "no",
        "a_work_years": "44",
    },
}


def controls_beside_their_labels(page: Page) -> list[str]:
    """Every form control whose box is not next to its label's box (a control drawn elsewhere, as
    the "I don't know" checkbox once was, over the site's name in the top-left corner)."""
    return page.evaluate(
        """() => {
        const problems = [];
        for (const control of document.querySelectorAll("main input:not([type=hidden]), main select, main textarea")) {
            const label = control.id && document.querySelector(`label[for="${control.id}"]`);
            if (!label) continue;
            const c = control.getBoundingClientRect(), l = label.getBoundingClientRect();
            const gapX = Math.max(0, Math.max(c.left, l.left) - Math.min(c.right, l.right));
            const gapY = Math.max(0, Math.max(c.top, l.top) - Math.min(c.bottom, l.bottom));
            const header = document.querySelector("header").getBoundingClientRect();
            // A checkbox or radio sits on its label's line; a text field below its label (and hint).
            const box = control.type === "checkbox" || control.type === "radio";
            const misplaced = box ? gapX > 16 || gapY > 0 : gapX > 48 || c.top < l.top || gapY > 300;
            if (misplaced || c.top < header.bottom) {
                problems.push(`${control.id}: control at ${Math.round(c.left)},${Math.round(c.top)}, label at ${Math.round(l.left)},${Math.round(l.top)}`);
            }
        }
        return problems;
    }"""
    )


@pytest.mark.parametrize("width", [390, 1280])
def test_every_questionnaire_control_lies_beside_its_label(browser, base_url: str, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for step, fields in STEPS.items():
        response = page.request.post(base_url + "/tjek", form=fields)
        page.goto(base_url + "/tjek")  # the site's origin, so the page's styles load
        page.set_content(response.text(), wait_until="networkidle")  # the step as served
        assert controls_beside_their_labels(page) == [], (step, width)
    context.close()


def test_the_deadlines_tool_without_javascript(page_without_javascript, base_url: str) -> None:
    page = page_without_javascript
    page.goto(base_url + "/frister")
    page.get_by_label("Kommunen har sagt, at min sag nu er en sag om førtidspension").check()
    page.get_by_role("button", name="Fortsæt").click()
    page.get_by_label("Dag").fill("30")
    page.get_by_label("Måned").fill("11")
    page.get_by_label("År", exact=True).fill("2026")
    page.get_by_role("button", name="Se fristerne").click()
    expect(page.locator("h2").first).to_contain_text("28. februar 2027")
    expect(page.locator(".legal-ref").first).to_contain_text("§ 21")


@pytest.mark.parametrize("width", [320, 1280])
def test_the_main_menu_is_there_without_javascript_on_a_phone_and_a_desktop(
    browser, base_url: str, width: int
) -> None:
    # DKFDS hides its header navigation on a phone and opens it with JavaScript; here it stays.
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto(f"{base_url}/chat")
    menu = page.get_by_role("navigation", name="Hovedmenu")
    for name in ("Forside", "Alle spørgsmål A–Å", "Hvilken pension kan jeg søge?", "Frister"):
        link = menu.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    expect(menu.get_by_role("link", name="Spørg", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    context.close()
