"""What kind of question a message asks (how much, how long, to complain, where to apply, which
pension, ...), and the answers those point to. Pure: no index, no storage."""

from __future__ import annotations

import re

from app.chat.case import (
    COMPLAINT,
    COMPLAINT_ANSWERS,
    GENERAL_COMPLAINT_ANSWER,
    LATE_DECISION,
    LATE_DECISION_ANSWER,
    MISSED_DEADLINE,
    REVOKE,
    REVOKE_ANSWER,
    TAKES_TOO_LONG,
    TAKES_TOO_LONG_ANSWER,
    WAITING_LONG,
)
from app.chat.handover import CAN_I_GET, HANDOFF
from app.chat.money import (
    AMOUNT,
    AMOUNT_ANSWER,
    ATP_ANSWER,
    ATP_PENSION,
    BESIDE_A_PENSION,
    COMPENSATION,
    COMPENSATION_ANSWER,
    HOW_MUCH,
    SUPPLEMENT,
    WEALTH,
    WEALTH_ANSWER,
    WHEN_PAID,
    WHEN_PAID_ANSWERS,
    WORK_BESIDE,
    WORK_BESIDE_ANSWER,
)
from app.chat.seniorpension import (
    DECISION_BASIS,
    DECISION_BASIS_ANSWER,
    EARLY_SENIORPENSION_YEAR,
    EMPLOYMENT_REQUIREMENT_ANSWER,
    LAST_JOB,
    LAST_JOB_ANSWER,
    MUNICIPALITY_ANSWER,
    MUNICIPALITY_PAPERS,
    TRANSITION_ANSWER,
    WHO_DECIDES,
    YEARS_WORKED,
)

# Employment law (notice, dismissal, being made to retire): a question for a union, not for this
# site, whatever pension or age the message names.
EMPLOYMENT_LAW = re.compile(
    r"(?:arbejdsgiver|employer|chef\b|boss)\w* .{0,40}(?:tvinge|fyre|afskedige|sige mig op|force|"
    r"fire|dismiss|sack|make me)"
)
CONTACT = re.compile(
    r"hvor (?:kan jeg |skal jeg )?ringe|hvem kan (?:jeg|vi) (?:ringe|tale|snakke)|hvor ringer|telefonnummer|"
    r"hvor (?:kan|får) (?:jeg|vi|man) (?:råd|hjælp|rådgivning)|who (?:can|do) i (?:call|talk)|"
    r"where (?:can|do) i (?:get|find) (?:advice|help)|phone number|^\W*r(?:å|aa|a)dgivning\W*$|"
    r"gratis (?:hjælp|hjaelp|rådgivning|raadgivning|advokat)|hjælpe mig gratis|uvildig|"
    r"(?:help|advise) me for free|free (?:help|advice|legal)|^\W*advice\W*$",
)
CONTACT_ANSWER = "kontakt-og-raadgivning"
# Asking the site itself to decide: it cannot, and the answer on advice says who decides and who
# can help. This decides the answer whatever else the message shares words with.
SITE_DECIDES = re.compile(
    r"(?:kan|må|ma) (?:i|siden|hjemmesiden|du) .{0,30}(?:afgøre|afgore|afgoere|bestemme)|"
    r"can (?:you|this site|the site|this website) (?:\w+ ){0,2}decide"
)
WHAT_IS = re.compile(
    r"hvad (?:er|betyder) (?:det|den|en|egentlig)?|hvad går .{0,40} ud på|hvad handler .{0,40} om|"
    r"what (?:exactly )?is|what does .{0,40} mean|what'?s .{0,20}(?:senior|pension)|"
    r"(?:something|noget) (?:called|der hedder)|\bmeaning\b|\bbetydning\b|hvad hedder|"
    r"findes der (?:en|nogen) (?:\w+ )?pension|is there (?:a|any) (?:\w+ )?pension|"
    r"what is it called|what'?s it called",
)


# The answer with each pension's introduction, and the one with its conditions.
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


