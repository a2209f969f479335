"""The folkepensionsalder table against lov om social pension § 1 a, typed in from the law."""

from datetime import date

import pytest

from app.domain import facts
from app.domain.facts import add_months, folkepensionsalder_band, folkepensionsalder_date

# (first birth date, last birth date, age in years and months) as § 1 a says it, typed from the statute.
LAW_1A = [
    (date(1900, 1, 1), date(1953, 12, 31), 65, 0, "nr. 1"),
    (date(1954, 1, 1), date(1954, 6, 30), 65, 6, "nr. 2"),
    (date(1954, 7, 1), date(1954, 12, 31), 66, 0, "nr. 3"),
    (date(1955, 1, 1), date(1955, 6, 30), 66, 6, "nr. 4"),
    (date(1955, 7, 1), date(1962, 12, 31), 67, 0, "nr. 5"),
    (date(1963, 1, 1), date(1966, 12, 31), 68, 0, "nr. 6"),
    (date(1967, 1, 1), date(1970, 12, 31), 69, 0, "nr. 7"),
    (date(1971, 1, 1), date(2010, 12, 31), 70, 0, "2025"),
]


@pytest.mark.parametrize(
    ("birth_date", "years", "months"),
    [pytest.param(first, y, m, id=f"{first}-first") for first, _last, y, m, _ref in LAW_1A]
    + [pytest.param(last, y, m, id=f"{last}-last") for _first, last, y, m, _ref in LAW_1A],
)
def test_folkepensionsalder_at_every_band_edge(birth_date: date, years: int, months: int) -> None:
    band = folkepensionsalder_band(birth_date)
    assert (band.age_years, band.extra_months) == (years, months)


@pytest.mark.parametrize(
    ("birth_date", "reaches"),
    [
        (date(1953, 12, 31), date(2018, 12, 31)),
        (date(1954, 1, 1), date(2019, 7, 1)),
        (date(1954, 6, 30), date(2019, 12, 30)),
        (date(1955, 6, 30), date(2021, 12, 30)),
        (date(1962, 12, 31), date(2029, 12, 31)),
        (date(1963, 1, 1), date(2031, 1, 1)),
        (date(1966, 5, 3), date(2034, 5, 3)),
        (date(1970, 12, 31), date(2039, 12, 31)),
        (date(1971, 1, 1), date(2041, 1, 1)),
        (date(1964, 2, 29), date(2032, 2, 29)),
        (date(1967, 2, 28), date(2036, 2, 28)),
    ],
)
def test_day_of_reaching_folkepensionsalder(birth_date: date, reaches: date) -> None:
    assert folkepensionsalder_date(birth_date) == reaches


def test_half_year_from_a_month_end_lands_on_the_last_day_of_the_shorter_month() -> None:
    assert add_months(date(1954, 8, 31), 6) == date(1955, 2, 28)
    assert add_months(date(1955, 3, 31), 6) == date(1955, 9, 30)


def test_bands_are_contiguous_and_each_names_its_paragraph() -> None:
    bands = facts.FOLKEPENSIONSALDER_BANDS
    assert bands[0].born_from is None and bands[-1].born_to is None
    for earlier, later in zip(bands, bands[1:], strict=False):
        assert earlier.born_to is not None and later.born_from is not None
        assert (later.born_from - earlier.born_to).days == 1
        assert later.age_months > earlier.age_months
    for band in bands:
        assert "§ 1 a" in band.legal_ref


def test_every_figure_names_its_legal_basis() -> None:
    for name, figure in facts.FIGURES.items():
        assert figure.legal_ref.strip(), name
        if figure.set_by_law:
            assert "§" in figure.legal_ref or "ekendtgørelse" in figure.legal_ref, name
        else:
            assert "§" not in figure.legal_ref, name


def test_only_the_agreed_and_practice_figures_are_marked_as_not_law() -> None:
    not_law = {name for name, figure in facts.FIGURES.items() if not figure.set_by_law}
    assert not_law == {
        "folkepension_apply_months_early",
        "seniorpension_municipality_reply_months",
        "post_receipt_weekdays",
        "quickpost_receipt_days",
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("foertidspension_min_age", 40),
        ("foertidspension_exception_min_age", 18),
        ("seniorpension_years_before_fpa", 6),
        ("seniorpension_apply_months_early", 6),
        ("seniorpension_min_work_years", 20),
        ("seniorpension_full_work_years", 25),
        ("seniorpension_max_weekly_hours", 15),
        ("full_time_weekly_hours", 27),
        ("foertidspension_decision_months", 3),
        ("seniorpension_decision_months", 6),
        ("revocation_consent_age", 60),
        ("tidlig_pension_decision_months", 6),
        ("tidlig_pension_start_notice_months", 2),
        ("tidlig_pension_attachment_months", 9),
        ("tidlig_pension_income_reduction_percent", 64),
        ("income_reduction_percent", 30),
        ("couple_of_pensioners_reduction_percent", 15),
        ("folkepension_apply_months_early", 6),
        ("seniorpension_municipality_reply_months", 3),
        ("appeal_weeks", 4),
        ("appeal_forward_weeks", 4),
        ("post_receipt_weekdays", 6),
        ("quickpost_receipt_days", 2),
    ],
)
def test_figures_match_the_law(name: str, value: int) -> None:
    assert facts.FIGURES[name].value == value


@pytest.mark.parametrize(
    ("born", "folkepensionsalder", "seniority_until"),
    [
        (date(1955, 7, 1), 67, 61),
        (date(1962, 12, 31), 67, 61),
        (date(1963, 1, 1), 68, 61),
        (date(1964, 12, 31), 68, 61),
        (date(1965, 1, 1), 68, 62),
        (date(1967, 6, 1), 69, 62),
        (date(1970, 12, 31), 69, 63),
    ],
)
def test_tidlig_pension_seniority_is_counted_until_the_age_in_section_26_h(
    born: date, folkepensionsalder: int, seniority_until: int
) -> None:
    band = facts.tidlig_pension_band(born)
    assert band is not None
    assert band.folkepensionsalder_years == folkepensionsalder
    assert band.seniority_until_age == seniority_until
    # A band never spans two folkepensionsaldre, so one age describes the whole band.
    if band.born_to is not None:
        assert facts.folkepensionsalder_band(band.born_to).age_years == folkepensionsalder
