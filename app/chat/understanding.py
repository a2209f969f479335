"""Reading a citizen's message: dates of birth, ages, small talk, which pension it names and what
kind of question it asks (how much, how long, to complain, ...). Pure: no index, no storage."""

from __future__ import annotations

import re
from datetime import date

from app.domain.facts import folkepensionsalder_band

MONTHS = {
    "januar": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2, "marts": 3,
    "march": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>(?:19|20)?\d\d)\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(?P<mn>{_MONTH})\.?,?\s*(?P<y>(?:19|20)\d\d)\b"
    ),
    re.compile(
        rf"\b(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"
    ),
)
_BIRTH_YEAR = re.compile(r"\b(?:født|fødd|foedt|fodt|born)\s+(?:i\s+|in\s+)?(?P<y>(?:19|20)\d\d)\b")

_GREETINGS = {"hej", "hejsa", "hejhej", "goddag", "godmorgen", "davs", "dav", "hallo", "halløj", "hi",
              "hello", "hey", "god", "morgen", "good", "morning", "afternoon", "there", "med", "dig"}  # fmt: skip
_THANKS = {"tak", "thanks", "thank", "thx", "tusind", "mange", "you", "so", "much", "for", "hjælpen",
           "the", "help", "ok", "okay", "super", "fint", "godt", "dejligt", "great"}  # fmt: skip
_HELP = {"hjælp", "help", "hvad", "kan", "du", "what", "can", "you", "do", "me", "jeg", "spørge",
         "om", "ask", "about", "how", "does", "this", "work", "virker", "det", "?"}  # fmt: skip
HANDOFF = re.compile(
    r"hvilke[nt]? pension|hvad (?:for )?(?:en )?pension kan|kan jeg (?:få|faa|søge|soege) "
    r"(?:senior|førtids|fortids|foertids|tidlig)|har jeg ret til|er jeg berettiget|"
    r"which pension|what pension|can i (?:get|apply for|claim) (?:a |the )?(?:senior|disability|early)|"
    r"am i (?:eligible|entitled)",
)
# Whether someone meets the conditions, asked about a person whose age or birth date the message
# gives: the questionnaire answers that for them (with CAN_I_GET).
MEETS_CONDITIONS = re.compile(
    r"opfylder (?:jeg|han|hun|vedkommende|borgeren|min borger)|berettiget|\bqualify|eligible|entitled"
)
CAN_I_GET = re.compile(
    r"kan (?:jeg|man|han|hun|vi) (?:få|faa|fa|søge|soege|soge|komme på|gå på|ga pa|gaa paa)|"
    r"tror du (?:jeg|han|hun)|hvem kan (?:få|faa|fa|søge|soege)|who (?:can|may) (?:get|apply)|"
    r"could i (?:get|qualify)|can i (?:get|qualify|apply)|do i qualify|would i qualify|"
    r"har (?:jeg|han|hun) ret til|er (?:jeg|han|hun) berettiget|do i have (?:the |a )?right to",
)
# Leaving work early without naming a pension, or asking what one can do: with an age, the
# questionnaire says which route fits.
EARLY_EXIT = re.compile(
    r"hvad kan jeg (?:gøre|gore|goere|søge|soge|soege)|hvad er mine muligheder|what can i do|"
    r"what are my options|can i (?:stop|quit)\b|kan jeg (?:stoppe|holde op)|"
    r"pension (?:før|for|foer) tid|(?:før|for|foer) tiden|tidligere på pension|stoppe (?:med at "
    r"arbejde )?(?:før|tidligere)|early pension|retire early|stop working (?:early|before)|"
    r"pension early"
)
CONTACT = re.compile(
    r"hvor (?:kan jeg |skal jeg )?ringe|hvem kan (?:jeg|vi) (?:ringe|tale|snakke)|hvor ringer|telefonnummer|"
    r"hvor (?:kan|får) (?:jeg|vi|man) (?:råd|hjælp|rådgivning)|who (?:can|do) i (?:call|talk)|"
    r"where (?:can|do) i (?:get|find) (?:advice|help)|phone number|^\W*r(?:å|aa|a)dgivning\W*$|"
    r"gratis (?:hjælp|hjaelp|rådgivning|raadgivning|advokat)|hjælpe mig gratis|uvildig|"
    r"(?:help|advise) me for free|free (?:help|advice|legal)|^\W*advice\W*$",
)
CONTACT_ANSWER = "kontakt-og-raadgivning"
WHAT_IS = re.compile(
    r"hvad (?:er|betyder) (?:det|den|en|egentlig)?|hvad går .{0,40} ud på|hvad handler .{0,40} om|"
    r"what (?:exactly )?is|what does .{0,40} mean|what'?s .{0,20}(?:senior|pension)|"
    r"(?:something|noget) (?:called|der hedder)|\bmeaning\b|\bbetydning\b",
)
RETIREMENT = re.compile(
    r"folkepension|pensionsalder|gå på pension|ga pa pension|gaa paa pension|går på pension|"
    r"retire|state pension|pension age|pensionable|hvornår kan jeg|when can i|hvornaar",
)
SENIOR = re.compile(r"seniorpension|senior pension")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\?", text.lower())


