"""Questions about money: how much a pension pays, when it comes, income beside it, wealth and
an inheritance, compensation, and the lifelong ATP pension. Pure: patterns and the answers they
point to; `app/chat/intents.py` decides when each applies."""

from __future__ import annotations

import re

# "How much?": the answer on amounts, whatever pension is named (it has each one's rates).
AMOUNT = re.compile(
    r"hvor mange penge|hvor meget (?:får|far|faar|kommer|bliver|giver|udbetal)|hvor meget (?:kan|vil) (?:jeg|man|vi|han|hun) (?:få|fa|faa|regne)|hvad (?:får|far|faar|kan) (?:man|jeg|vi)"
    r" .{0,30}(?:om måneden|om maaneden|udbetalt|i alt)|\bbeløb|\bsatse[nr]?\b|"
    r"how much (?!tax|time)|what amount|how big is|(?<!\d )\b(?:per|a|each) month\b"
)
AMOUNT_ANSWER = "hvor-mange-penge"
# Supplements and help with glasses, medicine, the dentist or heating: the answer on amounts has them.
SUPPLEMENT = re.compile(
    r"(?:ekstra|personligt|helbreds|varme) ?till(?:æ|ae)g|tilskud til (?:medicin|varme|briller)|"
    r"(?:ekstra|tilskud|hj(?:æ|ae)lp|penge) (?:til|for) (?:tandl|briller|medicin|varme|fodpleje)|"
    r"(?:help|money|supplement) (?:for|with|towards) (?:medicine|heating|glasses)|"
    r"extra (?:money|help|supplement)|(?:briller|tandbehandling|tandlæge\w*|medicin|fodpleje)\b"
    r".{0,80}(?:hjælp|hjaelp|tilskud|støtte|ekstra|oven i)|(?:glasses|dental|dentist|medicine)\b"
    r".{0,80}(?:help|support|money|extra|on top)"
)

# When the money comes, by the pension named: each answer on applying has a section on it.
WHEN_PAID = re.compile(
    r"hvorn(?:å|aa|a)r (?:får|far|faar|kommer|udbetales|ser) (?:jeg |man |vi )?(?:så |sa )?(?:de "
    r"første )?(?:pengene|penge|(?:folke)?pensionen|udbetaling)|hvorn(?:å|aa|a)r (?:bliver|begynder) "
    r"(?:den|pensionen|pengene) (?:udbetalt|at komme)|when (?:do|will|does) (?:i|we|the|my) "
    r"(?:get |receive )?(?:the |my )?(?:money|pension|first payment|payments?) ?(?:come|start|arrive)?|"
    r"ikke (?:kommet|fået|faaet|set) (?:en krone|nogen penge|penge)|(?:no|not a) (?:money|penny|krone) "
    r"(?:yet|has come|came)|haven'?t (?:got|received|had) (?:any )?(?:money|payments?)"
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
    r"arbejde|blive ved med at arbejde|(?:job|arbejde) ved siden af|timer (?:om|i) ugen|"
    r"hours a week|krone for krone|tr(?:æ|ae)kker (?:de|man) det fra"
)
WORK_BESIDE_ANSWER = "indtaegter-ved-siden-af"
# Work or income while receiving a pension, said as such.
BESIDE_A_PENSION = re.compile(
    r"ved siden af|beside|alongside|on top of|while (?:on|receiving|getting)|mens jeg (?:får|er på)|"
    r"samtidig med|når jeg (?:får|er på) seniorpension"
)

# The lifelong ATP pension (not ATP as the authority behind Seniorpension, nor ATP payments as
# proof of years worked).
ATP_PENSION = re.compile(
    r"\b(?:min|mit|my|his|her|hans|hendes|sin|vores|our) atp\b|atp[- ](?:pension|livslang|livsvarig)|atp livs|livslang pension|"
    r"lifelong pension"
)
ATP_ANSWER = "skat-og-pensionsopsparing"
HOW_MUCH = re.compile(r"hvor (?:mange|meget)|how much|\bbeløb|\bkroner|\bkr\b|amount")

# Money in the bank, an inheritance: whether it reduces førtidspension (pension savings are another
# answer's, with tax).
WEALTH = re.compile(
    r"(?<!pensions)opsparing|formue|penge i banken|arv\b|arven|\barve[rt]?\b|arvede|(?<!pension )savings|"
    r"inherit|"
    r"money in the bank|vundet|gevinst|\blotto|lottery|\bwon\b"
)
WEALTH_ANSWER = "formue-og-foertidspension"
# Money paid after an accident or an injury: the answer on compensation, even when it is now in the
# bank.
COMPENSATION = re.compile(
    r"erstatning|compensation|forsikringssum|forsikringsselskab|insurance (?:pay|money|company)|"
    r"erhvervsevnetab|tab af erhvervsevne|loss[- ]of[- ]earning|payout from (?:my|an?) \w*[- ]?insurance|"
    r"insurance payout"
)
COMPENSATION_ANSWER = "erstatning-og-foertidspension"
