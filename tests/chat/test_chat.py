"""The guidance chat: right first answer for the way citizens ask, dates, hand-off, honesty, API."""

from __future__ import annotations

import logging
import re
import tomllib
from datetime import date

import pytest

from app.chat.intents import intended_answers
from app.chat.naming import pension_types
from app.chat.ranking import ChatRanker
from app.chat.reply import Confidence, ReplyKind, reply
from app.chat.understanding import find_birth_date, find_birth_year
from tests.conftest import ROOT, plain, titles_and_questions

CONVERSATIONS = tomllib.loads(
    (ROOT / "tests" / "chat_conversations.toml").read_text(encoding="utf-8")
)
SEARCH_SET = tomllib.loads((ROOT / "tests" / "search_relevance.toml").read_text(encoding="utf-8"))
MIN_FIRST_SOURCE = 0.85
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def rankers(app):
    return {lang: ChatRanker(app.extensions["search"][lang]) for lang in ("da", "en")}


def ask(client, message: str, lang: str) -> dict:
    """The chat API's reply to one message."""
    return client.post("/api/v1/chat", json={"message": message, "lang": lang}).get_json()


def test_first_source_accuracy_on_citizens_messages(rankers) -> None:
    assert len(CONVERSATIONS["da"]) >= 60 and len(CONVERSATIONS["en"]) >= 15
    right = total = 0
    misses = []
    for lang in ("da", "en"):
        hits = 0
        for case in CONVERSATIONS[lang]:
            found = reply(case["message"], rankers[lang], TODAY)
            fair = {case["expected"], *case.get("also_ok", [])}
            if found.sources and found.sources[0] in fair:
                hits += 1
            else:
                misses.append(
                    f"{case['message'][:70]!r}: wanted {case['expected']}, got {found.sources[:2]}"
                )
        print(
            f"\nchat first-source accuracy {lang}: {hits / len(CONVERSATIONS[lang]):.0%} of {len(CONVERSATIONS[lang])}"
        )
        right, total = right + hits, total + len(CONVERSATIONS[lang])
    print(f"chat first-source accuracy, both languages: {right / total:.0%} of {total}")
    assert right / total >= MIN_FIRST_SOURCE, "\n".join(misses)


def test_conversation_messages_are_not_copies_of_content_or_search_queries(app) -> None:
    for lang in ("da", "en"):
        written = titles_and_questions(app, lang)
        queries = {plain(case["query"]) for case in SEARCH_SET[lang]}
        for case in CONVERSATIONS[lang]:
            assert plain(case["message"]) not in written | queries, case["message"]


@pytest.mark.parametrize(
    ("message", "born"),
    [
        ("hvornår kan jeg gå på folkepension, jeg er født 3. maj 1966", date(1966, 5, 3)),
        ("født 3 maj 1966, hvornår er min pensionsalder", date(1966, 5, 3)),
        ("jeg er født 03.05.1966 hvornår kan jeg gå på pension", date(1966, 5, 3)),
        ("født 3/5-1966 - hvornår folkepension?", date(1966, 5, 3)),
        ("født 3-5-66, hvornår kan jeg gå på pension", date(1966, 5, 3)),
        ("min fødselsdato er 1966-05-03, hvornår får jeg folkepension", date(1966, 5, 3)),
        ("When can I retire? I was born on 3 May 1966", date(1966, 5, 3)),
        ("born May 3, 1966 - when do I reach state pension age?", date(1966, 5, 3)),
        ("I was born 3rd of May 1966, when can I retire", date(1966, 5, 3)),
        ("født 31. august 1954, hvornår folkepension", date(1954, 8, 31)),
    ],
)
def test_birth_dates_in_danish_and_english_forms(message: str, born: date) -> None:
    assert find_birth_date(message, TODAY) == born


@pytest.mark.parametrize(
    "message", ["født 31. februar 1966", "født 3. maj 2030", "jeg er 60 år", "født 45.13.1966"]
)
def test_impossible_or_missing_dates_are_not_invented(message: str) -> None:
    assert find_birth_date(message, TODAY) is None


def test_a_date_question_gets_folkepensionsalder_and_the_day(client) -> None:
    data = ask(client, "hvornår kan jeg gå på folkepension, jeg er født 3. maj 1966", "da")
    assert data["confidence"] == "high"
    assert "68 år" in data["reply"] and "3. maj 2034" in data["reply"]
    assert data["sources"][0]["slug"] == "folkepensionsalder"
    english = ask(client, "When can I retire? I was born May 3, 1966", "en")
    assert "68" in english["reply"] and "3 May 2034" in english["reply"]
    assert english["sources"][0]["url"] == "/en/faq/folkepensionsalder"


def test_half_year_and_year_only_answers(client) -> None:
    data = ask(client, "født 1. marts 1954, hvornår kan jeg gå på pension", "da")
    assert "65½ år" in data["reply"] and "1. september 2019" in data["reply"]
    year = ask(client, "hvornår kan jeg gå på pension? jeg er født i 1970", "da")
    assert "69 år" in year["reply"] and "2039" in year["reply"]


def test_a_seniorpension_date_question_gets_the_window(client) -> None:
    data = ask(client, "hvornår kan jeg søge seniorpension? født 3. maj 1966", "da")
    assert "3. maj 2028" in data["reply"] and "3. november 2027" in data["reply"]
    assert data["action"]["type"] == "questionnaire"


