"""The exhaustive walk: every path through the questionnaire over a grid of birth dates ends in
an outcome with a recommended route, dates that keep the rules, a legal basis on every reason and
an authority to contact; and the decision table in docs/ is the one the rules give now."""

from __future__ import annotations

from datetime import date

from app.domain import questionnaire as flow
from app.domain.decisions import AS_OF, decision_table, paths, walk_birth_dates
from app.domain.outcomes import Authority, Status
from app.domain.rules import assess
from tests.conftest import ROOT

TODAYS = (AS_OF, date(2021, 9, 1), date(2033, 3, 12))


def test_every_path_ends_in_a_sound_outcome() -> None:
    walked = 0
    for today in TODAYS:
        for born in (day for day in walk_birth_dates() if day <= today):
            for answers in paths(born, today):
                walked += 1
                assert flow.is_complete(answers, today), answers  # no dead end
                outcome = assess(flow.to_answers(answers), today)
                assert outcome.recommended is not None, answers
                assert outcome.folkepension_first_payment.day == 1
                assert outcome.seniorpension_first_payment.day == 1
                for route in outcome.routes:
                    assert route.apply_to in Authority
                    for finding in route.findings:
                        assert "§" in finding.legal_ref or finding.legal_ref.startswith("Lov")
                    payment = route.earliest_payment
                    if payment is not None:
                        assert payment.day == 1 and payment >= today, (answers, route)
                    if route.status in (Status.NO, Status.NOT_ON_ANSWERS):
                        assert payment is None, (answers, route)
    assert walked > 10_000


def test_the_decision_table_in_docs_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "decisions.csv").read_text(encoding="utf-8")
    assert committed == decision_table(AS_OF), (
        "the rules changed: run 'flask --app app questionnaire decisions' and review the diff"
    )
