"""Every page type, both languages, through the Nu HTML Checker (vnu-jar from npm, run with Java):
zero errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, STORED_ANSWERS

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def pages(client) -> dict[str, str]:
    found: dict[str, str] = {}
    for lang, prefix, check, category in (
        ("da", "", "/tjek", "kategori"),
        ("en", "/en", "/en/check", "category"),
    ):
        gets = {
            "home": f"{prefix}/",
            "category": f"{prefix}/{category}/seniorpension",
            "answer": f"{prefix}/faq/folkepensionsalder",
            "answer-contact": f"{prefix}/faq/kontakt-og-raadgivning",
            "answer-table": f"{prefix}/faq/hvilken-pension-kan-jeg-soege",
            "answer-long": f"{prefix}/faq/seniorpension-ansoegning",
            "share": f"{prefix}/faq/seniorpension-ansoegning/{'del' if lang == 'da' else 'share'}"
            "?afsnit=frist",
            "a-z": f"{prefix}/a-z",
            "search": f"{prefix}/search?q=seniorpenison",
            "no-results": f"{prefix}/search?q=qqxxzz",
            "search-empty": f"{prefix}/search",
            "questionnaire-start": check,
            "chat": f"{prefix}/chat",
            "not-found": f"{prefix}/findes-ikke",
            "accessibility": f"{prefix}/tilgaengelighed" if lang == "da" else "/en/accessibility",
        }
        for name, path in gets.items():
            found[f"{lang}-{name}"] = client.get(path).get_data(as_text=True)
        steps = [("birth_date", {}), ("receives", {"a_birth_date": "1966-05-03"})]
        for question, carried in steps:
            found[f"{lang}-question-{question}"] = client.post(
                check,
                data={
                    **carried,
                    "action": "back",
                    "question": "receives" if question == "birth_date" else "residence",
                },
            ).get_data(as_text=True)
        for question in ("residence", "self_supporting", "work_years", "weekly_hours"):
            carried = {
                key: value for key, value in STORED_ANSWERS.items() if key != f"a_{question}"
            }
            found[f"{lang}-question-{question}"] = client.post(
                check, data={**carried, "action": f"change:{question}"}
            ).get_data(as_text=True)
        found[f"{lang}-question-error"] = client.post(
            check, data={"action": "answer", "question": "birth_date"}
        ).get_data(as_text=True)
        found[f"{lang}-check"] = client.post(
            check, data={**STORED_ANSWERS, "action": "check"}
        ).get_data(as_text=True)
        found[f"{lang}-result"] = client.post(
            check, data={**STORED_ANSWERS, "action": "result"}
        ).get_data(as_text=True)
        found[f"{lang}-chat-conversation"] = client.post(
            f"{prefix}/chat", data={"history": ["hej"], "message": "hvad er seniorpension"}
        ).get_data(as_text=True)
        found[f"{lang}-feedback-comment"] = client.post(
            f"{prefix}/faq/tidlig-pension/feedback", data={"helpful": "no"}
        ).get_data(as_text=True)
        found[f"{lang}-feedback-thanks"] = client.post(
            f"{prefix}/faq/tidlig-pension/feedback", data={"helpful": "yes"}
        ).get_data(as_text=True)
        tool = "/frister" if lang == "da" else "/en/deadlines"
        found[f"{lang}-deadlines"] = client.get(tool).get_data(as_text=True)
        found[f"{lang}-deadlines-event-error"] = client.post(
            tool, data={"action": "event"}
        ).get_data(as_text=True)
        found[f"{lang}-deadlines-date"] = client.post(
            tool, data={"action": "event", "event": "decision_received"}
        ).get_data(as_text=True)
        found[f"{lang}-deadlines-date-error"] = client.post(
            tool, data={"action": "date", "event": "decision_received", "day": "31", "month": "2"}
        ).get_data(as_text=True)
        found[f"{lang}-deadlines-result"] = client.post(
            tool,
            data={"action": "date", "event": "seniorpension_application_received", "day": "3",
                  "month": "3", "year": "2026"},
        ).get_data(as_text=True)  # fmt: skip
    return found


def test_every_page_type_is_valid_html(client, tmp_path) -> None:
    java = shutil.which("java")
    if not (java and VNU.exists()):
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true but Java or vnu-jar is missing (npm ci installs vnu-jar; apt-get install default-jre-headless)"
            )
        pytest.skip("HTML validation skipped: needs Java and vnu-jar ('npm ci' installs vnu-jar)")
    for name, html in pages(client).items():
        assert "<h1" in html, name
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{message.get('url', '').rsplit('/', 1)[-1]}:{message.get('lastLine')}: {message['message']}"
        for message in messages
    ]
    assert not errors, "\n".join(errors)