def test_which_pension_hands_over_to_the_questionnaire_with_the_birth_date_sealed(client) -> None:
    data = ask(client, "Hvilken pension kan jeg få? Jeg er født 3. maj 1966", "da")
    url = data["action"]["url"]
    assert data["action"]["type"] == "questionnaire" and url.startswith("/tjek?start=")
    assert "1966" not in url
    page = client.get(url).get_data(as_text=True)
    assert 'name="a_birth_date" value="1966-05-03"' in page and "Får du allerede pension" in page
    plain = ask(client, "can I get seniorpension?", "en")
    assert plain["action"] == {"type": "questionnaire", "url": "/en/check"}


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("hej", ReplyKind.GREETING),
        ("Hello there", ReplyKind.GREETING),
        ("tak", ReplyKind.THANKS),
        ("mange tak for hjælpen", ReplyKind.THANKS),
        ("thanks", ReplyKind.THANKS),
        ("hjælp", ReplyKind.HELP),
        ("help", ReplyKind.HELP),
        ("hvad kan du?", ReplyKind.HELP),
        ("", ReplyKind.EMPTY),
        ("   ", ReplyKind.EMPTY),
    ],
)
def test_small_talk_gets_short_sensible_replies(rankers, message: str, kind: ReplyKind) -> None:
    found = reply(message, rankers["da"], TODAY)
    assert found.kind is kind and not found.sources


@pytest.mark.parametrize(
    "message",
    ["jeg kan godt lide pizza", "asdf qwerty zxcv", "kan du anbefale en god film", "🙂🙂🙂"],
)
def test_off_topic_messages_are_not_answered_as_if_known(rankers, message: str) -> None:
    found = reply(message, rankers["da"], TODAY)
    assert found.confidence is not Confidence.HIGH
    assert found.kind in (ReplyKind.NOT_SURE, ReplyKind.NO_MATCH)


def test_not_sure_says_so_and_offers_answers_and_contact(client) -> None:
    data = ask(client, "min kat er syg", "da")
    assert data["confidence"] in ("low", "none")
    assert "ikke sikker" in data["reply"] or "ikke et svar" in data["reply"]
    assert any(link["url"] == "/faq/kontakt-og-raadgivning" for link in data["view"]["others"])