def find_birth_date(message: str, today: date) -> date | None:
    text = message.lower()
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = MONTHS[parts["mn"]] if parts.get("mn") else int(parts["m"])
            year = int(parts["y"])
            if year < 100:
                year += 1900 if year > today.year % 100 else 2000
            try:
                found = date(year, month, int(parts["d"]))
            except ValueError:
                continue
            if date(1900, 1, 1) <= found <= today:
                return found
    return None


def find_birth_year(message: str, today: date) -> int | None:
    match = _BIRTH_YEAR.search(message.lower())
    if match and 1900 <= int(match["y"]) <= today.year:
        return int(match["y"])
    return None


_AGE = re.compile(
    r"\bjeg er (?P<a>\d{2}) ?(?:år|aar|ar)\b|\b(?P<b>\d{2}) (?:år|aar|ar) gammel|\bi'?m (?P<c>\d{2})\b|\bi am (?P<d>\d{2})\b|"
    r"\b(?P<e>\d{2}) years old|\bjeg fylder (?P<f>\d{2})\b|\bi (?:turn|will be) (?P<g>\d{2})\b|"
    r"\bi(?:'m| am) turning (?P<h>\d{2})\b|"
    # "jeg er 61 og ...": an age, unless a unit follows
    r"\bjeg er (?P<i>\d{2})\b(?!\s*(?:kg|kilo|procent|%|timer|uger|dage|m(?:å|aa|a)neder|kr))"
)


def find_age(message: str) -> int | None:
    match = _AGE.search(message.lower())
    if not match:
        return None
    age = int(next(value for value in match.groupdict().values() if value))
    return age if 16 <= age <= 99 else None


def birth_years_for_age(age: int, today: date) -> tuple[int, int]:
    """Someone who is `age` today was born in one of these two years."""
    return today.year - age - 1, today.year - age


def same_folkepensionsalder_all_year(year: int) -> bool:
    return folkepensionsalder_band(date(year, 1, 1)) == folkepensionsalder_band(date(year, 12, 31))


def small_talk(message: str) -> str | None:
    """ "greeting", "thanks", "help" or "empty" for a message that is only that; else None."""
    if not message.strip():
        return "empty"
    words = _words(message)
    if not words:
        return None
    if len(words) <= 6 and set(words) <= _THANKS and {"tak", "thanks", "thank", "thx"} & set(words):
        return "thanks"
    if len(words) <= 5 and set(words) <= _GREETINGS:
        return "greeting"
    if (
        len(words) <= 8
        and set(words) <= _HELP
        and (
            {"hjælp", "help"} & set(words)
            or {"hvad", "kan", "du"} <= set(words)
            or {"what", "can", "you"} <= set(words)
        )
    ):
        return "help"
    return None


# Which pension a message names, and the answer with that pension's conditions.
PENSION_TYPES: dict[str, re.Pattern[str]] = {
    "seniorpension": re.compile(r"senior ?pension|seniorpenison|seniorpention"),
    "foertidspension": re.compile(
        r"f(?:ø|oe|o)rtids ?pension|\bf(?:ø|o)p\b|disability pension|early retirement pension|"
        r"invalide ?pension|invalidity pension|sygepension|sickness pension"
    ),
    "tidlig_pension": re.compile(
        r"tidlig(?:e)? pension|\barne|early pension|early retirement\b(?! pension)"
    ),
    "folkepension": re.compile(
        r"folkepension|state pension|old.age pension|pensionsalder|pension age"
    ),
}
INTRO_ANSWERS = {
    "seniorpension": "hvad-er-seniorpension",
    "foertidspension": "foertidspension-betingelser",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}
