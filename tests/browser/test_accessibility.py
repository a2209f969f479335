"""axe-core on every page type in both languages (zero WCAG 2.1 A/AA violations), a keyboard-only
run through the questionnaire, and screenshots at phone and desktop width for people to look at."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import QUESTIONNAIRE_STEPS

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = {
    "home": ("/", "/en/"),
    "category": ("/kategori/foertidspension", "/en/category/foertidspension"),
    "answer": ("/faq/folkepensionsalder", "/en/faq/folkepensionsalder"),
    "answer-table": ("/faq/hvilken-pension-kan-jeg-soege", "/en/faq/hvilken-pension-kan-jeg-soege"),
    "answer-long": ("/faq/seniorpension-ansoegning", "/en/faq/seniorpension-ansoegning"),
    "share": (
        "/faq/seniorpension-ansoegning/del?afsnit=frist",
        "/en/faq/seniorpension-ansoegning/share?afsnit=frist",
    ),
    "a-z": ("/a-z", "/en/a-z"),
    "search": ("/search?q=seniorpension", "/en/search?q=senior+pension"),
    "no-results": ("/search?q=qqxxzz", "/en/search?q=qqxxzz"),
    "questionnaire-start": ("/tjek", "/en/check"),
    "chat": ("/chat", "/en/chat"),
    "not-found": ("/findes-ikke", "/en/does-not-exist"),
    "accessibility": ("/tilgaengelighed", "/en/accessibility"),
    "deadlines": ("/frister", "/en/deadlines"),
}


def check(page: Page, what: str) -> None:
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


@pytest.mark.parametrize("lang", [0, 1], ids=["da", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_types_have_no_wcag_violations(
    page: Page, base_url: str, name: str, lang: int
) -> None:
    page.goto(base_url + PAGES[name][lang])
    check(page, PAGES[name][lang])


@pytest.mark.parametrize("path", ["/tjek", "/en/check"])
def test_every_questionnaire_step_and_the_result_have_no_violations(
    page: Page, base_url: str, path: str
) -> None:
    page.goto(base_url + path)
    page.locator("button[value=start]").click()
    for question, fields in QUESTIONNAIRE_STEPS:
        check(page, f"{path} {question}")
        for name, value in fields.items():
            field = page.locator(f"[name={name}]")
            if field.first.get_attribute("type") == "radio":
                page.locator(f"[name={name}][value={value}]").check()
            else:
                field.fill(value)
        page.locator("button[value=answer]").click()
    check(page, f"{path} check answers")
    page.locator("button[value=result]").click()
    check(page, f"{path} result")


def test_errors_have_no_violations(page: Page, base_url: str) -> None:
    page.goto(base_url + "/tjek")
    page.locator("button[value=start]").click()
    page.locator("button[value=answer]").click()  # nothing filled in
    expect(page.locator("#error-birth_date")).to_be_visible()
    check(page, "birth date error")


def test_questionnaire_with_the_keyboard_only(page: Page, base_url: str) -> None:
    page.goto(base_url + "/tjek")
    page.keyboard.press("Tab")
    expect(page.locator(".skipnav")).to_be_focused()
    page.keyboard.press("Enter")  # skip to the content
    page.locator("button[value=start]").focus()
    page.keyboard.press("Enter")
    page.locator("#birth_day").focus()
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    page.keyboard.type("1966")
    page.keyboard.press("Enter")  # submits with "Fortsæt", not "Tilbage"
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Får du allerede pension eller efterløn?"
    )
    page.locator("#receives-first").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.value") != "answer":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bor du i Danmark")


# What axe cannot see: no element wider than the screen, nothing over the header, buttons that
# do not touch each other. Returns the problems found.
LAYOUT_PROBLEMS = """() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) { problems.push("the page scrolls sideways"); }
    const visible = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
    document.querySelectorAll("main *").forEach((e) => {
        const r = e.getBoundingClientRect();
        if (visible(e) && r.right > width + 1 && !e.closest(".table-scroll")) {
            problems.push(`${e.tagName}.${e.className} is wider than the screen`);
        }
    });
    const header = document.querySelector(".site-header").getBoundingClientRect();
    const first = document.querySelector("main").getBoundingClientRect();
    if (first.top + window.scrollY < header.bottom + window.scrollY - 1) { problems.push("main overlaps the header"); }
    const buttons = [...document.querySelectorAll(".button, button")].filter(visible);
    for (let i = 0; i < buttons.length; i++) {
        for (let j = i + 1; j < buttons.length; j++) {
            const a = buttons[i].getBoundingClientRect(), b = buttons[j].getBoundingClientRect();
            const apart = a.right + 4 <= b.left || b.right + 4 <= a.left || a.bottom + 4 <= b.top || b.bottom + 4 <= a.top;
            if (!apart) { problems.push(`buttons touch: "${buttons[i].textContent.trim()}" and "${buttons[j].textContent.trim()}"`); }
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize(
    ("width", "height", "label"), [(390, 844, "phone"), (1280, 900, "desktop")]
)
@pytest.mark.parametrize("lang", [0, 1], ids=["da", "en"])
@pytest.mark.parametrize(
    "name",
    ["home", "answer", "answer-long", "answer-table", "share", "search", "chat",
     "questionnaire-start", "not-found", "deadlines"],
)  # fmt: skip
def test_screenshots_and_layout(
    browser, base_url: str, artifacts, width, height, label, name, lang, javascript
) -> None:
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(base_url + PAGES[name][lang])
    language = "da" if lang == 0 else "en"
    path = artifacts / f"{name}-{language}-{label}-{'js' if javascript else 'nojs'}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000
    assert page.evaluate(LAYOUT_PROBLEMS) == [], (name, language, width, javascript)
    context.close()


def test_usable_at_320_pixels_and_400_percent_zoom(browser, base_url: str) -> None:
    # 1280 px at 400 % zoom is 320 CSS pixels wide: WCAG 1.4.10 reflow.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ["/", "/faq/hvilken-pension-kan-jeg-soege", "/tjek", "/chat", "/search?q=pension"]:
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 321, path
    context.close()


@pytest.mark.parametrize("path", ["/frister", "/en/deadlines"])
def test_the_deadlines_tool_step_by_step_has_no_violations(
    browser, base_url: str, artifacts, path: str
) -> None:
    # axe runs as a script in the page, so this runs with JavaScript on; the steps are plain
    # form posts either way (tests/browser/test_journeys.py walks them without JavaScript).
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + path)
    check(page, f"{path} what happened")
    page.locator('input[name="event"]').first.check()
    page.locator('button[value="event"]').click()
    check(page, f"{path} the day")
    for field, value in (("day", "31"), ("month", "2"), ("year", "2026")):
        page.locator(f"#{field}").fill(value)
    page.locator('button[value="date"]').click()
    check(page, f"{path} a date that does not exist")
    page.locator("#day").fill("28")
    page.locator('button[value="date"]').click()
    expect(page.locator("h2").first).to_contain_text("2026")
    check(page, f"{path} the result")
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    page.screenshot(
        path=str(artifacts / f"deadlines-result{path.replace('/', '-')}.png"),
        full_page=True,
    )
    context.close()