def test_a_good_match_answers_with_its_summary_and_link(client, app) -> None:
    data = ask(client, "hvad er seniorpension egentlig?", "da")
    best = app.extensions["library"].get("da", "hvad-er-seniorpension")
    assert data["confidence"] == "high" and data["sources"][0]["slug"] == "hvad-er-seniorpension"
    assert data["reply"].startswith(best.summary)
    assert set(data["sources"][0]) == {"slug", "title", "url"} and 1 <= len(data["sources"]) <= 3


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"not json", "body"),
        (b"[1, 2]", "body"),
        (b'{"message": 5}', "message"),
        (b'{"lang": "da"}', "message"),
        (b'{"message": "hej", "lang": "fr"}', "lang"),
        (b'{"message": "hej", "lang": 3}', "lang"),
    ],
)
def test_api_rejects_bad_requests_clearly(client, body: bytes, field: str) -> None:
    response = client.post("/api/v1/chat", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == field


def test_api_rejects_an_overlong_message(client) -> None:
    response = client.post("/api/v1/chat", json={"message": "pension " * 200, "lang": "da"})
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "message"


def test_chat_page_works_without_javascript_and_carries_the_conversation(client) -> None:
    first = client.post("/chat", data={"message": "hej"}).get_data(as_text=True)
    assert 'name="history" value="hej"' in first and "Skriv dit spørgsmål om pension" in first
    second = client.post(
        "/chat", data={"history": ["hej"], "message": "hvad er seniorpension"}
    ).get_data(as_text=True)
    assert second.count('class="chat-message chat-message--you"') == 2
    assert 'href="/faq/hvad-er-seniorpension"' in second and 'role="log"' in second


def test_chat_page_keeps_only_the_last_exchanges(client) -> None:
    history = [f"spørgsmål nummer {number} om seniorpension" for number in range(1, 11)]
    page = client.post("/chat", data={"history": history, "message": "og så?"}).get_data(
        as_text=True
    )
    # The last three earlier messages and the new one; the seven before them have dropped off.
    assert page.count('class="chat-message chat-message--you"') == 4
    assert "nummer 8 om" in page and "nummer 7 om" not in page


def test_chat_page_in_english_and_too_long_message(client) -> None:
    page = client.get("/en/chat").get_data(as_text=True)
    assert "Ask a question" in page and 'data-lang="en"' in page
    response = client.post("/en/chat", data={"message": "x" * 1500})
    assert response.status_code == 400 and "too long" in response.get_data(as_text=True)
    # The conversation so far stays on the page, with its links to the answers.
    after_a_reply = client.post(
        "/chat", data={"history": ["hvad er seniorpension"], "message": "x" * 1500}
    )
    assert after_a_reply.status_code == 400
    assert 'href="/faq/hvad-er-seniorpension"' in after_a_reply.get_data(as_text=True)


def test_entry_points_on_home_and_answer_pages(client) -> None:
    for path in ("/", "/faq/tidlig-pension", "/en/faq/tidlig-pension"):
        html = client.get(path).get_data(as_text=True)
        assert re.search(r'href="(/en)?/chat"', html), path


def test_nothing_the_citizen_writes_reaches_the_log(client, caplog) -> None:
    secret = "Mit CPR er 010203-1234 og jeg hedder Hemmelig Hansen"
    with caplog.at_level(logging.DEBUG):
        client.post("/chat", data={"message": secret})
        client.post("/api/v1/chat", json={"message": secret, "lang": "da"})
    assert "010203" not in caplog.text and "Hemmelig" not in caplog.text


def test_an_age_gives_folkepensionsalder_and_the_two_possible_years(client) -> None:
    data = ask(client, "jeg er 60 år, hvornår kan jeg gå på folkepension?", "da")
    assert "68 år" in data["reply"] and "2033 eller 2034" in data["reply"]
    english = ask(client, "I am 58, when can I retire?", "en")
    assert "69" in english["reply"] and "2036 or 2037" in english["reply"]


def test_an_age_across_a_change_of_folkepensionsalder_is_not_guessed(rankers) -> None:
    # Someone who is 55 on 23 November 2026 was born in 1970 (69) or 1971 (70): no single answer.
    found = reply("jeg er 55 år, hvornår kan jeg gå på folkepension?", rankers["da"], TODAY)
    assert found.kind is not ReplyKind.FOLKEPENSION_DATE or found.birth_date is not None


def test_a_follow_up_without_a_topic_is_read_with_the_message_before_it(client) -> None:
    follow_up = "hvordan søger jeg?"

    def first_answer(previous: str | None) -> str:
        body = {"message": follow_up, "lang": "da"} | ({"previous": previous} if previous else {})
        return client.post("/api/v1/chat", json=body).get_json()["sources"][0]["slug"]

    # Alone it names no pension; after a message that names one, it is about applying for that.
    assert first_answer(None) == "hvilken-pension-kan-jeg-soege"
    assert first_answer("Kan jeg få seniorpension?") == "seniorpension-ansoegning"
    assert first_answer("Kan jeg få førtidspension?") == "foertidspension-to-veje"
    bad = client.post("/api/v1/chat", json={"message": follow_up, "previous": 3})
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "previous"


def test_a_reply_points_to_the_section_quotes_it_and_names_its_law(client) -> None:
    data = ask(client, "how long does the municipality take to decide?", "en")
    assert data["confidence"] == "high"
    primary = data["view"]["primary"]
    assert primary["url"].startswith("/en/faq/") and "#" in primary["url"]
    assert data["view"]["quote"] and "§" in data["view"]["legal_ref"]


@pytest.mark.parametrize(
    ("message", "lang", "wanted"),
    [
        ("how much money will I get per month?", "en", "hvor-mange-penge"),
        ("kan jeg få fleksjob", "da", "fleksjob"),
        ("is there early retirement due to illness?", "en", "hvilken-pension-kan-jeg-soege"),
        ("what if the kommune says no, can I complain?", "en", "klage-ankestyrelsen"),
        (
            "how long does the municipality take to decide?",
            "en",
            "sagsbehandlingstid-og-forsoergelse",
        ),
    ],
)
def test_the_questions_that_once_got_a_confident_wrong_answer(
    client, message, lang, wanted
) -> None:
    assert ask(client, message, lang)["sources"][0]["slug"] == wanted


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("hvor meget må man tjene ved siden af SU", "da"),
        ("what tax do I pay when I sell my house in Denmark", "en"),
        ("how much is SU for university students", "en"),
    ],
)
def test_a_question_that_only_shares_words_with_an_answer_is_not_answered_as_sure(
    rankers, message, lang
) -> None:
    # Words in common ("tjene ved siden af", "tax", "how much"), but not the site's subject.
    assert reply(message, rankers[lang], TODAY).confidence is not Confidence.HIGH