CONDITIONS_ANSWERS = {
    "seniorpension": "seniorpension-betingelser",
    "foertidspension": "foertidspension-betingelser",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}


def pension_types(text: str) -> set[str]:
    lowered = text.lower()
    return {name for name, pattern in PENSION_TYPES.items() if pattern.search(lowered)}


def question_sentence(message: str) -> str:
    """The sentence(s) that ask: in a long message the story comes first, the question last."""
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", message.strip()) if part]
    asked = [sentence for sentence in sentences if sentence.endswith("?")]
    return " ".join(asked) if asked else (sentences[-1] if sentences else "")


# Questions whose answer is one page whatever benefit they name: what the citizen wants to know
# (how much, how long, to complain, ...) decides the answer more than the benefit does.
INTENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"hvor mange penge|hvor meget (?:får|far|faar|kommer|bliver|giver|udbetal)|hvor meget (?:kan|vil) (?:jeg|man|vi|han|hun) (?:få|fa|faa|regne)|hvad (?:får|far|faar|kan) (?:man|jeg|vi)"
            r" .{0,30}(?:om måneden|om maaneden|udbetalt|i alt)|\bbeløb|\bsatse[nr]?\b|"
            r"how much (?!tax|time)|what amount|how big is|\b(?:per|a|each) month\b"
        ),
        "hvor-mange-penge",
    ),
    (
        re.compile(
            r"hvor (?:lang tid|længe|laenge) .{0,40}(?:svar|afgør|afgor|behandl|vente|være om|"
            r"vaere om|tage)|sagsbehandlingstid|how long .{0,40}(?:decid|take|wait|answer)|"
            r"waiting (?:time|for (?:a|the) decision)"
        ),
        "sagsbehandlingstid-og-forsoergelse",
    ),
    (
        re.compile(
            r"hvad skal (?:jeg|man|der) (?:skrive|stå|staa)|hvordan (?:skriver|formulerer) (?:jeg|man)|"
            r"formulere[r]? (?:jeg|mig|det)|what (?:should|do) i (?:write|put)|how (?:do|should) i word"
        ),
        "hvad-skal-der-staa-i-ansoegningen",
    ),
    (
        re.compile(
            r"hvor meget (?:må|kan|ma) (?:jeg|man|han|hun|vi) tjene|tjene (?:lidt )?ved siden af|"
            r"how much (?:can|may) i earn|earn (?:a little )?on the side"
        ),
        "indtaegter-ved-siden-af",
    ),
    (
        re.compile(r"\bskat\b|\bskatten\b|beskat|\btax(?:ed|es)?\b"),
        "skat-og-pensionsopsparing",
    ),
    (
        re.compile(
            r"flytte til (?!en |et |ny)|bo i udlandet|bor i udlandet|i udlandet|"
            r"move (?:to|abroad|back to)|moving (?:to|abroad|back)|live abroad|living abroad|"
            r"br(?:ø|oe|o)kpension|fraction of (?:the |my )?pension|partial pension"
        ),
        "pension-og-udlandet",
    ),
    (
        re.compile(
            r"(?:bevise|dokumentere|prove|document|show) .{0,40}(?:arbejde|arbejdet|worked|years|"
            r"(?:å|aa)r\b)|l(?:ø|oe|o)nsedler|pay ?slips?"
        ),
        "beskaeftigelseskrav",
    ),
    (
        re.compile(
            r"aktindsigt|partsh(?:ø|oe|o)ring|bisidder|begrundelse|begrunde[ts]?\b|ikke hvorfor|"
            r"uden (?:at )?(?:forklare|begrunde)|forklare hvorfor|mine rettigheder|my rights|"
            r"explain why|without (?:a |any )?reason|see (?:my|the) (?:file|papers|case papers)"
        ),
        "dine-rettigheder-i-sagen",
    ),
    (
        re.compile(
            r"(?:ekstra|personligt|helbreds|varme) ?till(?:æ|ae)g|tilskud til (?:medicin|varme|briller)|"
            r"(?:help|money|supplement) (?:for|with|towards) (?:medicine|heating|glasses)|"
            r"extra (?:money|help|supplement)"
        ),
        "hvor-mange-penge",
    ),
)
# A pension paid as a fraction for years lived abroad ("31/40 af pensionen"): nothing else on the
# site is counted in fortieths, so this decides the answer.
FRACTION = re.compile(r"\b\d{1,2} ?/ ?40\b|\b\d{1,2} fortieths|\b\d{1,2} fyrretyvende")
FRACTION_ANSWER = "pension-og-udlandet"
# When the money comes, by the pension named: each answer on applying has a section on it.
WHEN_PAID = re.compile(
    r"hvorn(?:å|aa|a)r (?:får|far|faar|kommer|udbetales|ser) (?:jeg |man |vi )?(?:så |sa )?(?:de "
    r"første )?(?:pengene|penge|(?:folke)?pensionen|udbetaling)|hvorn(?:å|aa|a)r (?:bliver|begynder) "
    r"(?:den|pensionen|pengene) (?:udbetalt|at komme)|when (?:do|will|does) (?:i|we|the|my) "
    r"(?:get |receive )?(?:the |my )?(?:money|pension|first payment|payments?) ?(?:come|start|arrive)?"
)
WHEN_PAID_ANSWERS = {
    "foertidspension": "udbetaling-af-foertidspension",
    "seniorpension": "seniorpension-ansoegning",
    "tidlig_pension": "tidlig-pension",
    "folkepension": "folkepensionsalder",
}
# Working while on førtidspension ("can I keep working a few hours?"): the answer on income beside it.
WORK_BESIDE = re.compile(
    r"(?:keep|still|continue|carry on) (?:on )?working|work (?:a few|some|part[- ]time|\d+) hours|"
    r"work (?:a little|part[- ]time)|have a (?:small |part[- ]time )?job|arbejde (?:lidt|et par "
    r"timer|nogle timer|deltid|på deltid)|(?:må|ma|kan) (?:jeg|man) (?:stadig |godt |så |sa )?"
    r"arbejde|blive ved med at arbejde|(?:job|arbejde) ved siden af"
)
WORK_BESIDE_ANSWER = "indtaegter-ved-siden-af"
# Whether a førtidspension is for life or for some years.
DURATION = re.compile(
    r"p(?:å|a|aa) livstid|for life|resten af (?:mit |livet)|rest of my life|permanent|"
    r"tidsbegr(?:æ|ae)ns|midlertidig|temporar|ad gangen|for (?:a few|some) years|time[- ]limited"
)
DURATION_ANSWER = "midlertidig-foertidspension"
# What the Seniorpension unit weighs when it decides.
DECISION_BASIS = re.compile(
    r"l(?:æ|ae)gge[r]? (?:\w+ ){0,3}(?:vægt|vaegt) p(?:å|a)|hvad (?:indgår|indgaar|tæller|bygger)|\bweigh|"
    r"take into account|based on|look at when"
)
DECISION_BASIS_ANSWER = "seniorpension-beslutningsgrundlag"
# Residence and citizenship are among a pension's conditions.
RESIDENCE = re.compile(
    r"indf(?:ø|oe|o)dsret|statsborger|citizen|nationality|bop(?:æ|ae)l|\bresiden|opholdskrav|"
    r"boet i danmark|lived in denmark"
)
# Retiring because of illness, with no pension named: the overview of the health-based routes, not
# tidlig pension (where health plays no part).
BECAUSE_OF_ILLNESS = re.compile(
    r"(?:due to|because of|for) (?:my )?(?:illness|ill health|health|sickness|being ill)|"
    r"(?:pga\.?|på grund af|pa grund af) (?:min )?(?:sygdom|helbred|dårligt helbred)"
)
OVERVIEW_ANSWER = "hvilken-pension-kan-jeg-soege"
COMPLAINT = re.compile(
    r"(?:siger|sagt|sagde) nej|says no|said no|\bklag|\banke\b|\banket?\b|påklag|paaklag|uenig i|\bappeal|complain|challenge (?:it|that|the)"
)
COMPLAINT_ANSWERS = {"seniorpension": "seniorpension-afslag-og-klage"}
GENERAL_COMPLAINT_ANSWER = "klage-ankestyrelsen"


