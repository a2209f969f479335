"""Search and chat quality on the evaluation sets in tests/evaluation/: written the way citizens
write, before ranking work, by someone who had read only the answers' titles and headings.
Splits: "dev" is tuned on. "heldout-1" was held out until it was measured at the end of one
session; the next session looked at its misses and tuned on it too, so it now counts as tuned.
"heldout-2" (chat and uncovered questions only) was written at the start of that next session,
before its ranking work, measured at the end of that work, and then tuned on too. "heldout-3"
(chat and uncovered questions) was written after that, measured once, and then tuned on too.
"heldout-4" (chat and uncovered questions) was written by a helper before that tuning and never
read by whoever tuned; added after the tuning and measured (once, and again after later changes
that did not come from it). "heldout-5" (chat and uncovered questions) was written by a helper,
committed unread, measured once after that tuning, and then tuned on too. "heldout-6" (chat and
uncovered questions) was written by a helper before that tuning, committed unread, and added and
measured once after it, and then tuned on too. "heldout-7" (chat, uncovered questions and
search queries) was written by a helper before that tuning, committed unread, and added and
measured once after it (the search figure to quote), and then tuned on too. "heldout-8" (chat and
uncovered questions) was written by a helper before that tuning, committed unread, and added and
measured once after it, and then tuned on too. "heldout-9" (chat, uncovered questions and search
queries) was written by a helper before that tuning, committed unread, and added and measured
once after it, and the chat was then tuned on its misses. "heldout-10" (chat, uncovered
questions and search queries) was written by a helper before that tuning, committed unread, and
added and measured once after it, and the chat was then tuned on its misses. "heldout-11" (chat,
uncovered questions and search queries) was written by a helper before that tuning, committed
unread, and added and measured once after it, and the chat was then tuned on its misses.
"heldout-12" (chat, uncovered questions and search queries) was written by a helper before that
tuning, committed unread, and added and measured once after it, and the chat was then tuned on
its misses. "heldout-13" (the same kinds) was written by a helper before that tuning, committed
unread, and added and measured once after it: the chat and search figures to quote. Search
ranking was not tuned after heldout-1.

Prints, per split: search top-1 and top-3, chat first source right (follow-ups asked with the
message before them), the share of questions the content does not cover that the chat answers with
high confidence (lower is better), how many wrong first answers were said with high confidence
(lower is better), and how often a result points to a section, and to the right one.
Run with `make bench` or `.venv/bin/python bench/quality.py [--misses]`."""

from __future__ import annotations

import logging
import sys
import tomllib
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from app.chat.reply import Confidence, reply  # noqa: E402

EVALUATION = ROOT / "tests" / "evaluation"
SPLITS = (
    "dev",
    "heldout-1",
    "heldout-2",
    "heldout-3",
    "heldout-4",
    "heldout-5",
    "heldout-6",
    "heldout-7",
    "heldout-8",
    "heldout-9",
    "heldout-10",
    "heldout-11",
    "heldout-12",
    "heldout-13",
)
TODAY = date(2026, 12, 1)  # the day the sets were written; dates in them are relative to it


def load(name: str) -> list[dict]:
    return tomllib.loads((EVALUATION / f"{name}.toml").read_text(encoding="utf-8"))["case"]


def chat_is_right(case: dict, found) -> bool:
    if case["expected"] == "questionnaire":
        return found.offer_questionnaire
    fair = {case["expected"], *case.get("also_ok", [])}
    return bool(found.sources) and found.sources[0] in fair