@pytest.mark.parametrize(
    ("message", "lang", "wanted"),
    [
        # Where or how to apply, by the pension named.
        ("hvor søger man førtidspension henne?", "da", "foertidspension-to-veje"),
        ("how do I apply for seniorpension?", "en", "seniorpension-ansoegning"),
        ("kan jeg selv kræve en afgørelse om førtidspension?", "da", "foertidspension-to-veje"),
        # "Which pension?" and "what are my options?" get the overview, whatever pension is named.
        (
            "hvilke muligheder har jeg, når ryggen er slidt op?",
            "da",
            "hvilken-pension-kan-jeg-soege",
        ),
        (
            "which pension can I get before state pension age?",
            "en",
            "hvilken-pension-kan-jeg-soege",
        ),
        # An old name of the benefit.
        ("hvem kan få invalidepension i dag?", "da", "foertidspension-betingelser"),
        ("hvem kan hjælpe mig gratis med min sag?", "da", "kontakt-og-raadgivning"),
        (
            "har 250.000 på en opsparingskonto, går det ud over min førtidspension?",
            "da",
            "formue-og-foertidspension",
        ),
        # A pension paid as a fraction is the answer on years abroad.
        ("får 29/40 af min førtidspension, hvorfor ikke det hele?", "da", "pension-og-udlandet"),
        (
            "kan jeg få førtidspension resten af livet, eller er den midlertidig?",
            "da",
            "midlertidig-foertidspension",
        ),
        # Compensation in the bank is still compensation, not savings.
        (
            "I got insurance money after a fall and put it in savings. Does it cut my førtidspension?",
            "en",
            "erstatning-og-foertidspension",
        ),
        (
            "hvordan beviser jeg mine år med arbejde, jeg har ingen lønsedler",
            "da",
            "beskaeftigelseskrav",
        ),
        (
            "kommunen gav afslag på førtidspension uden at begrunde det, må de det?",
            "da",
            "dine-rettigheder-i-sagen",
        ),
        (
            "skal man være dansk statsborger for at få seniorpension?",
            "da",
            "seniorpension-betingelser",
        ),
        (
            "what does Seniorpension weigh when it decides?",
            "en",
            "seniorpension-beslutningsgrundlag",
        ),
        (
            "hvad lægger Seniorpension vægt på, når de afgør min sag?",
            "da",
            "seniorpension-beslutningsgrundlag",
        ),
        ("kan jeg få helbredstillæg til briller på min førtidspension?", "da", "hvor-mange-penge"),
        # When the money comes, by the pension named.
        (
            "hvornår kommer pengene, når jeg har fået ja til førtidspension?",
            "da",
            "udbetaling-af-foertidspension",
        ),
        ("hvornår udbetales folkepensionen?", "da", "folkepensionsalder"),
        # A refusal of førtidspension is complained about through Ankestyrelsen's answer.
        ("jeg har fået afslag på førtidspension, hvad nu?", "da", "klage-ankestyrelsen"),
        # "The difference between" two pensions: the overview; with efterløn, its own answer.
        (
            "hvad er forskellen på tidlig pension og seniorpension?",
            "da",
            "hvilken-pension-kan-jeg-soege",
        ),
        (
            "what is the difference between efterløn and seniorpension?",
            "en",
            "efterloen-seniorpension-eller-tidlig-pension",
        ),
        ("hvornår skal jeg søge folkepension?", "da", "folkepensionsalder"),
        (
            "skal jeg have en lægeattest for at søge seniorpension?",
            "da",
            "seniorpension-beslutningsgrundlag",
        ),
        # A step on the way, by name.
        (
            "min sagsbehandler siger, jeg skal i jobafklaring. Hvad er det?",
            "da",
            "sygedagpenge-og-jobafklaring",
        ),
        # Moving to Greenland or somewhere far away is a question about pension abroad.
        ("mister jeg min folkepension hvis jeg flytter til Grønland", "da", "pension-og-udlandet"),
        ("will my seniorpension be paid if I live in Vietnam?", "en", "pension-og-udlandet"),
        ("hvornår skal jeg sende leveattest", "da", "pension-og-udlandet"),
        # Someone to bring to the meetings is a right in the case.
        (
            "må min datter komme med til møderne på jobcentret om min førtidspension?",
            "da",
            "dine-rettigheder-i-sagen",
        ),
        # Help towards the dentist and glasses is a supplement.
        ("får man penge til briller som folkepensionist", "da", "hvor-mange-penge"),
        # Hours of work beside a førtidspension.
        (
            "hvis jeg gør rent 6 timer om ugen, trækker de det så fra min førtidspension?",
            "da",
            "indtaegter-ved-siden-af",
        ),
        # Paying the doctor for a statement for seniorpension.
        (
            "skal jeg selv betale lægen for erklæringen når jeg søger seniorpension",
            "da",
            "seniorpension-beslutningsgrundlag",
        ),
        # The last job, or any job, for seniorpension.
        (
            "does seniorpension look at my latest job or at any job?",
            "en",
            "seniorpension-arbejdsevne",
        ),
        # Reaching folkepension age on førtidspension.
        (
            "jeg har førtidspension og fylder 68 til august, hvad sker der så",
            "da",
            "fra-foertidspension-til-folkepension",
        ),
        # The pension that was for those five years from folkepension.
        (
            "is the old pension for people 5 years before state pension still there",
            "en",
            "seniorfoertidspension",
        ),
        # The kinds of pension.
        ("typer af pension", "da", "hvilken-pension-kan-jeg-soege"),
        ("hvilke typer pension er der", "da", "hvilken-pension-kan-jeg-soege"),
        # Months away, by plane.
        (
            "skal jeg sige til nogen, hvis jeg flyver til Spanien i 4 måneder på førtidspension",
            "da",
            "pension-og-udlandet",
        ),
        # A win is wealth.
        (
            "jeg har vundet en gevinst på 100.000 kr, mister jeg noget af min førtidspension?",
            "da",
            "formue-og-foertidspension",
        ),
        # Another job instead, for seniorpension.
        ("kan Seniorpension sende mig ud i et andet job?", "da", "seniorpension-arbejdsevne"),
        # The everyday name of seniorpension.
        ("nedslidningspension", "da", "hvad-er-seniorpension"),
        # Who decides on seniorpension.
        (
            "Who decides on my seniorpension, the kommune or Seniorpension?",
            "en",
            "hvad-er-seniorpension",
        ),
        ("can I earn a bit extra while I get førtidspension?", "en", "indtaegter-ved-siden-af"),
        # Complaining that a case takes too long is about the case time, not the decision.
        (
            "jobcentret har haft min ansøgning i 14 måneder, kan jeg klage over at det tager så lang tid?",
            "da",
            "sagsbehandlingstid-og-forsoergelse",
        ),
        # Hours a week and a flex job: the flex job's answer.
        (
            "kommunen tilbyder fleksjob men jeg kan kun arbejde 3 timer om ugen",
            "da",
            "fleksjob",
        ),
        ("hvad skal der til for at få førtidspension", "da", "foertidspension-betingelser"),
        # How much, for a named pension: the answer on amounts has each pension's rates.
        ("hvor meget får man i seniorpension", "da", "hvor-mange-penge"),
        ("how much is førtidspension a month", "en", "hvor-mange-penge"),
        (
            "jeg har fået førtidspension, kan kommunen tage den fra mig igen?",
            "da",
            "genoptagelse-og-frakendelse",
        ),
        (
            "My førtidspension decision came after the deadline. Is it paid from an earlier date?",
            "en",
            "udbetaling-af-foertidspension",
        ),
        ("har i et eksempel på en ansøgning", "da", "hvad-skal-der-staa-i-ansoegningen"),
        (
            "hvordan viser jeg mine år som selvstændig til seniorpension",
            "da",
            "beskaeftigelseskrav",
        ),
        (
            "vil de sammenligne mig med et kontorjob når jeg søger seniorpension?",
            "da",
            "seniorpension-arbejdsevne",
        ),
        # A slow case is about case time, even when the message says "complain".
        (
            "My case has been with the council for a year and a half and nothing happens. "
            "Can I complain that they are so slow?",
            "en",
            "sagsbehandlingstid-og-forsoergelse",
        ),
        # Seniorpension waiting for the municipality's papers.
        (
            "Seniorpension venter på papirer fra kommunen, og de har ikke sendt noget i et halvt år",
            "da",
            "seniorpension-kommunens-rolle",
        ),
        # A seniorpension refusal from the years the municipality decided.
        (
            "kommunen sagde nej til min seniorpension i 2021, kan den sag åbnes igen?",
            "da",
            "seniorpension-overgangsregler",
        ),
        # The lifelong ATP pension, not the payment of førtidspension.
        (
            "jeg er på førtidspension, hvornår får jeg udbetalt min ATP",
            "da",
            "skat-og-pensionsopsparing",
        ),
        # A severance payment is income, not wealth.
        (
            "I'm getting a severance payment when I leave my job. Will it cut my førtidspension?",
            "en",
            "personlig-indkomst",
        ),
        # An inheritance, said with a verb.
        (
            "min far er død og jeg arver hans hus, mister jeg noget af min førtidspension",
            "da",
            "formue-og-foertidspension",
        ),
        # A loss-of-earning-capacity insurance pays out every month.
        (
            "udbetaling fra min forsikring for tab af erhvervsevne hver måned, trækker de det fra "
            "i førtidspensionen?",
            "da",
            "erstatning-og-foertidspension",
        ),
        # The money has not come after a yes.
        (
            "jeg fik ja til seniorpension for to måneder siden men der er stadig ikke kommet "
            "nogen penge",
            "da",
            "seniorpension-ansoegning",
        ),
        # Two pensions compared as "the same".
        (
            "er seniorpension det samme som førtidspension?",
            "da",
            "hvilken-pension-kan-jeg-soege",
        ),
        # A work placement again, before førtidspension: the answer on work trials.
        (
            "skal jeg virkelig i praktik en gang til før jeg kan få førtidspension? jeg har haft "
            "tre praktikker allerede",
            "da",
            "arbejdsproevning",
        ),
        # How much one gets during a step: the step's answer, not the pensions' amounts.
        (
            "how much do you get paid while on sygedagpenge",
            "en",
            "sygedagpenge-og-jobafklaring",
        ),
        # Waiting long, said without "complain".
        (
            "vi har ventet på svar om min mors førtidspension i 9 måneder, hvad gør vi",
            "da",
            "sagsbehandlingstid-og-forsoergelse",
        ),
        # How to word a letter, from someone in jobafklaring: the letter is the question.
        (
            "min borger er i jobafklaring og vil selv bede om en afgørelse. hvordan skal hun "
            "formulere brevet?",
            "da",
            "hvad-skal-der-staa-i-ansoegningen",
        ),
        # Which of several jobs seniorpension judges one against.
        (
            "I had a few temp jobs after 30 years as a bus driver. For seniorpension, will they "
            "judge me against the bus driving?",
            "en",
            "seniorpension-arbejdsevne",
        ),
        # The pension for worn-out people, in everyday words.
        (
            "hvad hedder den pension for nedslidte som man kan søge nogle år før folkepension",
            "da",
            "hvad-er-seniorpension",
        ),
        (
            "the pension for worn-out people: how many years must I have worked?",
            "en",
            "beskaeftigelseskrav",
        ),
        # Someone else's ATP.
        (
            "min kone er på førtidspension, hvornår begynder hendes ATP",
            "da",
            "skat-og-pensionsopsparing",
        ),
        # A refusal of førtidspension: the general complaint answer, not seniorpension's.
        (
            "min læge mener jeg skal have førtidspension, men kommunen har sagt nej",
            "da",
            "klage-ankestyrelsen",
        ),
        # A medical certificate for seniorpension, in the word most people use.
        (
            "skal jeg have en lægeerklæring med når jeg søger seniorpension",
            "da",
            "seniorpension-beslutningsgrundlag",
        ),
        # Working beside seniorpension: the same rules as beside førtidspension.
        (
            "må jeg arbejde lidt ved siden af min seniorpension",
            "da",
            "indtaegter-ved-siden-af",
        ),
        # Losing a granted førtidspension, for someone else.
        (
            "min mand har fået det bedre, kan kommunen tage hans førtidspension fra ham?",
            "da",
            "genoptagelse-og-frakendelse",
        ),
        # Help with glasses or the dentist beside a pension: the supplements.
        (
            "min far er på folkepension og skal have tandbehandling til 20.000, kan han få "
            "noget hjælp?",
            "da",
            "hvor-mange-penge",
        ),
        # An example of a complaint letter, and sending papers by ordinary e-mail.
        ("har I et eksempel på en klage jeg kan bruge", "da", "hvad-skal-der-staa-i-ansoegningen"),
        (
            "kan jeg sende min ansøgning om førtidspension med almindelig mail",
            "da",
            "hvad-skal-der-staa-i-ansoegningen",
        ),
        # A case that has been lying untouched.
        (
            "kommunen har bare haft min sag liggende siden foråret, hvad gør jeg",
            "da",
            "sagsbehandlingstid-og-forsoergelse",
        ),
        # Help with the rent on førtidspension, with the rent's amount in the message.
        (
            "I'm on førtidspension and pay 6,500 a month in rent. Can I get help with the rent?",
            "en",
            "boligstoette-foertidspension",
        ),
        (
            "Which job will they compare me against for seniorpension, my old one or my new one?",
            "en",
            "seniorpension-arbejdsevne",
        ),
        # Someone on folkepension asking for extra help: the supplements, not the date.
        (
            "jeg er 70 og lever af min folkepension, men jeg har en stor tandlægeregning. findes "
            "der noget ekstra jeg kan søge?",
            "da",
            "hvor-mange-penge",
        ),
        # Not the full folkepension because of years abroad, with an age.
        (
            "I'm 65 and lived in Poland until I was 35. Will I get the full state pension here?",
            "en",
            "pension-og-udlandet",
        ),
        # How much, after tax: the amount is the question.
        ("hvad får man udbetalt i seniorpension efter skat", "da", "hvor-mange-penge"),
        # Can I get it if I live abroad: living abroad is the question.
        (
            "kan jeg få min tidlige pension udbetalt hvis jeg bor i Portugal",
            "da",
            "pension-og-udlandet",
        ),
        # An appeal about a case that skipped the rehabilitation team, in shorthand.
        (
            "afgørelse fra 2025 uden rehab team, kan borger klage over det?",
            "da",
            "rehabiliteringsteam-undtagelser",
        ),
        # The pension for those who are completely worn out, asked as "is there one".
        (
            "findes der en pension for dem der er helt slidt ned efter mange år",
            "da",
            "hvad-er-seniorpension",
        ),
        # Someone to speak for one at meetings.
        (
            "kan jeg have en støtteperson med, der kan tale for mig til mødet?",
            "da",
            "dine-rettigheder-i-sagen",
        ),
        # Giving up a granted førtidspension to try work again.
        (
            "jeg vil gerne sige min førtidspension op og prøve at arbejde igen, kan jeg fortryde?",
            "da",
            "genoptagelse-og-frakendelse",
        ),
        # A lighter job instead, for seniorpension.
        (
            "de siger jeg kan klare et lettere job i en reception, må seniorpension sige det?",
            "da",
            "seniorpension-arbejdsevne",
        ),
        # A work trial for seniorpension: there is none.
        (
            "skal man i arbejdsprøvning når man søger seniorpension",
            "da",
            "seniorpension-arbejdsevne",
        ),
        # The deadline was missed: from when is it paid, said without naming the pension.
        (
            "kommunen har overskredet fristen for afgørelsen, får jeg så efterbetaling?",
            "da",
            "udbetaling-af-foertidspension",
        ),
        # How long Seniorpension may take, in learner's English.
        (
            "how long time can Seniorpension take before they give me the answer",
            "en",
            "sagsbehandlingstid-og-forsoergelse",
        ),
        # Whether the site itself can decide: it cannot; who can help.
        (
            "kan siden her ikke bare bestemme om jeg skal have pension",
            "da",
            "kontakt-og-raadgivning",
        ),
    ],
)
def test_the_kind_of_question_decides_the_answer(rankers, message, lang, wanted) -> None:
    assert reply(message, rankers[lang], TODAY).sources[0] == wanted


