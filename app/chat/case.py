"""Questions about one's own case: a complaint, a case that takes too long, a decision that came
late, losing a pension that was granted. Pure: patterns and the answers they point to;
`app/chat/intents.py` decides when each applies."""

from __future__ import annotations

import re

# Losing a førtidspension that was granted.
REVOKE = re.compile(
    r"frakend|fratag|sige (?:min |sin )?\w*pension(?:en)? op|opsige (?:min )?\w*pension|frasige|"
    r"give up (?:my |the )?pension|tage[r]? (?:\w+ ){0,2}fra (?:mig|hende|ham|os)|take (?:\w+ ){0,2}away from "
    r"(?:me|her|him|us)|take away (?:my|her|his)|"
    r"lose my (?:disability )?pension"
)
REVOKE_ANSWER = "genoptagelse-og-frakendelse"
# A decision that came after its deadline: from when the pension is paid.
LATE_DECISION = re.compile(
    r"efter (?:deres |kommunens )?frist(?:en)?|after (?:the|their) deadline|too late|earlier date|"
    r"tidligere dato|for sent"
)
# The same, said so plainly that no pension needs to be named.
MISSED_DEADLINE = re.compile(r"overskred(?:et)? fristen|missed the deadline|efterbetal|back ?pay")
LATE_DECISION_ANSWER = "udbetaling-af-foertidspension"

# A complaint that a case takes too long: the answer on case time says what to do.
TAKES_TOO_LONG = re.compile(
    r"tager (?:så |saa |sa )?(?:lang tid|længe|laenge)|trækker ud|traekker ud|over et (?:år|aar|ar)|"
    r"takes? (?:so |too )?long|dragging on|for over a year"
)
# Waiting long for a decision, said without the word complaint: the answer on case time too.
WAITING_LONG = re.compile(
    r"\bslow\b|langsom|sløv|\bsloev|(?:nothing|intet|ingenting) (?:happens|sker)|"
    r"sker (?:der )?(?:intet|ingenting|ikke noget)|uden at der sker|min sag liggende|"
    r"(?:sag|ansøgning)\w* (?:\w+ ){0,3}(?:har )?ligget|"
    r"(?:ventet|waited|been waiting) (?:på svar|for an? "
    r"(?:answer|decision))?.{0,50}(?:\d+|mange|flere|many|several) (?:måneder|maaneder|uger|år|aar|"
    r"months|weeks|years)"
)
TAKES_TOO_LONG_ANSWER = "sagsbehandlingstid-og-forsoergelse"

COMPLAINT = re.compile(
    r"(?:siger|sagt|sagde) nej|says no|said no|(?:fået|faaet|fik|fåt) (?:et )?(?:afslag|nej)|"
    r"(?:got|received|had) (?:a )?(?:no|refusal|rejection)|\bklag|\banke\b|\banket?\b|påklag|paaklag|uenig i|\bappeal|complain|challenge (?:it|that|the)"
)
COMPLAINT_ANSWERS = {"seniorpension": "seniorpension-afslag-og-klage"}
GENERAL_COMPLAINT_ANSWER = "klage-ankestyrelsen"