# "Where or how do I apply?", and "can I ask for a decision myself?": the answer on applying for
# the pension the message names.
APPLY = re.compile(
    r"hvor (?:søger|soger|soeger|ansøger|skal) (?:jeg|man|vi)(?: .{0,30})? (?:søge|soge|henne|hen)\b|"
    r"hvor (?:søger|soger|soeger|ansøger) (?:jeg|man|vi)\b|hvordan (?:søger|soger|soeger|ansøger) "
    r"(?:jeg|man|vi)|hvem skal (?:jeg|man) søge hos|selv (?:kræve|kraeve|bede om|søge|soge)|"
    r"(?:kræve|kraeve|bede om) en afgørelse|where (?:do|can|should|to) (?:i |we )?apply|"
    r"how (?:do|can|should|to) (?:i |we )?apply|apply .{0,30}myself|ask .{0,25}for a decision|"
    r"(?:send|submit) (?:an |my |the )?application (?:from|to)|(?:sende|indsende) (?:en |min )?"
    r"ans(?:ø|oe|o)gning (?:fra|til)"
)
APPLY_ANSWERS = {
    "foertidspension": "foertidspension-to-veje",
    "seniorpension": "seniorpension-ansoegning",
    "tidlig_pension": "tidlig-pension",
}
# "Which pension?", "what are my options?": the overview of the ways to stop working early.
OPTIONS = re.compile(
    r"hvilke[nt]? (?:pension|muligheder|valgmuligheder)|hvad (?:er mine|har jeg af) muligheder|"
    r"which (?:pension|options)|what (?:are my |other )?options|what pensions?\b"
)