@pytest.mark.parametrize(
    "message",
    [
        "jeg er 63 ar og kan jeg fa arnepension",
        "I am 45 and have MS. Can I get førtidspension?",
        "Min borger er født i 1963. Opfylder hun betingelserne for seniorpension?",
        # Leaving work early, with no pension named.
        "Jeg fylder 62 til foråret og er nedslidt. Kan jeg komme på pension før tid?",
        "I turn 63 next month and my knees are gone. Do I have the right to some early pension?",
        # What can I do, can I stop: with an age, the questionnaire says which route fits.
        "Jeg er 61 og har slidt mig op som murer. Hvad kan jeg gøre?",
        "I am 62 and have cleaned offices for 42 years. Can I stop now?",
        # "fylder 63" at the start of a message is the writer's age.
        "fylder 63 i marts og har knoklet siden jeg var 16. kan jeg stoppe?",
        "er 63 og har kørt lastbil i 40 år, kan jeg stoppe før tid?",
        # Retiring now, with a birth year.
        "født 1961, nedslidt maler, kan jeg gå på pension nu?",
        # The earliest day one can stop, and "any pension at all", with an age or a birth date.
        "født 1967, har gjort rent på et hospital i 35 år, hvornår kan jeg tidligst holde op?",
        "I was born on 1 June 1964 and work in a warehouse. When is the earliest I can stop working?",
        "jeg er 52 og har kræft, kan jeg få nogen form for pension?",
        # A two-digit birth year, and "bliver 60 i år".
        "født i 64 og har været smed hele livet, hvornår kan jeg stoppe?",
        "jeg bliver 60 i år og er slidt op efter 40 år som sosu. kan jeg stoppe lidt før?",
        # "Hvad kan jeg overhovedet søge?" and "hvad kan jeg få?" with an age.
        "Jeg er 59, har været murer i 40 år og kan ikke mere. Hvad kan jeg overhovedet søge?",
        "jeg er 62 og har ondt i hele kroppen efter 38 år på slagteriet. hvad kan jeg få?",
        # Spoken "hva", and the age after a comma.
        "hva kan jeg søge, er 62 og har slidt mig op på et lager i 40 år",
        # Getting one's own folkepension early is not living on it already.
        "I'm 62 and worn out. Can I get my state pension early?",
        # Jutlandic "æ", and an age at the start in learner's English.
        "æ er 61 og æ ka ik mer, hva ka æ søg",
        "58 years, bad back, 35 years on building sites, what are my options",
        # Worn out, with an age, asking what to do.
        "jeg er 60 og kan ikke mere. mine knæ er ødelagt efter 35 år som gulvlægger. hvad gør jeg?",
    ],
)
def test_can_i_get_it_with_an_age_or_birth_year_hands_over_to_the_questionnaire(
    rankers, message
) -> None:
    lang = "en" if message.startswith(("I ", "I'm")) else "da"
    assert reply(message, rankers[lang], TODAY).offer_questionnaire


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("how do I apply for Danish citizenship", "en"),
        ("hvor mange ugers barsel har far ret til", "da"),
        # Another benefit, or a complaint about something else, in the site's own words.
        ("kan jeg få boligstøtte som studerende på kollegie?", "da"),
        ("how do I complain about a hospital that made a mistake", "en"),
        ("hvor meget får man i kontanthjælp når man er syg", "da"),
        # Another country's own pension, and employment law.
        ("hvornår kan man gå på pension i Sverige?", "da"),
        ("can my boss fire me when I reach 68?", "en"),
        # Holiday pay, benefits for children, deferring folkepension, Sweden's own pension.
        ("hvornår bliver mine feriepenge udbetalt når jeg stopper", "da"),
        ("får jeg stadig børnetilskud til min datter, hvis jeg kommer på førtidspension?", "da"),
        ("If I put off my state pension for two years, how much more will I get?", "en"),
        # Debt relief, and how a work injury claim is handled.
        ("kan jeg få gældssanering mens jeg er på førtidspension", "da"),
        # Registering for a home for the elderly is not writing an application for a pension.
        ("hvordan skriver jeg min mor op til en plejebolig", "da"),
        ("how long does Arbejdsmarkedets Erhvervssikring take with my work injury claim", "en"),
        ("jeg bor i Helsingborg, hvordan søger jeg den svenske garantipension", "da"),
        # An answer about one pension, for a message that names none.
        ("kan jeg få boligstøtte? jeg er enlig far og arbejder 37 timer", "da"),
        # Help, pensions and tax rules the site does not cover, even with a pension named.
        ("har jeg ret til hjemmehjælp når jeg får seniorpension", "da"),
        ("hvordan regnes min tjenestemandspension ud", "da"),
        ("is my Danish folkepension covered by the tax treaty with France?", "en"),
        # Employment law, with an age.
        ("can my employer make me retire at 67?", "en"),
        # A pension company's products, one municipality's own details, another country's pension.
        ("which pension company gives the best returns", "en"),
        ("hvad er åbningstiden hos borgerservice i Aarhus kommune", "da"),
        ("what is the US state pension age?", "en"),
    ],
)
def test_a_question_outside_the_site_s_field_is_never_answered_as_sure(
    rankers, message, lang
) -> None:
    # "apply", "ret til": words the answers use, in a question about something else entirely.
    assert reply(message, rankers[lang], TODAY).confidence is not Confidence.HIGH