# What to write in an application or a letter to the municipality.
WHAT_TO_WRITE = re.compile(
    r"hvad skal (?:jeg|man|der) (?:skrive|stå|staa)|hvordan (?:skriver|formulerer) (?:jeg|man)"
    r"(?! (?:mig|sig) op)|"
    r"hvad (?:jeg|man) (?:kan|skal) skrive|eksempel p(?:å|aa|a) (?:en )?(?:ans(?:ø|oe|o)gning|klage|"
    r"brev)|hvad der skal (?:stå|staa|skrives)|example of (?:a |an )?(?:\w+ )?(?:letter|complaint)|"
    # sending the papers safely
    r"(?:almindelig|normal) (?:e-?)?mail|ordinary e-?mail|sikker (?:post|mail)|"
    r"what (?:can|should) i write|example (?:of|for) (?:an |my )?application|"
    r"formulere[r]? (?:jeg|mig|det|brevet|ansøgningen)|hvordan (?:kan|skal) (?:jeg|man|hun|han|"
    r"vi) formulere|what (?:should|do) i (?:write|put)|how (?:do|should|can) (?:i|she|he|we) "
    r"word"
)
# Help with the rent: the answer on housing benefit, which is about førtidspension.
HOUSING = re.compile(
    r"boligst(?:ø|oe|o)tte|boligsikring|boligydelse|husleje|help with (?:the |my )?rent|"
    r"housing benefit|rent (?:allowance|subsidy|support)"
)
HOUSING_ANSWER = "boligstoette-foertidspension"
TAX_ANSWER = "skat-og-pensionsopsparing"
AFTER_TAX = re.compile(r"(?:efter|før|foer|for) skat|(?:after|before) tax")
# Answers to what a "can I get it?" asks about the pension, rather than whether one can.
ASKED_BESIDE_CONDITIONS = {"pension-og-udlandet", AMOUNT_ANSWER}
# Questions whose answer is one page whatever benefit they name: what the citizen wants to know
# (how much, how long, to complain, ...) decides the answer more than the benefit does.
INTENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (AMOUNT, AMOUNT_ANSWER),
    (
        re.compile(
            r"hvor (?:lang tid|længe|laenge) .{0,40}(?:svar|afgør|afgor|behandl|vente|være om|"
            r"vaere om|tage)|sagsbehandlingstid|how long .{0,50}(?:decid|take|wait|answer)|"
            r"waiting (?:time|for (?:a|the) decision)"
        ),
        "sagsbehandlingstid-og-forsoergelse",
    ),
    (WHAT_TO_WRITE, "hvad-skal-der-staa-i-ansoegningen"),
    (
        re.compile(
            r"hvor meget (?:må|kan|ma) (?:jeg|man|han|hun|vi) tjene|tjene (?:lidt )?ved siden af|"
            r"how much (?:can|may) i earn|earn(?:ing)? (?:a (?:little|bit) )?(?:on the side|extra)|"
            r"tjene[r]? (?:lidt|noget) (?:ved siden af|ekstra)"
        ),
        "indtaegter-ved-siden-af",
    ),
    (
        # A severance payment: what counts as personal income, not wealth.
        re.compile(r"fratr(?:æ|ae|a)delses|severance|fratr(?:æ|ae|a)delsesgodtg"),
        "personlig-indkomst",
    ),
    (
        re.compile(r"\bskat\b|\bskatten\b|beskat|\btax(?:ed|es)?\b"),
        TAX_ANSWER,
    ),
    (
        re.compile(
            r"flytte[r]? (?:hjem )?til (?!en |et |ny)|bo i udlandet|bor i udlandet|i udlandet|"
            # living in one of the countries Danes most often retire to or come from
            r"(?:bor|bo|boede|bosat|bosætte mig) i (?:spanien|portugal|thailand|tyskland|sverige|norge|"
            r"polen|tyrkiet|frankrig|italien|grækenland|england|usa|filippinerne|holland|"
            r"cypern|bulgarien|rumænien|litauen|letland|ukraine|pakistan|irak|iran|libanon|bosnien|"
            r"serbien|kroatien|marokko|somalia|vietnam|kina|indien)\b|"
            r"move (?:to|abroad|back to)|moving (?:to|abroad|back)|live abroad|living abroad|"
            r"(?:live|living|stay|staying) in (?!denmark\b|a |an |the |my |our |this )[a-z]|"
            r"gr(?:ø|oe|o)nland|greenland|f(?:æ|ae|a)r(?:ø|oe|o)erne|faroe|leveattest|life certificate|"
            r"(?:go|going|travel|travell?ing|fly|flying) (?:to|abroad)\b.{0,40}(?:for \d+|months?|weeks?)|"
            r"overvintre|vinteren i|"
            r"br(?:ø|oe|o)kpension|fraction of (?:the |my )?pension|partial pension|"
            # not the full pension: years lived abroad
            r"(?:get|receive) the full (?:folke|state )?pension|full (?:folke|state )pension|"
            r"fuld (?:folke|førtids)pension|hele (?:folke|førtids)pensionen"
        ),
        "pension-og-udlandet",
    ),
    (
        re.compile(
            r"(?:bevise|dokumentere|vise|viser|prove|document|show) .{0,40}(?:arbejde|arbejdet|worked|years|"
            r"(?:å|aa)r\b)|l(?:ø|oe|o)nsedler|pay ?slips?"
        ),
        "beskaeftigelseskrav",
    ),
    (
        re.compile(
            r"aktindsigt|partsh(?:ø|oe|o)ring|bisidder|begrundelse|begrunde[ts]?\b|ikke hvorfor|"
            r"uden (?:at )?(?:forklare|begrunde)|forklare hvorfor|mine rettigheder|my rights|"
            r"explain why|without (?:a |any )?reason|see (?:my|the) (?:file|papers|case papers)|"
            r"(?:tage|have|komme) (?:en|nogen) med|med til (?:samtale|m(?:ø|oe|o)de)|"
            r"st(?:ø|oe|o)tteperson|tale for mig|do the talking|speak for me|talk for me|"
            r"(?:bring|take) (?:someone|somebody|a friend|"
            r"a relative)|someone (?:with|along)"
        ),
        "dine-rettigheder-i-sagen",
    ),
    (SUPPLEMENT, AMOUNT_ANSWER),
    (
        # The old pension for those a few years from folkepension, replaced by seniorpension.
        re.compile(
            r"seniorf(?:ø|oe|o)rtids|senior early|old senior|(?:5|fem) (?:år|aar|ar|years) "
            r"(?:fra|før|foer|from|before) (?:folkepension|state pension)"
        ),
        "seniorfoertidspension",
    ),
)
# A pension paid as a fraction for years lived abroad ("31/40 af pensionen"): nothing else on the
# site is counted in fortieths, so this decides the answer.
FRACTION = re.compile(r"\b\d{1,2} ?/ ?40\b|\b\d{1,2} fortieths|\b\d{1,2} fyrretyvende")
FRACTION_ANSWER = "pension-og-udlandet"
# Whether a førtidspension is for life or for some years.
DURATION = re.compile(
    r"p(?:å|a|aa) livstid|for life|resten af (?:mit |livet)|rest of my life|permanent|"
    r"tidsbegr(?:æ|ae)ns|midlertidig|temporar|ad gangen|for (?:a few|some) years|time[- ]limited"
)
DURATION_ANSWER = "midlertidig-foertidspension"
# Reaching folkepension age while on førtidspension.
REACHING_PENSION_AGE = re.compile(
    r"(?:bliver|fylder|når|naar|turn|reach|am) (?:6[5-9]|70)\b|folkepensionsalder|state pension age|"
    r"pension age"
)
TO_FOLKEPENSION_ANSWER = "fra-foertidspension-til-folkepension"
# Residence and citizenship are among a pension's conditions.
RESIDENCE = re.compile(
    r"indf(?:ø|oe|o)dsret|statsborger|citizen|nationality|bop(?:æ|ae)l|\bresiden|opholdskrav|"
    r"boet i danmark|lived in denmark"
)
# The steps on the way to a pension, by name: "what is jobafklaring?", and with no pension named,
# the answer on that step.
STEP_ANSWERS: dict[re.Pattern[str], str] = {
    re.compile(r"jobafklaring|sygedagpeng|sick(?:ness)? benefit"): "sygedagpenge-og-jobafklaring",
    re.compile(r"ressourceforl|resource (?:course|programme|program)"): "ressourceforloeb-krav",
    re.compile(
        r"arbejdspr(?:ø|oe|o)vning|work (?:test|trial)|\bpraktik|work placement|internship"
    ): "arbejdsproevning",
    re.compile(
        r"rehabiliteringsteam|rehabilitation team|rehab\.? ?team|rehab\.? ?plan|rehabiliteringsplan"
    ): "rehabiliteringsteam-undtagelser",
    re.compile(r"fleks ?job|flex ?job"): "fleksjob",
}
# A step asked about as a condition ("must I do a work trial again before I can get it?"): the
# step's answer, not the pension's conditions.
STEP_FIRST = re.compile(
    r"\bigen\b|endnu en gang|\bf(?:ø|oe|o)rst\b|skal jeg virkelig|(?:før|foer|for) (?:jeg|man) kan|"
    r"\bagain\b|\bfirst\b|before i (?:can|could)|do i (?:really )?have to|\bmust i\b"
)
# Retiring because of illness, with no pension named: the overview of the health-based routes, not
# tidlig pension (where health plays no part).
BECAUSE_OF_ILLNESS = re.compile(
    r"(?:due to|because of|for) (?:my )?(?:illness|ill health|health|sickness|being ill)|"
    r"(?:pga\.?|på grund af|pa grund af) (?:min )?(?:sygdom|helbred|dårligt helbred)"
)
OVERVIEW_ANSWER = "hvilken-pension-kan-jeg-soege"


