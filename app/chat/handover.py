"""Messages that the questionnaire or a computed date answers better than an answer page: which
pension can I get, do I meet the conditions, can I stop early, when can I retire. Pure."""

from __future__ import annotations

import re

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
    r"hvordan (?:får|faar|far) (?:man|jeg|hun|han)\b|"
    r"tror du (?:jeg|han|hun)|hvem kan (?:få|faa|fa|søge|soege)|who (?:can|may) (?:get|apply)|"
    r"could i (?:get|qualify)|can i (?:get|qualify|apply)|do i qualify|would i qualify|"
    r"har (?:jeg|han|hun) ret til|er (?:jeg|han|hun) berettiget|do i have (?:the |a )?right to|"
    r"(?:man|jeg|han|hun) kan (?:få|faa|fa) (?:tilkendt )?|hvad skal der (?:egentlig )?til|"
    r"what does it take",
)
# Leaving work early without naming a pension, or asking what one can do: with an age, the
# questionnaire says which route fits.
EARLY_EXIT = re.compile(
    r"hvad? kan (?:jeg|han|hun|vi|man) (?:overhovedet |egentlig |så |sa )?(?:gøre|gore|goere|søge|"
    r"soge|soege|få|faa|fa)\b|hvad? ka(?:n)? (?:jeg|æ) (?:søg|søge|sog|soge)\b|hvad er mine muligheder|what can (?:she|he) apply for|"
    r"what can i do|tidligst (?:stoppe|holde op|gå på pension|ga pa pension)|"
    r"hvad (?:gør|gor|goer) jeg\b|hvad skal jeg (?:gøre|gore|goere)|what (?:do|should) i do|"
    r"kan ikke (?:mere|klare mere|holde til mere)|can'?t (?:go on|take (?:it|any) ?more|do it any ?more)|"
    r"hvorn(?:å|aa|a)r kan (?:jeg|han|hun) (?:stoppe|holde op)|earliest i can (?:stop|retire)|"
    r"when can i stop|(?:nogen|noget) (?:form for |slags )?pension|any (?:kind of |sort of )?pension|"
    r"what are my options|can i (?:stop|quit)\b|kan jeg (?:stoppe|holde op)|"
    r"pension (?:før|for|foer) tid|(?:før|for|foer) tiden|tidligere på pension|stoppe (?:med at "
    r"arbejde )?(?:lidt )?(?:før|tidligere)|early pension|retire early|stop working (?:early|before)|"
    r"pension early|(?:gå|ga|gaa) p(?:å|a|aa) pension nu|retire now|stop working now"
)

# Asking when one can retire (with an age or a birth date, a computed date answers), and naming
# seniorpension (with a birth date, its first possible day).
RETIREMENT = re.compile(
    r"folkepension|pensionsalder|gå på pension|ga pa pension|gaa paa pension|går på pension|"
    r"retire|state pension|pension age|pensionable|hvornår kan jeg|when can i|hvornaar",
)
SENIOR = re.compile(r"seniorpension|senior pension")
# Someone who already lives on folkepension: the questionnaire has nothing more to say to them.
ON_FOLKEPENSION = re.compile(
    r"(?:lever (?:kun )?af|(?:jeg|han|hun|vi) får|(?:jeg|han|hun|vi) faar|(?:er|været) på) "
    r"(?:min |sin |hans |hendes )?folkepension|folkepensionist|(?:i'?m|i am|she'?s|he'?s|we'?re) "
    r"(?:already )?on (?:my |the |his |her )?(?:folkepension|state pension)|(?:live|living) (?:only )?"
    r"on (?:my |the |his |her )?(?:folkepension|state pension)"
)