def test_an_answer_about_a_topic_the_message_does_not_name_is_never_sure(rankers) -> None:
    # The answer on førtidspension while on efterløn shares every word but "efterløn".
    found = reply("kan jeg få førtidspension hvis jeg har kræft", rankers["da"], TODAY)
    assert (
        found.confidence is not Confidence.HIGH
        or found.sources[0] != "efterloen-og-foertidspension"
    )
    sure = reply("kan jeg få førtidspension mens jeg er på efterløn", rankers["da"], TODAY)
    assert sure.sources[0] == "efterloen-og-foertidspension"


def test_what_to_write_with_an_age_is_not_a_hand_over(rankers) -> None:
    found = reply("jeg er 60, hvad skal jeg skrive i min ansøgning?", rankers["da"], TODAY)
    assert found.sources[0] == "hvad-skal-der-staa-i-ansoegningen"
    assert not found.offer_questionnaire


def test_the_difference_between_two_ways_of_applying_is_not_the_overview(rankers) -> None:
    message = (
        "hvad er forskellen på at kommunen starter sagen og at jeg selv beder om førtidspension"
    )
    assert reply(message, rankers["da"], TODAY).sources[0] != "hvilken-pension-kan-jeg-soege"
    both = "hvad er forskellen på seniorpension og førtidspension"
    assert reply(both, rankers["da"], TODAY).sources[0] == "hvilken-pension-kan-jeg-soege"