# "Where or how do I apply?", and "can I ask for a decision myself?": the answer on applying for
# the pension the message names.
APPLY = re.compile(
    r"hvor (?:søger|soger|soeger|ansøger|skal) (?:jeg|man|vi)(?: .{0,30})? (?:søge|soge|henne|hen)\b|"
    r"hvor (?:søger|soger|soeger|ansøger) (?:jeg|man|vi)\b|hvordan (?:søger|soger|soeger|ansøger) "
    r"(?:jeg|man|vi)|hvem skal (?:jeg|man) søge hos|selv (?:kræve|kraeve|bede om|søge|soge)|"
    r"(?:kræve|kraeve|bede om) en afgørelse|where (?:do|can|should|to) (?:i |we )?apply|"
    r"how (?:do|can|should|to) (?:i |we )?apply|apply .{0,30}myself|ask .{0,25}for a decision|"
    r"(?:send|submit) (?:an |my |the )?application (?:from|to)|(?:sende|indsende) (?:en |min )?"
    r"ans(?:ø|oe|o)gning (?:fra|til)|hvorn(?:å|aa|a)r skal (?:jeg|man) (?:søge|soge|soege)|"
    r"when (?:should|do|must) i apply"
)
APPLY_ANSWERS = {
    "foertidspension": "foertidspension-to-veje",
    "seniorpension": "seniorpension-ansoegning",
    "tidlig_pension": "tidlig-pension",
}
# "Which pension?", "what are my options?": the overview of the ways to stop working early.
OPTIONS = re.compile(
    r"hvilke[nt]? (?:pension|muligheder|valgmuligheder)|hvad (?:er mine|har jeg af) muligheder|"
    r"which (?:pension|options)|what (?:are my |other )?options|what pensions?\b|"
    r"pensionstyper|pensionsformer|(?:typer|slags|former) (?:af )?pension|(?:types|kinds) of pensions?"
)
# "What is the difference between seniorpension and førtidspension?" is the overview too; the
# difference between two ways of applying for one pension is not.
DIFFERENCE = re.compile(
    r"forskel(?:len)? (?:på|paa|pa|mellem)|difference between|(?:the )?same (?:thing )?as|"
    r"(?:det )?samme (?:som|ting som)"
)
# Efterløn against the pensions is its own answer.
EFTERLOEN_CHOICE_ANSWER = "efterloen-seniorpension-eller-tidlig-pension"


