"""Interface texts: the catalogues are complete in Danish and English and match the code."""

from __future__ import annotations

import io
import re
from datetime import date

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from app.web import wording
from tests.conftest import ROOT

TRANSLATIONS = ROOT / "app" / "translations"


def extracted_ids() -> set[str]:
    method_map = [("app/**.py", "python"), ("app/templates/**.html", "jinja2")]
    keywords = DEFAULT_KEYWORDS  # as `flask translations update` extracts: _, N_, gettext, ...
    ids: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        method_map,
        keywords=keywords,
        options_map={"app/templates/**.html": {}},
    ):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(io.BytesIO(handle.read()))


def test_extraction_finds_the_interface_texts() -> None:
    ids = extracted_ids()
    assert len(ids) > 50
    assert "Skip to the content" in ids and "Førtidspension (disability pension)" in ids


def test_every_text_is_translated_in_both_catalogues() -> None:
    ids = extracted_ids()
    for lang in ("da", "en"):
        messages = {
            (m.id if isinstance(m.id, str) else m.id[0]): m for m in catalogue(lang) if m.id
        }
        missing = sorted(ids - set(messages))
        assert not missing, f"{lang}: run 'make translations' for {missing}"
        empty = [
            key
            for key in ids
            if not all(
                messages[key].string
                if isinstance(messages[key].string, tuple)
                else [messages[key].string]
            )
        ]
        assert not empty, f"{lang}: untranslated {empty}"


def test_danish_pages_show_danish_interface(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "Gå til indholdet" in html and "Skip to the content" not in html
    english = client.get("/en/").get_data(as_text=True)
    assert "Skip to the content" in english and "Gå til indholdet" not in english


def test_templates_translate_into_the_page_language_and_escape_what_they_fill_in(app) -> None:
    template = app.jinja_env.from_string(
        '{{ _("Search: %(query)s", query=q) }} | {{ ngettext("%(num)d answer", "%(num)d answers", 2) }}'
    )
    with app.test_request_context("/search"):
        danish = template.render(q="<b>x</b>")
    with app.test_request_context("/en/search"):
        english = template.render(q="<b>x</b>")
    assert danish == "Søgning: &lt;b&gt;x&lt;/b&gt; | 2 svar"
    assert english == "Search: &lt;b&gt;x&lt;/b&gt; | 2 answers"


def test_the_wording_is_made_from_the_language_it_is_asked_for_without_an_app() -> None:
    # The language is passed, never looked up: no request or app is needed to word a reply.
    danish, english = wording.for_language("da"), wording.for_language("en")
    assert english.chat_texts["advice"] == "Get advice from a person"
    assert danish.chat_texts["advice"] == "Få råd af et menneske"
    assert danish.date_text(date(2027, 5, 1)) == "1. maj 2027"
    assert english.date_text(date(2027, 5, 1)) == "1 May 2027"


def test_switching_language_in_the_questionnaire_carries_the_answers_over(client) -> None:
    from tests.conftest import STORED_ANSWERS

    for action, page in (("change:weekly_hours", "question"), ("result", "result")):
        html = client.post(
            "/tjek", data={**STORED_ANSWERS, "question": "weekly_hours", "action": action}
        ).get_data(as_text=True)
        switch = html[
            html.index('class="site-language-form"') : html.index(
                "</form>", html.index('class="site-language-form"')
            )
        ]
        assert '<form method="post" action="/en/check" class="site-language-form">' in html
        assert all(
            f'name="{key}" value="{value}"' in switch for key, value in STORED_ANSWERS.items()
        )
        expected = "change:weekly_hours" if page == "question" else "result"
        assert f'name="action" value="{expected}"' in switch
        fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', switch))
        english = client.post("/en/check", data=fields).get_data(as_text=True)
        assert 'lang="en"' in english and 'name="a_work_years" value="30"' in english


def test_the_language_link_keeps_the_section_with_javascript(client) -> None:
    html = client.get("/faq/tidlig-pension").get_data(as_text=True)
    assert re.search(r'class="site-language js-keep-section" href="/en/faq/tidlig-pension"', html)