def test_do_i_qualify_after_a_message_about_a_pension_hands_over_with_an_age(rankers) -> None:
    found = reply("I am 64, do I qualify?", rankers["en"], TODAY, "tell me about seniorpension")
    assert found.offer_questionnaire
    assert not reply(
        "do I qualify?", rankers["en"], TODAY, "tell me about seniorpension"
    ).offer_questionnaire


def test_a_follow_up_keeps_the_pension_of_the_message_before_it(rankers) -> None:
    before = "Jeg har fået afslag på seniorpension. Min læge er helt uenig."
    found = reply("kan jeg så bare søge igen?", rankers["da"], TODAY, before)
    assert found.sources[0] == "seniorpension-afslag-og-klage"


def test_a_partner_s_income_points_to_the_section_on_a_partner(rankers) -> None:
    found = reply("my wife works, will her salary reduce my pension?", rankers["en"], TODAY)
    assert (found.sources[0], found.section) == ("indtaegter-ved-siden-af", "partner")


def test_someone_else_s_age_is_not_the_writer_s(rankers) -> None:
    message = "My mother is turning 67 soon. Will her førtidspension change into folkepension?"
    assert reply(message, rankers["en"], TODAY).kind is not ReplyKind.FOLKEPENSION_DATE
    assert reply("I'm turning 67 soon. When do I get folkepension?", rankers["en"], TODAY).kind is (
        ReplyKind.FOLKEPENSION_DATE
    )