def asks_for_options(lowered: str, named: set[str]) -> bool:
    """ "Which pension?", or the difference between two pensions (or efterløn and one)."""
    return bool(OPTIONS.search(lowered)) or bool(
        DIFFERENCE.search(lowered) and (len(named) >= 2 or "efterl" in lowered)
    )


def asks_something_else(lowered: str, named: set[str]) -> bool:
    """Whether a message that gives an age and names folkepension asks something other than when
    it comes: how much, extra help, years abroad ("I'm 69 and live on my folkepension; can I get
    help with glasses?"). Then the date is not the reply."""
    about_the_date = {INTRO_ANSWERS["folkepension"], TO_FOLKEPENSION_ANSWER}
    return bool(intended_answers(lowered, named) - about_the_date)


def intended_answers(lowered: str, named: set[str]) -> set[str]:
    """Answers a message's kind of question points to, whatever its other words."""
    intended: set[str] = set()
    if SITE_DECIDES.search(lowered):
        return {CONTACT_ANSWER}
    if asks_for_options(lowered, named):
        return {EFTERLOEN_CHOICE_ANSWER if "efterl" in lowered else OVERVIEW_ANSWER}
    if FRACTION.search(lowered):
        return {FRACTION_ANSWER}
    # "Can I get X?": X's conditions, unless the message asks about something else to get
    # (added at the end).
    whether: set[str] = set()
    if HANDOFF.search(lowered) or CAN_I_GET.search(lowered):
        whether = {CONDITIONS_ANSWERS[name] for name in named}
    if named <= {"foertidspension"} and COMPENSATION.search(lowered):
        intended.add(COMPENSATION_ANSWER)
    elif "foertidspension" in named and WEALTH.search(lowered):
        intended.add(WEALTH_ANSWER)
    if WHEN_PAID.search(lowered):
        # Naming no pension, each pension's answer on payment is a fair candidate (and the reply,
        # about one pension for a message that names none, is never sure).
        intended |= {WHEN_PAID_ANSWERS[name] for name in named} or set(WHEN_PAID_ANSWERS.values())
    if named <= {"foertidspension"} and WORK_BESIDE.search(lowered) and "fleks" not in lowered:
        intended.add(WORK_BESIDE_ANSWER)
    elif named == {"seniorpension"} and BESIDE_A_PENSION.search(lowered):
        # The same rules as for førtidspension; hours one can work are a condition, not this.
        intended.add(WORK_BESIDE_ANSWER)
    if "foertidspension" in named and DURATION.search(lowered):
        intended.add(DURATION_ANSWER)
    if "seniorpension" in named and DECISION_BASIS.search(lowered):
        intended.add(DECISION_BASIS_ANSWER)
    if "seniorpension" in named and LAST_JOB.search(lowered):
        intended.add(LAST_JOB_ANSWER)
    if named == {"seniorpension"} and YEARS_WORKED.search(lowered):
        intended.add(EMPLOYMENT_REQUIREMENT_ANSWER)
    if "seniorpension" in named and MUNICIPALITY_PAPERS.search(lowered):
        intended.add(MUNICIPALITY_ANSWER)
    if (
        "seniorpension" in named
        and EARLY_SENIORPENSION_YEAR.search(lowered)
        and (COMPLAINT.search(lowered) or "kommune" in lowered)
    ):
        intended.add(TRANSITION_ANSWER)
    if ATP_PENSION.search(lowered) and not HOW_MUCH.search(lowered):
        intended.add(ATP_ANSWER)  # what it is and when it comes; its amount is ATP's to say
    if "seniorpension" in named and WHO_DECIDES.search(lowered):
        intended.add(INTRO_ANSWERS["seniorpension"])
    if named <= {"foertidspension"} and REVOKE.search(lowered):
        intended.add(REVOKE_ANSWER)
    if ("foertidspension" in named and LATE_DECISION.search(lowered)) or (
        named <= {"foertidspension"} and MISSED_DEADLINE.search(lowered)
    ):
        intended.add(LATE_DECISION_ANSWER)
    if "foertidspension" in named and (
        "folkepension" in named or REACHING_PENSION_AGE.search(lowered)
    ):
        intended.add(TO_FOLKEPENSION_ANSWER)
    if RESIDENCE.search(lowered):
        intended |= {CONDITIONS_ANSWERS[name] for name in named - {"folkepension"}}
    if APPLY.search(lowered):
        intended |= {APPLY_ANSWERS[name] for name in named if name in APPLY_ANSWERS}
        if named == {"folkepension"}:
            # Folkepension alone: the answer on its age says whether and when to apply (someone
            # on another pension is moved to folkepension, and that answer is another's).
            intended.add(INTRO_ANSWERS["folkepension"])
    asks_what = bool(WHAT_IS.search(lowered))
    if asks_what:
        intended |= {INTRO_ANSWERS[name] for name in named}
    steps = {answer for pattern, answer in STEP_ANSWERS.items() if pattern.search(lowered)}
    one_step = len(steps) == 1  # one step named: that is the topic
    if one_step and (not named or asks_what) and not WHAT_TO_WRITE.search(lowered):
        # (What to write is the question even when a step is where the citizen is now.)
        intended |= steps
    elif one_step and named <= {"foertidspension"} and STEP_FIRST.search(lowered):
        whether.discard(CONDITIONS_ANSWERS["foertidspension"])
        intended |= steps
    if CONTACT.search(lowered):
        intended.add(CONTACT_ANSWER)
    intended |= {answer for pattern, answer in INTENTS if pattern.search(lowered)}
    if "seniorpension" in named and steps == {"arbejdsproevning"}:
        # A work trial for seniorpension: there is none, as the answer on work capacity says.
        intended.add(LAST_JOB_ANSWER)
    if named <= {"foertidspension"} and HOUSING.search(lowered):
        intended.add(HOUSING_ANSWER)
    if AMOUNT.search(lowered) and AFTER_TAX.search(lowered):
        intended.discard(TAX_ANSWER)  # how much, after tax: the amount is the question
    if not (SUPPLEMENT.search(lowered) or intended & ASKED_BESIDE_CONDITIONS):
        # ("Can she get help with glasses?", "can I get it if I live in Thailand?", "how much can
        # I get?" ask about that, not about the pension's conditions.)
        intended |= whether
    if one_step and not named:
        intended.discard(AMOUNT_ANSWER)  # how much one gets during that step: the step's answer
    if (
        BECAUSE_OF_ILLNESS.search(lowered)
        and not (named - {"tidlig_pension"})
        and "efterl" not in lowered
    ):
        intended.add(OVERVIEW_ANSWER)
    if WAITING_LONG.search(lowered) or (
        COMPLAINT.search(lowered) and TAKES_TOO_LONG.search(lowered)
    ):
        intended.add(TAKES_TOO_LONG_ANSWER)  # not the decision: the case time
    elif COMPLAINT.search(lowered) and not WHAT_TO_WRITE.search(lowered):
        # (A complaint one asks how to write is a question of writing.)
        own = {COMPLAINT_ANSWERS[name] for name in named if name in COMPLAINT_ANSWERS}
        intended |= own or {GENERAL_COMPLAINT_ANSWER}
    return intended