def measure(app, split: str, show_misses: bool) -> dict[str, float]:
    search_cases = [case for case in load("search") if case["split"] == split]
    top1 = top3 = 0
    for case in search_cases:
        hits = app.extensions["search"][case["lang"]].search(case["query"], limit=3).hits
        found = [hit.slug for hit in hits]
        top1 += bool(found) and found[0] in case["slugs"]
        hit3 = bool(set(found) & set(case["slugs"]))
        top3 += hit3
        if show_misses and not hit3:
            print(f"  search miss [{case['lang']}] {case['query'][:70]!r}: {found}")
    chat_cases = [case for case in load("chat") if case["split"] == split]
    right = sure_and_right = wrong_and_sure = chat_pointed = chat_section_right = 0
    by_language = {lang: [0, 0, 0, 0] for lang in ("da", "en")}  # right, messages, sure, uncovered
    for case in chat_cases:
        previous = case.get("previous", [None])[-1]  # a follow-up is read with what it follows
        found = reply(case["message"], app.extensions["chat"][case["lang"]], TODAY, previous)
        ok = chat_is_right(case, found)
        right += ok
        by_language[case["lang"]][0] += ok
        by_language[case["lang"]][1] += 1
        sure_and_right += ok and found.confidence is Confidence.HIGH
        wrong_and_sure += not ok and found.confidence is Confidence.HIGH
        if ok and case.get("section") and found.sources[:1] == (case["expected"],):
            chat_pointed += found.section is not None
            chat_section_right += found.section == case["section"]
        if show_misses and not ok:
            print(
                f"  chat miss [{case['lang']}] {case['message'][:70]!r}: "
                f"want {case['expected']}, got {found.sources[:2]} {found.confidence}"
            )
    pointed = right_section = 0
    for case in (case for case in search_cases if case.get("section")):
        hits = app.extensions["search"][case["lang"]].search(case["query"], limit=3).hits
        hit = next((hit for hit in hits if hit.slug == case["slugs"][0]), None)
        if hit is not None and hit.section:
            pointed += 1
            right_section += hit.section == case["section"]
    uncovered = [case for case in load("uncovered") if case["split"] == split]
    confident = 0
    for case in uncovered:
        found = reply(case["message"], app.extensions["chat"][case["lang"]], TODAY)
        confident += found.confidence is Confidence.HIGH
        by_language[case["lang"]][2] += found.confidence is Confidence.HIGH
        by_language[case["lang"]][3] += 1
        if show_misses and found.confidence is Confidence.HIGH:
            print(
                f"  uncovered answered [{case['lang']}] {case['message'][:70]!r}: {found.sources[:1]}"
            )
    return {
        "by_language": by_language,
        "search_cases": len(search_cases),
        "top1": top1 / max(len(search_cases), 1),
        "top3": top3 / max(len(search_cases), 1),
        "chat_cases": len(chat_cases),
        "chat": right / len(chat_cases),
        "chat_sure": sure_and_right / max(right, 1),
        "chat_wrong_sure": wrong_and_sure,
        "uncovered_cases": len(uncovered),
        "uncovered_high": confident / len(uncovered),
        "sections_pointed": pointed,
        "sections_right": right_section,
        "chat_sections": len([case for case in chat_cases if case.get("section")]),
        "chat_sections_pointed": chat_pointed,
        "chat_sections_right": chat_section_right,
    }


def main() -> None:
    logging.disable(logging.WARNING)
    show_misses = "--misses" in sys.argv
    app = create_app({"TESTING": True})
    print(
        "Search and chat quality on tests/evaluation/ (see the docstring for which line to quote):"
    )
    for split in SPLITS:
        if show_misses:
            print(f"{split}:")
        m = measure(app, split, show_misses)
        searched = (
            f"search top-1 {m['top1']:4.0%}, top-3 {m['top3']:4.0%} ({m['search_cases']} queries); "
            if m["search_cases"]
            else ""
        )
        print(
            f"  {split:9} {searched}chat first source right {m['chat']:4.0%} "
            f"({m['chat_cases']} messages; {m['chat_sure']:.0%} of the right ones said with high "
            f"confidence, {m['chat_wrong_sure']} wrong ones too); uncovered answered with high confidence "
            f"{m['uncovered_high']:4.0%} ({m['uncovered_cases']} questions); "
            f"search: a section pointed to for {m['sections_pointed']} results with a labelled "
            f"section, right for {m['sections_right']}; chat: {m['chat_sections']} messages with "
            f"a labelled section, a section pointed to for {m['chat_sections_pointed']} right "
            f"answers, the right one for {m['chat_sections_right']}"
        )
        print(
            "            by language: "
            + "; ".join(
                f"{lang} chat {chat_right / max(messages, 1):4.0%} ({messages} messages), "
                f"uncovered high {sure / max(uncovered, 1):4.0%} ({uncovered})"
                for lang, (chat_right, messages, sure, uncovered) in m["by_language"].items()
            )
        )


if __name__ == "__main__":
    main()