def test_a_long_message_tells_its_own_story_and_is_not_read_as_a_follow_up(rankers) -> None:
    before = "Jeg har fået afslag på seniorpension."
    story = (
        "Min mand er død for et halvt år siden, og jeg har været syg med stress siden. Jeg har "
        "sparet 300.000 kr. op i banken, og nu spørger jeg mig selv, om de penge bliver trukket "
        "fra, hvis jeg en dag får en pension fra kommunen. Hvordan hænger det sammen?"
    )
    assert len(story) > 200
    assert reply(story, rankers["da"], TODAY, before) == reply(story, rankers["da"], TODAY)


@pytest.mark.parametrize(
    ("message", "previous", "lang"),
    [
        # Issue 16's example: the follow-up lost the conversation.
        ("can I keep working a few hours if I get it?", "I want to apply for førtidspension", "en"),
        ("må jeg stadig arbejde lidt, når jeg får førtidspension?", None, "da"),
    ],
)
def test_working_beside_a_førtidspension_is_the_answer_on_income(
    rankers, message, previous, lang
) -> None:
    assert reply(message, rankers[lang], TODAY, previous).sources[0] == "indtaegter-ved-siden-af"


def test_a_number_of_something_else_is_not_an_age(rankers) -> None:
    found = reply("jeg er 50 procent invalid, hvad kan jeg gøre?", rankers["da"], TODAY)
    assert not found.offer_questionnaire and found.age_now is None


def test_a_no_from_the_municipality_is_answered_with_how_to_complain(rankers) -> None:
    found = reply("kommunen siger nej, hvad gør jeg så?", rankers["da"], TODAY)
    assert found.sources[0] in {"klage-ankestyrelsen", "seniorpension-afslag-og-klage"}


def test_an_answer_about_another_pension_is_never_said_as_sure(rankers) -> None:
    # The seniorpension complaint answer shares every word but the pension with this question.
    message = "hvordan klager jeg over et afslag på seniorpension og førtidspension?"
    assert rankers["da"].covers(message, "seniorpension-afslag-og-klage")
    message = "hvordan klager jeg over et afslag på førtidspension?"
    assert not rankers["da"].covers(message, "seniorpension-afslag-og-klage")


@pytest.mark.parametrize(
    ("message", "year"),
    [
        ("født i 1962 og slidt op", 1962),
        ("fodt i 67, har knoklet siden", 1967),
        ("born in '59 and tired", 1959),
        # A date is not a two-digit year, and a child's birth year is read as this century's.
        ("født 03.05.66", None),
        ("min søn er født i 15", 2015),
    ],
)
def test_a_birth_year_is_read_with_two_or_four_digits(message: str, year: int | None) -> None:
    assert find_birth_year(message, TODAY) == year


def test_a_question_about_what_to_get_keeps_the_answers_other_kinds_of_question_point_to() -> None:
    # "How much can I get?" asks about the amount, not whether one can get tidlig pension; but
    # "when is it paid?" in the same message still points to the answer on tidlig pension.
    message = "hvornår bliver pensionen udbetalt, og hvor meget kan jeg få i tidlig pension?"
    intended = intended_answers(message, pension_types(message))
    assert {"hvor-mange-penge", "tidlig-pension"} <= intended
    only_amount = "hvor meget kan jeg få i tidlig pension?"
    assert "tidlig-pension" not in intended_answers(only_amount, pension_types(only_amount))