# Money in the bank, an inheritance: whether it reduces førtidspension (pension savings are another
# answer's, with tax).
WEALTH = re.compile(
    r"(?<!pensions)opsparing|formue|penge i banken|arv\b|arven|(?<!pension )savings|inheritance|"
    r"money in the bank"
)
WEALTH_ANSWER = "formue-og-foertidspension"
# Money paid after an accident or an injury: the answer on compensation, even when it is now in the
# bank.
COMPENSATION = re.compile(
    r"erstatning|compensation|forsikringssum|forsikringsselskab|insurance (?:pay|money|company)"
)
COMPENSATION_ANSWER = "erstatning-og-foertidspension"


def intended_answers(lowered: str, named: set[str]) -> set[str]:
    """Answers a message's kind of question points to, whatever its other words."""
    intended: set[str] = set()
    if OPTIONS.search(lowered):
        return {OVERVIEW_ANSWER}
    if FRACTION.search(lowered):
        return {FRACTION_ANSWER}
    if HANDOFF.search(lowered) or CAN_I_GET.search(lowered):
        intended |= {CONDITIONS_ANSWERS[name] for name in named}
    if named <= {"foertidspension"} and COMPENSATION.search(lowered):
        intended.add(COMPENSATION_ANSWER)
    elif "foertidspension" in named and WEALTH.search(lowered):
        intended.add(WEALTH_ANSWER)
    if WHEN_PAID.search(lowered):
        # Naming no pension, each pension's answer on payment is a fair candidate (and the reply,
        # about one pension for a message that names none, is never sure).
        intended |= {WHEN_PAID_ANSWERS[name] for name in named} or set(WHEN_PAID_ANSWERS.values())
    if named <= {"foertidspension"} and WORK_BESIDE.search(lowered):
        intended.add(WORK_BESIDE_ANSWER)
    if "foertidspension" in named and DURATION.search(lowered):
        intended.add(DURATION_ANSWER)
    if "seniorpension" in named and DECISION_BASIS.search(lowered):
        intended.add(DECISION_BASIS_ANSWER)
    if RESIDENCE.search(lowered):
        intended |= {CONDITIONS_ANSWERS[name] for name in named - {"folkepension"}}
    if APPLY.search(lowered):
        intended |= {APPLY_ANSWERS[name] for name in named if name in APPLY_ANSWERS}
    if WHAT_IS.search(lowered):
        intended |= {INTRO_ANSWERS[name] for name in named}
    if CONTACT.search(lowered):
        intended.add(CONTACT_ANSWER)
    intended |= {answer for pattern, answer in INTENTS if pattern.search(lowered)}
    if (
        BECAUSE_OF_ILLNESS.search(lowered)
        and not (named - {"tidlig_pension"})
        and "efterl" not in lowered
    ):
        intended.add(OVERVIEW_ANSWER)
    if COMPLAINT.search(lowered):
        own = {COMPLAINT_ANSWERS[name] for name in named if name in COMPLAINT_ANSWERS}
        intended |= own or {GENERAL_COMPLAINT_ANSWER}
    return intended
